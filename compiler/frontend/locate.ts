// Where a construct of a jitted function is in the user's own file. V8 only has the transpiled
// text (`fn.toString()`: types and comments gone, whitespace rewritten), so the function is found
// again in the file that called jit(): the candidate whose syntax tree, types left out, equals the
// transpiled one; a node is mapped to the node at the same place in the original's tree.
// deno-lint-ignore no-import-prefix
import type * as TS from "npm:typescript@5.9.3";
import type { Range, SourceInfo } from "../diagnostics.ts";
import { typescript } from "./typescript.ts";
import { arrayType } from "../types/types.ts";

/** A position in the user's file (1-based line and column). */
export interface Located {
  file: string;
  line: number;
  column: number;
  /** the whole line, as written */
  lineText: string;
  /** how many characters of that line the construct covers */
  width: number;
  /** the function's name where it is bound: `const step = jit((…) => …)` gives "step" */
  name?: string;
}

interface Item {
  kind: number;
  start: number;
  end: number;
  id?: string;
}

type FunctionNode =
  | TS.ArrowFunction
  | TS.FunctionExpression
  | TS.FunctionDeclaration
  | TS.MethodDeclaration;

/** A function's nodes in source order, without what type stripping removes. */
function flatten(ts: typeof TS, root: TS.Node, sf: TS.SourceFile, shift: number): Item[] {
  const out: Item[] = [{ kind: -1, start: root.getStart(sf) - shift, end: root.getEnd() - shift }];
  const visit = (n: TS.Node): void => {
    if (ts.isTypeNode(n) || ts.isTypeParameterDeclaration(n)) return;
    // transparent: type assertions, and parentheses (type stripping may drop or keep them)
    if (
      ts.isAsExpression(n) || ts.isSatisfiesExpression(n) || ts.isNonNullExpression(n) ||
      ts.isTypeAssertionExpression(n) || ts.isParenthesizedExpression(n)
    ) {
      return visit(n.expression);
    }
    const k = n.kind;
    if (
      (k === ts.SyntaxKind.QuestionToken || k === ts.SyntaxKind.ExclamationToken) &&
      (ts.isParameter(n.parent) || ts.isVariableDeclaration(n.parent))
    ) return;
    if (ts.isParameter(n) && ts.isIdentifier(n.name) && n.name.text === "this") return;
    // `export` and `export default` are the module's, not part of the function's text
    if (k === ts.SyntaxKind.ExportKeyword || k === ts.SyntaxKind.DefaultKeyword) return;
    const id = ts.isIdentifier(n) || ts.isNumericLiteral(n) || ts.isStringLiteral(n)
      ? n.text
      : undefined;
    out.push({ kind: k, start: n.getStart(sf) - shift, end: n.getEnd() - shift, id });
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(root, visit);
  return out;
}

const same = (a: Item[], b: Item[]) =>
  a.length === b.length && a.every((x, i) => i === 0 || (x.kind === b[i].kind && x.id === b[i].id));

/** A module's text, parsed, with its functions. */
export interface ParsedFile {
  text: string;
  sf: TS.SourceFile;
  functions: FunctionNode[];
}

const files = new Map<string, ParsedFile | null>();

/** A module file, parsed once; null when it cannot be read. */
export function parseFile(ts: typeof TS, file: string): ParsedFile | null {
  if (files.has(file)) return files.get(file)!;
  let parsed: ParsedFile | null = null;
  try {
    const text = Deno.readTextFileSync(file);
    const kind = /\.[cm]?jsx?$/.test(file)
      ? ts.ScriptKind.JSX
      : /x$/.test(file)
      ? ts.ScriptKind.TSX
      : ts.ScriptKind.TS;
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
    const functions: FunctionNode[] = [];
    const visit = (n: TS.Node): void => {
      if (
        ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isFunctionDeclaration(n) ||
        ts.isMethodDeclaration(n)
      ) functions.push(n);
      ts.forEachChild(n, visit);
    };
    visit(sf);
    parsed = { text, sf, functions };
  } catch { /* not readable (no --allow-read, eval, REPL): the function's own text is shown */ }
  files.set(file, parsed);
  return parsed;
}

/** The name a function is bound to: its own, or the variable or property it is assigned to. */
function bindingName(ts: typeof TS, fn: TS.Node): string | undefined {
  const own = (fn as FunctionNode).name;
  if (own && (ts.isIdentifier(own) || ts.isStringLiteral(own))) return own.text;
  for (let n: TS.Node = fn; n.parent; n = n.parent) {
    const p = n.parent;
    if (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p)) {
      return ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : undefined;
    }
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      return p.left.getText();
    }
    // through `jit(fn, options)`, parentheses and `as`: `const step = jit((…) => …)`
    const through = ts.isCallExpression(p) || ts.isParenthesizedExpression(p) ||
      ts.isAsExpression(p) || ts.isSatisfiesExpression(p);
    if (!through) return undefined;
  }
  return undefined;
}

/** "path:line:col" (the jit() call site) split; undefined without a file. */
function callSite(origin: string | undefined) {
  const m = origin?.match(/^(.*):(\d+):(\d+)$/);
  return m ? { file: m[1], line: Number(m[2]), column: Number(m[3]) } : undefined;
}

const memo = new Map<string, Located | null>();

/**
 * Where `range` of the function's transpiled source is in the file jit() was called from, or
 * undefined when that file cannot be read or does not contain the function.
 */
export function locate(src: SourceInfo, range: Range): Located | undefined {
  const site = callSite(src.origin);
  if (!site) return undefined;
  const key = JSON.stringify([src.origin, src.source, range.start, range.end]);
  if (!memo.has(key)) memo.set(key, find(src, range, site) ?? null);
  return memo.get(key) ?? undefined;
}

/** The syntax tree of a function's transpiled text as parseFunction reads it (`(${source})`). */
function transpiledItems(ts: typeof TS, source: string): Item[] | undefined {
  const jsSf = ts.createSourceFile("f.js", `(${source})`, ts.ScriptTarget.Latest, true);
  let root: TS.Node | undefined = jsSf.statements[0];
  if (root && ts.isExpressionStatement(root)) root = root.expression;
  while (root && ts.isParenthesizedExpression(root)) root = root.expression;
  return root && flatten(ts, root, jsSf, 1);
}

/**
 * True when `fn` (a function in `sf`) is the one whose transpiled text is `source`: the same
 * syntax tree, types left out.
 */
export function isSameFunction(source: string, fn: TS.Node, sf: TS.SourceFile): boolean {
  const ts = typescript();
  const js = transpiledItems(ts, source);
  return !!js && same(js, flatten(ts, fn, sf, 0));
}

interface Found {
  ts: typeof TS;
  file: ParsedFile;
  fn: FunctionNode;
  /** the transpiled function's nodes, and the original's, in the same order */
  js: Item[];
  items: Item[];
  /** the file it is in */
  path: string;
}

/** The function in the file jit() was called from, whose tree equals the transpiled one. */
function findFunction(
  src: SourceInfo,
  site: { file: string; line: number; column: number },
): Found | undefined {
  const ts = typescript();
  const file = parseFile(ts, site.file);
  if (!file) return undefined;
  // The transpiled text as parseFunction read it: `(${source})`, offsets shifted by one.
  const js = transpiledItems(ts, src.source);
  if (!js) return undefined;
  const sitePos = file.sf.getPositionOfLineAndCharacter(site.line - 1, site.column - 1);
  let best: (Found & { distance: number }) | undefined;
  for (const fn of file.functions) {
    const items = flatten(ts, fn, file.sf, 0);
    if (!same(js, items)) continue;
    const distance = fn.pos <= sitePos && sitePos <= fn.end ? 0 : Math.abs(fn.pos - sitePos);
    if (!best || distance < best.distance) {
      best = { ts, file, fn, js, items, distance, path: site.file };
    }
  }
  if (best) return best;
  // `jit(vec3.round)`, `jit(imported)`: the function is in a module the file imports
  for (const path of importedFiles(ts, file, site.file)) {
    const other = parseFile(ts, path);
    const fn = other?.functions.find((f) => same(js, flatten(ts, f, other.sf, 0)));
    if (fn) return { ts, file: other!, fn, js, items: flatten(ts, fn, other!.sf, 0), path };
  }
  return undefined;
}

/** The files a module imports by relative or file: specifiers (at most 32). */
function importedFiles(ts: typeof TS, file: ParsedFile, path: string): string[] {
  const out: string[] = [];
  for (const s of file.sf.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier)) continue;
    const spec = s.moduleSpecifier.text;
    if (!/^(\.{1,2}\/|\/|file:)/.test(spec) || out.length >= 32) continue;
    try {
      out.push(decodeURIComponent(new URL(spec, `file://${path}`).pathname));
    } catch { /* not a path */ }
  }
  return out;
}

/**
 * The signatures the function's TypeScript parameter annotations give (`x: Float64Array`,
 * `n: number`, unions of them), for `jit(fn, { eager: true })`; throws a TypeError saying what is
 * missing.
 */
export function annotatedSignatures(src: SourceInfo): string[] {
  const site = callSite(src.origin);
  const found = site && findFunction(src, site);
  if (!found) {
    throw new TypeError(
      `${src.fnName}: eager needs the function's TypeScript source (in the file that calls jit(), ` +
        `readable with --allow-read); or give signature`,
    );
  }
  const { ts, fn } = found;
  const one = (t: TS.TypeNode | undefined, param: string): string[] => {
    if (t && ts.isParenthesizedTypeNode(t)) return one(t.type, param);
    if (t && ts.isUnionTypeNode(t)) return t.types.flatMap((m) => one(m, param));
    if (t?.kind === ts.SyntaxKind.NumberKeyword) return ["f64"];
    if (t?.kind === ts.SyntaxKind.BooleanKeyword) return ["bool"];
    if (t && ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName)) {
      if (arrayType(t.typeName.text)) {
        return [t.typeName.text];
      }
    }
    throw new TypeError(
      `${src.fnName}(): parameter '${param}' ${
        t ? `has type ${t.getText()}, which` : "has no annotation:"
      } eager compiles for number, boolean and typed arrays (or unions of them); or give signature`,
    );
  };
  let sigs: string[][] = [[]];
  for (const p of fn.parameters) {
    const name = p.name.getText();
    if (name === "this") continue;
    const types = one(p.type, name);
    sigs = sigs.flatMap((s) => types.map((t) => [...s, t]));
    if (sigs.length > 64) {
      throw new TypeError(`${src.fnName}(): the annotations allow over 64 signatures`);
    }
  }
  return sigs.map((s) => `(${s.join(", ")})`);
}

function find(
  src: SourceInfo,
  range: Range,
  site: { file: string; line: number; column: number },
): Located | undefined {
  const best = findFunction(src, site);
  if (!best) return undefined;
  site = { ...site, file: best.path };
  const { ts, file, js } = best;
  // The innermost node covering the range (in source order, the last one that covers it).
  let k = -1;
  js.forEach((x, i) => {
    if (x.start <= range.start && range.end <= x.end) k = i;
  });
  if (k < 0) return undefined;
  const target = best.items[k];
  const { line, character } = file.sf.getLineAndCharacterOfPosition(target.start);
  const lineStart = file.sf.getPositionOfLineAndCharacter(line, 0);
  let lineEnd = file.text.indexOf("\n", lineStart);
  if (lineEnd < 0) lineEnd = file.text.length;
  return {
    file: site.file,
    line: line + 1,
    column: character + 1,
    lineText: file.text.slice(lineStart, lineEnd).replace(/\r$/, ""),
    width: Math.max(1, Math.min(target.end, lineEnd) - target.start),
    name: bindingName(ts, best.fn),
  };
}

// Where a jitted function is defined, and what a free name in it means there, as JS would
// resolve it. A free name must never reach a different function than the plain code would call:
// tsjit finds the function's definition in its module's source (through the call sites on the
// stack of its jit() call, source-mapped by Deno to the .ts file), walks the enclosing scopes
// outwards like the language does (ECMA-262 §9.1, ResolveBinding) and says what the innermost
// declaration of the name is. Only the compiler calls this: TypeScript is loaded already.
// An inline npm: specifier, as in parse.ts: a project importing tsjit by path needs no import map.
// deno-lint-ignore no-import-prefix
import type * as TS from "npm:typescript@5.9.3";
import { typescript } from "./typescript.ts";
import { isSameFunction, type ParsedFile, parseFile } from "./locate.ts";

/** A call site on the stack: file path, 1-based line and column. */
export interface Frame {
  file: string;
  line: number;
  col: number;
}

const compilerDir = new URL("../", import.meta.url).href;
const modUrls = ["ts", "js"].map((x) => new URL(`../../mod.${x}`, import.meta.url).href);
/** tsjit's own modules: never where a user's function is defined */
const ownPaths = [compilerDir, new URL("../../parallel/", import.meta.url).href, ...modUrls]
  .filter((u) => u.startsWith("file:")).map((u) => decodeURIComponent(new URL(u).pathname));

/** The call sites of the caller of jit(), innermost first (file: modules only, at most 12). */
export function creationFrames(): Frame[] {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 24;
  const stack = new Error().stack ?? "";
  Error.stackTraceLimit = limit;
  const frames: Frame[] = [];
  for (const line of stack.split("\n").slice(1)) {
    const m = line.match(/\(?(file:\/\/[^\s)]+?):(\d+):(\d+)\)?$/);
    if (!m || m[1].startsWith(compilerDir) || modUrls.includes(m[1])) continue;
    frames.push({ file: decodeURIComponent(new URL(m[1]).pathname), line: +m[2], col: +m[3] });
    if (frames.length === 12) break;
  }
  return frames;
}

/** A module's text, parsed (one object per file: locations compare by identity). */
export interface Module extends ParsedFile {
  path: string;
}

const modules = new Map<string, Module | undefined>();

/** The module file at `path`, parsed once (undefined: it cannot be read). */
export function moduleAt(path: string): Module | undefined {
  if (!modules.has(path)) {
    const parsed = parseFile(typescript(), path); // null: names resolve only through `globals`
    modules.set(path, parsed ? { ...parsed, path } : undefined);
  }
  return modules.get(path);
}

export type FunctionNode =
  | TS.FunctionDeclaration
  | TS.FunctionExpression
  | TS.ArrowFunction
  | TS.MethodDeclaration;

/**
 * Where a jitted function was found: its node, the call that created it and the frame's index
 * (found on the stack), or no call (found by searching the modules, see `search`).
 */
export interface Location {
  module: Module;
  node: FunctionNode;
  call?: TS.CallExpression;
  frame: number;
}

/** The innermost call whose callee name starts at the frame's position (V8 reports that). */
function callAt(m: Module, f: Frame): TS.CallExpression | undefined {
  const ts = typescript();
  let pos: number;
  try {
    pos = m.sf.getPositionOfLineAndCharacter(f.line - 1, f.col - 1);
  } catch {
    return undefined;
  }
  let found: TS.CallExpression | undefined;
  const visit = (n: TS.Node): void => {
    if (pos < n.getStart(m.sf) || pos >= n.end) return;
    if (ts.isCallExpression(n)) {
      const e = n.expression;
      const nameStart = ts.isPropertyAccessExpression(e) ? e.name.getStart(m.sf) : e.getStart(m.sf);
      if (nameStart === pos) found = n;
    }
    n.forEachChild(visit);
  };
  visit(m.sf);
  return found;
}

export function isFunctionNode(n: TS.Node): n is FunctionNode {
  const ts = typescript();
  return ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) ||
    ts.isMethodDeclaration(n);
}

/**
 * Finds the definition of a function among the arguments of the calls on the stack of its jit()
 * call: a function literal or a name bound to one, with the same parameters and the same code
 * (its syntax tree, types left out, is that of `source`, the function's transpiled text).
 */
export function locate(
  frames: Frame[],
  name: string,
  params: string[],
  source: string,
  /** the function an argument names (`f`, an imported `f`, `ns.f`), imports followed */
  named: (m: Module, arg: TS.Expression) => { module: Module; node: FunctionNode } | undefined,
): Location | undefined {
  const fits = fitting(name, params, source);
  for (const [k, f] of frames.entries()) {
    const m = moduleAt(f.file);
    const call = m && callAt(m, f);
    if (!m || !call) continue;
    for (const arg of call.arguments) {
      const found = isFunctionNode(arg) ? { module: m, node: arg } : named(m, arg);
      if (found && fits(found.node, found.module)) return { ...found, call, frame: k };
    }
  }
  return undefined;
}

/** A test that a function node has the jitted function's parameters, name and code. */
function fitting(name: string, params: string[], source: string) {
  const ts = typescript();
  return (n: FunctionNode, m: Module) =>
    n.parameters.length === params.length &&
    n.parameters.every((p, i) => ts.isIdentifier(p.name) && p.name.text === params[i]) &&
    !(n.name && ts.isIdentifier(n.name) && n.name.text !== name) &&
    isSameFunction(source, n, m.sf);
}

/** The name a nameless function literal is declared under (`const sq = (x) => …`). */
function declaredName(n: FunctionNode): string | undefined {
  const ts = typescript();
  if (n.name) {
    return ts.isIdentifier(n.name) || ts.isStringLiteral(n.name) ? n.name.text : undefined;
  }
  const p = n.parent;
  if ((ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p)) && ts.isIdentifier(p.name)) {
    return p.name.text;
  }
  return undefined;
}

/** At most this many module files are searched for a definition. */
export const SEARCH_LIMIT = 64;

/**
 * The files on the stack and the modules they import (relative and file: specifiers,
 * transitively, at most SEARCH_LIMIT files): where a function jit() was given without its name
 * (`jit(kernels.norm)`, `jit(f)` in a loop, an imported function) can be defined.
 */
export function searchedFiles(frames: Frame[]): string[] {
  const ts = typescript();
  const files = [...new Set(frames.map((f) => f.file))];
  for (let i = 0; i < files.length && files.length < SEARCH_LIMIT; i++) {
    const m = moduleAt(files[i]);
    if (!m) continue;
    for (const s of m.sf.statements) {
      const spec = (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) &&
          s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)
        ? s.moduleSpecifier.text
        : undefined;
      if (!spec || !/^(\.{1,2}\/|file:)/.test(spec)) continue;
      let path: string;
      try {
        path = decodeURIComponent(new URL(spec, `file://${files[i]}`).pathname);
      } catch {
        continue;
      }
      const own = ownPaths.some((p) => path === p || (p.endsWith("/") && path.startsWith(p)));
      if (!own && !files.includes(path) && files.length < SEARCH_LIMIT) files.push(path);
    }
  }
  return files;
}

/**
 * Every definition in `files` of a function with this name (its own, or the one it is declared
 * under), these parameters and this code: when jit() was not given the function by name.
 */
export function search(
  files: string[],
  name: string,
  params: string[],
  source: string,
): Location[] {
  const fits = fitting(name, params, source);
  // a function with no name of its own (`convert.rgb.hwb = function (rgb) {…}`): by its code
  const declared = name === "<anonymous>" ? undefined : name;
  const found: Location[] = [];
  for (const file of files) {
    const m = moduleAt(file);
    for (const node of m?.functions ?? []) {
      const n = node as FunctionNode;
      if (declaredName(n) === declared && fits(n, m!)) {
        found.push({ module: m!, node: n, frame: -1 });
      }
    }
  }
  return found;
}

const dynamic = new Map<Module, number | undefined>();

/**
 * The line of the first `eval` or `Function` a module refers to (code built at run time, whose
 * text can equal a definition's while its names mean something else), if any.
 */
function dynamicCodeLine(m: Module): number | undefined {
  const ts = typescript();
  if (!dynamic.has(m)) {
    let line: number | undefined;
    const visit = (n: TS.Node): void => {
      if (line !== undefined || ts.isTypeNode(n)) return;
      if (
        ts.isIdentifier(n) && (n.text === "eval" || n.text === "Function") &&
        !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) &&
        !(ts.isPropertyAssignment(n.parent) && n.parent.name === n)
      ) line = lineOf(m, n);
      n.forEachChild(visit);
    };
    visit(m.sf);
    dynamic.set(m, line);
  }
  return dynamic.get(m);
}

/** Where the first of `files` that builds code at run time does so ("lib.ts:12"), if any. */
export function dynamicCodeIn(files: string[]): string | undefined {
  for (const f of files) {
    const m = moduleAt(f);
    const line = m && dynamicCodeLine(m);
    if (line !== undefined) return `${f.split("/").pop()}:${line}`;
  }
  return undefined;
}

/** What a name is bound to at a place in a module. */
export type Binding =
  /** a function defined here (a declaration, a function expression's own name, a const) */
  | { kind: "function"; node: FunctionNode; line: number }
  /** `const n = call(...)`: what the call returns */
  | { kind: "call"; call: TS.CallExpression; decl: TS.VariableDeclaration; line: number }
  /** a variable never assigned again, with its initializer (a constant, a table, an object) */
  | {
    kind: "value";
    init: TS.Expression;
    decl: TS.VariableDeclaration | TS.ExportAssignment;
    line: number;
  }
  /** an import: `imported` is the exported name, "default", or "*" (a namespace) */
  | { kind: "import"; from: string; imported: string; line: number }
  /** `import * as ns`, followed to the module (frontend/exports.ts) */
  | { kind: "namespace"; module: Module; line: number }
  /** anything else: a parameter, a variable holding something else, a class... */
  | { kind: "other"; what: string; line: number };

/** The binding of `name` seen from the function at `loc` (undefined: not declared in the module). */
export function bindingOf(loc: Location, name: string): Binding | undefined {
  return bindingIn(loc.module, loc.node, name);
}

/** The 1-based line of a node in its module. */
export function lineOf(m: Module, n: TS.Node): number {
  return m.sf.getLineAndCharacterOfPosition(n.getStart(m.sf)).line + 1;
}

/** Walks the scopes enclosing `from` outwards for the innermost declaration of `name`. */
export function bindingIn(m: Module, from: TS.Node, name: string): Binding | undefined {
  const ts = typescript();
  const fnExprName = (n: TS.Node) =>
    ts.isFunctionExpression(n) && n.name?.text === name ? n : undefined;
  // a function expression's own name is bound inside it (the function itself)
  const self = fnExprName(from);
  if (self) return { kind: "function", node: self, line: lineOf(m, self) };
  for (let n: TS.Node | undefined = from.parent; n; n = n.parent) {
    const own = fnExprName(n);
    if (own) return { kind: "function", node: own, line: lineOf(m, own) };
    const found = declaredIn(m, n, name);
    if (found) return found;
  }
  return undefined;
}

/** The declaration of `name` that scope node `scope` itself makes, if any. */
export function declaredIn(m: Module, scope: TS.Node, name: string): Binding | undefined {
  const ts = typescript();
  const other = (what: string, n: TS.Node): Binding => ({
    kind: "other",
    what,
    line: lineOf(m, n),
  });
  if (isFunctionNode(scope)) {
    for (const p of scope.parameters) {
      if (bindsName(p.name, name)) return other("a parameter of an enclosing function", p);
    }
    // `var` anywhere in the body (not in nested functions) is function-scoped
    const v = scope.body && findVar(scope.body, name);
    if (v) return variableBinding(m, v);
    return undefined;
  }
  if (ts.isSourceFile(scope)) {
    const v = findVar(scope, name);
    if (v) return variableBinding(m, v);
  }
  if (ts.isCatchClause(scope) && scope.variableDeclaration) {
    if (bindsName(scope.variableDeclaration.name, name)) return other("a catch variable", scope);
  }
  if (
    (ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) &&
    scope.initializer && ts.isVariableDeclarationList(scope.initializer)
  ) {
    for (const d of scope.initializer.declarations) {
      if (bindsName(d.name, name)) return other("a loop variable", d);
    }
  }
  const statements = ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope)
    ? scope.statements
    : ts.isCaseClause(scope) || ts.isDefaultClause(scope)
    ? scope.statements
    : undefined;
  if (!statements) return undefined;
  for (const s of statements) {
    if (ts.isFunctionDeclaration(s) && s.name?.text === name && s.body) {
      // a function declaration's binding is mutable: `sq = …` elsewhere changes what is called
      if (isAssigned(m, name)) return other("a function that is assigned again", s);
      return { kind: "function", node: s, line: lineOf(m, s) };
    }
    if ((ts.isClassDeclaration(s) || ts.isEnumDeclaration(s)) && s.name?.text === name) {
      return other(ts.isClassDeclaration(s) ? "a class" : "an enum", s);
    }
    if (ts.isVariableStatement(s) && !isAmbient(s)) {
      for (const d of s.declarationList.declarations) {
        if (bindsName(d.name, name)) return variableBinding(m, d);
      }
    }
    const imported = ts.isImportDeclaration(s) && s.importClause &&
      importedName(s.importClause, name);
    if (imported && ts.isImportDeclaration(s)) {
      const from = ts.isStringLiteral(s.moduleSpecifier) ? s.moduleSpecifier.text : "?";
      return { kind: "import", from, imported, line: lineOf(m, s) };
    }
    if (ts.isImportEqualsDeclaration(s) && s.name.text === name) {
      return other(`imported by ${s.moduleReference.getText(m.sf)}`, s);
    }
  }
  return undefined;
}

function isAmbient(s: TS.VariableStatement): boolean {
  const ts = typescript();
  return !!s.modifiers?.some((x) => x.kind === ts.SyntaxKind.DeclareKeyword);
}

/** The name an import clause imports as `name` ("default", "*" or an export), if it does. */
function importedName(c: TS.ImportClause, name: string): string | undefined {
  const ts = typescript();
  if (c.isTypeOnly) return undefined;
  if (c.name?.text === name) return "default";
  const b = c.namedBindings;
  if (!b) return undefined;
  if (ts.isNamespaceImport(b)) return b.name.text === name ? "*" : undefined;
  const e = b.elements.find((e) => e.name.text === name && !e.isTypeOnly);
  return e && (e.propertyName?.text ?? e.name.text);
}

function bindsName(n: TS.BindingName, name: string): boolean {
  const ts = typescript();
  if (ts.isIdentifier(n)) return n.text === name;
  return n.elements.some((e) => !ts.isOmittedExpression(e) && bindsName(e.name, name));
}

/** A `var` declaration of `name` in `body`, not inside nested functions. */
function findVar(body: TS.Node, name: string): TS.VariableDeclaration | undefined {
  const ts = typescript();
  let found: TS.VariableDeclaration | undefined;
  const visit = (n: TS.Node): void => {
    if (found || (n !== body && (isFunctionNode(n) || ts.isClassLike(n)))) return;
    if (
      ts.isVariableDeclarationList(n) && !(n.flags & ts.NodeFlags.BlockScoped) &&
      !(ts.isVariableStatement(n.parent) && isAmbient(n.parent))
    ) {
      for (const d of n.declarations) if (bindsName(d.name, name)) found = d;
    }
    n.forEachChild(visit);
  };
  visit(body);
  return found;
}

/** What a variable declaration binds its name to, if it is never assigned again. */
function variableBinding(m: Module, d: TS.VariableDeclaration): Binding {
  const ts = typescript();
  const line = lineOf(m, d);
  const name = ts.isIdentifier(d.name) ? d.name.text : undefined;
  const constant = !!(d.parent.flags & ts.NodeFlags.Const);
  if (!name) return { kind: "other", what: "a destructured variable", line };
  if (!constant && (isAssigned(m, name) || varDeclaredAgain(m, d, name))) {
    return { kind: "other", what: "a variable that is assigned again", line };
  }
  let init = d.initializer;
  while (init && (ts.isParenthesizedExpression(init) || ts.isAsExpression(init))) {
    init = init.expression;
  }
  if (init && isFunctionNode(init)) return { kind: "function", node: init, line };
  if (init && ts.isCallExpression(init)) return { kind: "call", call: init, decl: d, line };
  if (init) return { kind: "value", init, decl: d, line };
  return { kind: "other", what: "a variable without a value", line };
}

/** True when another `var` with a value, or a function, declares `name` in the module too. */
function varDeclaredAgain(m: Module, d: TS.VariableDeclaration, name: string): boolean {
  const ts = typescript();
  let found = false;
  const visit = (n: TS.Node): void => {
    if (found) return;
    if (
      n !== d && ts.isVariableDeclaration(n) && n.initializer && bindsName(n.name, name) &&
      !(n.parent.flags & ts.NodeFlags.BlockScoped)
    ) found = true;
    if (ts.isFunctionDeclaration(n) && n.name?.text === name) found = true;
    n.forEachChild(visit);
  };
  visit(m.sf);
  return found;
}

/**
 * True when the module assigns to a name `name` anywhere (any scope: a conservative answer),
 * as the target of `=`, `+=`…, `++`/`--`, a destructuring assignment or a `for…of`/`for…in` head.
 */
export function isAssigned(m: Module, name: string): boolean {
  const ts = typescript();
  let found = false;
  const visit = (n: TS.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && n.text === name && isAssignmentTarget(n)) found = true;
    n.forEachChild(visit);
  };
  visit(m.sf);
  return found;
}

/** True when an identifier is written to (ECMA-262 §13.15.5, destructuring assignment). */
function isAssignmentTarget(id: TS.Identifier): boolean {
  const ts = typescript();
  let n: TS.Node = id;
  for (let p = n.parent; p; n = p, p = p.parent) {
    if (ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) {
      return p.operator === ts.SyntaxKind.PlusPlusToken ||
        p.operator === ts.SyntaxKind.MinusMinusToken;
    }
    if (ts.isBinaryExpression(p)) {
      const k = p.operatorToken.kind;
      return p.left === n && k >= ts.SyntaxKind.FirstAssignment &&
        k <= ts.SyntaxKind.LastAssignment;
    }
    if (ts.isForOfStatement(p) || ts.isForInStatement(p)) return p.initializer === n;
    // inside a pattern: `[a] = …`, `({ a } = …)`, `({ k: a = 1 } = …)`, `[...a] = …`
    const inPattern = ts.isArrayLiteralExpression(p) || ts.isObjectLiteralExpression(p) ||
      ts.isSpreadElement(p) || ts.isSpreadAssignment(p) || ts.isParenthesizedExpression(p) ||
      ts.isShorthandPropertyAssignment(p) ||
      (ts.isPropertyAssignment(p) && p.initializer === n) ||
      (ts.isBinaryExpression(p) && p.left === n);
    if (!inPattern) return false;
  }
  return false;
}

/** The text of the module a location is in, for the cache (its content identifies the scopes). */
export function moduleText(loc: Location): string {
  return loc.module.text;
}

/** The module text at a path (cached), for dependency checks that must not parse. */
export function readModule(path: string): string | undefined {
  const m = modules.get(path);
  if (m) return m.text;
  try {
    return Deno.readTextFileSync(path);
  } catch {
    return undefined;
  }
}

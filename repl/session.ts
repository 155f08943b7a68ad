// The REPL's evaluator, apart from the terminal: TypeScript in, values out. Every function
// defined at the prompt is wrapped with jit() (compiled on its first call, plain JS with a note
// when it cannot be), and free names in its body resolve to what the session has defined.
// An inline npm: specifier: a project that imports tsjit by path resolves it without an import map.
// deno-lint-ignore no-import-prefix
import type * as TS from "npm:typescript@5.9.3";
import { CompileError } from "../compiler/diagnostics.ts";
import { typescript } from "../compiler/frontend/typescript.ts";
import * as tsjit from "../mod.ts";

/** What evaluating one input gave. */
export type EvalResult =
  | { kind: "value"; value: unknown }
  /** input with top-level await or import: its value once the promise settles */
  | { kind: "async"; value: Promise<unknown> }
  | { kind: "incomplete" }
  | { kind: "error"; message: string };

/** Names put in scope at start. */
export const PRELUDE: Record<string, unknown> = {
  jit: tsjit.jit,
  prange: tsjit.prange,
  range: tsjit.range,
  getNumThreads: tsjit.getNumThreads,
  setNumThreads: tsjit.setNumThreads,
  getThreadId: tsjit.getThreadId,
  zeros: tsjit.zeros,
  empty: tsjit.empty,
  CompileError: tsjit.CompileError,
};

/** Redefinitions between two collections: at most this many stale modules wait to be freed. */
const COLLECT_EVERY = 16;

/** A REPL session's state: its definitions live as globals of this isolate. */
export class Session {
  /** jitted functions defined at the prompt, by name */
  readonly functions = new Map<string, tsjit.JitFunction<(...a: never[]) => unknown>>();
  private readonly globals: Record<string, unknown>;
  private redefinitions = 0;

  constructor() {
    Object.assign(globalThis, PRELUDE);
    // A live view of the session for free names in compiled bodies: constants and functions
    // defined so far (read at a function's first compile).
    this.globals = new Proxy({}, {
      getOwnPropertyDescriptor: (_t, name) => {
        if (typeof name !== "string" || !(name in globalThis)) return undefined;
        const value = (globalThis as Record<string, unknown>)[name];
        return { value, configurable: true, enumerable: true, writable: false };
      },
      get: (_t, name) => (globalThis as Record<string | symbol, unknown>)[name],
    });
  }

  /** Evaluates TypeScript input; incomplete input (an open brace) asks for more lines. */
  eval(input: string): EvalResult {
    const ts = typescript();
    if (!input.trim()) return { kind: "value", value: undefined };
    const parsed = ts.createSourceFile(
      "repl.ts",
      input,
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TS,
    );
    const diags = (parsed as unknown as { parseDiagnostics: TS.Diagnostic[] }).parseDiagnostics;
    if (diags.length) {
      const d = diags[0];
      if ((d.start ?? 0) >= input.trimEnd().length) return { kind: "incomplete" };
      return { kind: "error", message: syntaxMessage(input, d, ts) };
    }
    const source = importsAsAwaits(input, parsed, ts);
    const js = ts.transpile(source, { target: ts.ScriptTarget.ESNext, removeComments: false });
    const { code, functions } = persistDeclarations(js, ts);
    const jsSf = ts.createSourceFile("in.js", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    if (hasTopLevelAwait(jsSf, ts)) {
      let wrapped: string;
      try {
        wrapped = asyncBody(jsSf, ts);
      } catch (e) {
        return { kind: "error", message: shortError(e) };
      }
      let started: Promise<unknown>;
      try {
        started = (0, eval)(wrapped); // declares the globals now, runs to the first await
      } catch (e) {
        return { kind: "error", message: shortError(e) };
      }
      const value = started.then((v) => {
        for (const name of functions) this.wrap(name);
        return v;
      });
      return { kind: "async", value };
    }
    let value: unknown;
    try {
      value = (0, eval)(code);
    } catch (e) {
      return { kind: "error", message: shortError(e) };
    }
    for (const name of functions) this.wrap(name);
    return { kind: "value", value };
  }

  /** Replaces a global function with its jitted wrapper. */
  private wrap(name: string): void {
    const fn = (globalThis as Record<string, unknown>)[name];
    if (typeof fn !== "function" || this.functions.get(name) === fn) return;
    const redefined = this.functions.has(name);
    this.install(name, fn);
    if (redefined) this.recompileCallers(name);
  }

  /**
   * Compiled callers hold the code of the functions they call (native calls within one module),
   * so after `name` is redefined, every session function whose body names it (directly or through
   * another such function) gets a fresh wrapper: its next call compiles against the new
   * definition, as plain JS would call it. A copy held elsewhere (`const g = h`) keeps the old one.
   */
  private recompileCallers(name: string): void {
    const changed = new Set([name]);
    for (let grew = true; grew;) {
      grew = false;
      for (const [other, jitted] of this.functions) {
        if (changed.has(other)) continue;
        const text = String(jitted.original);
        if (
          [...changed].some((n) =>
            new RegExp(`(^|[^\\w$.])${n.replace(/\$/g, "\\$")}\\b`).test(text)
          )
        ) {
          changed.add(other);
          this.install(other, jitted.original);
          grew = true;
        }
      }
    }
  }

  /** Makes `name` the jitted wrapper of `fn`. */
  private install(name: string, fn: unknown): void {
    const g = globalThis as Record<string, unknown>;
    const jitted = tsjit.jit(fn as (...a: never[]) => unknown, {
      fallback: true,
      globals: this.globals as Record<string, number>,
      origin: "repl",
    });
    const redefined = this.functions.has(name);
    g[name] = jitted;
    this.functions.set(name, jitted);
    // An old definition's compiled code is freed once it is collected (compiler/runtime/invoke.ts).
    // V8 may collect it only hundreds of definitions later, not knowing the native memory
    // behind it, so every COLLECT_EVERY redefinitions the session collects (a full collection,
    // ~50-100 ms; `./tsjit repl` exposes gc with --v8-flags=--expose-gc). Code still referenced
    // (`const g = f` before redefining f) is not freed.
    if (redefined && ++this.redefinitions % COLLECT_EVERY === 0) {
      (globalThis as { gc?: () => void }).gc?.();
    }
  }

  /** Names for tab completion. */
  names(): string[] {
    return Object.getOwnPropertyNames(globalThis);
  }

  /**
   * Property names of the value a dotted name (`x`, `Math`, `a.b`) has, own and inherited, for
   * completing `x.le` (nothing is evaluated but property reads).
   */
  properties(path: string): string[] {
    let v: unknown = globalThis;
    for (const part of path.split(".")) {
      if (v === null || v === undefined) return [];
      v = (v as Record<string, unknown>)[part];
    }
    const names = new Set<string>();
    for (let o = v; o !== null && o !== undefined; o = Object.getPrototypeOf(o)) {
      if (typeof o !== "object" && typeof o !== "function") {
        o = Object(o);
      }
      for (const k of Object.getOwnPropertyNames(o)) if (/^[A-Za-z_$][\w$]*$/.test(k)) names.add(k);
      if (o === Object.prototype || o === Function.prototype) break;
    }
    return [...names];
  }
}

/**
 * `import … from "m"` at the prompt becomes `const … = await import("m")` (relative specifiers
 * from the current folder); type-only imports are dropped.
 */
function importsAsAwaits(input: string, sf: TS.SourceFile, ts: typeof TS): string {
  let out = input;
  // edits from the last statement back, so that earlier offsets stay valid
  for (let k = sf.statements.length - 1; k >= 0; k--) {
    const s = sf.statements[k];
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier)) continue;
    let spec = s.moduleSpecifier.text;
    if (/^\.\.?\//.test(spec)) spec = new URL(spec, `file://${Deno.cwd()}/`).href;
    const clause = s.importClause;
    let text = "";
    if (!clause?.isTypeOnly) {
      const m = `__import${k}`;
      text = `const ${m} = await import(${JSON.stringify(spec)});`;
      const fields: string[] = clause?.name ? [`default: ${clause.name.text}`] : [];
      const named = clause?.namedBindings;
      if (named && ts.isNamespaceImport(named)) text += ` const ${named.name.text} = ${m};`;
      if (named && ts.isNamedImports(named)) {
        for (const e of named.elements) {
          if (!e.isTypeOnly) fields.push(`${(e.propertyName ?? e.name).text}: ${e.name.text}`);
        }
      }
      if (fields.length) text += ` const { ${fields.join(", ")} } = ${m};`;
    }
    out = out.slice(0, s.getStart(sf)) + text + out.slice(s.getEnd());
  }
  return out;
}

/** Whether a top-level statement awaits (outside any function). */
function hasTopLevelAwait(sf: TS.SourceFile, ts: typeof TS): boolean {
  const visit = (n: TS.Node): boolean => {
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) return false;
    if (ts.isAwaitExpression(n) || (ts.isForOfStatement(n) && n.awaitModifier)) return true;
    return ts.forEachChild(n, visit) ?? false;
  };
  return sf.statements.some(visit);
}

/**
 * The input as the body of an async function whose result is its last expression's value; `var`
 * declarations become assignments to globals declared outside it, functions are made global.
 */
function asyncBody(sf: TS.SourceFile, ts: typeof TS): string {
  const vars: string[] = [];
  const body: string[] = [];
  sf.statements.forEach((s, i) => {
    const last = i === sf.statements.length - 1;
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) {
        const names: string[] = [];
        const collect = (b: TS.BindingName) => {
          if (ts.isIdentifier(b)) names.push(b.text);
          else b.elements.forEach((e) => ts.isBindingElement(e) && collect(e.name));
        };
        collect(d.name);
        vars.push(...names);
        if (d.initializer) body.push(`(${d.name.getText(sf)} = ${d.initializer.getText(sf)});`);
      }
    } else if (ts.isFunctionDeclaration(s) && s.name) {
      body.push(s.getText(sf), `globalThis.${s.name.text} = ${s.name.text};`);
    } else if (last && ts.isExpressionStatement(s)) {
      body.push(`return (${s.expression.getText(sf)});`);
    } else body.push(s.getText(sf));
  });
  const declared = vars.length ? `var ${vars.join(", ")};\n` : "";
  return `${declared}(async () => {\n${body.join("\n")}\n})()`;
}

/** Rewrites top-level let/const to var (which persist across inputs) and lists new functions. */
function persistDeclarations(js: string, ts: typeof TS): { code: string; functions: string[] } {
  const sf = ts.createSourceFile("in.js", js, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const functions: string[] = [];
  const edits: { start: number; end: number }[] = [];
  for (const s of sf.statements) {
    if (ts.isFunctionDeclaration(s) && s.name) functions.push(s.name.text);
    if (ts.isVariableStatement(s)) {
      const list = s.declarationList;
      if (list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) {
        const start = list.getStart(sf);
        edits.push({ start, end: start + (list.flags & ts.NodeFlags.Const ? 5 : 3) });
      }
      for (const d of list.declarations) {
        const init = d.initializer;
        if (
          ts.isIdentifier(d.name) && init &&
          (ts.isArrowFunction(init) || ts.isFunctionExpression(init))
        ) {
          functions.push(d.name.text);
        }
      }
    }
  }
  let code = js;
  for (const e of edits.reverse()) code = code.slice(0, e.start) + "var" + code.slice(e.end);
  return { code, functions };
}

function syntaxMessage(input: string, d: TS.Diagnostic, ts: typeof TS): string {
  const start = d.start ?? 0;
  const lineStart = input.lastIndexOf("\n", start - 1) + 1;
  let lineEnd = input.indexOf("\n", start);
  if (lineEnd < 0) lineEnd = input.length;
  const line = input.slice(lineStart, lineEnd);
  const caret = " ".repeat(start - lineStart) +
    "^".repeat(Math.max(1, Math.min(d.length ?? 1, lineEnd - start)));
  return `SyntaxError: ${
    ts.flattenDiagnosticMessageText(d.messageText, "\n")
  }\n    ${line}\n    ${caret}`;
}

/** An error as one short message: the compiler's own messages carry their source line. */
export function shortError(e: unknown): string {
  if (e instanceof CompileError || e instanceof TypeError || e instanceof RangeError) {
    return `${e.name}: ${e.message}`;
  }
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return `Uncaught ${String(e)}`;
}

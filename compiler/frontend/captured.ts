// What a free name captures when it is not a function: a constant folded into the code, a typed
// array read by reference (a hidden parameter the dispatcher passes on every call), or the field
// of a frozen object; read from `globals` or from the module that declares the name
// (frontend/constants.ts folds source constants; exports.ts reads exported values).
import type { Blocker } from "../diagnostics.ts";
import type { Expr, FunctionAST, GlobalValue } from "./ast.ts";
import { constantOf } from "./constants.ts";
import { type Definition, exportedValue } from "./exports.ts";
import type { Binding } from "./scope.ts";
import { describeValue, typeOfValue } from "../values.ts";

/** What a free name resolves to, or why it cannot be used (undefined: not declared). */
export type Resolution = GlobalValue | { error: string } | { hidden: object } | undefined;

/** What `ns.member` resolves to when `ns` is not a namespace: the name alone is resolved. */
export const NOT_A_NAMESPACE = Symbol("not a namespace");

/**
 * `v.a.b…` (`parts`) through own data properties of frozen objects, which can never change; or
 * NOT_A_NAMESPACE when a part is read from something else (`table.length`: resolve a shorter
 * path); or why not (`shown` names the whole path, `root` the object to freeze).
 */
export function frozenPath(
  v: unknown,
  parts: string[],
  shown: string,
  root: string,
): { value: unknown } | { error: string } | typeof NOT_A_NAMESPACE {
  for (const part of parts) {
    if (v === null || typeof v !== "object" || typeOfValue(v) !== undefined) {
      return NOT_A_NAMESPACE;
    }
    const d = Object.getOwnPropertyDescriptor(v, part);
    if (!d || !("value" in d) || d.writable || d.configurable) {
      return {
        error: `${shown} ${d ? "can change between calls" : "is no own property"}: compiled ` +
          `code reads the fields of a frozen object (Object.freeze(${root})) as constants; or ` +
          `pass the value as an argument`,
      };
    }
    v = d.value;
  }
  return { value: v };
}

/** A number or boolean (a constant) or a live typed array (read by reference on every call). */
export function asValue(v: unknown): Resolution | undefined {
  if (typeof v === "number" || typeof v === "boolean") return { kind: "const", value: v };
  return typeOfValue(v) !== undefined ? { hidden: v as object } : undefined;
}

/**
 * What a variable never assigned again holds: a constant folded from its source, else the value
 * its module exports (read now: the binding can no longer change), a number or boolean folded,
 * a typed array read by reference on every call; else why not.
 */
export function valueOf(
  d: Definition,
  shown: string,
  at: string,
  fix: string,
): Resolution & object {
  const v = constantOf(d);
  if (typeof v !== "object") return { kind: "const", value: v };
  const live = exportedValue(d);
  if (live && "value" in live) {
    const x = live.value;
    const known = asValue(x);
    if (known) return known;
    const what = Array.isArray(x)
      ? "a plain array (number[]); compiled code reads typed arrays: make it one " +
        "(new Float64Array([…]))"
      : typeof x === "object" && x !== null
      ? `${describeValue(x)}; compiled code reads the fields of a frozen object ` +
        `(Object.freeze), as constants: ${shown}.x`
      : `${describeValue(x)}, which compiled code cannot read`;
    return { error: `'${shown}' (${at}) is ${what}; or pass what it holds as an argument` };
  }
  const b = d.binding as Binding & { kind: "value" | "call" };
  const init = (b.kind === "value" ? b.init : b.call).getText(d.module.sf);
  const dotted = shown.includes(".");
  const why = live && "error" in live ? live.error : v.error;
  if (/^\[|^new Array\b|^Array\b/.test(init)) {
    return {
      error: `'${shown}' (${at}) is a plain array (number[]); compiled code reads typed arrays: ` +
        `make it one (new Float64Array([…]), new Int32Array(…)), export it or give it in globals`,
    };
  }
  if (/^new (Float(32|64)|Int(8|16|32)|Uint(8|16|32)|Uint8Clamped)Array\b/.test(init)) {
    return {
      error: `'${shown}' (${at}) is a typed array tsjit cannot reach: ${why}; ${
        live
          // exported, but its module is still running: a declared signature compiles at jit()
          ? "let it compile on its first call, after its module has run (no declared signature)"
          : "export it from its module (tsjit then reads it by reference)"
      }${dotted ? "" : `, or give it as jit(fn, { globals: { ${shown} } })`}`,
    };
  }
  return { error: `'${shown}' (${at}) is not a constant tsjit can fold: ${why}; ${fix}` };
}

/**
 * `path` whose first `i` parts name `d`, a variable: the rest read from the object its module
 * exports, through frozen objects (fields that can never change); else a shorter path.
 */
export function objectMember(
  d: Definition,
  path: string[],
  i: number,
): Resolution | typeof NOT_A_NAMESPACE {
  const live = exportedValue(d);
  if (!live || !("value" in live)) return NOT_A_NAMESPACE;
  const object = path.slice(0, i).join(".");
  const r = frozenPath(live.value, path.slice(i), `'${path.join(".")}'`, object);
  if (typeof r !== "object" || "error" in r) return r;
  return asValue(r.value) ?? {
    error: `'${path.join(".")}' is ${describeValue(r.value)}, which compiled code cannot read`,
  };
}

/**
 * Calls the dispatcher could not give a module table to: from a function reading one to itself,
 * or to a jitted function that reads one (its tables are passed by the dispatcher, from JS only).
 */
export function tableCalls(
  self: { hiddenNames?(): string[] | undefined },
  ast: FunctionAST,
): Blocker[] {
  const own = ast.params.filter((p) => p.hidden).map((p) => p.name);
  const found: Blocker[] = [];
  const visit = (n: unknown): void => {
    if (!n || typeof n !== "object") return;
    if (Array.isArray(n)) return n.forEach(visit);
    const e = n as Expr;
    if (e.kind === "call" && e.callee.kind === "name" && e.callee.global?.kind === "function") {
      const callee = e.callee.global.fn as { hiddenNames?(): string[] | undefined };
      const tables = callee === self ? own : callee.hiddenNames?.() ?? [];
      if (tables.length) {
        found.push({
          message: `${e.callee.name}() reads ${tables.map((t) => `'${t}'`).join(", ")} by ` +
            `reference, which compiled code passes only on a call from JS: pass ${
              tables.length > 1 ? "them" : "it"
            } to ${e.callee.name}() as an argument instead`,
          construct: "call to a function reading a module table",
          range: e.range,
        });
      }
    }
    for (const [k, v] of Object.entries(n)) {
      if (k !== "variable" && k !== "global" && k !== "range") visit(v);
    }
  };
  visit(ast.body);
  return found;
}

// Calling a compiled specialization from JS: the context block, a generated invoker per
// signature (fill scalars, one FFI call, one status check) and argument guards.
import { formatLocation } from "./diagnostics.ts";
import { CTX_HEADER, Status } from "./lower/lower.ts";
import type { Specialization } from "./pipeline.ts";
import { trampoline } from "./runtime/entry.ts";
import { startPool } from "../parallel/pool.ts";
import { isArray, type Type } from "./types/types.ts";

/** A callable specialization. */
export interface Entry {
  spec: Specialization;
  ctx: Float64Array;
  invoke: (...args: unknown[]) => unknown;
}

/** The error a compiled call reported in its context block, as a JS error. */
function runtimeError(entry: Entry, fnName: string): Error {
  const ctx = entry.ctx;
  const status = ctx[1];
  const site = entry.spec.sites[ctx[3]];
  ctx[1] = 0;
  const where = site ? "\n  " + formatLocation(site.src, site.range) : "";
  switch (status) {
    case Status.outOfBounds:
      return new RangeError(
        `index ${ctx[2]} is out of bounds for '${site?.array}' (length ${ctx[4]})${where}`,
      );
    case Status.nonIntegerIndex:
      return new RangeError(`index ${ctx[2]} into '${site?.array}' is not an integer${where}`);
    case Status.nonIntegerBound:
      return new RangeError(`prange() bounds and step must be integers${where}`);
    case Status.zeroStep:
      return new RangeError(`range() step must not be 0${where}`);
    case Status.noReturnValue:
      return new TypeError(
        `${site?.src.fnName ?? fnName}() reached its end without returning a value (plain JS ` +
          `would return undefined, which a compiled function cannot)${where}`,
      );
  }
  return new Error(`tsjit: unknown runtime status ${status}`);
}

/** Builds the invoker of one specialization: fill the context block, call, check status. */
export function makeEntry(spec: Specialization, fnName: string): Entry {
  if (spec.parallel) startPool();
  const n = spec.argTypes.length;
  const ctx = new Float64Array(new ArrayBuffer((CTX_HEADER + n) * 8));
  new BigUint64Array(ctx.buffer)[0] = spec.address;
  const arrays = spec.argTypes.map((t, i) => (isArray(t) ? i : -1)).filter((i) => i >= 0);
  const entry = { spec, ctx } as Entry;
  const params = Array.from({ length: n }, (_, i) => `a${i}`);
  const fills = spec.argTypes.map((t, i) =>
    `ctx[${CTX_HEADER + i}] = ${
      isArray(t) ? `a${i}.length` : t === "bool" ? `a${i} ? 1 : 0` : `a${i}`
    };`
  );
  const rt = spec.returnType;
  const result = rt === "bool" ? "r !== 0" : rt === "void" ? "undefined" : "r";
  const body = `${fills.join("\n")}
    const r = call(${[...arrays.map((i) => `a${i}`), "ctx"].join(", ")});
    if (ctx[1] !== 0) throw fail(entry, name);
    return ${result};`;
  entry.invoke = new Function(
    "ctx",
    "call",
    "fail",
    "entry",
    "name",
    `return function (${params.join(", ")}) {${body}}`,
  )(ctx, spec.call ?? trampoline(arrays.length), runtimeError, entry, fnName);
  return entry;
}

/**
 * JS source of the test that arguments a0..an fit `types`. Specializations the dispatcher
 * created take integers in int32 range (not -0) as `int`; declared (eager) signatures take any
 * safe integer for an integer parameter.
 */
export function guardSource(types: Type[], declared: boolean): string {
  return types.map((t, i) => {
    const a = `a${i}`;
    if (isArray(t)) return `${a} instanceof ${t} && (${a}.length !== 0 || !${a}.buffer.detached)`;
    if (t === "bool") return `typeof ${a} === "boolean"`;
    if (t === "int") {
      return declared
        ? `Number.isSafeInteger(${a})`
        : `typeof ${a} === "number" && (${a} | 0) === ${a} && (${a} !== 0 || 1 / ${a} > 0)`;
    }
    return `typeof ${a} === "number"`;
  }).join(" && ") || "true";
}

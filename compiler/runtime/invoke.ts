// Calling a compiled specialization from JS: the context block, a generated invoker per
// signature (fill scalars, one FFI call, one status check) and argument guards.
import { formatLocation } from "../diagnostics.ts";
import { userFacing } from "../host.ts";
import { CTX_HEADER, Status } from "./abi.ts";
import type { Specialization } from "../pipeline.ts";
import { trampoline } from "./entry.ts";
import { startPool } from "./pool.ts";
import { isArray, type Type } from "../types/types.ts";
import { fround, isDetached, kindOf, lengthOf } from "../values.ts";

/** A callable specialization. */
export interface Entry {
  spec: Specialization;
  /** the user's function (the jitted wrapper): stack frames from it inward are tsjit's */
  boundary: () => unknown;
  ctx: Float64Array;
  /** the FFI function entering the compiled code: the arrays, then ctx */
  native: (...args: BufferSource[]) => number;
  /** the function's name, for messages */
  name: string;
  /** the TypeError for arguments whose i-th array is detached */
  detached: (args: unknown[], i: number) => Error;
  /** calls the entry: `run(entry, a0, ..., an)`; shared by all entries of one shape */
  run: (entry: Entry, ...args: unknown[]) => unknown;
  /** `run(this, ...args)` */
  invoke: (...args: unknown[]) => unknown;
  /** the argument guard (set by the dispatch table) */
  accepts?: (...args: unknown[]) => boolean;
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
      return new RangeError(`prange() bounds and step must be integers, the start not -0${where}`);
    case Status.rangeNotExact:
      return new RangeError(
        `prange() would visit values beyond what doubles hold exactly (plain JS would round ` +
          `them) or beyond ±2^63${where}`,
      );
    case Status.zeroStep:
      return new RangeError(`${site?.array ?? "range"}() step must not be 0 or NaN${where}`);
    case Status.noMemory:
      return new RangeError(`out of memory for a prange loop's private copies${where}`);
    case Status.race: {
      const other = ctx[4] === -1 ? "several other iterations" : `iteration ${ctx[4] - 1}`;
      return new Error(
        `TSJIT_RACECHECK: a data race in a prange loop: element ${ctx[2]} of '${site?.array}' ` +
          `is written by one iteration and read or written by another (${other}). Give each ` +
          `iteration its own elements, or use a reduction (${site?.array}[...] += ...)${where}`,
      );
    }
    case Status.badThreads:
      return new RangeError(
        ctx[4] === -2
          ? `setNumThreads(${ctx[2]}) cannot be called inside a parallel region${where}`
          : `setNumThreads(${ctx[2]}): the thread count must be an integer from 1 to the pool ` +
            `size (TSJIT_NUM_THREADS)${where}`,
      );
    case Status.stackOverflow:
      return new RangeError(
        `Maximum call stack size exceeded: ${
          site?.src.fnName ?? fnName
        }() recursed too deeply${where}`,
      );
    case Status.noReturnValue:
      return new TypeError(
        `${site?.src.fnName ?? fnName}() reached its end without returning a value (plain JS ` +
          `would return undefined, which a compiled function cannot)${where}`,
      );
  }
  return new Error(`tsjit: unknown runtime status ${status}`);
}

function runtimeErrorAtUser(entry: Entry, fnName: string): Error {
  return userFacing(runtimeError(entry, fnName), entry.boundary());
}

/**
 * Runners by shape (which parameters are arrays, booleans or numbers, and the kind of result):
 * one generated function serves every entry of a shape, so that calls spread over many
 * specializations run code that is already optimized.
 */
const runners = new Map<string, Entry["run"]>();

function runnerFor(types: Type[], rt: Type): Entry["run"] {
  const shape = types.map((t) => (isArray(t) ? "a" : t === "bool" ? "b" : "n")).join("") +
    (rt === "bool" ? ":b" : rt === "void" ? ":v" : ":n");
  let run = runners.get(shape);
  if (!run) {
    const params = types.map((_, i) => `a${i}`);
    const arrays = params.filter((_, i) => isArray(types[i]));
    const result = rt === "bool" ? "r !== 0" : rt === "void" ? "undefined" : "r";
    run = new Function(
      "fail",
      ...Object.keys(GUARD_HELPERS),
      `return function (entry, ${params.join(", ")}) {
        const ctx = entry.ctx, detached = entry.detached, call = entry.native;
        ${fillSource(types, "ctx")}
        const r = call(${[...arrays, "ctx"].join(", ")});
        if (ctx[1] !== 0) throw fail(entry, entry.name);
        return ${result};
      }`,
    )(runtimeErrorAtUser, ...Object.values(GUARD_HELPERS)) as Entry["run"];
    runners.set(shape, run);
  }
  return run;
}

/**
 * Frees a specialization's machine code once its context block is collected: every call into
 * the code passes that block (it holds the entry's address), so nothing can call the code any
 * more. A jitted function unreachable, or redefined at the REPL, is so freed with its entries.
 * Modules are self-contained (lower.ts), so no other code refers to the freed module.
 */
const compiledCode = new FinalizationRegistry<() => void>((release) => {
  codeStats.freed++;
  try {
    release();
  } catch (e) { // the code stays (a leak, never a crash): nothing else is affected
    if (!codeStats.failed++) console.warn(`tsjit: could not free compiled code: ${e}`);
  }
});

/** Modules of machine code handed out and freed so far (tests read them). */
export const codeStats = { made: 0, freed: 0, failed: 0 };

/** Builds the entry of one specialization: its context block and how to call it. */
export function makeEntry(
  spec: Specialization,
  name: string,
  detached: (args: unknown[], i: number) => Error,
  boundary: () => unknown,
): Entry {
  if (spec.parallel) startPool();
  const n = spec.argTypes.length;
  const ctx = new Float64Array(new ArrayBuffer((CTX_HEADER + n) * 8));
  new BigUint64Array(ctx.buffer)[0] = spec.address;
  if (spec.release) compiledCode.register(ctx, spec.release), codeStats.made++;
  const arrays = spec.argTypes.filter(isArray).length;
  const run = runnerFor(spec.argTypes, spec.returnType);
  const entry: Entry = {
    spec,
    boundary,
    ctx,
    native: spec.call ?? trampoline(arrays),
    name,
    detached,
    run,
    invoke: (...args) => run(entry, ...args),
  };
  return entry;
}

/**
 * JS source that stores arguments a0..an of `types` in the context block `ctx`: numbers as they
 * are, booleans as 0/1, typed arrays as their real length (`lengthOf`, never `.length`, which a
 * subclass or an own property can override); a length of 0 is checked for a detached buffer
 * (`throw detached([a0..an], i)`). The arrays' data pointers are taken by Deno's FFI from the
 * same objects' internal slots, so pointer and length always agree.
 */
export function fillSource(types: Type[], ctx: string, detached = "detached"): string {
  const all = `[${types.map((_, i) => `a${i}`).join(", ")}]`;
  return types.map((t, i) => {
    const slot = `${ctx}[${CTX_HEADER + i}]`;
    if (isArray(t)) {
      return `if ((${slot} = lengthOf(a${i})) === 0 && isDetached(a${i})) ` +
        `throw ${detached}(${all}, ${i});`;
    }
    return `${slot} = ${t === "bool" ? `a${i} ? 1 : 0` : `a${i}`};`;
  }).join("\n");
}

/**
 * JS source of the test that arguments a0..an fit `types`, using `kindOf` (see ../values.ts: the
 * real element kind, from internal slots) and no global a caller could replace; a detached
 * array passes, and is refused by fillSource's code.
 * Specializations the dispatcher created take integers in int32 range (not -0) as `int`;
 * declared (eager) signatures take any safe integer for an integer parameter.
 */
export function guardSource(types: Type[], declared: boolean): string {
  return types.map((t, i) => {
    const a = `a${i}`;
    if (isArray(t)) return `kindOf(${a}) === "${t}"`;
    if (t === "bool") return `typeof ${a} === "boolean"`;
    if (t === "int") {
      // -0 is no integer here: an integer parameter cannot hold it (1 / x must stay -Infinity)
      return declared
        ? `typeof ${a} === "number" && ${a} % 1 === 0 && ${a} <= ${Number.MAX_SAFE_INTEGER} && ` +
          `${a} >= ${-Number.MAX_SAFE_INTEGER} && (${a} !== 0 || 1 / ${a} > 0)`
        : `typeof ${a} === "number" && (${a} | 0) === ${a} && (${a} !== 0 || 1 / ${a} > 0)`;
    }
    // a declared f32 parameter takes only numbers a float holds exactly (no silent rounding)
    if (t === "f32") return `typeof ${a} === "number" && (fround(${a}) === ${a} || ${a} !== ${a})`;
    return `typeof ${a} === "number"`;
  }).join(" && ") || "true";
}

/** The helpers guardSource's and fillSource's code refers to, by name. */
export const GUARD_HELPERS = { kindOf, isDetached, lengthOf, fround };

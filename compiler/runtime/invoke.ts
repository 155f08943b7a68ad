// Calling a compiled specialization from JS, for the JIT (makeEntry) and the AOT loader
// (compiler/aot/build.ts) alike: one generator of argument guards and of the call itself (fill
// the context block, one FFI call, one status check), and one set of error messages, which the
// AOT loader embeds as source (invokerPrelude) so that both report the same errors in the same
// words.
import { formatLocation } from "../diagnostics.ts";
import { userFacing } from "../host.ts";
import { contextError, Ctx, CTX_HEADER, type ErrorPlace, MAX_ARRAYS, Status } from "./abi.ts";
import type { Specialization } from "../pipeline.ts";
import type { ErrorSite } from "../lower/lower.ts";
import { trampoline } from "./entry.ts";
import { startPool } from "./pool.ts";
import {
  ARRAY_TYPES,
  BOOL,
  F32,
  INT,
  isArray,
  type Type,
  typeName,
  typeOfKey,
  VOID,
} from "../types/types.ts";
import {
  article,
  describeValue,
  fround,
  GUARD_PRELUDE,
  isDetached,
  kindOf,
  lengthOf,
  quote,
  show,
  typeKeyOfValue,
} from "../values.ts";

/** A callable specialization. */
export interface Entry {
  spec: Specialization;
  /** the user's function (the jitted wrapper): stack frames from it inward are tsjit's */
  boundary: () => unknown;
  ctx: Float64Array;
  /** the FFI function entering the compiled code: the arrays, then ctx */
  native: (...args: BufferSource[]) => number;
  /** the TypeError for arguments whose i-th array is detached */
  detached: (args: unknown[], i: number) => Error;
  /** calls the entry: `run(entry, a0, ..., an)`; shared by all entries of one shape */
  run: (entry: Entry, ...args: unknown[]) => unknown;
  /** `run(this, ...args)` */
  invoke: (...args: unknown[]) => unknown;
  /** the argument guard (set by the dispatch table) */
  accepts?: (...args: unknown[]) => boolean;
}

/** The error a compiled call reported in its context block, thrown at the user's call. */
function runtimeError(entry: Entry): Error {
  const place = (i: number) => errorPlace(entry.spec.sites[i], formatLocation);
  return userFacing(contextError(entry.ctx, place), entry.boundary());
}

/** What a runtime error at `site` names, its location formatted by `where`. */
export function errorPlace(
  site: ErrorSite | undefined,
  where: (src: ErrorSite["src"], range: ErrorSite["range"]) => string,
): ErrorPlace | undefined {
  return site && { array: site.array, fn: site.src.fnName, where: where(site.src, site.range) };
}

/**
 * Runners by shape (which parameters are arrays, booleans or numbers, and the kind of result):
 * one generated function serves every entry of a shape, so that calls spread over many
 * specializations run code that is already optimized.
 */
const runners = new Map<string, Entry["run"]>();

function runnerFor(types: Type[], rt: Type): Entry["run"] {
  const shape = types.map((t) => (isArray(t) ? "a" : t === BOOL ? "b" : "n")).join("") +
    (rt === BOOL ? ":b" : rt === VOID ? ":v" : ":n");
  let run = runners.get(shape);
  if (!run) {
    const params = types.map((_, i) => `a${i}`);
    const body = callSource(types, rt, {
      ctx: "entry.ctx",
      call: "call",
      detached: "detached",
      fail: "fail(entry)",
    });
    run = new Function(
      "fail",
      ...Object.keys(GUARD_HELPERS),
      `return function (entry, ${params.join(", ")}) {
        const call = entry.native, detached = entry.detached;
        ${body}
      }`,
    )(runtimeError, ...Object.values(GUARD_HELPERS)) as Entry["run"];
    runners.set(shape, run);
  }
  return run;
}

/** How callSource's code names what it uses: each a JS expression. */
export interface CallNames {
  /** the context block (a Float64Array of CTX_HEADER + arity slots) */
  ctx: string;
  /** the FFI function: the arrays, then the context block */
  call: string;
  /** `(args, i) => TypeError` for arguments whose i-th array is detached */
  detached: string;
  /** the error to throw when the call reports a failure (contextError) */
  fail: string;
}

/**
 * JS statements that call a specialization taking `types` and returning `rt` with arguments
 * a0..an (already accepted by guardSource's test): fill the context block, call, throw `fail`
 * if the call failed, return the result as JS sees it.
 */
export function callSource(types: Type[], rt: Type, names: CallNames): string {
  const arrays = types.map((t, i) => (isArray(t) ? `a${i}` : "")).filter(Boolean);
  const result = rt === BOOL ? "r !== 0" : rt === VOID ? "undefined" : "r";
  return `const ctx = ${names.ctx};
${fillSource(types, "ctx", names.detached)}
const r = ${names.call}(${[...arrays, "ctx"].join(", ")});
if (ctx[${Ctx.status}] !== ${Status.ok}) throw ${names.fail};
return ${result};`;
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
  detached: (args: unknown[], i: number) => Error,
  boundary: () => unknown,
): Entry {
  if (spec.parallel) startPool();
  const n = spec.argTypes.length;
  const ctx = new Float64Array(CTX_HEADER + n);
  new BigUint64Array(ctx.buffer)[Ctx.entry] = spec.address; // read by entry.c's trampolines
  if (spec.release) compiledCode.register(ctx, spec.release), codeStats.made++;
  const arrays = spec.argTypes.filter(isArray).length;
  const run = runnerFor(spec.argTypes, spec.returnType);
  const entry: Entry = {
    spec,
    boundary,
    ctx,
    native: spec.call ?? trampoline(arrays),
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
    return `${slot} = ${t === BOOL ? `a${i} ? 1 : 0` : `a${i}`};`;
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
  return types.map((t, i) => testSource(t, `a${i}`, declared)).join(" && ") || "true";
}

/** JS source of the test that the value `a` fits a parameter of type `t` (see guardSource). */
function testSource(t: Type, a: string, declared: boolean): string {
  if (isArray(t)) return `kindOf(${a}) === "${t.elem.name}"`;
  if (t === BOOL) return `typeof ${a} === "boolean"`;
  if (t === INT) {
    // -0 is no integer here: an integer parameter cannot hold it (1 / x must stay -Infinity)
    return declared
      ? `typeof ${a} === "number" && ${a} % 1 === 0 && ${a} <= ${Number.MAX_SAFE_INTEGER} && ` +
        `${a} >= ${-Number.MAX_SAFE_INTEGER} && (${a} !== 0 || 1 / ${a} > 0)`
      : `typeof ${a} === "number" && (${a} | 0) === ${a} && (${a} !== 0 || 1 / ${a} > 0)`;
  }
  // a declared f32 parameter takes only numbers a float holds exactly (no silent rounding)
  if (t === F32) return `typeof ${a} === "number" && (fround(${a}) === ${a} || ${a} !== ${a})`;
  return `typeof ${a} === "number"`;
}

/** The helpers guardSource's and fillSource's code refers to, by name. */
export const GUARD_HELPERS = { kindOf, isDetached, lengthOf, fround };

// ---- argument errors ----------------------------------------------------------------------

/** What an argument error names. */
export interface ParameterInfo {
  /** the function's name */
  fn: string;
  /** its parameters' names */
  names: string[];
  /**
   * With declared signatures: per parameter, each type some signature takes there (its name in
   * signatures, and the test of a value); undefined: any value tsjit can take.
   */
  accepted?: [string, (v: unknown) => boolean][][];
  /** the declared signatures, as signatureText prints them */
  signatures: string[];
}

/**
 * JS (or TypeScript) source of ParameterInfo.accepted for specializations taking `signatures`
 * (declared), the tests guardSource's: evaluated with GUARD_HELPERS in scope (acceptedTests; the
 * AOT loader, whose prelude defines them).
 */
export function acceptedSource(signatures: Type[][], typescript = false): string {
  const arity = signatures[0]?.length ?? 0;
  const params = Array.from({ length: arity }, (_, i) => {
    const types = [...new Set(signatures.map((s) => s[i]))];
    return `[${
      types.map((t) =>
        `[${JSON.stringify(typeName(t))}, (v${typescript ? ": unknown" : ""}) => ${
          testSource(t, "v", true)
        }]`
      )
        .join(", ")
    }]`;
  });
  return `[${params.join(", ")}]`;
}

/** ParameterInfo.accepted for specializations taking `signatures` (declared). */
export function acceptedTests(signatures: Type[][]): ParameterInfo["accepted"] {
  return new Function(...Object.keys(GUARD_HELPERS), `return ${acceptedSource(signatures)};`)(
    ...Object.values(GUARD_HELPERS),
  );
}

/** Signature names of the types typeOfValue gives (argumentError's last message). */
const TYPE_NAMES: Record<string, string> = Object.fromEntries(
  [...ARRAY_TYPES, "int", "f64", "bool"].map((t) => [t, typeOfKey(t)!.text]),
);

/**
 * The TypeError for arguments no compiled entry takes (or one whose array is detached), naming
 * the first parameter at fault. Self-contained but for the names invokerPrelude defines: the AOT
 * loader embeds its source.
 */
export function argumentError(p: ParameterInfo, args: ArrayLike<unknown>): TypeError {
  const n = p.names.length;
  if (args.length !== n) {
    return new TypeError(
      `${p.fn}() takes ${n} argument${n === 1 ? "" : "s"} (${p.names.join(", ")}), ` +
        `got ${args.length}`,
    );
  }
  let arrays = 0;
  for (let i = 0; i < n; i++) {
    const v = args[i], t = typeKeyOfValue(v), accepted = p.accepted?.[i];
    if (t === undefined || (accepted && !accepted.some(([, fits]) => fits(v)))) {
      const wanted = accepted
        ? accepted.map(([name]) => name).join(" or ")
        : "a number, a boolean or a typed array (Float64/32Array, Int8/16/32Array, " +
          "Uint8/16/32Array, Uint8ClampedArray)";
      const got = typeof v === "number" || typeof v === "boolean" ? show(v) : describeValue(v);
      return new TypeError(`${p.fn}(): parameter '${p.names[i]}' must be ${wanted}, got ${got}`);
    }
    if (kindOf(v) !== undefined) arrays++;
  }
  if (arrays > MAX_ARRAYS) {
    return new TypeError(
      `${p.fn}(): ${arrays} typed-array arguments; at most ${MAX_ARRAYS} are supported`,
    );
  }
  const types = Array.from(args, (v) => TYPE_NAMES[typeKeyOfValue(v)!]);
  return new TypeError(
    `${p.fn}(): no compiled signature accepts (${types.join(", ")}); declared: ${
      p.signatures.join("; ")
    }`,
  );
}

/**
 * JS source (a function body) defining what the AOT loader's invokers use, from the very
 * functions the JIT runs: the guard helpers, argument and runtime errors. It returns them.
 */
export function invokerPrelude(): string {
  const values = { Ctx, Status, MAX_ARRAYS, ARRAY_TYPES, TYPE_NAMES };
  const functions = [
    article,
    quote,
    show,
    describeValue,
    typeKeyOfValue,
    argumentError,
    contextError,
  ];
  return [
    GUARD_PRELUDE,
    "const isArrayIntrinsic = Array.isArray, isViewIntrinsic = ArrayBuffer.isView;",
    ...Object.entries(values).map(([k, v]) => `const ${k} = ${JSON.stringify(v)};`),
    ...functions.map(String),
    `return { ${[...Object.keys(GUARD_HELPERS), "argumentError", "contextError"].join(", ")} };`,
  ].join("\n");
}

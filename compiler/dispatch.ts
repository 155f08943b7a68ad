// jit(): the dispatcher. Picks (or compiles) the specialization for the argument types of each
// call and enters it through a dlopen'd trampoline, so a call costs tens of nanoseconds.
import {
  acceptedTests,
  argumentError as invalidArguments,
  type Entry,
  makeEntry,
} from "./runtime/invoke.ts";
import { DispatchTable, MAX_SPECIALIZATIONS } from "./_table.ts";
import { describeValue, show, typeOfValue } from "./values.ts";
import { type FunctionOptions, JitSource, SOURCE, SPECIALIZATIONS } from "./source.ts";
import { CompileError } from "./diagnostics.ts";
import { env, userFacing, warnOnce } from "./host.ts";
import { annotatedSignatures } from "./frontend/locate.ts";
import { adoptEntry, cacheKey, dependencies } from "./cache/deps.ts";
import { creationFrames } from "./frontend/scope.ts";
import { cacheStats, loadEntry, storeEntry } from "./cache/store.ts";
import { UntrustedCache } from "./cache/trust.ts";
import {
  assemblyOf,
  compileSpecialization,
  objectOf,
  signatureText,
  type Specialization,
} from "./pipeline.ts";
import { MAX_ARRAYS } from "./runtime/abi.ts";
import {
  BOOL,
  isArray,
  isNumeric,
  parseSignature,
  parseTypeName,
  type Type,
  typeName,
} from "./types/types.ts";

/** Options of `jit()`. */
export interface JitOptions {
  /** Allow floating-point reassociation and contraction (results may then differ from JS). */
  fastmath?: boolean;
  /** Check typed-array indexes (default true); out of bounds throws a RangeError. */
  boundscheck?: boolean;
  /**
   * Values of free names in the body: numbers and booleans (captured when compiling), typed
   * arrays (read by reference: passed on every call, so writes either side are seen), frozen
   * objects (their fields read as `C.x`, constants) and jitted functions (called natively).
   * Without `globals`, names resolve where the function is defined (see README).
   */
  globals?: Record<string, number | boolean | object | ((...args: never[]) => unknown)>;
  /** Run the plain function (warning once, with the reason) when compiling fails. */
  fallback?: boolean;
  /**
   * Compile now, for these signatures only (`"f64(f64[], i64)"` or `"(f64[], i64) -> f64"`);
   * arguments are then accepted where they convert safely, others are a TypeError.
   */
  signature?: string | string[];
  /**
   * Compile now, for the types the parameters' TypeScript annotations give (`x: Float64Array`,
   * `n: number` as f64, `flag: boolean`, unions of these): read from the file that calls jit(),
   * which needs --allow-read and loads TypeScript at definition. `signature` takes precedence.
   */
  eager?: boolean;
  /** Fixed types of local variables, by name: `{ s: "f32", n: "i64" }`. */
  locals?: Record<string, string>;
  /**
   * Most specializations compiled from the argument types seen (default 1,024); calls with
   * further new types run as plain JS, with a one-line warning. Declared signatures don't count.
   */
  maxSpecializations?: number;
  /** Where the function was defined, for messages (default: the caller of jit()). */
  origin?: string;
  /**
   * Keep compiled code on disk (TSJIT_CACHE_DIR, else ~/.cache/tsjit) and reuse it in later
   * processes without compiling. `TSJIT_CACHE=1` turns it on for every function.
   */
  cache?: boolean;
}

/** Milliseconds one signature took to compile, by stage. */
export interface CompileTimes {
  /** parsing, type inference and lowering to LLVM IR */
  front: number;
  /** LLVM's optimization passes */
  optimize: number;
  /** machine code generation and linking */
  codegen: number;
}

/** A jitted function: callable like the original, with inspection methods. */
export interface JitFunction<F extends (...args: never[]) => unknown> {
  (...args: Parameters<F>): ReturnType<F>;
  /** The original, plain JS function. */
  readonly original: F;
  /** @deprecated Numba's name for {@linkcode JitFunction.original}. */
  readonly py_func: F;
  /** The compiled signatures, e.g. `["(f64[], f64[], f64[]) -> void"]`. */
  readonly signatures: string[];
  /** Variable types per compiled signature. */
  inspectTypes(signature?: string): string;
  /**
   * tsjit's mid-level IR per compiled signature, after its passes: every statement with its
   * expressions' types, and each loop with what the passes found (`counted`, `versioned`,
   * `countdown`, `parallel`, `streaming`). It is what the LLVM IR is generated from.
   *
   * @example
   * ```ts
   * const sum = jit((a: Float64Array) => {
   *   let s = 0;
   *   for (let i = 0; i < a.length; i++) s += a[i];
   *   return s;
   * });
   * sum(new Float64Array(8));
   * console.log(sum.inspectIR());
   * // ; (f64[]) -> f64
   * // function <anonymous>(a: f64[]) -> f64
   * //   let s: f64 = 0 : i64
   * //   loop for (let i = 0; i < a.length; i++)  [counted(i; covers a[i]) versioned]
   * //     let i: i64 = 0 : i64
   * //     s += a[i] : f64
   * //   return s : f64
   * ```
   */
  inspectIR(signature?: string): string;
  /** Optimized LLVM IR per compiled signature. */
  inspectLLVM(signature?: string): string;
  /** Host assembly per compiled signature. */
  inspectAsm(signature?: string): string;
  /**
   * What each prange loop became, per compiled signature: parallel or serial and why, the
   * reductions found and how they combine, private and last-value variables, what was hoisted.
   */
  parallelDiagnostics(signature?: string): string;
  /** Compile time of each signature in milliseconds, by stage. */
  readonly compileTimes: Record<string, CompileTimes>;
}

/** Where `jit()` was called from: the first stack frame outside tsjit's compiler. */
function callerOrigin(): string | undefined {
  const here = new URL("./", import.meta.url).href;
  const modUrl = new URL(`../mod.${import.meta.url.endsWith(".js") ? "js" : "ts"}`, import.meta.url)
    .href;
  for (const line of (new Error().stack ?? "").split("\n").slice(1)) {
    const m = line.match(/\(?((?:file|https?):\/\/[^\s)]+?):(\d+):(\d+)\)?$/);
    if (m && !m[1].startsWith(here) && m[1] !== modUrl) {
      const file = m[1].startsWith("file:") ? decodeURIComponent(m[1].slice(7)) : m[1];
      return `${file}:${m[2]}:${m[3]}`;
    }
  }
  return undefined;
}

function functionOptions(options: JitOptions): FunctionOptions {
  const locals = new Map<string, Type>();
  for (const [name, text] of Object.entries(options.locals ?? {})) {
    const t = typeof text === "string" ? parseTypeName(text) : undefined;
    if (!t || (!isNumeric(t) && t !== BOOL)) {
      throw new TypeError(`locals.${name}: unknown or unsupported type ${show(text)}`);
    }
    locals.set(name, t);
  }
  const forced = env("TSJIT_BOUNDSCHECK");
  if (forced !== undefined && forced !== "" && forced !== "0" && forced !== "1") {
    throw new TypeError(
      `TSJIT_BOUNDSCHECK must be 0 or 1 (or unset); got ${JSON.stringify(forced)}`,
    );
  }
  return {
    fastmath: options.fastmath ?? false,
    // as NUMBA_BOUNDSCHECK: set, it overrides every function's option
    boundscheck: forced ? forced === "1" : options.boundscheck ?? true,
    racecheck: env("TSJIT_RACECHECK") === "1",
    locals,
    declared: options.signature !== undefined,
  };
}

/**
 * Wraps a numeric function so that each call with new argument types compiles it to native code.
 *
 * @example
 * ```ts
 * import { jit } from "./mod.ts";
 * const sum = jit((x: Float64Array) => {
 *   let s = 0;
 *   for (let i = 0; i < x.length; i++) s += x[i];
 *   return s;
 * });
 * sum(new Float64Array([1, 2, 3])); // 6, computed by machine code
 * ```
 */
export function jit<F extends (...args: never[]) => unknown>(
  fn: F,
  options: JitOptions = {},
): JitFunction<F> {
  if (typeof fn !== "function") {
    throw new TypeError(`jit() expects a function, got ${describeValue(fn)}`);
  }
  if (env("TSJIT_DISABLE_JIT") === "1") return plainFunction(fn);
  const name = fn.name || "<anonymous>";
  const frames = creationFrames();
  const origin = options.origin ?? callerOrigin();
  const source = new JitSource(
    fn,
    name,
    functionOptions(options),
    origin,
    options.globals,
    frames,
  );
  let signatures = options.signature;
  if (signatures === undefined && options.eager) {
    try {
      signatures = annotatedSignatures(source.parsed().src);
    } catch (e) {
      throw userFacing(e, jit);
    }
  }
  /** by argument types: the entry, the compile error, or "plain" past the specialization limit */
  const entries = new Map<string, Entry | CompileError | "plain">();
  const arity = fn.length; // read once: a redefined `length` may be a getter
  if (!Number.isSafeInteger(arity) || arity < 0 || arity > 1024) {
    throw new TypeError(
      `jit(): ${name}'s length property is ${show(arity)}, not a parameter count`,
    );
  }
  const declared = signatures !== undefined;
  const table = new DispatchTable(arity, declared, (...args) => slow(...args));
  let plainOnly = false; // a declared signature failed to compile, with `fallback`
  const limit = options.maxSpecializations ?? MAX_SPECIALIZATIONS;
  let limitWarned = false;
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new TypeError(
      `maxSpecializations must be a positive integer, got ${show(options.maxSpecializations)}`,
    );
  }
  const order = table.entries;
  let warned = false;

  const fallBack = (reason: string) => {
    if (!warned) {
      warned = true;
      console.warn(
        `tsjit: running ${source.displayName()}() as plain JS: ${reason.split("\n")[0]}`,
      );
    }
  };

  function argumentError(args: ArrayLike<unknown>): TypeError {
    const params = source.parsed().ast.params; // a CompileError if it cannot parse
    // with the hidden values (an entry's check of its arguments), or as the caller gave them
    const names = params.filter((p) => args.length === params.length || !p.hidden)
      .map((p) => p.hidden ? `${p.name} (a table the body reads)` : p.name);
    const signatures = order.map((e) => e.spec.argTypes);
    return invalidArguments({
      fn: source.displayName(),
      names,
      accepted: declared && signatures.length ? acceptedTests(signatures) : undefined,
      signatures: order.map((e) => signatureText(e.spec.argTypes, e.spec.returnType)),
    }, args);
  }

  let useCache = options.cache ?? env("TSJIT_CACHE") === "1";
  /** typed arrays the body reads by reference, passed after the arguments (known once parsed) */
  let hidden: object[] | undefined;
  const withHidden = (args: unknown[]) => hidden?.length ? [...args, ...hidden] : args;

  /** A specialization from the cache, or compiled now (and then stored when caching). */
  function specialize(argTypes: Type[]): Specialization {
    let key: string | undefined;
    if (useCache) {
      try {
        key = cacheKey(source, argTypes);
        const hit = loadEntry(key, (meta) => adoptEntry(source, meta));
        if (hit) return hit;
      } catch (e) {
        const why = (e as Error).message.split("\n")[0];
        warnOnce(e instanceof UntrustedCache ? why : `compile cache disabled: ${why}`);
        useCache = false;
      }
    }
    const p = source.parsed();
    const own = p.ast.params.filter((x) => !x.hidden).length;
    if (own !== arity) {
      // the dispatcher counts arguments by fn.length, which user code can redefine
      throw new CompileError(
        `${name}() declares ${own} parameter${own === 1 ? "" : "s"} but its length property says ` +
          `${show(arity)}; tsjit needs them to agree (was 'length' redefined?)`,
        "parameter count",
        p.ast.range,
        p.src,
      );
    }
    if (hidden === undefined) {
      hidden = p.ast.hidden ?? [];
      if (hidden.length) table.setHidden(hidden);
    }
    const hiddenTypes = hidden.map((h, i) => {
      const t = typeOfValue(h);
      if (t) return t;
      const param = p.ast.params[own + i];
      throw new CompileError(
        `'${param.name}' is ${describeValue(h)}, which compiled code cannot read`,
        "module table",
        param.range,
        p.src,
      );
    });
    cacheStats.compiles++;
    const spec = compileSpecialization(source, [...argTypes, ...hiddenTypes]);
    // hidden values are this process's objects: such code is not kept in the cache
    if (useCache && key && !hidden.length) {
      try {
        storeEntry(key, name, spec, objectOf(spec), dependencies(source, spec));
      } catch (e) {
        const why = (e as Error).message.split("\n")[0];
        warnOnce(
          e instanceof UntrustedCache
            ? why
            : `could not store ${name} in the compile cache: ${why}`,
        );
      }
    }
    return spec;
  }

  function compile(argTypes: Type[], returns?: Type): Entry {
    const spec = specialize(argTypes);
    if (returns !== undefined && returns !== spec.returnType) {
      const both = [returns, spec.returnType];
      if (!both.every((t) => isNumeric(t))) {
        const p = source.parsed();
        throw new CompileError(
          `declared return type ${typeName(returns)}, but the function returns ${
            typeName(spec.returnType)
          }`,
          "signature",
          p.ast.range,
          p.src,
        );
      }
    }
    const e = makeEntry(spec, (args) => userFacing(argumentError(args), jitted), () => jitted);
    table.add(e);
    return e;
  }

  function slow(...args: unknown[]): unknown {
    // Nothing on the way to a cached entry parses the function: a cache hit loads neither
    // TypeScript nor LLVM. (An unparsable function fails in compile(), as a CompileError.)
    if (plainOnly) return fn(...args as never[]);
    const types = args.map(typeOfValue);
    const bad = args.length !== arity || types.some((t) => t === undefined) ||
      types.filter((t) => t && isArray(t)).length > MAX_ARRAYS;
    if (bad) {
      if (options.fallback) {
        let reason: string;
        try {
          reason = argumentError(args).message;
        } catch (e) {
          reason = (e as Error).message;
        }
        return fallBack(reason), fn(...args as never[]);
      }
      throw userFacing(argumentError(args), jitted);
    }
    if (declared) {
      const found = table.find(withHidden(args));
      if (!found) throw userFacing(argumentError(args), jitted);
      return table.invoke(found, withHidden(args));
    }
    const argTypes = types as Type[];
    const key = argTypes.map((t) => t.key).join(",");
    let e = entries.get(key);
    if (!e && order.length >= limit) {
      if (!limitWarned) {
        limitWarned = true;
        console.warn(
          `tsjit: ${name}() has ${limit} compiled specializations, the limit ` +
            `(maxSpecializations); calls with other argument types, like ` +
            `(${argTypes.map(typeName).join(", ")}), run as plain JS`,
        );
      }
      e = "plain";
      entries.set(key, e);
    }
    if (!e) {
      try {
        e = compile(argTypes);
      } catch (err) {
        if (!(err instanceof CompileError)) throw err;
        e = err;
      }
      entries.set(key, e);
    }
    if (e === "plain") return fn(...args as never[]);
    if (e instanceof CompileError) {
      if (options.fallback) return fallBack(e.message), fn(...args as never[]);
      throw userFacing(e, jitted);
    }
    return table.invoke(e, withHidden(args));
  }

  if (declared) {
    const list = Array.isArray(signatures) ? signatures : [signatures!];
    for (const text of list) {
      if (typeof text !== "string") {
        throw new TypeError(
          `signature must be a string like "f64(f64[], i64)" (or a list of them), got ${
            show(text)
          }`,
        );
      }
      const sig = parseSignature(text);
      if (sig.args.length !== arity) {
        throw new TypeError(
          `signature ${
            JSON.stringify(text)
          } has ${sig.args.length} parameters; ${name}() has ${arity}`,
        );
      }
      try {
        compile(sig.args, sig.returns);
      } catch (err) {
        if (!(err instanceof CompileError) || !options.fallback) throw userFacing(err, jit);
        fallBack(err.message);
        plainOnly = true;
        break;
      }
    }
  }

  const params = Array.from({ length: arity }, (_, i) => `a${i}`).join(", ");
  const jitted = new Function(
    "table",
    "other",
    `return function ${safeName(fn.name)}(${params}) {
    return arguments.length === ${arity} ? table.fast(${params}) : other(arguments);
  }`,
  )(table, (args: ArrayLike<unknown>) => slow(...Array.from(args))) as JitFunction<F>;
  // `name` as JS gives it, also where the source above could not use it ("default", "new", "")
  Object.defineProperty(jitted, "name", { value: fn.name, configurable: true });

  const pick = (signature?: string): Specialization[] => {
    const specs = order.map((e) => e.spec);
    if (signature === undefined) return specs;
    const found = specs.filter((s) =>
      signatureText(s.argTypes, s.returnType).startsWith(signature)
    );
    if (!found.length) {
      throw new Error(
        `no compiled signature ${show(signature)}; compiled: ${
          jitted.signatures.join("; ") || "none"
        }`,
      );
    }
    return found;
  };
  const each = (signature: string | undefined, f: (s: Specialization) => string) =>
    pick(signature).map((s) => `; ${signatureText(s.argTypes, s.returnType)}\n${f(s)}`)
      .join("\n\n");
  Object.defineProperties(jitted, {
    [SOURCE]: { value: source },
    [SPECIALIZATIONS]: { value: () => order.map((e) => e.spec) },
    original: { value: fn },
    py_func: { value: fn },
    signatures: { get: () => order.map((e) => signatureText(e.spec.argTypes, e.spec.returnType)) },
    inspectTypes: { value: (s?: string) => pick(s).map((x) => x.typesText).join("\n\n") },
    inspectIR: { value: (s?: string) => each(s, mirText) },
    inspectLLVM: { value: (s?: string) => each(s, (x) => x.optimizedIR) },
    inspectAsm: { value: (s?: string) => each(s, assemblyOf) },
    parallelDiagnostics: { value: (s?: string) => each(s, parallelText) },
    compileTimes: {
      get: () =>
        Object.fromEntries(
          order.map((e) => [signatureText(e.spec.argTypes, e.spec.returnType), e.spec.timings]),
        ),
    },
  });
  return jitted;
}

function mirText(s: Specialization): string {
  return s.mirText ?? "(loaded from the compile cache: its IR was not kept)";
}

function parallelText(s: Specialization): string {
  if (!s.parallelReport) return "(loaded from the compile cache: no diagnostics were recorded)";
  return s.parallelReport.join("\n") || "no prange loops";
}

/** TSJIT_DISABLE_JIT=1 (as NUMBA_DISABLE_JIT): the plain function, with the same interface. */
function plainFunction<F extends (...args: never[]) => unknown>(fn: F): JitFunction<F> {
  const plain = function (this: unknown, ...args: Parameters<F>) {
    return fn.apply(this, args);
  } as JitFunction<F>;
  const none = () => "(not compiled: TSJIT_DISABLE_JIT=1)";
  Object.defineProperties(plain, {
    name: { value: fn.name },
    original: { value: fn },
    py_func: { value: fn },
    signatures: { get: () => [] },
    inspectTypes: { value: none },
    inspectIR: { value: none },
    inspectLLVM: { value: none },
    inspectAsm: { value: none },
    compileTimes: { get: () => ({}) },
  });
  return plain;
}

/** Words a function declaration cannot be named (`export default function () {}` is "default"). */
const RESERVED = new Set(
  ("await break case catch class const continue debugger default delete do else enum export " +
    "extends false finally for function if import in instanceof let new null return static super " +
    "switch this throw true try typeof var void while with yield arguments eval").split(" "),
);

function safeName(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) && !RESERVED.has(name) ? name : "jitted";
}

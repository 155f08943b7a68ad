// jit(): the dispatcher. Picks (or compiles) the specialization for the argument types of each
// call and enters it through a dlopen'd trampoline, so a call costs tens of nanoseconds.
import { CompileError, type SourceInfo } from "./diagnostics.ts";
import type { FunctionAST } from "./frontend/ast.ts";
import { parseFunction } from "./frontend/parse.ts";
import { type Resolved, resolveNames } from "./frontend/resolve.ts";
import { CTX_HEADER, Status } from "./lower/lower.ts";
import { formatLocation } from "./diagnostics.ts";
import {
  assemblyOf,
  compileSpecialization,
  signatureText,
  type Specialization,
  typesReport,
} from "./pipeline.ts";
import { MAX_ARRAYS, trampoline } from "./runtime/entry.ts";
import { describeValue, isArray, type Type, typeOfValue } from "./types/types.ts";

/** Options of `jit()`. */
export interface JitOptions {
  /** Allow floating-point reassociation and contraction (results may then differ from JS). */
  fastmath?: boolean;
  /** Check typed-array indexes (default true); out of bounds throws a RangeError. */
  boundscheck?: boolean;
}

/** A jitted function: callable like the original, with inspection methods. */
export interface JitFunction<F extends (...args: never[]) => unknown> {
  (...args: Parameters<F>): ReturnType<F>;
  /** The original, plain JS function. */
  readonly py_func: F;
  /** The compiled signatures, e.g. `["(f64[], f64[], f64[]) -> void"]`. */
  readonly signatures: string[];
  /** Variable types per compiled signature. */
  inspectTypes(signature?: string): string;
  /** Optimized LLVM IR per compiled signature. */
  inspectLLVM(signature?: string): string;
  /** Host assembly per compiled signature. */
  inspectAsm(signature?: string): string;
  /** Compile time of each signature in milliseconds, by stage. */
  readonly compileTimes: Record<string, Specialization["timings"]>;
}

interface Entry {
  spec: Specialization;
  ctx: Float64Array;
  invoke: (...args: unknown[]) => unknown;
}

/** Where `jit()` was called from: the first stack frame outside tsjit's compiler. */
function callerOrigin(): string | undefined {
  const here = new URL("./", import.meta.url).href;
  const modUrl = new URL("../mod.ts", import.meta.url).href;
  for (const line of (new Error().stack ?? "").split("\n").slice(1)) {
    const m = line.match(/\(?((?:file|https?):\/\/[^\s)]+?):(\d+):\d+\)?$/);
    if (m && !m[1].startsWith(here) && m[1] !== modUrl) {
      return `${m[1].replace(/^file:\/\//, "")}:${m[2]}`;
    }
  }
  return undefined;
}

const enum Ret {
  number,
  bool,
  void,
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
  const opts = { fastmath: options.fastmath ?? false, boundscheck: options.boundscheck ?? true };
  const origin = callerOrigin();
  const info = { fnName: fn.name || "<anonymous>", origin };
  let parsed: { ast: FunctionAST; resolved: Resolved } | CompileError | undefined;
  const entries = new Map<string, Entry | CompileError>();
  const order: Entry[] = [];
  const arity = fn.length;

  function parse() {
    if (!parsed) {
      try {
        const ast = parseFunction(fn.toString(), info);
        parsed = { ast, resolved: resolveNames(ast, origin) };
      } catch (e) {
        if (!(e instanceof CompileError)) throw e;
        parsed = e;
      }
    }
    return parsed;
  }

  function argumentError(args: ArrayLike<unknown>): TypeError {
    const p = parse();
    if (p instanceof CompileError) throw p;
    const names = p.ast.params.map((d) => d.name);
    if (args.length !== names.length) {
      return new TypeError(
        `${info.fnName}() takes ${names.length} argument${names.length === 1 ? "" : "s"} ` +
          `(${names.join(", ")}), got ${args.length}`,
      );
    }
    for (let i = 0; i < names.length; i++) {
      if (typeOfValue(args[i]) === undefined) {
        return new TypeError(
          `${info.fnName}(): parameter '${names[i]}' must be a number, a boolean or a typed ` +
            `array, got ${describeValue(args[i])}`,
        );
      }
    }
    const arrays = Array.from(args).filter((a) => ArrayBuffer.isView(a)).length;
    return new TypeError(
      `${info.fnName}(): ${arrays} typed-array arguments; at most ${MAX_ARRAYS} are supported`,
    );
  }

  function runtimeError(entry: Entry): Error {
    const ctx = entry.ctx;
    const status = ctx[1];
    const site = entry.spec.sites[ctx[3]];
    ctx[1] = 0;
    const where = site
      ? "\n  " +
        formatLocation({ source: (parsed as { ast: FunctionAST }).ast.source, ...info }, site.range)
      : "";
    switch (status) {
      case Status.outOfBounds:
        return new RangeError(
          `index ${ctx[2]} is out of bounds for '${site?.array}' (length ${ctx[4]})${where}`,
        );
      case Status.nonIntegerIndex:
        return new RangeError(`index into '${site?.array}' is not an integer${where}`);
      case Status.zeroStep:
        return new RangeError(`range() step must not be 0${where}`);
      case Status.noReturnValue:
        return new TypeError(
          `${info.fnName}() reached its end without returning a value (plain JS would return ` +
            `undefined, which a compiled function cannot)${where}`,
        );
    }
    return new Error(`tsjit: unknown runtime status ${status}`);
  }

  /** Builds the invoker of one specialization: fill the context block, call, check status. */
  function makeEntry(spec: Specialization): Entry {
    const n = spec.argTypes.length;
    const ctx = new Float64Array(new ArrayBuffer((CTX_HEADER + n) * 8));
    new BigUint64Array(ctx.buffer)[0] = spec.address;
    const arrays = spec.argTypes.map((t, i) => (isArray(t) ? i : -1)).filter((i) => i >= 0);
    const call = trampoline(arrays.length);
    const ret = spec.returnType === "bool"
      ? Ret.bool
      : spec.returnType === "void"
      ? Ret.void
      : Ret.number;
    const entry = { spec, ctx } as Entry;
    const params = Array.from({ length: n }, (_, i) => `a${i}`);
    const fills = spec.argTypes.map((t, i) =>
      `ctx[${CTX_HEADER + i}] = ${
        isArray(t) ? `a${i}.length` : t === "bool" ? `a${i} ? 1 : 0` : `a${i}`
      };`
    );
    const result = ret === Ret.bool ? "r !== 0" : ret === Ret.void ? "undefined" : "r";
    const body = `${fills.join("\n")}
      const r = call(${[...arrays.map((i) => `a${i}`), "ctx"].join(", ")});
      if (ctx[1] !== 0) throw fail(entry);
      return ${result};`;
    entry.invoke = new Function(
      "ctx",
      "call",
      "fail",
      "entry",
      `return function (${params.join(", ")}) {${body}}`,
    )(
      ctx,
      call,
      runtimeError,
      entry,
    );
    return entry;
  }

  /** The guard that accepts arguments for a specialization, as JS source over a0..an. */
  function guardSource(types: Type[]): string {
    return types.map((t, i) => {
      const a = `a${i}`;
      if (isArray(t)) return `${a} instanceof ${t}`;
      if (t === "bool") return `typeof ${a} === "boolean"`;
      if (t === "int") {
        return `typeof ${a} === "number" && (${a} | 0) === ${a} && (${a} !== 0 || 1 / ${a} > 0)`;
      }
      return `typeof ${a} === "number"`;
    }).join(" && ") || "true";
  }

  let fast: (...args: unknown[]) => unknown = slow;

  /** Regenerates the fast dispatcher over all compiled specializations, int ones first. */
  function rebuildFast() {
    const sorted = [...order].sort((x, y) =>
      x.spec.argTypes.filter((t) => t === "f64").length -
      y.spec.argTypes.filter((t) => t === "f64").length
    );
    const params = Array.from({ length: arity }, (_, i) => `a${i}`);
    const tests = sorted.map((e, k) =>
      `if (${guardSource(e.spec.argTypes)}) return e${k}.invoke(${params.join(", ")});`
    );
    const src = `return function (${params.join(", ")}) {
      if (arguments.length === ${arity}) { ${tests.join("\n")} }
      return slow(...arguments);
    }`;
    fast = new Function(...sorted.map((_, k) => `e${k}`), "slow", src)(...sorted, slow);
  }

  function slow(...args: unknown[]): unknown {
    const p = parse();
    if (p instanceof CompileError) throw p;
    if (args.length !== p.ast.params.length) throw argumentError(args);
    const types = args.map(typeOfValue);
    if (types.some((t) => t === undefined)) throw argumentError(args);
    const argTypes = types as Type[];
    if (argTypes.filter(isArray).length > MAX_ARRAYS) throw argumentError(args);
    const key = argTypes.join(",");
    let e = entries.get(key);
    if (!e) {
      try {
        const src: SourceInfo = { source: p.ast.source, ...info };
        e = makeEntry(compileSpecialization(p.ast, p.resolved, argTypes, src, opts));
        order.push(e);
        rebuildFast();
      } catch (err) {
        if (!(err instanceof CompileError)) throw err;
        e = err;
      }
      entries.set(key, e);
    }
    if (e instanceof CompileError) throw e;
    return e.invoke(...args);
  }

  const params = Array.from({ length: arity }, (_, i) => `a${i}`).join(", ");
  const jitted = new Function(
    "dispatch",
    `return function ${safeName(fn.name)}(${params}) {
    return dispatch().apply(undefined, arguments);
  }`,
  )(() => fast) as JitFunction<F>;

  const pick = (signature?: string): Specialization[] => {
    const specs = order.map((e) => e.spec);
    if (signature === undefined) return specs;
    const found = specs.filter((s) =>
      signatureText(s.argTypes, s.returnType).startsWith(signature)
    );
    if (!found.length) {
      throw new Error(
        `no compiled signature ${signature}; compiled: ${jitted.signatures.join("; ") || "none"}`,
      );
    }
    return found;
  };
  const each = (signature: string | undefined, f: (s: Specialization) => string) =>
    pick(signature).map((s) => `; ${signatureText(s.argTypes, s.returnType)}\n${f(s)}`).join(
      "\n\n",
    );
  Object.defineProperties(jitted, {
    py_func: { value: fn },
    signatures: { get: () => order.map((e) => signatureText(e.spec.argTypes, e.spec.returnType)) },
    inspectTypes: { value: (s?: string) => pick(s).map(typesReport).join("\n\n") },
    inspectLLVM: { value: (s?: string) => each(s, (x) => x.optimizedIR) },
    inspectAsm: { value: (s?: string) => each(s, assemblyOf) },
    compileTimes: {
      get: () =>
        Object.fromEntries(
          order.map((e) => [signatureText(e.spec.argTypes, e.spec.returnType), e.spec.timings]),
        ),
    },
  });
  return jitted;
}

function safeName(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : "jitted";
}

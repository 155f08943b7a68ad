// vectorize(): Numba's @vectorize. A scalar function of numbers becomes an element-wise
// function over typed arrays: scalars broadcast, lengths must match, the result goes to an
// optional last `out` array or a new Float64Array. Each pattern of array and scalar arguments
// gets a small generated kernel, jitted, that calls the jitted scalar function natively in a
// loop (`range`, or `prange` for target "parallel").
import { jit, type JitFunction } from "../compiler/dispatch.ts";
import { describeValue } from "../compiler/values.ts";

/** Options of `vectorize()`. */
export interface VectorizeOptions {
  /** "serial" (the default): one thread; "parallel": the elements are split over the pool. */
  target?: "serial" | "parallel";
}

/** A typed array a vectorized function takes or returns. */
export type Numeric =
  | Float64Array
  | Float32Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | Uint8ClampedArray;

/** An element-wise function made by `vectorize`. */
export type Vectorized = (...args: (number | Numeric)[]) => Numeric | number;

const isTypedArray = (x: unknown): x is Numeric =>
  ArrayBuffer.isView(x) && !(x instanceof DataView) && !(x instanceof BigInt64Array) &&
  !(x instanceof BigUint64Array);

/**
 * Makes `fn`, a function of numbers returning a number, apply element-wise over typed arrays.
 * Arguments may be typed arrays (all of one length) or numbers (used for every element); an
 * extra last argument is the array to write to, else a new Float64Array is returned. With no
 * array argument the result is `fn`'s own. Results are those of the plain loop
 * `out[i] = fn(a[i], b[i], ...)`.
 *
 * @example
 * ```ts
 * import { vectorize } from "./mod.ts";
 * const clip = vectorize((x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi));
 * clip(new Float64Array([-2, 0.5, 9]), 0, 1); // Float64Array [0, 0.5, 1]
 * const fast = vectorize((x: number) => x * x + 1, { target: "parallel" });
 * ```
 */
export function vectorize(
  fn: (...xs: number[]) => number | boolean,
  options: VectorizeOptions = {},
): Vectorized {
  if (typeof fn !== "function") {
    throw new TypeError(`vectorize() expects a function, got ${describeValue(fn)}`);
  }
  const target = options.target ?? "serial";
  if (target !== "serial" && target !== "parallel") {
    throw new TypeError(
      `vectorize(): target must be "serial" or "parallel", got ${String(target)}`,
    );
  }
  const arity = fn.length;
  const name = fn.name || "the vectorized function";
  const scalar = (("signatures" in fn) ? fn : jit(fn)) as JitFunction<typeof fn>;
  const kernels = new Map<string, (...a: unknown[]) => void>();
  const kernel = (pattern: string) => {
    let k = kernels.get(pattern);
    if (!k) {
      const params = Array.from({ length: arity }, (_, i) => `a${i}`);
      const call = params.map((p, i) => pattern[i] === "a" ? `${p}[i]` : p).join(", ");
      const loop = target === "parallel" ? "prange" : "range";
      const source = new Function(
        ...params,
        "out",
        `for (const i of ${loop}(out.length)) out[i] = f(${call});`,
      ) as (...a: unknown[]) => void;
      k = jit(source, { globals: { f: scalar } }) as unknown as (...a: unknown[]) => void;
      kernels.set(pattern, k);
    }
    return k;
  };
  return (...args) => {
    if (args.length !== arity && args.length !== arity + 1) {
      throw new TypeError(
        `${name} takes ${arity} argument${arity === 1 ? "" : "s"} (and an optional output ` +
          `array), got ${args.length}`,
      );
    }
    let length = -1;
    args.forEach((a, i) => {
      const what = i === arity ? "the output array" : `argument ${i + 1}`;
      if (isTypedArray(a)) {
        if (length >= 0 && a.length !== length) {
          throw new RangeError(
            `${name}: ${what} has length ${a.length}, but an earlier array has ${length}`,
          );
        }
        length = a.length;
      } else if (typeof a !== "number" || i === arity) {
        throw new TypeError(
          `${name}: ${what} must be ${
            i === arity ? "a typed array" : "a number or a typed array"
          }, got ${describeValue(a)}`,
        );
      }
    });
    if (length < 0) return scalar(...(args as number[])) as number;
    const out = (args.length > arity ? args[arity] : new Float64Array(length)) as Numeric;
    const pattern = args.slice(0, arity).map((a) => typeof a === "number" ? "s" : "a").join("");
    kernel(pattern)(...args.slice(0, arity), out);
    return out;
  };
}

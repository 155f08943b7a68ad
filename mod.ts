/**
 * tsjit: a just-in-time compiler for numeric TypeScript on Deno.
 *
 * Wrap a plain numeric function with {@linkcode jit}; its first call with new argument types
 * parses it, infers types, lowers it to LLVM IR, optimizes it for the host CPU and runs it as
 * native code. Results are those of the plain function (see docs/semantics.md for the few
 * documented differences), out-of-bounds indexing throws a RangeError.
 *
 * @example
 * ```ts
 * import { jit } from "./mod.ts";
 *
 * const addarr = jit((x: Float64Array, y: Float64Array, r: Float64Array) => {
 *   for (let i = 0; i < r.length; i++) r[i] = x[i] + y[i];
 * });
 * const x = new Float64Array([1, 2]), y = new Float64Array([3, 4]), r = new Float64Array(2);
 * addarr(x, y, r); // r is now [4, 6]
 * console.log(addarr.signatures); // ["(f64[], f64[], f64[]) -> void"]
 * ```
 *
 * @example What the compiler made of it: tsjit's mid-level IR after its passes (loops with what
 * was found: `counted`, `versioned`, `parallel`, `streaming`), then LLVM IR and assembly.
 * ```ts
 * import { jit } from "./mod.ts";
 *
 * const scale = jit((x: Float64Array, k: number) => {
 *   for (let i = 0; i < x.length; i++) x[i] *= k;
 * });
 * scale(new Float64Array(4), 2);
 * console.log(scale.inspectIR());
 * // ; (f64[], i64) -> void
 * // function <anonymous>(x: f64[], k: i64) -> void
 * //   loop for (let i = 0; i < x.length; i++)  [counted(i; covers x[i]) versioned streaming(x)]
 * //     let i: i64 = 0 : i64
 * //     x[i] *= k : f64
 * console.log(scale.inspectLLVM(), scale.inspectAsm());
 * ```
 *
 * @module
 */
export { type CompileTimes, jit, type JitFunction, type JitOptions } from "./compiler/dispatch.ts";
export { CompileError, type Range, type SourceInfo } from "./compiler/diagnostics.ts";
export { cacheStats } from "./compiler/cache/store.ts";
export { prange, range } from "./parallel/range.ts";
export {
  getChunkSize,
  getNumThreads,
  getThreadId,
  setChunkSize,
  setNumThreads,
} from "./parallel/pool.ts";
export {
  type ElementName,
  type ElementTypes,
  empty,
  type TypedArrayConstructor,
  zeros,
} from "./parallel/shared.ts";
export {
  type Numeric,
  vectorize,
  type Vectorized,
  type VectorizeOptions,
} from "./parallel/vectorize.ts";

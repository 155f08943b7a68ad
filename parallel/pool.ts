// The pool's public API: thread count, chunk size, thread id, with their arguments checked. The
// pool itself (TSJIT_NUM_THREADS, the native threads) is compiler/runtime/pool.ts.
import {
  poolChunkSize,
  poolSize,
  poolThreads,
  setPoolChunkSize,
  setPoolThreads,
} from "../compiler/runtime/pool.ts";
import { describeValue, show } from "../compiler/values.ts";

/** A TypeError for a count that is not a number (the value printed as it is: "2" is a string). */
function notANumber(call: string, what: string, v: unknown): TypeError {
  return new TypeError(`${call}(${show(v)}): ${what} must be a number, got ${describeValue(v)}`);
}

/**
 * Sets how many iterations each chunk of later prange loops has (Numba's
 * `set_parallel_chunksize`): threads that finish early claim the remaining chunks, which
 * balances loops whose iterations cost different amounts. `0` (the default) splits a loop into
 * four chunks per thread. Loops with array reductions (each chunk after the first keeps a private
 * copy of the array) get fewer chunks where those copies would cost more than the iterations,
 * down to a single one (serial) for a short loop over a large array. Returns the previous size.
 *
 * @example
 * ```ts
 * import { setChunkSize } from "./mod.ts";
 * setChunkSize(64); // chunks of 64 iterations
 * setChunkSize(0); // back to the default schedule
 * ```
 */
export function setChunkSize(n: number): number {
  if (typeof n !== "number") throw notANumber("setChunkSize", "the chunk size", n);
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`setChunkSize(${show(n)}): the chunk size must be an integer, 0 or more`);
  }
  const old = poolChunkSize();
  setPoolChunkSize(n);
  return old;
}

/**
 * The chunk size set by `setChunkSize` (0: the default schedule).
 *
 * @example
 * ```ts
 * import { getChunkSize } from "./mod.ts";
 * getChunkSize(); // 0
 * ```
 */
export function getChunkSize(): number {
  return poolChunkSize();
}

/**
 * The number of threads parallel regions use now (at most the pool size, TSJIT_NUM_THREADS).
 *
 * @example
 * ```ts
 * import { getNumThreads } from "./mod.ts";
 * console.log(getNumThreads()); // e.g. 2
 * ```
 */
export function getNumThreads(): number {
  return poolThreads();
}

/**
 * Sets how many threads later parallel regions use: 1 ≤ k ≤ the pool size, else RangeError.
 *
 * @example
 * ```ts
 * import { setNumThreads } from "./mod.ts";
 * setNumThreads(1); // later prange loops run serially
 * ```
 */
export function setNumThreads(k: number): void {
  if (typeof k !== "number") throw notANumber("setNumThreads", "the thread count", k);
  if (!Number.isInteger(k) || k < 1 || k > poolSize()) {
    throw new RangeError(
      `setNumThreads(${show(k)}): the thread count must be an integer from 1 to the pool size ` +
        `${poolSize()} (TSJIT_NUM_THREADS)`,
    );
  }
  setPoolThreads(k);
}

/**
 * The id of the calling thread: 0 on the main thread, 1…N-1 in pool workers. Inside jitted
 * code it is the thread running the current prange chunk.
 *
 * @example
 * ```ts
 * import { getThreadId } from "./mod.ts";
 * getThreadId(); // 0 in plain JS on the main thread
 * ```
 */
export function getThreadId(): number {
  return 0;
}

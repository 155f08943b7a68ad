// The worker pool: TSJIT_NUM_THREADS threads (the calling thread is one of them), sized once when
// this module is first imported. One pool per isolate: the main thread and each user Worker that
// imports mod.ts get their own, held by the entry library in a thread-local pointer (an isolate
// runs on one OS thread), so nothing is shared between isolates; the pool's POSIX threads end
// with the isolate's thread (compiler/runtime/entry.c).
import { MAX_THREADS } from "../compiler/runtime/abi.ts";
import { entryLibraryPath } from "../compiler/runtime/entry.ts";
import { env } from "../compiler/host.ts";
import { describeValue, show } from "../compiler/values.ts";

/** A TypeError for a count that is not a number (the value printed as it is: "2" is a string). */
function notANumber(call: string, what: string, v: unknown): TypeError {
  return new TypeError(`${call}(${show(v)}): ${what} must be a number, got ${describeValue(v)}`);
}

/** Parses TSJIT_NUM_THREADS; throws naming the variable and the value when it is not valid. */
export function parseNumThreads(value: string | undefined, cpus: number): number {
  if (value === undefined || value.trim() === "") return Math.min(cpus, MAX_THREADS);
  const n = Number(value);
  if (!/^\s*\+?\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new Error(
      `TSJIT_NUM_THREADS must be a whole number of threads, 1 or more; got ${
        JSON.stringify(value)
      }`,
    );
  }
  if (n > MAX_THREADS) {
    throw new Error(
      `TSJIT_NUM_THREADS must be at most ${MAX_THREADS} (a parallel region is split into at most ` +
        `${MAX_THREADS} chunks, so more threads could never get work); got ${
          JSON.stringify(value)
        }`,
    );
  }
  return n;
}

const CPUS = navigator.hardwareConcurrency || 1;
const POOL_SIZE = parseNumThreads(env("TSJIT_NUM_THREADS"), CPUS);
let threads = POOL_SIZE;

// Spinning before sleeping turns a futex wake (~10 µs) into well under one, but only pays when
// every thread has a core of its own.
const SPIN = POOL_SIZE <= CPUS ? 200_000 : 50;

let native: {
  tsjit_pool_set_threads(k: number): void;
  tsjit_num_threads(k: bigint): number | bigint;
  tsjit_pool_set_chunk_size(n: bigint): void;
} | undefined;

/**
 * Starts this isolate's pool threads (once). Until then compiled prange loops run serially; the
 * dispatcher calls this before the first call of a function that has one.
 */
export function startPool(): void {
  if (native) return;
  const lib = Deno.dlopen(entryLibraryPath(), {
    tsjit_pool_start: { parameters: ["i32", "i64"], result: "i32" },
    tsjit_pool_set_threads: { parameters: ["i32"], result: "void" },
    tsjit_num_threads: { parameters: ["i64"], result: "i64" },
    tsjit_pool_set_chunk_size: { parameters: ["i64"], result: "void" },
  });
  native = lib.symbols;
  const got = lib.symbols.tsjit_pool_start(POOL_SIZE, BigInt(SPIN));
  if (got < POOL_SIZE) {
    console.warn(
      `tsjit: the system started only ${got} of the ${POOL_SIZE} threads TSJIT_NUM_THREADS asks ` +
        `for; parallel regions use ${got}`,
    );
  }
  native.tsjit_pool_set_threads(threads);
  native.tsjit_pool_set_chunk_size(BigInt(chunkSize));
}

let chunkSize = 0;

/**
 * Sets how many iterations each chunk of later prange loops has (Numba's
 * `set_parallel_chunksize`): threads that finish early claim the remaining chunks, which
 * balances loops whose iterations cost different amounts. `0` (the default) splits a loop into
 * four chunks per thread. Loops with array reductions always use one chunk per thread (each
 * chunk keeps a private copy of the array). Returns the previous size.
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
  const old = chunkSize;
  chunkSize = n;
  native?.tsjit_pool_set_chunk_size(BigInt(n));
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
  return chunkSize;
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
  // compiled code may have called setNumThreads: the pool's count is the truth once it runs
  if (native) threads = Number(native.tsjit_num_threads(0n));
  return threads;
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
  if (!Number.isInteger(k) || k < 1 || k > POOL_SIZE) {
    throw new RangeError(
      `setNumThreads(${show(k)}): the thread count must be an integer from 1 to the pool size ` +
        `${POOL_SIZE} (TSJIT_NUM_THREADS)`,
    );
  }
  threads = k;
  native?.tsjit_pool_set_threads(k);
}

/** The pool size, fixed at start-up by TSJIT_NUM_THREADS (default: the number of CPUs). */
export function poolSize(): number {
  return POOL_SIZE;
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

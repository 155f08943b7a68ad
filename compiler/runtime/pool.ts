// The worker pool's native side: TSJIT_NUM_THREADS threads (the calling thread is one of them),
// sized once when this module is first imported. One pool per isolate: the main thread and each
// user Worker that imports mod.ts get their own, held by the entry library in a thread-local
// pointer (an isolate runs on one OS thread), so nothing is shared between isolates; the pool's
// POSIX threads end with the isolate's thread (entry.c). The public API over it (checked
// arguments) is parallel/pool.ts.
import { MAX_THREADS } from "./abi.ts";
import { entryLibraryPath } from "./entry.ts";
import { env } from "../host.ts";

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
/** What later regions use, as set from JS: applied when the pool starts. */
const wanted = { threads: POOL_SIZE, chunkSize: 0 };

// How long (ns) a waiting pool thread spins before it sleeps on a futex. Spinning turns a wake-up
// (~10-50 µs) into well under one for regions that follow each other closely, but only pays when
// every thread has a core of its own, and only briefly: a core spun on for milliseconds while
// another pool thread waits for a CPU (other processes running) is one the scheduler cannot
// give it, which made 2-thread regions slower than 1-thread ones on a loaded machine.
const SPIN_NS = POOL_SIZE <= CPUS ? 100_000 : 2_000;

let native: {
  tsjit_pool_set_threads(k: number): void;
  tsjit_num_threads(k: bigint): number | bigint;
  tsjit_pool_set_chunk_size(n: bigint): void;
} | undefined;

/**
 * Starts this isolate's pool threads (once). Until then compiled prange loops run serially; the
 * invoker calls this before the first call of a function that has one.
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
  const got = lib.symbols.tsjit_pool_start(POOL_SIZE, BigInt(SPIN_NS));
  if (got < POOL_SIZE) {
    console.warn(
      `tsjit: the system started only ${got} of the ${POOL_SIZE} threads TSJIT_NUM_THREADS asks ` +
        `for; parallel regions use ${got}`,
    );
  }
  native.tsjit_pool_set_threads(wanted.threads);
  native.tsjit_pool_set_chunk_size(BigInt(wanted.chunkSize));
}

/** The pool size, fixed at start-up by TSJIT_NUM_THREADS (default: the number of CPUs). */
export function poolSize(): number {
  return POOL_SIZE;
}

/** The thread count of later regions (compiled code may have set it: the pool's is the truth). */
export function poolThreads(): number {
  if (native) wanted.threads = Number(native.tsjit_num_threads(0n));
  return wanted.threads;
}

/** Sets the thread count of later regions (1 ≤ k ≤ poolSize(), checked by the caller). */
export function setPoolThreads(k: number): void {
  wanted.threads = k;
  native?.tsjit_pool_set_threads(k);
}

/** The chunk size of later regions (0: the default schedule). */
export function poolChunkSize(): number {
  return wanted.chunkSize;
}

/** Sets the chunk size of later regions (a safe integer ≥ 0, checked by the caller). */
export function setPoolChunkSize(n: number): void {
  wanted.chunkSize = n;
  native?.tsjit_pool_set_chunk_size(BigInt(n));
}

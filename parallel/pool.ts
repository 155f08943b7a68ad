// The worker pool: TSJIT_NUM_THREADS threads (the main thread is one of them), sized once when
// this module is first imported. Workers are Deno workers (node:worker_threads, unref'd so that a
// script exits by itself) that enter the native worker loop of compiler/runtime/entry.c; compiled
// code runs the fork/join itself (tsjit_region), over the SharedArrayBuffer control block.
import { Worker } from "node:worker_threads";
import { controlBlockBytes, NTHREADS, READY } from "./_layout.ts";
import { entryLibraryPath } from "../compiler/runtime/entry.ts";

/** Parses TSJIT_NUM_THREADS; throws naming the variable and the value when it is not valid. */
export function parseNumThreads(value: string | undefined, cpus: number): number {
  if (value === undefined || value.trim() === "") return cpus;
  const n = Number(value);
  if (!/^\s*\+?\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new Error(
      `TSJIT_NUM_THREADS must be a whole number of threads, 1 or more; got ${
        JSON.stringify(value)
      }`,
    );
  }
  return n;
}

const CPUS = navigator.hardwareConcurrency || 1;
const POOL_SIZE = parseNumThreads(Deno.env.get("TSJIT_NUM_THREADS"), CPUS);

const control = new SharedArrayBuffer(controlBlockBytes(POOL_SIZE));
const ctl = new Int32Array(control);
Atomics.store(ctl, NTHREADS, POOL_SIZE);

// Spinning before sleeping turns a futex wake (~10 µs) into well under one, but only pays when
// every thread has a core of its own.
const SPIN = POOL_SIZE <= CPUS ? 200_000 : 50;

let started = false;

/**
 * Starts the pool's workers and hands the control block to the entry library (once). Until
 * then compiled prange loops run serially; the dispatcher calls this before the first call of
 * a function that has one.
 */
export function startPool(): void {
  if (started) return;
  started = true;
  const path = entryLibraryPath();
  const lib = Deno.dlopen(path, {
    tsjit_set_control: { parameters: ["buffer", "i64"], result: "void" },
  });
  for (let id = 1; id < POOL_SIZE; id++) {
    const w = new Worker(new URL("./_worker.ts", import.meta.url), {
      workerData: { control, id, lib: path, spin: SPIN },
    });
    w.unref();
  }
  // Wait (a bounded time) for the workers to enter their loop, so that the first regions run
  // on every thread; a region is correct without them (chunks are claimed by whoever is there).
  const deadline = performance.now() + 5000;
  while (Atomics.load(ctl, READY) < POOL_SIZE - 1 && performance.now() < deadline) {
    Atomics.wait(ctl, READY, Atomics.load(ctl, READY), 5);
  }
  lib.symbols.tsjit_set_control(ctl, BigInt(SPIN));
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
  return Atomics.load(ctl, NTHREADS);
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
  if (!Number.isInteger(k) || k < 1 || k > POOL_SIZE) {
    throw new RangeError(
      `setNumThreads(${k}): the thread count must be an integer from 1 to the pool size ` +
        `${POOL_SIZE} (TSJIT_NUM_THREADS)`,
    );
  }
  Atomics.store(ctl, NTHREADS, k);
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

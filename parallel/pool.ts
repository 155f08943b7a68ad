// The worker pool: TSJIT_NUM_THREADS threads (the main thread is one of them), sized once when
// this module is first imported. Workers are Deno workers (node:worker_threads, unref'd so that
// a script exits by itself) that call compiled chunk functions through a dlopen'd symbol and
// wait on Atomics over the control block. Compiled code starts a region by filling the region
// descriptor and calling back into `runRegion` on the main thread.
import { Worker } from "node:worker_threads";
import {
  CHUNK_CTX_BYTES,
  CHUNK_CTX_OFFSET,
  controlBlockBytes,
  DESC_OFFSET,
  DONE,
  GEN,
  IN_REGION,
  NCHUNKS,
  NTHREADS,
  REMAIN,
  SLEEPERS,
} from "./_layout.ts";
import { entryLibraryPath } from "../compiler/runtime/entry.ts";

/** Parses TSJIT_NUM_THREADS; throws naming the variable and the value when it is not valid. */
export function parseNumThreads(value: string | undefined, cpus: number): number {
  if (value === undefined || value.trim() === "") return cpus;
  const n = Number(value);
  if (!/^\s*\+?\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new Error(
      `TSJIT_NUM_THREADS must be a whole number of threads, 1 or more; got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

const CPUS = navigator.hardwareConcurrency || 1;
const POOL_SIZE = parseNumThreads(Deno.env.get("TSJIT_NUM_THREADS"), CPUS);

const control = new SharedArrayBuffer(controlBlockBytes(POOL_SIZE));
const ctl = new Int32Array(control);
const desc = new BigInt64Array(control, DESC_OFFSET, 8);
Atomics.store(ctl, NTHREADS, POOL_SIZE);

// Spinning before sleeping turns a ~15 µs futex wake into ~1 µs, but only pays when every
// thread has a core of its own.
const SPIN = POOL_SIZE <= CPUS ? 20000 : 0;

let workers: Worker[] | undefined;
let chunkSymbol: ((desc: BigInt64Array, k: number, thread: number) => void) | undefined;
let callback: Deno.UnsafeCallback<{ parameters: []; result: "void" }> | undefined;

function startWorkers(): void {
  const lib = Deno.dlopen(entryLibraryPath(), {
    tsjit_chunk: { parameters: ["buffer", "i32", "i32"], result: "void" },
  });
  chunkSymbol = lib.symbols.tsjit_chunk;
  workers = [];
  for (let id = 1; id < POOL_SIZE; id++) {
    const w = new Worker(new URL("./_worker.ts", import.meta.url), {
      workerData: { control, id, lib: entryLibraryPath(), spin: SPIN },
    });
    w.unref();
    workers.push(w);
  }
}

/** Runs the region compiled code described; called from native code on the main thread. */
function runRegion(): void {
  const n = Atomics.load(ctl, NCHUNKS);
  Atomics.store(ctl, IN_REGION, 1);
  Atomics.store(ctl, DONE, 0);
  Atomics.store(ctl, REMAIN, n);
  Atomics.add(ctl, GEN, 1);
  if (Atomics.load(ctl, SLEEPERS) > 0) Atomics.notify(ctl, GEN);
  const run = chunkSymbol!;
  for (;;) {
    const k = Atomics.sub(ctl, REMAIN, 1) - 1;
    if (k < 0) break;
    run(desc, k, 0);
    Atomics.add(ctl, DONE, 1);
  }
  let spins = SPIN;
  for (;;) {
    const done = Atomics.load(ctl, DONE);
    if (done >= n) break;
    if (spins-- <= 0) Atomics.wait(ctl, DONE, done, 1);
  }
  Atomics.store(ctl, IN_REGION, 0);
}

/** What compiled code needs to start a region: addresses it embeds, and the pool size. */
export interface RegionABI {
  callback: bigint;
  control: bigint;
  poolSize: number;
  chunkCtxOffset: number;
  chunkCtxBytes: number;
  descOffset: number;
}

/** Starts the pool (once) and returns the addresses compiled parallel code embeds. */
export function regionABI(): RegionABI {
  if (!callback) {
    startWorkers();
    callback = new Deno.UnsafeCallback({ parameters: [], result: "void" } as const, runRegion);
  }
  return {
    callback: BigInt(Deno.UnsafePointer.value(callback.pointer)),
    control: BigInt(Deno.UnsafePointer.value(Deno.UnsafePointer.of(ctl))),
    poolSize: POOL_SIZE,
    chunkCtxOffset: CHUNK_CTX_OFFSET,
    chunkCtxBytes: CHUNK_CTX_BYTES,
    descOffset: DESC_OFFSET,
  };
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

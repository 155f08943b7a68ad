// The pool's control block: one SharedArrayBuffer shared by the main thread, the workers and
// compiled code (which embeds its address). Keep in sync with compiler/runtime/entry.c.

/** int32 slots */
export const GEN = 0; // bumped once per region; workers wait on it
export const REMAIN = 1; // chunks not yet claimed (claims decrement it)
export const DONE = 2; // chunks finished
export const NCHUNKS = 3; // chunks in the current region
export const NTHREADS = 4; // threads later regions use (setNumThreads)
export const SLEEPERS = 5; // workers asleep on GEN
export const IN_REGION = 6; // 1 while a region runs: a nested region then runs serially
export const MAIN_SLEEPING = 7; // the main thread is asleep on DONE
export const READY = 8; // workers that have entered their loop

/** Region descriptor, 8 int64 slots (see tsjit_region in compiler/runtime/entry.c). */
export const DESC_OFFSET = 64; // after the int32 slots above (at most 16)
/** Per-chunk context blocks: status, error details and thread id, one cache line each. */
export const CHUNK_CTX_OFFSET = 128;
export const CHUNK_CTX_BYTES = 64;

/** Most chunks a region is split into (compiled code keeps a reduction partial per chunk). */
export const MAX_CHUNKS = 64;

/** Size of the control block for a pool of `threads`. */
export function controlBlockBytes(threads: number): number {
  return CHUNK_CTX_OFFSET + CHUNK_CTX_BYTES * threads;
}

// Limits shared by the pool (parallel/pool.ts), the lowering of prange and the native fork/join
// (compiler/runtime/entry.c, which keeps its own copy of MAX_CHUNKS).

/** Most chunks a region is split into (compiled code keeps a reduction partial per chunk). */
export const MAX_CHUNKS = 256;

/**
 * Most threads TSJIT_NUM_THREADS may ask for: a region never has more than MAX_CHUNKS chunks, so
 * a thread past that number could never be given work. 256 covers today's largest two-socket
 * machines (2 x 64 cores, 2 hardware threads each).
 */
export const MAX_THREADS = MAX_CHUNKS;

// The runtime ABI: what compiled code, the JS invokers (JIT and AOT) and the entry library
// (entry.c) agree on. Every slot number, status code and limit they share is named here and
// nowhere else; entry.c is built with these values as -D definitions (abiDefines), so the C
// side cannot drift. A leaf module: it imports nothing.

/**
 * The context block: one per entry (and one per prange chunk), an array of f64 slots. The
 * arguments follow the header, in order (an array's slot holds its length).
 */
export const Ctx = {
  /** the entry's machine-code address (8 bytes, read by the trampolines in entry.c) */
  entry: 0,
  /** a Status; 0 while nothing failed */
  status: 1,
  /** the failing index (or the value a check refused) */
  index: 2,
  /** the error site: an index into the specialization's sites */
  site: 3,
  /** the array's length (or a detail of the error: see statusError) */
  length: 4,
  /** the running thread's id (getThreadId()) */
  thread: 5,
  /** the running thread's stack limit, an i64 (lower/_stack.ts) */
  stackLimit: 6,
} as const;

/** Slots before the first argument. */
export const CTX_HEADER = 7;

/**
 * Slots of a prange chunk's context block in the pool (entry.c): the header rounded up to a
 * 64-byte cache line, so that threads never share a line.
 */
export const CHUNK_CTX_SLOTS = 8;

/** Status codes a compiled function leaves in its context block's `status` slot. */
export const Status = {
  ok: 0,
  outOfBounds: 1,
  nonIntegerIndex: 2,
  noReturnValue: 3,
  zeroStep: 4,
  nonIntegerBound: 5,
  noMemory: 6,
  race: 7,
  badThreads: 8,
  stackOverflow: 9,
  rangeNotExact: 10,
} as const;

/** Most chunks a region is split into (compiled code keeps a reduction partial per chunk). */
export const MAX_CHUNKS = 256;

/**
 * Most threads TSJIT_NUM_THREADS may ask for: a region never has more than MAX_CHUNKS chunks, so
 * a thread past that number could never be given work. 256 covers today's largest two-socket
 * machines (2 x 64 cores, 2 hardware threads each).
 */
export const MAX_THREADS = MAX_CHUNKS;

/** Most typed-array arguments a compiled function may take (trampolines exist for 0..MAX). */
export const MAX_ARRAYS = 12;

/**
 * Stack kept free below a recursive function's check (its own frame, non-recursive callees, the
 * C library): the limit is the thread's stack end plus this many bytes.
 */
export const STACK_MARGIN = 256 * 1024;

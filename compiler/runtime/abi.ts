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

/** Where a runtime error happened, as its message names it. */
export interface ErrorPlace {
  /** the array, for bounds errors; the loop (`range`, `prange`) for a zero step */
  array?: string;
  /** the function the error happened in */
  fn: string;
  /** the source location, formatted (formatLocation); "" if unknown */
  where: string;
}

/**
 * The JS error for the status compiled code left in `ctx` (cleared here); `place(site)` describes
 * the site it names. Self-contained but for Ctx and Status: the AOT loader embeds its source
 * (invoke.ts, invokerPrelude), so JIT and AOT code report the same errors in the same words.
 */
export function contextError(
  ctx: Float64Array,
  place: (site: number) => ErrorPlace | undefined,
): Error {
  const status = ctx[Ctx.status], index = ctx[Ctx.index], length = ctx[Ctx.length];
  const site = place(ctx[Ctx.site]);
  ctx[Ctx.status] = Status.ok;
  const array = site?.array, fn = site?.fn ?? "the function";
  const at = site?.where ? "\n  " + site.where : "";
  switch (status) {
    case Status.outOfBounds:
      return new RangeError(
        `index ${index} is out of bounds for '${array}' (length ${length})${at}`,
      );
    case Status.nonIntegerIndex:
      return new RangeError(`index ${index} into '${array}' is not an integer${at}`);
    case Status.nonIntegerBound:
      return new RangeError(`prange() bounds and step must be integers, the start not -0${at}`);
    case Status.rangeNotExact:
      return new RangeError(
        `prange() would visit values beyond what doubles hold exactly (plain JS would round ` +
          `them) or beyond ±2^63${at}`,
      );
    case Status.zeroStep:
      return new RangeError(`${array ?? "range"}() step must not be 0 or NaN${at}`);
    case Status.noMemory:
      return new RangeError(`out of memory for a prange loop's private copies${at}`);
    case Status.race: {
      // length: the other iteration + 1, or -1 for several
      const other = length === -1 ? "several other iterations" : `iteration ${length - 1}`;
      return new Error(
        `TSJIT_RACECHECK: a data race in a prange loop: element ${index} of '${array}' ` +
          `is written by one iteration and read or written by another (${other}). Give each ` +
          `iteration its own elements, or use a reduction (${array}[...] += ...)${at}`,
      );
    }
    case Status.badThreads: // length: the pool's answer (-2: inside a region)
      return new RangeError(
        length === -2
          ? `setNumThreads(${index}) cannot be called inside a parallel region${at}`
          : `setNumThreads(${index}): the thread count must be an integer from 1 to the pool ` +
            `size (TSJIT_NUM_THREADS)${at}`,
      );
    case Status.stackOverflow:
      return new RangeError(`Maximum call stack size exceeded: ${fn}() recursed too deeply${at}`);
    case Status.noReturnValue:
      return new TypeError(
        `${fn}() reached its end without returning a value (plain JS would return undefined, ` +
          `which a compiled function cannot)${at}`,
      );
  }
  return new Error(`tsjit: unknown runtime status ${status}`);
}

/**
 * The ABI's values as C preprocessor definitions, for building entry.c (runtime/entry.ts and
 * the AOT builder): the C side reads every shared number from here.
 */
export function abiDefines(): string[] {
  const d: Record<string, number> = {
    TSJIT_CTX_STATUS: Ctx.status,
    TSJIT_CTX_INDEX: Ctx.index,
    TSJIT_CTX_SITE: Ctx.site,
    TSJIT_CTX_LENGTH: Ctx.length,
    TSJIT_CTX_THREAD: Ctx.thread,
    TSJIT_CTX_HEADER: CTX_HEADER,
    TSJIT_CHUNK_CTX_SLOTS: CHUNK_CTX_SLOTS,
    TSJIT_MAX_CHUNKS: MAX_CHUNKS,
    TSJIT_MAX_ARRAYS: MAX_ARRAYS,
    TSJIT_STACK_MARGIN: STACK_MARGIN,
  };
  return Object.entries(d).map(([k, v]) => `-D${k}=${v}`);
}

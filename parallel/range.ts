// range() and prange(): plain iterables in JS; inside a jitted function, counted loops.

/**
 * The numbers `start, start + step, ...` before `stop` (Python's range). `range(n)` counts from 0.
 * Inside a jitted function `for (const i of range(...))` compiles to a counted loop.
 *
 * @example
 * ```ts
 * import { range } from "./mod.ts";
 * [...range(3)]; // [0, 1, 2]
 * [...range(10, 0, -4)]; // [10, 6, 2]
 * ```
 */
export function* range(start: number, stop?: number, step = 1): Generator<number, void, void> {
  if (stop === undefined) [start, stop] = [0, start];
  if (step === 0) throw new RangeError("range() step must not be 0");
  if (step > 0) { for (let i = start; i < stop; i += step) yield i; }
  else for (let i = start; i > stop; i += step) yield i;
}

/**
 * Like `range`, but a jitted function runs the loop's iterations in parallel on the worker pool.
 * Called from plain JS it is the serial `range`.
 *
 * @example
 * ```ts
 * import { prange } from "./mod.ts";
 * let s = 0;
 * for (const i of prange(4)) s += i; // 6
 * ```
 */
export function prange(start: number, stop?: number, step = 1): Generator<number, void, void> {
  return range(start, stop, step);
}

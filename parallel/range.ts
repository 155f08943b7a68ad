// range() and prange(): plain iterables in JS; inside a jitted function, counted loops.

/** The iterator of a range: a small class, so that V8 optimizes a for-of over it to a loop. */
class RangeIterator implements Iterator<number, undefined> {
  constructor(private i: number, private readonly stop: number, private readonly step: number) {}
  next(): IteratorResult<number, undefined> {
    const i = this.i;
    if (this.step > 0 ? i < this.stop : i > this.stop) {
      this.i = i + this.step;
      return { value: i, done: false };
    }
    return { value: undefined, done: true };
  }
  [Symbol.iterator](): RangeIterator {
    return this;
  }
}

function makeRange(
  name: "range" | "prange",
  start: number,
  stop: number | undefined,
  step: number,
): RangeIterator {
  if (stop === undefined) [start, stop] = [0, start];
  // a NaN step would never reach stop: refused like 0, in plain JS and compiled code alike
  if (step === 0 || step !== step) throw new RangeError(`${name}() step must not be 0 or NaN`);
  return new RangeIterator(start, stop, step);
}

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
export function range(start: number, stop?: number, step = 1): IterableIterator<number> {
  return makeRange("range", start, stop, step);
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
export function prange(start: number, stop?: number, step = 1): IterableIterator<number> {
  return makeRange("prange", start, stop, step);
}

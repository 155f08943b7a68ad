// Intervals of numbers and their arithmetic: what the range analysis (ranges.ts) and the
// operator and builtin registries (compiler/builtins/) compute facts with.

/** A closed interval of numbers; lo > hi is the empty set, infinite ends are unbounded. */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

/** 2^53: integers strictly inside ±2^53 are exact in both int64 and doubles. */
export const SAFE = 2 ** 53;

/** Ends at or past ±2^53 count as unbounded, so that bound arithmetic in doubles stays exact. */
export function end(x: number): number {
  return x >= SAFE ? Infinity : x <= -SAFE ? -Infinity : x;
}

export function iv(lo: number, hi: number): Interval {
  return { lo: isNaN(lo) ? -Infinity : end(lo), hi: isNaN(hi) ? Infinity : end(hi) };
}

export const TOP: Interval = { lo: -Infinity, hi: Infinity };
export const EMPTY: Interval = { lo: Infinity, hi: -Infinity };
export const INT32 = iv(-(2 ** 31), 2 ** 31 - 1);
export const UINT32 = iv(0, 2 ** 32 - 1);
/** A typed array's length (V8 allows at most 2^32 elements). */
export const LENGTH = iv(0, 2 ** 32);
export const BOOL = iv(0, 1);
export const INDEX = iv(0, 2 ** 32 - 1);

export const isEmpty = (a: Interval) => a.lo > a.hi;
/** Non-negative and below 2^31: ToInt32 keeps such values in [0, hi]. */
export const small = (a: Interval) => a.lo >= 0 && a.hi <= 2 ** 31 - 1;
/** True when every value of `a` is an integer strictly inside ±2^53. */
export const bounded = (a: Interval) => isEmpty(a) || (isFinite(a.lo) && isFinite(a.hi));
export const hull = (a: Interval, b: Interval): Interval =>
  isEmpty(a) ? b : isEmpty(b) ? a : { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
export const meet = (a: Interval, b: Interval): Interval => ({
  lo: Math.max(a.lo, b.lo),
  hi: Math.min(a.hi, b.hi),
});
export const same = (a: Interval, b: Interval) => a.lo === b.lo && a.hi === b.hi;
export const mayBeZero = (a: Interval) => a.lo <= 0 && a.hi >= 0;
export const mayBeNegative = (a: Interval) => a.lo < 0;

export function add(a: Interval, b: Interval): Interval {
  return isEmpty(a) || isEmpty(b) ? EMPTY : iv(a.lo + b.lo, a.hi + b.hi);
}
export function neg(a: Interval): Interval {
  return isEmpty(a) ? EMPTY : { lo: -a.hi, hi: -a.lo };
}
export function mul(a: Interval, b: Interval): Interval {
  if (isEmpty(a) || isEmpty(b)) return EMPTY;
  // 0 × unbounded is 0 at that corner (the unbounded end stands for large finite values)
  const p = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi].map((x) => isNaN(x) ? 0 : x);
  return iv(Math.min(...p), Math.max(...p));
}
/** `a % b` on integers, b not containing 0: |r| < max|b|, the sign of a, |r| <= |a|. */
export function rem(a: Interval, b: Interval): Interval {
  if (isEmpty(a) || isEmpty(b)) return EMPTY;
  const m = Math.max(Math.abs(b.lo), Math.abs(b.hi)) - 1;
  return { lo: Math.max(-m, Math.min(0, a.lo)), hi: Math.min(m, Math.max(0, a.hi)) };
}
export function abs(a: Interval): Interval {
  if (isEmpty(a)) return EMPTY;
  if (a.lo >= 0) return a;
  if (a.hi <= 0) return neg(a);
  return { lo: 0, hi: Math.max(-a.lo, a.hi) };
}

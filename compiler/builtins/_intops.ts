// Integer operations chosen by the operands' ranges (types/ranges.ts).
import type { Builder, Value } from "../ir/mod.ts";
import { int } from "../ir/mod.ts";
import type { Interval } from "../types/intervals.ts";

/**
 * `l % r` on integers (r never 0). A non-negative dividend below twice a constant divisor needs
 * one conditional subtraction (`(s1 + b) % 65521` in a checksum); non-negative operands take the
 * unsigned remainder, which needs no sign correction.
 */
export function remainder(b: Builder, l: Value, r: Value, lr?: Interval, rr?: Interval): Value {
  if (lr && rr && lr.lo >= 0 && rr.lo > 0) {
    if (rr.lo === rr.hi && lr.hi < 2 * rr.lo) {
      const k = int("i64", rr.lo);
      return b.select(b.icmp("sge", l, k), b.bin("sub", l, k), l);
    }
    return b.bin("urem", l, r);
  }
  return b.bin("srem", l, r);
}

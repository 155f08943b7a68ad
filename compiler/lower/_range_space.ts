// The iteration space of `prange(start, stop, step)`, computed exactly: in 128-bit integers, so
// that bounds anywhere in the int64 range (and ±2^63 itself, which doubles hold) count right
// (`prange(-(2 ** 63), 2 ** 63, 2 ** 62)` runs 4 iterations, as JS's range does). The loop
// variable is an int64 holding start + k * step; a range whose values leave int64, or that
// plain JS could not step through exactly in doubles, is refused with a RangeError.
import type { Expr, Stmt } from "../frontend/ast.ts";
import { f64, int, type Value } from "../ir/mod.ts";
import { constantValue } from "../types/literals.ts";
import { F32, F64 } from "../types/types.ts";
import type { FunctionLowering } from "./lower.ts";
import { Status } from "../runtime/abi.ts";

const I128 = "i128" as never;
const wide = (v: number | bigint) => int(I128, v);

/** start, step (i64) and the iteration count (i64) of a prange loop's arguments. */
export function rangeSpace(
  L: FunctionLowering,
  s: Stmt & { kind: "forOf" },
): { start: Value; step: Value; count: Value } {
  const { b } = L;
  const [a0, a1, a2] = s.args;
  const bound = (e: Expr, isStart = false): Value => {
    const t = L.typeOf(e);
    if (t !== F64 && t !== F32) return b.cast("sext", L.asInt(e), I128);
    // a double must hold an integer, below 2^64 in magnitude (exact in i128)
    const d = L.asF64(e);
    let integral = b.fcmp("oeq", b.call("double", "llvm.trunc.f64", [d]), d);
    if (isStart) {
      // the loop variable is an integer: a start of -0 (whose first value plain JS keeps as -0)
      // is refused rather than silently made +0
      const signed = b.icmp("slt", b.cast("bitcast", d, "i64"), int("i64", 0));
      const negZero = b.bin("and", b.fcmp("oeq", d, f64(0)), signed);
      integral = b.bin("and", integral, b.bin("xor", negZero, int("i1", 1)));
    }
    L.guard(integral, Status.nonIntegerBound, e.range);
    const small = b.fcmp("olt", b.call("double", "llvm.fabs.f64", [d]), f64(2 ** 64));
    L.guard(small, Status.rangeNotExact, e.range);
    return b.cast("fptosi", d, I128);
  };
  const start = a1 ? bound(a0, true) : wide(0);
  const stop = bound(a1 ?? a0);
  const k = a2 ? constantValue(a2) : 1;
  const step = a2 ? bound(a2) : wide(1);
  if (k === undefined || k === 0) {
    L.guard(
      b.icmp("ne", step, wide(0)),
      Status.zeroStep,
      a2!.range,
      undefined,
      undefined,
      "prange",
    );
  }
  const count = tripCount(L, start, stop, step);
  const any = b.icmp("sgt", count, wide(0));
  // every value visited is start + j * step for j < count: the extremes are start and last
  const last = b.bin("add", start, b.bin("mul", b.bin("sub", count, wide(1)), step));
  const abs = (v: Value) => {
    const neg = b.icmp("slt", v, wide(0));
    return b.select(neg, b.bin("sub", wide(0), v), v);
  };
  const top = b.select(b.icmp("sgt", abs(start), abs(last)), abs(start), abs(last));
  // plain JS steps in doubles: exact while every value is a multiple of 2^g (g the trailing
  // zeros of start and step) no larger than 2^53 * 2^g; past that it would round
  L.mod.declare("llvm.cttz.i128", I128, [I128, "i1"]);
  const tz = (v: Value) => b.call(I128, "llvm.cttz.i128", [v, int("i1", 0)]);
  L.mod.declare("llvm.smin.i128", I128, [I128, I128]);
  const g = b.call(I128, "llvm.smin.i128", [tz(start), tz(step)]);
  const exact = b.icmp("sle", b.bin("lshr", top, g), wide(2 ** 53));
  const inInt64 = (v: Value) =>
    b.bin("and", b.icmp("sge", v, wide(-(2n ** 63n))), b.icmp("slt", v, wide(2n ** 63n)));
  const fits = b.bin("and", inInt64(start), inInt64(last));
  const ok = b.bin("or", b.bin("xor", any, int("i1", 1)), b.bin("and", exact, fits));
  L.guard(ok, Status.rangeNotExact, s.range);
  const narrow = (v: Value) => b.cast("trunc", v, "i64");
  return { start: narrow(start), step: narrow(step), count: narrow(count) };
}

/** The number of values start, start + step, ... before stop (0 when none), in i128. */
function tripCount(L: FunctionLowering, start: Value, stop: Value, step: Value): Value {
  const { b } = L;
  const up = b.icmp("sgt", step, wide(0));
  const diff = b.select(up, b.bin("sub", stop, start), b.bin("sub", start, stop));
  const astep = b.select(up, step, b.bin("sub", wide(0), step));
  const rounded = b.bin("sdiv", b.bin("add", diff, b.bin("sub", astep, wide(1))), astep);
  return b.select(b.icmp("sgt", diff, wide(0)), rounded, wide(0));
}

/**
 * The iteration count of `range(start, stop, step)` over int64 values (the step not 0), exact:
 * such a loop then counts iterations (an induction variable LLVM can vectorize) instead of
 * stepping a value that could pass the int64 limit. A count past 2^63 - 1 (a loop of that many
 * iterations never ends in practice) is held at 2^63 - 1.
 */
export function intTripCount(L: FunctionLowering, start: Value, stop: Value, step: Value): Value {
  const { b } = L;
  const w = (v: Value) => b.cast("sext", v, I128);
  const count = tripCount(L, w(start), w(stop), w(step));
  const max = wide(2n ** 63n - 1n);
  return b.cast("trunc", b.select(b.icmp("sgt", count, max), max, count), "i64");
}

// Loop versioning for bounds checks: one test before an innermost counted loop decides whether
// every covered access `a[i + k]` stays inside `a` for every iteration; if so the loop runs
// without those checks (and can vectorize), otherwise the checked copy runs and throws at the
// right iteration. The test is sound for every value: each sum is computed with LLVM's
// overflow-reporting intrinsics, and an overflow (or a bound beyond the exactly-compared range)
// sends the loop to its checked copy, so no wrap-around can make the test pass wrongly.
import type { Expr } from "../frontend/ast.ts";
import { f64, int, type Value } from "../ir/mod.ts";
import { F32, F64, INT, INTZ } from "../types/types.ts";
import type { CountedLoop, CoveredAccess } from "../mir/loops.ts";
import type { FunctionLowering } from "./lower.ts";
import { STREAMING_THRESHOLD } from "./_streaming.ts";

/** An i64 with a flag that is true when it could not be computed exactly. */
export interface Checked {
  value: Value;
  bad: Value;
}

/** `x + y` or `x - y` in i64, with the overflow flag (llvm.s{add,sub}.with.overflow). */
export function checkedOp(L: FunctionLowering, op: "add" | "sub", x: Value, y: Value): Checked {
  const { b } = L;
  const name = `llvm.s${op}.with.overflow.i64`;
  const pair = "{ i64, i1 }" as never;
  L.mod.declare(name, pair, ["i64", "i64"]);
  const r = b.call(pair, name, [x, y]);
  return {
    value: b.raw("i64", `extractvalue { i64, i1 } ${r.ref}, 0`),
    bad: b.raw("i1", `extractvalue { i64, i1 } ${r.ref}, 1`),
  };
}

const or = (L: FunctionLowering, x: Value, y: Value) => L.b.bin("or", x, y);

/**
 * The exclusive end of a counted loop's counter: every value the counter takes in the body is
 * below it. Undefined when the bound's type has no such end (the loop then is not versioned).
 */
export function loopEnd(L: FunctionLowering, loop: CountedLoop): Checked | undefined {
  const { b } = L;
  const t = L.typeOf(loop.bound);
  if (t === INT || t === INTZ) {
    const h = L.asInt(loop.bound);
    return loop.inclusive ? checkedOp(L, "add", h, int("i64", 1)) : { value: h, bad: int("i1", 0) };
  }
  if (t !== F64 && t !== F32) return undefined;
  // `i < d` (i an integer) is `i < ceil(d)`, `i <= d` is `i < floor(d) + 1`, exactly while the
  // counter converts to a double without rounding: beyond ±2^53 (or NaN) the checked copy runs.
  const d = L.asF64(loop.bound);
  const r = loop.inclusive
    ? b.bin("fadd", b.call("double", "llvm.floor.f64", [d]), f64(1))
    : b.call("double", "llvm.ceil.f64", [d]);
  const exact = b.fcmp("olt", b.call("double", "llvm.fabs.f64", [r]), f64(2 ** 53));
  return {
    value: b.call("i64", "llvm.fptosi.sat.i64.f64", [r]),
    bad: b.bin("xor", exact, int("i1", 1)),
  };
}

/** A streaming copy of a loop (_streaming.ts): when it may run, and its code. */
export interface StreamingCopy {
  /** a runtime condition besides the trip count (the arrays do not overlap) */
  allowed(lo: Value, hi: Value): Value;
  emit(lo: Value, hi: Value): void;
}

/**
 * Emits the versioned loop over counter values [lo, hi): `hi.bad` says hi was not computed
 * exactly (then only the checked copy may run). `stream` is a streaming copy for large trip
 * counts.
 */
export function emitVersions(
  L: FunctionLowering,
  lo: Value,
  hi: Checked,
  accesses: CoveredAccess[],
  emit: () => void,
  stream?: StreamingCopy,
): void {
  const { b } = L;
  if (accesses.length === 0 && !stream) return emit();
  const notBad = b.bin("xor", hi.bad, int("i1", 1));
  // an empty loop needs no check; without bounds checks every access counts as proven
  const empty = b.bin("and", notBad, b.icmp("sge", lo, hi.value));
  let all: Value = notBad;
  const seen = new Set<string>();
  for (const a of L.opts.boundscheck ? accesses : []) {
    // the same array and literal offset need one check (expression offsets are few)
    const lit = typeof a.offset === "number";
    const key = `${(a.array as Expr & { kind: "name" }).variable!.id}:${lit ? a.offset : ""}`;
    if (lit && seen.has(key)) continue;
    seen.add(key);
    let off: Checked = {
      value: typeof a.offset === "number" ? int("i64", a.offset) : L.asInt(a.offset),
      bad: int("i1", 0),
    };
    if (a.negate) off = checkedOp(L, "sub", int("i64", 0), off.value);
    const arr = L.array(a.array);
    // i + k for i in [lo, hi) lies in [lo + k, hi + k), both computed without wrap-around
    const first = checkedOp(L, "add", lo, off.value);
    const last = checkedOp(L, "add", hi.value, off.value);
    const wrapped = or(L, off.bad, or(L, first.bad, last.bad));
    const inside = b.bin(
      "and",
      b.icmp("sge", first.value, int("i64", 0)),
      b.icmp("sle", last.value, arr.len),
    );
    all = b.bin("and", all, b.bin("and", inside, b.bin("xor", wrapped, int("i1", 1))));
  }
  const ok = L.opts.boundscheck ? or(L, empty, all) : notBad;
  const fast = L.fn.newBlock("loop.unchecked");
  const slow = L.fn.newBlock("loop.checked");
  const join = L.fn.newBlock("loop.done");
  b.condBr(ok, fast, slow, [1048576, 1]);
  b.positionAt(fast);
  const saved = L.proven;
  L.proven = new Set([...saved, ...accesses.map((a) => a.index)]);
  if (stream) {
    // large element-wise loops stream their stores past the cache (_streaming.ts); `lo < hi`
    // first, so that the trip count hi - lo cannot wrap
    const big = b.bin(
      "and",
      b.icmp("slt", lo, hi.value),
      b.icmp("sge", b.bin("sub", hi.value, lo), int("i64", STREAMING_THRESHOLD)),
    );
    const check = L.fn.newBlock("loop.stream.test");
    const streaming = L.fn.newBlock("loop.streaming");
    const plain = L.fn.newBlock("loop.cached");
    b.condBr(big, check, plain);
    b.positionAt(check);
    b.condBr(stream.allowed(lo, hi.value), streaming, plain);
    b.positionAt(streaming);
    stream.emit(lo, hi.value);
    b.br(join);
    b.positionAt(plain);
  }
  emit();
  L.proven = saved;
  b.br(join);
  b.positionAt(slow);
  emit();
  b.br(join);
  b.positionAt(join);
}

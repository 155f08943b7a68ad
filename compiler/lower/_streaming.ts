// Streaming stores for large element-wise loops: `a[i] = <expression of b[i], c[i], scalars>`
// over at least 2^18 elements writes its output with non-temporal (cache-bypassing) stores,
// which saves the read of every output line that ordinary stores cost. The loop runs in three
// parts: scalar until the output is 64-byte aligned, 8-wide vectors with aligned non-temporal
// stores, scalar for the rest. Each element is computed with the same IEEE operations as the
// plain loop, so results are identical; only the cache traffic changes. x86-64 only.
import type { Expr } from "../frontend/ast.ts";
import { f64, int, type IRType, type Value } from "../ir/mod.ts";
import { BINARY, UNARY } from "../builtins/operators.ts";
import type { StreamingPlan } from "../mir/streaming.ts";
import type { StreamingCopy } from "./_versions.ts";
import type { FunctionLowering } from "./lower.ts";
import { countedLoop } from "./_counted.ts";

/** Elements from which a loop streams its stores (2 MiB of doubles). */
export const STREAMING_THRESHOLD = 1 << 18;

const LANES = 8;
const VEC: IRType = `<${LANES} x double>`;
const IVEC: IRType = `<${LANES} x i64>`;

/** The streaming copy of a planned loop, for loop versioning (_versions.ts). */
export function streamingCopy(L: FunctionLowering, plan: StreamingPlan): StreamingCopy {
  return {
    allowed: (lo, hi) => disjointInputs(L, plan, lo, hi),
    emit: (lo, hi) => emitStreaming(L, plan, lo, hi),
  };
}

/** The arrays read by the stored value, by name. */
function inputs(x: Expr, out: Set<Expr & { kind: "name" }>): Set<Expr & { kind: "name" }> {
  if (x.kind === "index" && x.object.kind === "name") out.add(x.object);
  else if (x.kind === "binary") inputs(x.left, out), inputs(x.right, out);
  else if (x.kind === "unary") inputs(x.operand, out);
  return out;
}

/**
 * True when no array the value reads overlaps the output's elements [lo, hi) unless it is the
 * output itself: 8-wide loads ahead of the stores would otherwise read elements the plain loop
 * has already rewritten (`r = buf.subarray(1)`, `x = buf.subarray(0, n)`, `r[i] = x[i] + 1`).
 */
function disjointInputs(L: FunctionLowering, plan: StreamingPlan, lo: Value, hi: Value): Value {
  const { b } = L;
  const address = (p: Value, i: Value) =>
    b.bin("add", b.cast("ptrtoint", p, "i64"), b.bin("shl", i, int("i64", 3)));
  const out = L.array(plan.target).ptr;
  const [outLo, outHi] = [address(out, lo), address(out, hi)];
  let ok: Value = int("i1", 1);
  for (const a of inputs(plan.value, new Set())) {
    const p = L.array(a).ptr;
    const [inLo, inHi] = [address(p, lo), address(p, hi)];
    const apart = b.bin("or", b.icmp("ule", inHi, outLo), b.icmp("ule", outHi, inLo));
    ok = b.bin("and", ok, b.bin("or", apart, b.icmp("eq", p, out)));
  }
  return ok;
}

/** Emits the streaming loop over [lo, hi) (all its accesses are proven in bounds). */
function emitStreaming(
  L: FunctionLowering,
  plan: StreamingPlan,
  lo: Value,
  hi: Value,
): void {
  const { b } = L;
  const out = L.array(plan.target).ptr;

  // the value of an expression for element `i`, one lane (width 1) or LANES lanes
  const value = (x: Expr, i: Value, width: number): Value => {
    switch (x.kind) {
      case "num":
        return width === 1 ? f64(x.value) : splatConst(x.value);
      case "name": {
        if (x.variable === plan.counter) {
          if (width === 1) return b.cast("sitofp", i, "double");
          const lanes = b.raw(IVEC, `add ${IVEC} ${splat(i, IVEC, "i64").ref}, ${laneOffsets()}`);
          return b.cast("sitofp", lanes, VEC);
        }
        const d = L.asF64(x);
        return width === 1 ? d : splat(d, VEC, "double");
      }
      case "index": {
        const p = b.gep("double", L.array(x.object).ptr, i);
        return width === 1 ? b.load("double", p) : b.load(VEC, p, undefined, 8);
      }
      case "binary": {
        const l = value(x.left, i, width);
        return BINARY[x.op].float!(b, l, value(x.right, i, width), L.opts.fastmath ? " fast" : "");
      }
      case "unary": {
        const v = value(x.operand, i, width);
        return UNARY[x.op].float!(b, v);
      }
      default:
        throw new Error("tsjit internal error: streaming expression");
    }
  };
  const splatConst = (c: number) =>
    ({ ty: VEC, ref: `<${Array(LANES).fill(`double ${f64(c).ref}`).join(", ")}>` }) as Value;
  const laneOffsets = () => `<${Array.from({ length: LANES }, (_, k) => `i64 ${k}`).join(", ")}>`;
  const splat = (v: Value, ty: IRType, elem: string): Value => {
    const one = b.raw(ty, `insertelement ${ty} poison, ${elem} ${v.ref}, i64 0`);
    return b.raw(
      ty,
      `shufflevector ${ty} ${one.ref}, ${ty} poison, <${LANES} x i32> zeroinitializer`,
    );
  };

  // already in final shape: no vectorizing or unrolling again
  const range = (from: Value, to: Value, step: number, body: (i: Value) => void) =>
    countedLoop(L, from, to, body, "stream", step, L.mod.loopAsIs());

  // elements before the output is 64-byte aligned, then whole vectors, then the rest
  const byte = b.bin("add", b.cast("ptrtoint", out, "i64"), b.bin("shl", lo, int("i64", 3)));
  const misaligned = b.bin("and", b.bin("lshr", byte, int("i64", 3)), int("i64", LANES - 1));
  const skip = b.bin("and", b.bin("sub", int("i64", LANES), misaligned), int("i64", LANES - 1));
  const alignedStart = b.call("i64", "llvm.smin.i64", [hi, b.bin("add", lo, skip)]);
  const vecEnd = b.bin(
    "add",
    alignedStart,
    b.bin("and", b.bin("sub", hi, alignedStart), int("i64", -LANES)),
  );
  const scalar = (i: Value) => b.store(value(plan.value, i, 1), b.gep("double", out, i));
  range(lo, alignedStart, 1, scalar);
  range(alignedStart, vecEnd, LANES, (i) => {
    b.store(value(plan.value, i, LANES), b.gep("double", out, i), 64, "!nontemporal !{i32 1}");
  });
  range(vecEnd, hi, 1, scalar);
  // non-temporal stores are weakly ordered: fence them before anything else sees the array
  L.mod.declare("llvm.x86.sse.sfence", "void", []);
  b.call("void", "llvm.x86.sse.sfence", []);
  L.storeVar(plan.counter, hi);
}

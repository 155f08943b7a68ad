// Typed-array elements: checked addresses, loads, and stores with the conversions JS applies.
import type { Expr } from "../frontend/ast.ts";
import { f64, int, type Value } from "../ir/mod.ts";
import { type ArrayType, F32, F64 } from "../types/types.ts";
import type { FunctionLowering, ValueExpr } from "./lower.ts";
import { Status } from "../runtime/abi.ts";
import { mathFunction } from "../builtins/math.ts";

/** The checked address of `a[i]`. */
export function elementPointer(
  L: FunctionLowering,
  e: Expr & { kind: "index" },
): { ptr: Value; array: ArrayType } {
  const { b } = L;
  const a = L.array(e.object);
  const it = L.typeOf(e.index);
  let idx: Value;
  if (it === F64 || it === F32) {
    // A double index: checked in floating point (integral, 0 <= d < length), after which
    // the plain conversion is exact. Math.floor/ceil/trunc/round results are integral or not
    // finite, which the range check refuses.
    const d = L.asF64(e.index);
    if (!L.opts.boundscheck) idx = b.call("i64", "llvm.fptosi.sat.i64.f64", [d]);
    else {
      const x = e.index;
      const rounded = x.kind === "call" && x.callee.kind === "member" &&
        !!mathFunction(x.callee.name)?.integral;
      if (!rounded) {
        const integral = b.fcmp("oeq", b.call("double", "llvm.trunc.f64", [d]), d);
        L.guard(integral, Status.nonIntegerIndex, x.range, () => d, a.len, a.name);
      }
      const lenF = b.cast("sitofp", a.len, "double");
      const inside = b.bin("and", b.fcmp("oge", d, f64(0)), b.fcmp("olt", d, lenF));
      L.guard(inside, Status.outOfBounds, e.range, () => d, a.len, a.name);
      idx = b.cast("fptosi", d, "i64");
    }
    L.elementHook?.(e, idx, a.len, a.name);
  } else {
    idx = L.asInt(e.index);
    if (L.opts.boundscheck && !L.proven.has(e)) {
      const i = idx;
      L.guard(
        b.icmp("ult", idx, a.len),
        Status.outOfBounds,
        e.range,
        () => b.cast("sitofp", i, "double"),
        a.len,
        a.name,
      );
    }
    L.elementHook?.(e, idx, a.len, a.name);
  }
  return { ptr: b.gep(a.type.elem.ir, a.ptr, idx), array: a.type };
}

export function loadElement(L: FunctionLowering, ptr: Value, array: ArrayType): Value {
  const { b } = L;
  const el = array.elem;
  const v = b.load(el.ir, ptr);
  if (el.float) return v;
  return b.cast(el.signed ? "sext" : "zext", v, "i64");
}

/** Stores with the conversion a typed array applies (wrap, clamp, float rounding). */
export function storeElement(
  L: FunctionLowering,
  value: Expr | ValueExpr,
  ptr: Value,
  array: ArrayType,
): void {
  const { b } = L;
  const el = array.elem;
  const t = L.typeOf(value);
  let v: Value;
  if (el.float && el.bytes === 8) v = L.asF64(value);
  else if (el.float) {
    v = t === F32 ? L.gen(value) : b.cast("fptrunc", L.asF64(value), "float");
  } else if (el.clamped) {
    if (t === F64 || t === F32) v = b.call("i8", "js.toclamped", [L.asF64(value)]);
    else {
      const x = L.asInt(value);
      const c = b.call("i64", "llvm.smin.i64", [
        b.call("i64", "llvm.smax.i64", [x, int("i64", 0)]),
        int("i64", 255),
      ]);
      v = b.cast("trunc", c, "i8");
    }
  } else {
    const i32 = L.toInt32(value);
    v = el.ir === "i32" ? i32 : b.cast("trunc", i32, el.ir);
  }
  b.store(v, ptr);
}

// Math.* and Number.* calls, lowered with JS's rules (NaN and -0 where JS has them).
import type { Expr } from "../frontend/ast.ts";
import { f64, int, type Value } from "../ir/mod.ts";
import { MATH_UNARY_FLOAT } from "../types/infer.ts";
import { BOOL, INT, INTZ, type Type } from "../types/types.ts";
import type { FunctionLowering } from "./lower.ts";

const ELEM_MATH: Record<string, string> = {
  sqrt: "llvm.sqrt.f64",
  floor: "llvm.floor.f64",
  ceil: "llvm.ceil.f64",
  trunc: "llvm.trunc.f64",
};

/** A call `Math.f(...)` or `Number.f(...)` of type `t`. */
export function builtinCall(L: FunctionLowering, e: Expr & { kind: "call" }, t: Type): Value {
  const { b } = L;
  const c = e.callee as Expr & { kind: "member"; object: Expr & { kind: "name" } };
  const f = c.name;
  if (c.object.name === "Number") {
    // Number.isNaN/isFinite/isInteger/isSafeInteger do not coerce: anything that is not a
    // Number is false (ECMA-262 21.1.2.2-5), so a boolean argument is evaluated and gives false.
    if (L.typeOf(e.args[0]) === BOOL) {
      L.gen(e.args[0]);
      return int("i1", 0);
    }
    const d = L.asF64(e.args[0]);
    const a = b.call("double", "llvm.fabs.f64", [d]);
    const finite = b.fcmp("olt", a, f64(Infinity));
    if (f === "isNaN") return b.fcmp("uno", d, d);
    if (f === "isFinite") return finite;
    const integral = b.fcmp("oeq", b.call("double", "llvm.trunc.f64", [d]), d);
    const isInt = b.bin("and", finite, integral);
    if (f === "isInteger") return isInt;
    return b.bin("and", isInt, b.fcmp("ole", a, f64(Number.MAX_SAFE_INTEGER)));
  }
  const args = e.args;
  const allInt = t === INT || t === INTZ;
  switch (f) {
    case "floor":
    case "ceil":
    case "trunc":
    case "round":
      if (allInt) return L.asInt(args[0]);
      if (f === "round") return b.call("double", "js.round", [L.asF64(args[0])]);
      return b.call("double", ELEM_MATH[f], [L.asF64(args[0])]);
    case "abs":
      if (allInt) return b.call("i64", "llvm.abs.i64", [L.asInt(args[0]), int("i1", 0)]);
      return b.call("double", "llvm.fabs.f64", [L.asF64(args[0])]);
    case "sign": {
      if (allInt) {
        const x = L.asInt(args[0]);
        const pos = b.cast("zext", b.icmp("sgt", x, int("i64", 0)), "i64");
        const neg = b.cast("zext", b.icmp("slt", x, int("i64", 0)), "i64");
        return b.bin("sub", pos, neg);
      }
      return b.call("double", "js.sign", [L.asF64(args[0])]);
    }
    case "min":
    case "max": {
      if (args.length === 0) return f64(f === "max" ? -Infinity : Infinity);
      if (allInt) {
        let acc = L.asInt(args[0]);
        for (const a of args.slice(1)) {
          acc = b.call("i64", `llvm.s${f}.i64`, [acc, L.asInt(a)]);
        }
        return acc;
      }
      // Every argument is evaluated (and converted) before any NaN decides the result.
      const vals = args.map((a) => L.asF64(a));
      return vals.slice(1).reduce((acc, v) => b.call("double", `js.${f}`, [acc, v]), vals[0]);
    }
    case "pow":
      return b.call("double", "js.pow", [L.asF64(args[0]), L.asF64(args[1])]);
    case "imul": {
      const p = b.bin("mul", L.toInt32(args[0]), L.toInt32(args[1]));
      return b.cast("sext", p, "i64");
    }
    case "clz32":
      return b.cast(
        "zext",
        b.call("i32", "llvm.ctlz.i32", [L.toInt32(args[0]), int("i1", 0)]),
        "i64",
      );
    case "fround":
      return b.cast("fpext", b.cast("fptrunc", L.asF64(args[0]), "float"), "double");
    case "sqrt":
      return b.call("double", "llvm.sqrt.f64", [L.asF64(args[0])]);
    case "atan2":
      L.mod.declare("atan2", "double", ["double", "double"]);
      return b.call("double", "atan2", [L.asF64(args[0]), L.asF64(args[1])]);
    case "hypot": {
      if (args.length === 0) return f64(0);
      const vals = args.map((a) => L.asF64(a));
      if (vals.length === 1) return b.call("double", "llvm.fabs.f64", [vals[0]]);
      return hypot(L, vals);
    }
  }
  if (MATH_UNARY_FLOAT.has(f)) {
    L.mod.declare(f, "double", ["double"]);
    return b.call("double", f, [L.asF64(args[0])]);
  }
  throw new Error(`tsjit internal error: Math.${f}`);
}

/**
 * Math.hypot of two or more values with V8's own algorithm (builtins-math.cc), so that results
 * are identical, not just within an ulp as C's hypot: an infinity wins, then NaN, then 0; else
 * the values scaled by the largest are summed with Kahan's compensation, in argument order.
 */
function hypot(L: FunctionLowering, vals: Value[]): Value {
  const { b } = L;
  const abs = vals.map((v) => b.call("double", "llvm.fabs.f64", [v]));
  let nan: Value = int("i1", 0);
  let max = f64(0);
  for (const a of abs) {
    nan = b.bin("or", nan, b.fcmp("uno", a, a));
    max = b.select(b.fcmp("olt", max, a), a, max);
  }
  let sum = f64(0);
  let compensation = f64(0);
  for (const a of abs) {
    const n = b.bin("fdiv", a, max);
    const summand = b.bin("fsub", b.bin("fmul", n, n), compensation);
    const preliminary = b.bin("fadd", sum, summand);
    compensation = b.bin("fsub", b.bin("fsub", preliminary, sum), summand);
    sum = preliminary;
  }
  const scaled = b.bin("fmul", b.call("double", "llvm.sqrt.f64", [sum]), max);
  const finite = b.select(b.fcmp("oeq", max, f64(0)), f64(0), scaled);
  const notInf = b.select(nan, f64(NaN), finite);
  return b.select(b.fcmp("oeq", max, f64(Infinity)), f64(Infinity), notInf);
}

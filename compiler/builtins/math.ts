// The builtins compiled code computes: Math.* and Number.* functions and constants, one entry
// each with its typing rule, range facts, how a -0 argument reaches the result, and its integer
// and float lowering (with JS's rules: NaN and -0 where JS has them). A new Math function is one
// entry here.
import { type Builder, f64, int, type IRModule, type Value } from "../ir/mod.ts";
import { abs, INT32, type Interval, iv, TOP } from "../types/intervals.ts";
import { F64, INT, INTZ, isInt, type Type } from "../types/types.ts";

/** One Math function. */
export interface MathFunction {
  /** the arguments it reads (and checks are there); undefined: any number of them */
  arity?: number;
  /** the result type for the argument types (booleans already as int); F64 when absent */
  type?: (args: Type[]) => Type;
  /** why it cannot be compiled, when it cannot */
  refuse?: string;
  /** the interval of an integer result from the arguments' intervals */
  range?: (args: Interval[]) => Interval;
  /** "blind": a -0 argument gives the result of 0 (|-0|); "keeps": -0 may pass to the result */
  zeroSign?: "blind" | "keeps";
  /** the result is an integer or not finite (an index from it needs no integrality check) */
  integral?: boolean;
  /**
   * Integer lowering (for an integer result type): `arg(i)` generates argument i as an i64, or
   * as an i32 (ToInt32) when `int32`. Arguments are generated in order, each once.
   */
  int?: Lowering;
  int32?: boolean;
  /** float lowering: `arg(i)` generates argument i as a double */
  float?: Lowering;
}

/** Generates a call's result from its arguments (`n` of them), in order. */
export type Lowering = (b: Builder, arg: (i: number) => Value, n: number, mod: IRModule) => Value;

const all = (arg: (i: number) => Value, n: number) => Array.from({ length: n }, (_, i) => arg(i));
const call1 = (f: string): Lowering => (b, arg) => b.call("double", f, [arg(0)]);
/** A libm function of one double, declared on first use. */
const libm = (f: string): MathFunction => ({
  arity: 1,
  float: (b, arg, _, mod) => (mod.declare(f, "double", ["double"]), b.call("double", f, [arg(0)])),
});
const rounding = (float: Lowering): MathFunction => ({
  arity: 1,
  type: ([t]) => t === INT ? INT : F64,
  range: ([a]) =>
    a.lo === -Infinity && a.hi === Infinity ? TOP : { lo: Math.floor(a.lo), hi: Math.ceil(a.hi) },
  zeroSign: "keeps",
  integral: true,
  int: (_, arg) => arg(0),
  float,
});
const extremum = (f: "min" | "max"): MathFunction => ({
  type: (args) => args.length > 0 && args.every((t) => t === INT) ? INT : F64,
  range: (args) => {
    if (args.length === 0) return TOP;
    const m = f === "min" ? Math.min : Math.max;
    return args.reduce((x, y) => ({ lo: m(x.lo, y.lo), hi: m(x.hi, y.hi) }));
  },
  zeroSign: "keeps",
  int: (b, arg, n) => {
    let acc = arg(0);
    for (let i = 1; i < n; i++) acc = b.call("i64", `llvm.s${f}.i64`, [acc, arg(i)]);
    return acc;
  },
  // every argument is evaluated (and converted) before any NaN decides the result
  float: (b, arg, n) => {
    if (n === 0) return f64(f === "max" ? -Infinity : Infinity);
    const vals = all(arg, n);
    return vals.slice(1).reduce((acc, v) => b.call("double", `js.${f}`, [acc, v]), vals[0]);
  },
});

/** Math's functions tsjit compiles, by name. */
export const MATH_FUNCTIONS: Record<string, MathFunction> = {
  floor: rounding(call1("llvm.floor.f64")),
  ceil: rounding(call1("llvm.ceil.f64")),
  trunc: rounding(call1("llvm.trunc.f64")),
  round: rounding(call1("js.round")),
  abs: {
    arity: 1,
    type: ([t]) => isInt(t) ? INT : F64,
    range: ([a]) => abs(a),
    zeroSign: "blind",
    int: (b, arg) => b.call("i64", "llvm.abs.i64", [arg(0), int("i1", 0)]),
    float: call1("llvm.fabs.f64"),
  },
  sign: {
    arity: 1,
    type: ([t]) => t === INT ? INT : t === INTZ ? INTZ : F64,
    range: () => iv(-1, 1),
    zeroSign: "keeps",
    int: (b, arg) => {
      const x = arg(0);
      const pos = b.cast("zext", b.icmp("sgt", x, int("i64", 0)), "i64");
      const neg = b.cast("zext", b.icmp("slt", x, int("i64", 0)), "i64");
      return b.bin("sub", pos, neg);
    },
    float: call1("js.sign"),
  },
  min: extremum("min"),
  max: extremum("max"),
  pow: { arity: 2, float: (b, arg) => b.call("double", "js.pow", [arg(0), arg(1)]) },
  atan2: {
    arity: 2,
    float: (b, arg, _, mod) => {
      mod.declare("atan2", "double", ["double", "double"]);
      return b.call("double", "atan2", [arg(0), arg(1)]);
    },
  },
  hypot: {
    float: (b, arg, n) => {
      if (n === 0) return f64(0);
      const vals = all(arg, n);
      return n === 1 ? b.call("double", "llvm.fabs.f64", [vals[0]]) : hypot(b, vals);
    },
  },
  imul: {
    arity: 2,
    type: () => INT,
    range: () => INT32,
    zeroSign: "blind",
    int32: true,
    int: (b, arg) => b.cast("sext", b.bin("mul", arg(0), arg(1)), "i64"),
  },
  clz32: {
    arity: 1,
    type: () => INT,
    range: () => iv(0, 32),
    zeroSign: "blind",
    int32: true,
    int: (b, arg) => b.cast("zext", b.call("i32", "llvm.ctlz.i32", [arg(0), int("i1", 0)]), "i64"),
  },
  sqrt: {
    arity: 1,
    range: ([a]) => a.hi < Infinity ? iv(0, Math.sqrt(Math.max(0, a.hi)) + 1) : TOP,
    float: call1("llvm.sqrt.f64"),
  },
  fround: {
    arity: 1,
    zeroSign: "keeps",
    float: (b, arg) => b.cast("fpext", b.cast("fptrunc", arg(0), "float"), "double"),
  },
  random: {
    refuse:
      "Math.random cannot be compiled: its sequence would differ from plain JS; pass random numbers in an array",
  },
  ...Object.fromEntries(
    [
      "exp",
      "log",
      "sin",
      "cos",
      "tan",
      "asin",
      "acos",
      "atan",
      "sinh",
      "cosh",
      "tanh",
      "asinh",
      "acosh",
      "atanh",
      "log2",
      "log10",
      "log1p",
      "expm1",
      "cbrt",
    ].map((f) => [f, libm(f)]),
  ),
};

/** The entry of `Math.name`, if tsjit knows it. */
export function mathFunction(name: string): MathFunction | undefined {
  return Object.hasOwn(MATH_FUNCTIONS, name) ? MATH_FUNCTIONS[name] : undefined;
}

/** Number's predicates tsjit compiles (of one number, giving a boolean). */
export const NUMBER_FUNCTIONS = new Set(["isNaN", "isFinite", "isInteger", "isSafeInteger"]);

/**
 * `Number.f(d)` of a double. They do not coerce: anything that is not a Number is false
 * (ECMA-262 21.1.2.2-5), so a boolean argument is evaluated and gives false (the caller's part).
 */
export function numberPredicate(b: Builder, f: string, d: Value): Value {
  const a = b.call("double", "llvm.fabs.f64", [d]);
  const finite = b.fcmp("olt", a, f64(Infinity));
  if (f === "isNaN") return b.fcmp("uno", d, d);
  if (f === "isFinite") return finite;
  const integral = b.fcmp("oeq", b.call("double", "llvm.trunc.f64", [d]), d);
  const isInt = b.bin("and", finite, integral);
  if (f === "isInteger") return isInt;
  return b.bin("and", isInt, b.fcmp("ole", a, f64(Number.MAX_SAFE_INTEGER)));
}

/** Math constants and their values. */
export const MATH_CONSTANTS: Record<string, number> = {
  E: Math.E,
  LN10: Math.LN10,
  LN2: Math.LN2,
  LOG10E: Math.LOG10E,
  LOG2E: Math.LOG2E,
  PI: Math.PI,
  SQRT1_2: Math.SQRT1_2,
  SQRT2: Math.SQRT2,
};

/** Number constants and their values. */
export const NUMBER_CONSTANTS: Record<string, number> = {
  MAX_SAFE_INTEGER: Number.MAX_SAFE_INTEGER,
  MIN_SAFE_INTEGER: Number.MIN_SAFE_INTEGER,
  MAX_VALUE: Number.MAX_VALUE,
  MIN_VALUE: Number.MIN_VALUE,
  EPSILON: Number.EPSILON,
  POSITIVE_INFINITY: Infinity,
  NEGATIVE_INFINITY: -Infinity,
  NaN: NaN,
};

/**
 * Math.hypot of two or more values with V8's own algorithm (builtins-math.cc), so that results
 * are identical, not just within an ulp as C's hypot: an infinity wins, then NaN, then 0; else
 * the values scaled by the largest are summed with Kahan's compensation, in argument order.
 */
function hypot(b: Builder, vals: Value[]): Value {
  const mags = vals.map((v) => b.call("double", "llvm.fabs.f64", [v]));
  let nan: Value = int("i1", 0);
  let max = f64(0);
  for (const a of mags) {
    nan = b.bin("or", nan, b.fcmp("uno", a, a));
    max = b.select(b.fcmp("olt", max, a), a, max);
  }
  let sum = f64(0);
  let compensation = f64(0);
  for (const a of mags) {
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

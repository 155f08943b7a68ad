// JS's binary and unary operators on numbers, one entry each: typing rule, range facts, how a -0
// operand reaches the result, integer and float lowering, and whether the streaming store loop
// computes it lane-wise. A new operator is one entry here (and its syntax in frontend/parse.ts).
import { type Builder, int, type Value } from "../ir/mod.ts";
import {
  add,
  BOOL as BOOL_RANGE,
  INT32,
  type Interval,
  iv,
  mayBeNegative,
  mayBeZero,
  mul,
  neg,
  rem,
  small,
  TOP,
  UINT32,
} from "../types/intervals.ts";
import { BOOL, F32, F64, INT, INTZ, type Type } from "../types/types.ts";
import { remainder } from "./_intops.ts";

/** What the typing rule of an arithmetic operator knows about its operands. */
export interface OperandFacts {
  /** both operands are integers (int or intz) */
  ints: boolean;
  /** the integer result lies strictly inside ±2^53 (exact in an i64) */
  exact: boolean;
  left: Interval;
  right: Interval;
}

/** How a -0 operand reaches the result: not at all, possibly, or it may be observed. */
export type ZeroSign = "blind" | "keeps" | "seen";

export interface BinaryOperator {
  /** arith: numbers to a number; bitwise: ToInt32 of both to an int32; compare: to a boolean */
  kind: "arith" | "bitwise" | "compare";
  /** the result type of an arithmetic operator from its operands' types */
  type: (l: Type, r: Type, f: OperandFacts) => Type;
  /** the interval of the result (`k`: the right operand when it is a constant) */
  range: (a: Interval, b: Interval, k?: number) => Interval;
  /** per operand: how its -0 reaches the result */
  zeroSign: [ZeroSign, ZeroSign];
  /** lowering of integer operands (i64; i32 for bitwise), with their intervals when known */
  int?: (b: Builder, l: Value, r: Value, a?: Interval, c?: Interval) => Value;
  /** lowering of float operands (doubles, or vectors of them); `flags`: fast-math flags */
  float?: (b: Builder, l: Value, r: Value, flags: string) => Value;
  /** the predicates of a comparison: on integers (icmp), on doubles (fcmp) */
  icmp?: string;
  fcmp?: string;
  /** the streaming store loop (lower/_streaming.ts) computes it lane-wise */
  vectorizes?: boolean;
  /** on integers, the low 32 bits of the result depend only on the operands' (`int` in i32) */
  wraps32?: boolean;
  /** the range rule holds on reals too (float bounds like `i < n / 2`) */
  realRange?: boolean;
}

const fop = (name: string) => (b: Builder, l: Value, r: Value, flags: string) =>
  b.bin(name + flags, l, r);
const iop = (name: string) => (b: Builder, l: Value, r: Value) => b.bin(name, l, r);
const f64 = () => F64;

const compare = (icmp: string, fcmp: string): BinaryOperator => ({
  kind: "compare",
  type: () => BOOL,
  range: () => BOOL_RANGE,
  zeroSign: ["blind", "blind"],
  icmp,
  fcmp,
});

/** `op` on ToInt32 of both operands: the i32 result sign- (or zero-) extended. */
const bitwise = (
  range: BinaryOperator["range"],
  op: (b: Builder, l: Value, r: Value) => Value,
  extend = "sext",
): BinaryOperator => ({
  kind: "bitwise",
  type: () => INT,
  range,
  zeroSign: ["blind", "blind"],
  int: (b, l, r) => b.cast(extend, op(b, l, r), "i64"),
});
const shift = (name: string) => (b: Builder, l: Value, r: Value) =>
  b.bin(name, l, b.bin("and", r, int("i32", 31)));

/** JS's binary operators on numbers, by operator. */
export const BINARY: Record<string, BinaryOperator> = {
  "+": {
    kind: "arith",
    type: (l, r, f) => !f.ints || !f.exact ? F64 : l === INT || r === INT ? INT : INTZ,
    range: add,
    zeroSign: ["keeps", "keeps"],
    int: iop("add"),
    float: fop("fadd"),
    vectorizes: true,
    wraps32: true,
    realRange: true,
  },
  "-": {
    kind: "arith",
    type: (l, _, f) => !f.ints || !f.exact ? F64 : l === INT ? INT : INTZ,
    range: (a, b) => add(a, neg(b)),
    zeroSign: ["keeps", "keeps"],
    int: iop("sub"),
    float: fop("fsub"),
    vectorizes: true,
    wraps32: true,
    realRange: true,
  },
  "*": {
    kind: "arith",
    type: (l, r, f) => {
      if (!f.ints || !f.exact) return F64;
      // -0 when one factor is 0 and the other negative (or -0 itself)
      const signed = (mayBeZero(f.left) && mayBeNegative(f.right)) ||
        (mayBeZero(f.right) && mayBeNegative(f.left));
      return l === INT && r === INT && !signed ? INT : INTZ;
    },
    range: mul,
    zeroSign: ["keeps", "keeps"],
    int: iop("mul"),
    float: fop("fmul"),
    vectorizes: true,
    wraps32: true,
    realRange: true,
  },
  "/": {
    kind: "arith",
    type: f64,
    // only for bounds (`i < n / 2`): a positive constant divisor keeps the order
    range: (a, b) =>
      b.lo > 0 && b.lo === b.hi && isFinite(b.lo) ? iv(a.lo / b.lo, a.hi / b.lo) : TOP,
    zeroSign: ["seen", "seen"],
    float: fop("fdiv"),
    vectorizes: true,
    realRange: true,
  },
  "%": {
    kind: "arith",
    // srem is JS's % when the divisor is never 0; -0 when a negative dividend divides evenly
    type: (l, _, f) =>
      !f.ints || mayBeZero(f.right) || !f.exact
        ? F64
        : l === INT && !mayBeNegative(f.left)
        ? INT
        : INTZ,
    range: (a, b) => mayBeZero(b) ? TOP : rem(a, b),
    zeroSign: ["keeps", "blind"],
    int: remainder,
    float: fop("frem"),
  },
  "**": {
    kind: "arith",
    type: f64,
    range: () => TOP,
    zeroSign: ["seen", "seen"],
    float: (b, l, r) => b.call("double", "js.pow", [l, r]),
  },
  // bitwise operands go through ToInt32 (truncation): a range in [0, 2^31) keeps its top
  "&": bitwise(
    (a, b) =>
      small(a) || small(b)
        ? iv(0, Math.min(small(a) ? a.hi : b.hi, small(b) ? b.hi : a.hi))
        : INT32,
    iop("and"),
  ),
  "|": bitwise(() => INT32, iop("or")),
  "^": bitwise(() => INT32, iop("xor")),
  "<<": bitwise(() => INT32, shift("shl")),
  ">>": bitwise((a, _, k) => {
    if (!small(a) || k === undefined || !Number.isInteger(k) || k < 0 || k > 31) return INT32;
    return iv(0, Math.floor(a.hi / 2 ** k));
  }, shift("ashr")),
  ">>>": bitwise(
    (a, _, k) => {
      if (k !== undefined && (k & 31) > 0) return iv(0, 2 ** (32 - (k & 31)) - 1);
      return small(a) ? iv(0, a.hi) : UINT32;
    },
    shift("lshr"),
    "zext",
  ),
  "<": compare("slt", "olt"),
  "<=": compare("sle", "ole"),
  ">": compare("sgt", "ogt"),
  ">=": compare("sge", "oge"),
  "==": compare("eq", "oeq"),
  "===": compare("eq", "oeq"),
  "!=": compare("ne", "une"),
  "!==": compare("ne", "une"),
};

/** The entry of binary operator `op`, if JS numbers have it. */
export function binaryOperator(op: string): BinaryOperator | undefined {
  return Object.hasOwn(BINARY, op) ? BINARY[op] : undefined;
}

/** A unary operator: its operand's form, typing rule, range rule, lowering. */
export interface UnaryOperator {
  /** the operand as lowered: a number, ToInt32 of it, or its truthiness */
  operand: "number" | "int32" | "truthy";
  /** the result type from the operand's (booleans already as int) */
  type: (t: Type) => Type;
  /** the interval of the result from the operand's */
  range: (a: Interval) => Interval;
  /** how a -0 operand reaches the result */
  zeroSign: ZeroSign;
  /** lowering of an integer (i64; i32 for `int32`; i1 for `truthy`) operand */
  int: (b: Builder, v: Value) => Value;
  /** lowering of a double (or a vector of them) */
  float?: (b: Builder, v: Value) => Value;
  /** the streaming store loop computes it lane-wise */
  vectorizes?: boolean;
}

/** JS's unary operators on numbers and booleans, by operator. */
export const UNARY: Record<string, UnaryOperator> = {
  "-": {
    operand: "number",
    type: (t) => t === INT || t === INTZ ? INTZ : F64,
    range: neg,
    zeroSign: "keeps",
    int: (b, v) => b.bin("sub", int("i64", 0), v),
    float: (b, v) => b.fneg(v),
    vectorizes: true,
  },
  "+": {
    operand: "number",
    type: (t) => t === F32 ? F64 : t,
    range: (a) => a,
    zeroSign: "keeps",
    int: (_, v) => v,
    float: (_, v) => v,
    vectorizes: true,
  },
  "~": {
    operand: "int32",
    type: () => INT,
    range: () => INT32,
    zeroSign: "blind",
    int: (b, v) => b.cast("sext", b.bin("xor", v, int("i32", -1)), "i64"),
  },
  "!": {
    operand: "truthy",
    type: () => BOOL,
    range: () => BOOL_RANGE,
    zeroSign: "blind",
    int: (b, v) => b.bin("xor", v, int("i1", 1)),
  },
};

/** The entry of unary operator `op`. */
export function unaryOperator(op: string): UnaryOperator | undefined {
  return Object.hasOwn(UNARY, op) ? UNARY[op] : undefined;
}

// Variables kept in 32 bits. A checksum or hash state (`s = (s + a[i]) | 0`,
// `h = Math.imul(h ^ a[i], p)`) held in an i64 is sign-extended after every step, which puts an
// extra instruction on the loop-carried chain; held in an i32 it is not. A variable qualifies
// when every read of it either lies in int32 (its range at that read) or goes through ToInt32
// (an operand of a bitwise operator, `~`, Math.imul, Math.clz32), so that ToInt32 of the value
// is all that needs storing, and when some write to it is a ToInt32 result (a value kept in
// [0, 65521) by `%` gains nothing, and LLVM would sign-extend it at every use). Loop counters
// (`++`, `+=`) stay 64-bit, as induction variables.
import type { Expr, Stmt, Variable } from "../frontend/ast.ts";
import { eachChild, walk } from "../frontend/walk.ts";
import type { TypedFunction } from "../types/infer.ts";
import { INT } from "../types/types.ts";
import { binaryOperator, unaryOperator } from "../builtins/operators.ts";

/** Operators whose result is ToInt32 of their operands' (wrapped to 32 bits). */
const bitwise = (op: string) => binaryOperator(op)?.kind === "bitwise";
const int32 = (op: string) => unaryOperator(op)?.operand === "int32";

/** The local integer variables `tf` can hold in i32 slots (none in a function with prange). */
export function int32Slots(tf: TypedFunction): Set<Variable> {
  const out = new Set<Variable>();
  for (const v of tf.resolved.variables) {
    if (v.kind !== "param" && tf.varTypes.get(v) === INT) out.add(v);
  }
  const fits = (e: Expr) => {
    const r = tf.ranges?.get(e);
    return !!r && r.lo >= -(2 ** 31) && r.hi <= 2 ** 31 - 1;
  };
  let parallel = false;
  const wraps = new Set<Variable>();
  const wrapping = (e: Expr) =>
    (e.kind === "binary" && bitwise(e.op)) || (e.kind === "unary" && int32(e.op)) ||
    (e.kind === "call" && e.callee.kind === "member" && e.callee.name === "imul");
  const visit = (e: Expr, wrapped: boolean): void => {
    switch (e.kind) {
      case "name":
        if (e.variable && !wrapped && !fits(e)) out.delete(e.variable);
        return;
      case "update":
        if (e.target.kind === "name" && e.target.variable) out.delete(e.target.variable);
        return visit(e.target, false);
      case "assign": {
        const v = e.target.kind === "name" ? e.target.variable : undefined;
        if (v && (bitwise(e.op) || (e.op === "=" && wrapping(e.value)))) wraps.add(v);
        if (!v) visit(e.target, false);
        // a compound assignment reads its target as its operator's left operand
        else if (e.op === "+" || e.op === "-") out.delete(v);
        else if (e.op !== "=") visit(e.target, bitwise(e.op));
        return visit(e.value, false);
      }
      case "binary":
        return visit(e.left, bitwise(e.op)), visit(e.right, bitwise(e.op));
      case "unary":
        return visit(e.operand, int32(e.op));
      case "call": {
        const c = e.callee;
        const math = c.kind === "member" && c.object.kind === "name" && c.object.name === "Math" &&
          !c.object.variable;
        const w = math && (c.name === "imul" || c.name === "clz32");
        return e.args.forEach((a) => visit(a, w));
      }
    }
    eachChild(e, (x) => visit(x, false));
  };
  for (const s of tf.ast.body) {
    walk(s, () => {}, (x: Stmt) => {
      switch (x.kind) {
        case "decl":
          return x.decls.forEach((d) => {
            if (d.init && wrapping(d.init) && d.variable) wraps.add(d.variable);
            if (d.init) visit(d.init, false);
          });
        case "expr":
          return visit(x.expr, false);
        case "if":
        case "while":
        case "doWhile":
          return visit(x.test, false);
        case "for":
          return [x.test, x.update].forEach((y) => y && visit(y, false));
        case "forOf":
          if (x.iter === "prange") parallel = true;
          if (x.decl.variable) out.delete(x.decl.variable);
          return x.args.forEach((a) => visit(a, false));
        case "return":
          return x.value && visit(x.value, false);
        case "switch":
          visit(x.disc, false);
          return x.cases.forEach((c) => c.test && visit(c.test, false));
      }
    });
  }
  return parallel ? new Set() : new Set([...out].filter((v) => wraps.has(v)));
}

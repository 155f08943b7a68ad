// Variables whose sign of zero is never seen. A remainder or product of integers can be -0 in JS
// (`s1 %= 65521` with a negative s1), so such a value is stored as a double, unless every use of
// the variable treats -0 as 0: bitwise operators, comparisons, tests, indexes, stores into
// integer arrays, `++`, or arithmetic whose result again goes only to such uses or into such
// variables. Those variables keep integers (an i64 cannot hold -0, and nothing can tell).
import type { Expr, Stmt, Variable } from "../frontend/ast.ts";
import { eachStmtChild } from "../frontend/walk.ts";
import { assertNever } from "../diagnostics.ts";
import type { Type } from "./types.ts";
import { mathFunction } from "../builtins/math.ts";
import { binaryOperator, unaryOperator } from "../builtins/operators.ts";

/** Where a value goes: nowhere that sees -0, through an operation that keeps it, or anywhere. */
type Use = { kind: "blind" } | { kind: "keeps"; parent: Expr } | { kind: "into"; v: Variable } | {
  kind: "seen";
};

/**
 * The variables (of `candidates`) whose -0 no use can observe. `typeOf` gives array
 * expressions' types (stores into integer arrays convert -0 to 0).
 */
export function zeroSignBlind(
  body: Stmt[],
  candidates: Set<Variable>,
  typeOf: (e: Expr) => Type | undefined,
): Set<Variable> {
  const uses = new Map<Expr, Use>(); // how each expression's value is used
  const names: (Expr & { kind: "name" })[] = [];
  const use = (e: Expr | undefined, u: Use): void => {
    if (!e) return;
    uses.set(e, u);
    const keeps: Use = { kind: "keeps", parent: e };
    const blind: Use = { kind: "blind" };
    const seen: Use = { kind: "seen" };
    switch (e.kind) {
      case "name":
        if (e.variable) names.push(e);
        return;
      case "unary":
        return use(e.operand, { blind, keeps, seen }[unaryOperator(e.op)?.zeroSign ?? "seen"]);
      case "update":
        // `v++` is the old value (-0 stays -0), `++v` the new one (never -0)
        return use(e.target, e.prefix ? blind : keeps);
      case "binary": {
        const sides = binaryOperator(e.op)?.zeroSign ?? ["seen", "seen"];
        const how = { blind, keeps, seen };
        return use(e.left, how[sides[0]]), use(e.right, how[sides[1]]);
      }
      case "logical":
        return use(e.left, keeps), use(e.right, keeps);
      case "cond":
        return use(e.test, blind), use(e.then, keeps), use(e.else, keeps);
      case "assign": {
        const into: Use = e.target.kind === "name" && e.target.variable
          ? { kind: "into", v: e.target.variable }
          : e.target.kind === "index" && intArray(typeOf(e.target.object))
          ? blind
          : seen;
        // the assignment's own value, when used, is seen (it holds the target's old value too)
        const used = u.kind !== "blind";
        if (e.target.kind === "index") use(e.target.index, blind);
        else if (e.op !== "=") use(e.target, !used && "+-*%".includes(e.op) ? into : seen);
        if (used) return use(e.value, seen);
        return use(
          e.value,
          e.op === "=" || "+-*".includes(e.op) ? into : e.op === "%" ? blind : seen,
        );
      }
      case "index":
        return use(e.index, blind);
      case "call": {
        const c = e.callee;
        const math = c.kind === "member" && c.object.kind === "name" && c.object.name;
        const f = c.kind === "member" ? c.name : "";
        const sign = math === "Math" ? mathFunction(f)?.zeroSign : undefined;
        const arg: Use = sign === "blind" ? blind : sign === "keeps" ? keeps : math === "Number" // isNaN, isFinite, isInteger, isSafeInteger
          ? blind
          : seen;
        return e.args.forEach((a) => use(a, arg));
      }
      case "comma":
        return e.exprs.forEach((x, i) => use(x, i === e.exprs.length - 1 ? keeps : blind));
      case "num":
      case "bool":
      case "member": // `a.length`: no number flows in
        return;
      default:
        return assertNever(e);
    }
  };
  const stmt = (s: Stmt): void => {
    if (s.kind === "decl") {
      return s.decls.forEach((d) => use(d.init, { kind: "into", v: d.variable! }));
    }
    // a loop's bounds and a returned value are seen; tests and statement values are not
    const how: Use = s.kind === "forOf" || s.kind === "return"
      ? { kind: "seen" }
      : { kind: "blind" };
    eachStmtChild(s, stmt, (e) => use(e, how));
  };
  body.forEach(stmt);

  // Does a value used as `u` reach a place that sees -0, given the blind variables so far?
  const sees = (u: Use, blindVars: Set<Variable>): boolean => {
    for (;;) {
      if (u.kind === "blind") return false;
      if (u.kind === "seen") return true;
      if (u.kind === "into") return !blindVars.has(u.v);
      u = uses.get(u.parent) ?? { kind: "seen" };
    }
  };
  const result = new Set(candidates);
  for (let changed = true; changed;) {
    changed = false;
    for (const n of names) {
      if (result.has(n.variable!) && sees(uses.get(n)!, result)) {
        result.delete(n.variable!);
        changed = true;
      }
    }
  }
  return result;
}

function intArray(t: Type | undefined): boolean {
  return t?.kind === "array" && !t.elem.float;
}

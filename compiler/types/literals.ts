// Literals and the expressions typing treats as nodes of their own.
import type { Expr } from "../frontend/ast.ts";
import { F64, INT, type Type } from "./types.ts";

// integer literals are exact in an i64; the ranges keep arithmetic on them exact
const INT_LIMIT = 2 ** 53 - 1;

/** The type of a numeric literal: small integers are `int`, everything else `f64`. */
export function literalType(v: number): Type {
  return Number.isInteger(v) && Math.abs(v) <= INT_LIMIT && !Object.is(v, -0) ? INT : F64;
}

/** The value of a `-literal` or literal expression, if it is one. */
export function constantValue(e: Expr): number | undefined {
  if (e.kind === "num") return e.value;
  if (e.kind === "unary" && e.op === "-" && e.operand.kind === "num") return -e.operand.value;
  return undefined;
}

const compoundOps = new WeakMap<Expr, Expr>();

/**
 * The binary operation `target op value` inside a compound assignment `target op= value`, as its
 * own node so that it carries a type (its left operand is the target, evaluated once).
 */
export function compoundOperation(e: Expr & { kind: "assign" }): Expr & { kind: "binary" } {
  let b = compoundOps.get(e);
  if (!b) {
    b = { kind: "binary", op: e.op, left: e.target, right: e.value, range: e.range };
    compoundOps.set(e, b);
  }
  return b as Expr & { kind: "binary" };
}

// Assignments and updates: to a variable (an array variable takes the other's pointer and length)
// or to an element (array, index, then value; a compound one reads the element once).
import type { Expr } from "../frontend/ast.ts";
import { f64, int, type Value } from "../ir/mod.ts";
import { compoundOperation } from "../types/literals.ts";
import { elementType, INT, isArray, type Type } from "../types/types.ts";
import type { FunctionLowering, ValueExpr } from "./lower.ts";
import { elementPointer, loadElement, storeElement } from "./_arrays.ts";

export function lowerAssign(L: FunctionLowering, e: Expr & { kind: "assign" }, t: Type): Value {
  const { b } = L;
  if (e.target.kind === "name") {
    const v = e.target.variable!;
    const vt = L.varType(v);
    if (isArray(vt)) {
      const src = L.array(e.value);
      const dst = L.arraySlots.get(v)!;
      b.store(src.ptr, dst.ptr);
      b.store(src.len, dst.len);
      return { ty: "void", ref: "" };
    }
    const value = e.op === "=" ? L.as(e.value, vt) : L.as(compoundOperation(e), vt);
    L.storeVar(v, value);
    L.noteWrite(v);
    return value;
  }
  // element store: evaluate array, index, then value; the expression's value is the RHS
  const { ptr, array } = elementPointer(L, e.target as Expr & { kind: "index" });
  let valueExpr: Expr | ValueExpr = e.value;
  if (e.op !== "=") {
    const old: ValueExpr = {
      kind: "$value",
      value: loadElement(L, ptr, array),
      type: elementType(array),
      range: e.range,
    };
    const opType = L.tf.exprTypes.get(compoundOperation(e))!;
    valueExpr = {
      kind: "$value",
      value: L.binary(
        { kind: "binary", op: e.op, left: old, right: e.value, range: e.range },
        opType,
      ),
      type: opType,
      range: e.range,
    };
  }
  const value = L.as(valueExpr, t);
  storeElement(L, { kind: "$value", value, type: t, range: e.range }, ptr, array);
  return value;
}

export function lowerUpdate(L: FunctionLowering, e: Expr & { kind: "update" }, t: Type): Value {
  const { b } = L;
  const step = (v: Value) =>
    t === INT
      ? b.bin(e.op === "++" ? "add" : "sub", v, int("i64", 1))
      : b.bin(e.op === "++" ? "fadd" : "fsub", v, f64(1));
  if (e.target.kind === "name") {
    const vt = L.varType(e.target.variable!);
    const old = L.convert(L.loadVar(e.target.variable!), vt, t);
    const next = step(old);
    L.storeVar(e.target.variable!, L.convert(next, t, vt));
    L.noteWrite(e.target.variable!);
    return e.prefix ? next : old;
  }
  const { ptr, array } = elementPointer(L, e.target as Expr & { kind: "index" });
  const old = L.convert(loadElement(L, ptr, array), elementType(array), t);
  const next = step(old);
  storeElement(L, { kind: "$value", value: next, type: t, range: e.range }, ptr, array);
  return e.prefix ? next : old;
}

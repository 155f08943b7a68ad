// Calls of Math.* and Number.* functions, lowered through their registry entries
// (builtins/math.ts): the arguments converted as each entry asks, in order.
import type { Expr } from "../frontend/ast.ts";
import { int, type Value } from "../ir/mod.ts";
import { mathFunction, numberPredicate } from "../builtins/math.ts";
import { BOOL, isInt, type Type } from "../types/types.ts";
import type { FunctionLowering } from "./lower.ts";

type BuiltinCall = Expr & { kind: "call"; callee: Expr & { kind: "member"; object: Expr } };

/** A call `Math.f(...)` or `Number.f(...)` of type `t`. */
export function builtinCall(L: FunctionLowering, e: Expr & { kind: "call" }, t: Type): Value {
  const c = (e as BuiltinCall).callee;
  if (c.object.kind === "name" && c.object.name === "Number") {
    // a boolean is not a Number: the predicate is false (its argument still runs)
    if (L.typeOf(e.args[0]) === BOOL) {
      L.gen(e.args[0]);
      return int("i1", 0);
    }
    return numberPredicate(L.b, c.name, L.asF64(e.args[0]));
  }
  const m = mathFunction(c.name);
  const n = m?.arity ?? e.args.length;
  let r: Value;
  if (m?.int && isInt(t)) {
    r = m.int(L.b, (i) => m.int32 ? L.toInt32(e.args[i]) : L.asInt(e.args[i]), n, L.mod);
  } else if (m?.float) r = m.float(L.b, (i) => L.asF64(e.args[i]), n, L.mod);
  else throw new Error(`tsjit internal error: Math.${c.name}`);
  // arguments past the ones it reads still run, in order (`Math.floor(x, i++)` increments i)
  e.args.slice(n).forEach((a) => L.gen(a));
  return r;
}

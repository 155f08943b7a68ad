// Pass 5, streaming: a versioned counted `for` loop of step 1 whose body is one element-wise store of
// doubles computed lane-wise gets `streaming`: its unchecked copy, over 2^18 elements or more and
// when the arrays do not overlap, stores past the cache (lower/_streaming.ts).
import type { Expr, Stmt, Variable } from "../frontend/ast.ts";
import type { TypedFunction } from "../types/infer.ts";
import { arrayType, F64, INT } from "../types/types.ts";
import { binaryOperator, unaryOperator } from "../builtins/operators.ts";
import type { CountedLoop } from "./loops.ts";
import { loopsOf, type MFunction } from "./ir.ts";

const F64_ARRAY = arrayType("Float64Array");

export function planStreaming(fn: MFunction): void {
  for (const { src, loop } of loopsOf(fn)) {
    // a streaming copy leaves the counter at the end: only right for a step of 1
    if (src.kind === "for" && loop.versioned && loop.counted?.step === 1) {
      loop.streaming = streamingPlan(src, loop.counted, fn.tf);
    }
  }
}

/** What a streaming loop computes: `target[i] = value` over the counter. */
export interface StreamingPlan {
  target: Expr & { kind: "name" };
  value: Expr;
  counter: Variable;
}

/** The plan for a counted `for` loop, when its body is one element-wise store of doubles. */
export function streamingPlan(
  s: Stmt & { kind: "for" },
  loop: CountedLoop,
  tf: TypedFunction,
): StreamingPlan | undefined {
  if (Deno.build.arch !== "x86_64") return undefined;
  let body = s.body;
  while (body.kind === "block" && body.body.length === 1) body = body.body[0];
  if (body.kind !== "expr" || body.expr.kind !== "assign") return undefined;
  const e = body.expr;
  const counter = loop.variable;
  const isCounter = (x: Expr) => x.kind === "name" && x.variable === counter;
  const f64Element = (x: Expr): x is Expr & { kind: "index"; object: Expr & { kind: "name" } } =>
    x.kind === "index" && x.object.kind === "name" && !!x.object.variable &&
    tf.varTypes.get(x.object.variable) === F64_ARRAY && isCounter(x.index);
  if (!f64Element(e.target)) return undefined;
  if (e.op !== "=" && !binaryOperator(e.op)?.vectorizes) return undefined;
  const value: Expr = e.op === "="
    ? e.value
    : { kind: "binary", op: e.op, left: e.target, right: e.value, range: e.range };
  const allowed = (x: Expr): boolean => {
    switch (x.kind) {
      case "num":
        return true;
      case "name": {
        const t = x.variable && tf.varTypes.get(x.variable);
        return t === INT || t === F64;
      }
      case "index":
        return f64Element(x);
      case "binary":
        return !!binaryOperator(x.op)?.vectorizes && allowed(x.left) && allowed(x.right);
      case "unary":
        return !!unaryOperator(x.op)?.vectorizes && allowed(x.operand);
      default:
        return false;
    }
  };
  if (!allowed(value)) return undefined;
  return { target: e.target.object, value, counter };
}

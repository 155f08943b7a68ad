// Builds the IR of one specialization from its typed syntax tree: statements one to one, every
// loop form as a `loop` node (attributes come from the passes).
import { assertNever } from "../diagnostics.ts";
import type { Stmt } from "../frontend/ast.ts";
import type { TypedFunction } from "../types/infer.ts";
import type { Loop, MFunction, MStmt } from "./ir.ts";

/** The IR of `tf`'s body, before any pass. */
export function buildFunction(tf: TypedFunction): MFunction {
  return { tf, body: tf.ast.body.map(build) };
}

/** The IR of one statement. */
export function build(s: Stmt): MStmt {
  switch (s.kind) {
    case "decl":
      return { op: "decl", src: s };
    case "expr":
      return { op: "eval", src: s };
    case "if":
      return { op: "if", src: s, then: build(s.then), else: s.else && build(s.else) };
    case "for":
      return loop(s, { form: "for", init: s.init && build(s.init), body: build(s.body) });
    case "forOf":
      return loop(s, { form: s.iter, body: build(s.body) });
    case "while":
    case "doWhile":
      return loop(s, { form: s.kind, body: build(s.body) });
    case "break":
    case "continue":
      return { op: "jump", src: s };
    case "return":
      return { op: "return", src: s };
    case "block":
      return { op: "block", src: s, body: s.body.map(build) };
    case "labeled":
      return { op: "labeled", src: s, body: build(s.body) };
    case "switch":
      return { op: "switch", src: s, cases: s.cases.map((c) => c.body.map(build)) };
    case "empty":
      return { op: "nop", src: s };
    default:
      return assertNever(s);
  }
}

function loop(src: Stmt & { kind: "for" | "forOf" | "while" | "doWhile" }, l: Loop): MStmt {
  return { op: "loop", src, loop: l };
}

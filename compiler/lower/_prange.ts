// What a prange body shares with the function around it: the outer variables it reads
// (captured by value into the chunk's environment) and its reductions. Any other write to an
// outer scalar would race between threads and is refused.
import { CompileError, type Range, type SourceInfo } from "../diagnostics.ts";
import type { Expr, Stmt, Variable } from "../frontend/ast.ts";
import type { TypedFunction } from "../types/infer.ts";
import { isArray } from "../types/types.ts";

/** A scalar combined across chunks: `+` (also `-=`, `++`, `--`), `*`, `min` or `max`. */
export interface Reduction {
  variable: Variable;
  op: "+" | "*" | "min" | "max";
}

/** The sharing of one prange loop. */
export interface PrangeInfo {
  captured: Variable[];
  reductions: Reduction[];
}

/** Analyzes `loop` (a prange for-of); throws CompileError for races and unsupported exits. */
export function analyzePrange(loop: Stmt & { kind: "forOf" }, tf: TypedFunction): PrangeInfo {
  const src: SourceInfo = tf.src;
  const fail = (msg: string, construct: string, r: Range): never => {
    throw new CompileError(msg, construct, r, src);
  };
  const local = new Set<Variable>([loop.decl.variable!]);
  const captured = new Set<Variable>();
  const ops = new Map<Variable, { op: Reduction["op"]; range: Range }>();
  const reductionReads = new Set<Expr>();
  const reads: { v: Variable; range: Range; e: Expr }[] = [];

  const reduce = (v: Variable, op: Reduction["op"], r: Range) => {
    const prev = ops.get(v);
    if (prev && prev.op !== op) {
      fail(
        `'${v.name}' is combined with both ${prev.op} and ${op} in a prange loop; use one`,
        "mixed reduction",
        r,
      );
    }
    ops.set(v, { op, range: r });
  };

  const expr = (e: Expr | undefined): void => {
    if (!e) return;
    switch (e.kind) {
      case "name":
        if (e.variable && !local.has(e.variable)) {
          captured.add(e.variable);
          reads.push({ v: e.variable, range: e.range, e });
        }
        return;
      case "assign":
      case "update": {
        const t = e.target;
        if (t.kind === "name" && t.variable && !local.has(t.variable)) {
          const v = t.variable;
          if (isArray(tf.varTypes.get(v)!)) {
            fail(
              `array variable '${v.name}' cannot be reassigned inside a prange loop`,
              "race",
              e.range,
            );
          }
          reductionReads.add(t);
          if (e.kind === "update") reduce(v, "+", e.range);
          else if (e.op === "+" || e.op === "-") reduce(v, "+", e.range);
          else if (e.op === "*") reduce(v, "*", e.range);
          else if (
            e.op === "=" && e.value.kind === "call" && e.value.callee.kind === "member" &&
            e.value.callee.object.kind === "name" && e.value.callee.object.name === "Math" &&
            (e.value.callee.name === "min" || e.value.callee.name === "max") &&
            e.value.args.some((a) => a.kind === "name" && a.variable === v)
          ) {
            reduce(v, e.value.callee.name, e.range);
            for (const a of e.value.args) {
              if (a.kind === "name" && a.variable === v) reductionReads.add(a);
            }
          } else {
            fail(
              `'${v.name}' is written by every thread of a prange loop (a race); only ` +
                `reductions (+=, -=, *=, ++, --, ${v.name} = Math.min/max(${v.name}, ...)) may update an ` +
                `outer variable`,
              "race",
              e.range,
            );
          }
          captured.add(v);
          if (e.kind === "assign") expr(e.value);
          return;
        }
        expr(t);
        if (e.kind === "assign") expr(e.value);
        return;
      }
      case "unary":
        return expr(e.operand);
      case "binary":
      case "logical":
        return expr(e.left), expr(e.right);
      case "cond":
        return expr(e.test), expr(e.then), expr(e.else);
      case "index":
        return expr(e.object), expr(e.index);
      case "member":
        return expr(e.object);
      case "call":
        return expr(e.callee), e.args.forEach(expr);
      case "comma":
        return e.exprs.forEach(expr);
    }
  };
  let depth = 0; // loops and switches inside the body, which a plain break may leave
  const labels: string[] = [];
  const stmt = (s: Stmt | undefined): void => {
    if (!s) return;
    switch (s.kind) {
      case "decl":
        for (const d of s.decls) {
          local.add(d.variable!);
          expr(d.init);
        }
        return;
      case "expr":
        return expr(s.expr);
      case "if":
        return expr(s.test), stmt(s.then), stmt(s.else);
      case "for":
        stmt(s.init);
        expr(s.test), expr(s.update);
        depth++, s.label && labels.push(s.label);
        stmt(s.body);
        depth--, s.label && labels.pop();
        return;
      case "forOf":
        s.args.forEach(expr);
        local.add(s.decl.variable!);
        depth++, s.label && labels.push(s.label);
        stmt(s.body);
        depth--, s.label && labels.pop();
        return;
      case "while":
      case "doWhile":
        expr(s.test);
        depth++, s.label && labels.push(s.label);
        stmt(s.body);
        depth--, s.label && labels.pop();
        return;
      case "switch":
        expr(s.disc);
        depth++;
        s.cases.forEach((c) => (expr(c.test), c.body.forEach(stmt)));
        depth--;
        return;
      case "labeled":
        labels.push(s.label);
        stmt(s.body);
        labels.pop();
        return;
      case "block":
        return s.body.forEach(stmt);
      case "return":
        return fail("return inside a prange loop is not supported", "return in prange", s.range);
      case "break":
        if (s.label ? !labels.includes(s.label) : depth === 0) {
          fail("break out of a prange loop is not supported", "break in prange", s.range);
        }
        return;
      case "continue":
        if (s.label && !labels.includes(s.label) && s.label !== loop.label) {
          fail(
            "continue to a loop outside the prange loop is not supported",
            "continue in prange",
            s.range,
          );
        }
        return;
    }
  };
  stmt(loop.body);
  for (const r of reads) {
    if (ops.has(r.v) && !reductionReads.has(r.e)) {
      fail(
        `reduction variable '${r.v.name}' is read inside the prange loop, where each thread sees ` +
          `only its own partial value`,
        "reduction read",
        r.range,
      );
    }
  }
  const reductions = [...ops].map(([variable, { op }]) => ({ variable, op }));
  return { captured: [...captured], reductions };
}

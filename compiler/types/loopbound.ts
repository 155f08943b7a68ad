// A bound on how often a loop body can run, from a bounds-checked access it always makes.
// `a[x++]` with bounds checks on succeeds only for x in [0, a.length), and a.length <= 2^32; if
// x only ever grows inside a loop L, every execution of that access sees a larger x than the one
// before, so within one run of L it succeeds at most 2^32 times and the next one ends the call
// (RangeError). A loop inside L whose every iteration makes the access therefore runs at most
// 2^32 + 1 times per run of L, however its own test looks (`do { s += a[p++] } while (--n)`).
import type { Expr, Stmt, Variable } from "../frontend/ast.ts";
import { eachChild, walk } from "../frontend/walk.ts";

/** Iterations of a loop per run of the loop that anchors the bound (2^32 + 1, plus its test). */
export const CHECKED_TRIPS = 2 ** 32 + 2;

/**
 * The variables `x` of checked accesses `a[x++]` / `a[++x]` that every iteration of `loop`
 * makes (before anything that could leave the iteration early).
 */
export function alwaysIndexed(loop: Stmt & { body: Stmt }): Set<Variable> {
  const out = new Set<Variable>();
  const expr = (e: Expr | undefined): void => {
    if (!e) return;
    if (e.kind === "index" && e.index.kind === "update" && e.index.op === "++") {
      const t = e.index.target;
      if (t.kind === "name" && t.variable) out.add(t.variable);
    }
    // only the parts that always run: not the right of && || ??, not a branch of ?:
    if (e.kind === "logical") return expr(e.left);
    if (e.kind === "cond") return expr(e.test);
    eachChild(e, expr);
  };
  // true while the statements seen so far always fall through
  const stmt = (s: Stmt | undefined): boolean => {
    if (!s) return true;
    switch (s.kind) {
      case "expr":
        return expr(s.expr), true;
      case "decl":
        return s.decls.forEach((d) => expr(d.init)), true;
      case "block":
        return s.body.every(stmt);
      case "if":
        return expr(s.test), !leaves(s.then) && !leaves(s.else);
      case "doWhile":
        // its body runs at least once
        return !leaves(s.body) && stmt(s.body) && (expr(s.test), true);
      case "while":
        return expr(s.test), !leaves(s.body);
      case "for":
        return stmt(s.init) && (expr(s.test), !leaves(s.body));
      case "empty":
        return true;
    }
    return false;
  };
  if (loop.kind === "while") expr((loop as Stmt & { test: Expr }).test);
  if (!leaves(loop.body)) stmt(loop.body);
  return out;
}

/** True when `s` contains a break, continue or return (it may leave before its end). */
function leaves(s: Stmt | undefined): boolean {
  let found = false;
  walk(s, () => {}, (x) => {
    if (x.kind === "break" || x.kind === "continue" || x.kind === "return") found = true;
  });
  return found;
}

/** True when every write to `v` inside `s` adds a positive constant (`v++`, `++v`, `v += 2`). */
export function onlyGrows(s: Stmt, v: Variable): boolean {
  let ok = true;
  const isV = (e: Expr) => e.kind === "name" && e.variable === v;
  walk(s, (e) => {
    if (e.kind === "update" && isV(e.target) && e.op !== "++") ok = false;
    if (e.kind === "assign" && isV(e.target)) {
      const k = e.value.kind === "num" ? e.value.value : NaN;
      if (e.op !== "+" || !(k >= 1)) ok = false;
    }
  }, (x) => {
    if (x.kind === "decl" && x.decls.some((d) => d.variable === v)) ok = false;
    if (x.kind === "forOf" && x.decl.variable === v) ok = false;
  });
  return ok;
}

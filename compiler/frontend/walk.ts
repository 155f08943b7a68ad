// The one list of each node's children, and the depth-first walks built on it: every analysis
// that visits the tree goes through eachChild/eachStmtChild, so a new node kind is handled (or
// refused by the type checker, through assertNever) in one place.
import type { Expr, Stmt } from "./ast.ts";
import { assertNever } from "../diagnostics.ts";

/** Calls `f` on each direct sub-expression of `e`, in evaluation order. */
export function eachChild(e: Expr, f: (x: Expr) => void): void {
  switch (e.kind) {
    case "num":
    case "bool":
    case "name":
      return;
    case "unary":
      return f(e.operand);
    case "update":
      return f(e.target);
    case "binary":
    case "logical":
      return f(e.left), f(e.right);
    case "cond":
      return f(e.test), f(e.then), f(e.else);
    case "assign":
      return f(e.target), f(e.value);
    case "index":
      return f(e.object), f(e.index);
    case "member":
      return f(e.object);
    case "call":
      return f(e.callee), e.args.forEach(f);
    case "comma":
      return e.exprs.forEach(f);
    default:
      return assertNever(e);
  }
}

/** Calls `onStmt` on each direct sub-statement of `s` and `onExpr` on each direct expression. */
export function eachStmtChild(
  s: Stmt,
  onStmt: (x: Stmt) => void,
  onExpr: (e: Expr) => void,
): void {
  const st = (x: Stmt | undefined) => x && onStmt(x);
  const ex = (e: Expr | undefined) => e && onExpr(e);
  switch (s.kind) {
    case "decl":
      return s.decls.forEach((d) => ex(d.init));
    case "expr":
      return ex(s.expr);
    case "if":
      return ex(s.test), st(s.then), st(s.else);
    case "for":
      return st(s.init), ex(s.test), ex(s.update), st(s.body);
    case "forOf":
      return s.args.forEach(ex), st(s.body);
    case "while":
    case "doWhile":
      return ex(s.test), st(s.body);
    case "return":
      return ex(s.value);
    case "block":
      return s.body.forEach(st);
    case "labeled":
      return st(s.body);
    case "switch":
      return ex(s.disc), s.cases.forEach((c) => (ex(c.test), c.body.forEach(st)));
    case "break":
    case "continue":
    case "empty":
      return;
    default:
      return assertNever(s);
  }
}

/** Every expression and statement under `s`, depth first. */
export function walk(
  s: Stmt | undefined,
  onExpr: (e: Expr) => void,
  onStmt: (s: Stmt) => void,
): void {
  if (!s) return;
  onStmt(s);
  const ex = (e: Expr): void => {
    onExpr(e);
    eachChild(e, ex);
  };
  eachStmtChild(s, (x) => walk(x, onExpr, onStmt), ex);
}

/** Calls `f` on `s` and every statement nested in it (not descending into expressions). */
export function eachStmt(s: Stmt | undefined, f: (s: Stmt) => void): void {
  if (!s) return;
  f(s);
  eachStmtChild(s, (x) => eachStmt(x, f), () => {});
}

// A depth-first visit of the syntax tree, shared by the analyses that only need to see nodes.
import type { Expr, Stmt } from "./ast.ts";

/** Calls `f` on each direct sub-expression of `e` (the one list of an expression's children). */
export function eachChild(e: Expr, f: (x: Expr) => void): void {
  switch (e.kind) {
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
  const ex = (e: Expr | undefined): void => {
    if (!e) return;
    onExpr(e);
    eachChild(e, ex);
  };
  const st = (x: Stmt | undefined) => walk(x, onExpr, onStmt);
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
  }
}

// Recognizes innermost counted loops and the array accesses in them that a single check before
// the loop can cover: `a[i]`, `a[i + k]`, `a[k + i]`, `a[i - k]` with i the counter and k a
// literal or an integer expression the loop does not change (`a[row * n + i]`).
import type { Expr, Stmt, Variable } from "../frontend/ast.ts";
import { walk } from "../frontend/walk.ts";
import type { TypedFunction } from "../types/infer.ts";
import { INT, INTZ, isArray } from "../types/types.ts";

/** One access `array[counter + offset]` in a counted loop's body. */
export interface CoveredAccess {
  index: Expr;
  array: Expr;
  /** a literal, or a loop-invariant integer expression (negated when `negate`) */
  offset: number | Expr;
  negate?: boolean;
}

/**
 * A loop `for (i = lo; i < bound; i += step)` whose accesses can be checked once: the counter
 * only grows, so every value it has in the body lies in [lo, bound).
 */
export interface CountedLoop {
  variable: Variable;
  bound: Expr;
  inclusive: boolean;
  step: number;
  accesses: CoveredAccess[];
}

type LoopLike = Stmt & { kind: "for" } | { kind: "forOf"; variable: Variable; body: Stmt };

const isName = (e: Expr, v: Variable) => e.kind === "name" && e.variable === v;

/** An expression computed as an i64 (its type is an integer one). */
function integral(e: Expr, tf: TypedFunction): boolean {
  const t = tf.exprTypes.get(e);
  return t === INT || t === INTZ;
}

/** Recognizes the loop, or returns undefined when it does not have the counted shape. */
export function findCountedLoop(s: LoopLike, tf: TypedFunction): CountedLoop | undefined {
  const assigned = new Set<Variable>();
  let hasLoop = false;
  const body = s.body;
  walk(body, (e) => {
    if ((e.kind === "assign" || e.kind === "update") && e.target.kind === "name") {
      assigned.add(e.target.variable!);
    }
  }, (x) => {
    if (x.kind === "decl") x.decls.forEach((d) => d.variable && assigned.add(d.variable));
    if (x.kind === "for" || x.kind === "forOf" || x.kind === "while" || x.kind === "doWhile") {
      hasLoop = true;
    }
  });
  if (hasLoop) return undefined;

  let variable: Variable;
  let bound: Expr;
  let inclusive = false;
  let step = 1;
  if (s.kind === "for") {
    const t = s.test;
    if (!t || t.kind !== "binary") return undefined;
    let counter: Expr;
    if (t.op === "<" || t.op === "<=") [counter, bound] = [t.left, t.right];
    else if (t.op === ">" || t.op === ">=") [counter, bound] = [t.right, t.left];
    else return undefined;
    inclusive = t.op === "<=" || t.op === ">=";
    if (counter.kind !== "name" || !counter.variable) return undefined;
    variable = counter.variable;
    if (tf.varTypes.get(variable) !== INT || assigned.has(variable)) return undefined;
    const u = s.update;
    const literal = (x: Expr) => x.kind === "num" && Number.isInteger(x.value) ? x.value : NaN;
    step = !u || (u.kind !== "update" && u.kind !== "assign") || !isName(u.target, variable)
      ? NaN
      : u.kind === "update"
      ? (u.op === "++" ? 1 : NaN)
      : u.op === "+"
      ? literal(u.value)
      : u.op === "=" && u.value.kind === "binary" && u.value.op === "+" &&
          isName(u.value.left, variable)
      ? literal(u.value.right)
      : NaN;
    if (!(step >= 1 && step <= 2 ** 31)) return undefined;
    if (!invariant(bound, assigned, variable, tf)) return undefined;
  } else {
    variable = s.variable;
    bound = { kind: "num", value: 0, range: { start: 0, end: 0 } };
  }

  const accesses: CoveredAccess[] = [];
  walk(body, (e) => {
    if (e.kind !== "index" || e.object.kind !== "name" || !e.object.variable) return;
    if (assigned.has(e.object.variable) || !isArray(tf.varTypes.get(e.object.variable)!)) return;
    // an index computed in doubles is checked at each access (elementPointer): not covered
    if (!integral(e.index, tf)) return;
    const found = counterOffset(
      e.index,
      variable,
      (x) => invariant(x, assigned, variable, tf) && integral(x, tf),
    );
    if (found) accesses.push({ index: e, array: e.object, ...found });
  }, () => {});
  return { variable, bound, inclusive, step, accesses };
}

/** The offset k when `e` is `i`, `i + k`, `k + i` or `i - k` (k a literal or invariant). */
function counterOffset(
  e: Expr,
  v: Variable,
  isInvariant: (x: Expr) => boolean,
): { offset: number | Expr; negate?: boolean } | undefined {
  if (isName(e, v)) return { offset: 0 };
  if (e.kind !== "binary" || (e.op !== "+" && e.op !== "-")) return undefined;
  const term = (x: Expr): number | Expr | undefined => {
    if (x.kind === "num") {
      return Number.isInteger(x.value) && Math.abs(x.value) < 2 ** 31 ? x.value : undefined;
    }
    return isInvariant(x) ? x : undefined;
  };
  if (isName(e.left, v)) {
    const k = term(e.right);
    if (k === undefined) return undefined;
    if (e.op === "+") return { offset: k };
    return typeof k === "number" ? { offset: -k } : { offset: k, negate: true };
  }
  if (e.op === "+" && isName(e.right, v)) {
    const k = term(e.left);
    return k === undefined ? undefined : { offset: k };
  }
  return undefined;
}

/** A side-effect-free integer expression that the loop body does not change. */
function invariant(
  e: Expr,
  assigned: Set<Variable>,
  counter: Variable,
  tf: TypedFunction,
): boolean {
  switch (e.kind) {
    case "num":
      return Number.isInteger(e.value);
    case "name":
      return !!e.variable && e.variable !== counter && !assigned.has(e.variable) &&
        tf.varTypes.get(e.variable) === INT;
    case "member":
      return e.name === "length" && e.object.kind === "name" && !!e.object.variable &&
        !assigned.has(e.object.variable);
    case "binary":
      // an integer (a product that can pass 2^53 is a double, computed as JS does)
      return (e.op === "+" || e.op === "-" || e.op === "*") && tf.exprTypes.get(e) === INT &&
        invariant(e.left, assigned, counter, tf) && invariant(e.right, assigned, counter, tf);
    default:
      return false;
  }
}

/**
 * A countdown loop `do { … a[x++] … } while (--n)`: with n >= 1 on entry its body runs at most
 * n times (exactly n, unless it leaves early), and x, written only by its one `x++` (or `++x`),
 * steps by 1 per iteration at most, so the access stays in [x0, x0 + n) (or one further for
 * `++x`). One test before the loop covers it (lower.ts, through emitVersions).
 */
export interface CountdownLoop {
  counter: Variable;
  pointer: Variable;
  access: CoveredAccess;
}

export function findCountdownLoop(
  s: Stmt & { kind: "doWhile" },
  tf: TypedFunction,
): CountdownLoop | undefined {
  const t = s.test;
  if (t.kind !== "update" || t.op !== "--" || !t.prefix || t.target.kind !== "name") return;
  const counter = t.target.variable;
  if (!counter || tf.varTypes.get(counter) !== INT) return;
  const writes = new Map<Variable, number>();
  let hasLoop = false;
  const candidates: (Expr & { kind: "index" })[] = [];
  walk(s.body, (e) => {
    if ((e.kind === "assign" || e.kind === "update") && e.target.kind === "name") {
      const v = e.target.variable!;
      writes.set(v, (writes.get(v) ?? 0) + 1);
    }
    if (e.kind === "index" && e.index.kind === "update" && e.index.op === "++") candidates.push(e);
  }, (x) => {
    if (x.kind === "decl") x.decls.forEach((d) => d.variable && writes.set(d.variable, 2));
    if (x.kind === "for" || x.kind === "forOf" || x.kind === "while" || x.kind === "doWhile") {
      hasLoop = true;
    }
  });
  if (hasLoop || writes.has(counter)) return;
  for (const e of candidates) {
    const u = e.index as Expr & { kind: "update" };
    const p = u.target.kind === "name" ? u.target.variable : undefined;
    const a = e.object.kind === "name" ? e.object.variable : undefined;
    if (!p || !a || p === counter || writes.get(p) !== 1 || writes.has(a)) continue;
    if (tf.varTypes.get(p) !== INT || !isArray(tf.varTypes.get(a)!)) continue;
    return { counter, pointer: p, access: { index: e, array: e.object, offset: u.prefix ? 1 : 0 } };
  }
}

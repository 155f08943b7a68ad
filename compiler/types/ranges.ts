// Integer range analysis, run inside type inference. Every integer-typed value gets an interval
// that holds all values it can take; an arithmetic result is an integer (an i64) only where its
// interval lies strictly inside ±2^53, where int64 arithmetic and JS's doubles agree exactly.
// Elsewhere it is typed f64 and computed in doubles, as JS does. Variables join everything
// assigned to them (widened to a few thresholds so loops settle); comparisons that guard code
// (`for (…; i < n; …)`, `if (i >= w) continue;`) narrow a variable until it is assigned again.
import type { Expr, Stmt, Variable } from "../frontend/ast.ts";
import { assertNever } from "../diagnostics.ts";
import { eachChild, walk } from "../frontend/walk.ts";
import { alwaysIndexed, CHECKED_TRIPS, onlyGrows } from "./loopbound.ts";
import { mathFunction } from "../builtins/math.ts";
import { binaryOperator, unaryOperator } from "../builtins/operators.ts";
import { BOOL as BOOL_T, F64, INT, INTZ, type Type } from "./types.ts";

import {
  add,
  BOOL,
  bounded,
  EMPTY,
  end,
  hull,
  INDEX,
  INT32,
  type Interval,
  isEmpty,
  iv,
  LENGTH,
  mayBeNegative,
  mayBeZero,
  meet,
  neg,
  SAFE,
  same,
  TOP,
  UINT32,
} from "./intervals.ts";

export {
  bounded,
  EMPTY,
  hull,
  INT32,
  type Interval,
  iv,
  LENGTH,
  mayBeNegative,
  mayBeZero,
  meet,
  SAFE,
  TOP,
  UINT32,
};

/** The range of elements of an integer typed array. */
function elementRange(t: Type | undefined): Interval {
  return t?.kind === "array" && !t.elem.float ? iv(t.elem.lo, t.elem.hi) : INT32;
}

// Widening: a variable whose range grows from one round to the next jumps to the next of these
// ends, so that `x = x + x` settles in a few rounds (at ±∞, then typed f64).
const STEPS = [
  0,
  1,
  255,
  65535,
  2 ** 17,
  2 ** 31 - 1,
  2 ** 32,
  2 ** 33,
  2 ** 40,
  2 ** 48,
  2 ** 52,
  SAFE - 1,
];
function widenHi(x: number): number {
  for (const s of STEPS) if (x <= s) return s;
  return Infinity;
}
const widenLo = (x: number) => -widenHi(-x);

/**
 * A fact about a variable that holds where it is recorded: its value lies in `r` or, with a
 * `base`, its value minus base's lies in `r` (`n = len > 2000 ? 2000 : len` gives n - len <= 0).
 */
interface Fact {
  v: Variable;
  r: Interval;
  base?: Variable;
}

/** An expression's value as a variable's current value plus an offset in `d`. */
interface Relative {
  v: Variable;
  d: Interval;
}

const COMPARE = new Set(["<", "<=", ">", ">=", "==", "===", "!=", "!=="]);
const FLIP: Record<string, string> = { "<": ">", "<=": ">=", ">": "<", ">=": "<=" };
const NEGATE: Record<string, string> = {
  "<": ">=",
  "<=": ">",
  ">": "<=",
  ">=": "<",
  "==": "!=",
  "===": "!==",
  "!=": "==",
  "!==": "===",
};

/**
 * The interval state of one inference: settled variable ranges (from the previous round), this
 * round's assignments, the ranges of expressions, and the facts that hold at the point being
 * typed. Inference calls `expr` after typing each expression, `assign` for every write to a
 * variable, and the fact helpers around conditions.
 */
export class RangeAnalysis {
  private readonly vars = new Map<Variable, Interval>();
  private readonly params = new Map<Variable, Interval>();
  private readonly growths = new Map<Variable, number>();
  /** this round: the hull of the values assigned to each variable */
  private pending = new Map<Variable, Interval>();
  /** this round, for variables written by steps (`c++`, `c += d`): the other writes' hull ... */
  private bases = new Map<Variable, Interval>();
  /** ... and the most all steps together can add: each step site runs at most `trips` times */
  private drift = new Map<Variable, Interval>();
  /** how often the code being typed can run in one call: the product of its loops' trip bounds */
  trips = 1;
  private readonly exprs = new Map<Expr, Interval>();
  private readonly relatives = new Map<Expr, Relative>();
  /** the expressions typed this round that write a variable (an assignment inside) */
  private readonly writing = new Set<Expr>();
  private facts: Fact[] = [];
  /** the loops being typed, innermost last, with how often the code around each can run */
  private readonly loops: { s: Stmt; outer: number }[] = [];
  /** a compound assignment's value is its operation's (`x = (v += 5)`) */
  readonly results = new WeakMap<Expr, Expr>();
  private readonly assignedIn = new WeakMap<Stmt, Set<Variable>>();

  constructor(
    private readonly typeOf: (e: Expr) => Type | undefined,
    private readonly boundsChecked = false,
  ) {}

  /** A parameter's range (fixed for the whole inference; assignments join it). */
  param(v: Variable, r: Interval): void {
    this.vars.set(v, r);
    this.params.set(v, r);
  }

  startRound(): void {
    this.pending = new Map();
    this.bases = new Map();
    this.drift = new Map();
    this.trips = 1;
    this.exprs.clear();
    this.relatives.clear();
    this.writing.clear();
    this.facts = [];
  }

  /** Folds this round's assignments into the variable ranges; true if any grew. */
  endRound(): boolean {
    let grew = false;
    for (const [v, values] of this.pending) {
      const old = this.vars.get(v) ?? EMPTY;
      const start = this.params.get(v);
      const d = this.drift.get(v);
      // a counter moved by steps: its first value (0 before any write) plus the drift
      const cap = d ? add(hull(start ?? iv(0, 0), this.bases.get(v) ?? EMPTY), d) : TOP;
      const r = meet(values, cap);
      if (this.narrowing) {
        // one descending step from a fixpoint: what the assignments give, without widening
        const n = hull(start ?? EMPTY, r);
        if (!same(n, old)) grew = true, this.vars.set(v, n);
        continue;
      }
      const h = hull(old, r);
      if (same(h, old)) continue;
      grew = true;
      // the first changes are taken as they are, later ones widened (then given up on)
      const n = (this.growths.get(v) ?? 0) + 1;
      this.growths.set(v, n);
      this.vars.set(
        v,
        isEmpty(old) || n <= 3 ? h : n > 20 ? TOP : {
          lo: h.lo < old.lo ? Math.max(widenLo(h.lo), cap.lo) : old.lo,
          hi: h.hi > old.hi ? Math.min(widenHi(h.hi), cap.hi) : old.hi,
        },
      );
    }
    this.narrowing = false;
    return grew;
  }

  /**
   * Makes the next round narrow: widening overshoots (a remainder by 65521 widened to 65535),
   * and one round that recomputes each range from the fixpoint's own is still sound.
   */
  narrowNext(): void {
    this.narrowing = true;
  }
  private narrowing = false;

  /** Every expression's interval, as of the last round. */
  all(): ReadonlyMap<Expr, Interval> {
    return this.exprs;
  }

  /** The interval of a typed expression (TOP for floats, arrays and unknowns). */
  of(e: Expr): Interval {
    return this.exprs.get(e) ?? TOP;
  }

  /** The interval of a variable here: its settled range narrowed by the facts in force. */
  variable(v: Variable): Interval {
    let r = this.vars.get(v) ?? EMPTY;
    for (const f of this.facts) if (f.v === v && !f.base) r = meet(r, f.r);
    return r;
  }

  /**
   * Records a write of a value in `r` to `v`: joins its range, and ends the facts about it.
   * `step` is the change when the write is `v = v + step` (`v++`, `v -= d`); `from` is the
   * value written, whose relation to another variable becomes a fact.
   */
  assign(v: Variable, values: Interval, step?: Interval, from?: Expr): void {
    const r = iv(values.lo, values.hi);
    this.pending.set(v, hull(this.pending.get(v) ?? EMPTY, r));
    if (step && !isEmpty(step)) {
      const d = this.drift.get(v) ?? iv(0, 0);
      const most = (x: number) => x === 0 ? 0 : this.trips * x;
      this.drift.set(v, iv(d.lo + most(Math.min(0, step.lo)), d.hi + most(Math.max(0, step.hi))));
    } else this.bases.set(v, hull(this.bases.get(v) ?? EMPTY, r));
    this.kill(v);
    const rel = from && this.relatives.get(from);
    if (rel && rel.v !== v && bounded(rel.d)) {
      this.facts = [...this.facts, { v, r: rel.d, base: rel.v }];
    }
  }

  /**
   * Enters loop `s`, which runs at most `n` times (per run of the code around it) or fewer by
   * a checked access it always makes (loopbound.ts); returns what `leaveLoop` needs.
   */
  enterLoop(n: number, s: Stmt & { body: Stmt }): number {
    const outer = this.trips;
    this.loops.push({ s, outer });
    let trips = outer === 0 || !(n > 0) ? 0 : end(outer * n);
    if (this.boundsChecked && trips > outer * CHECKED_TRIPS) {
      for (const x of alwaysIndexed(s)) {
        // the outermost loop around s in which x only grows anchors the bound
        const at = this.loops.findIndex((l) => onlyGrows(l.s, x));
        if (at >= 0) trips = Math.min(trips, end(this.loops[at].outer * CHECKED_TRIPS));
      }
    }
    this.trips = trips;
    return outer;
  }

  leaveLoop(outer: number): void {
    this.loops.pop();
    this.trips = outer;
  }

  /**
   * A bound on the iterations of `for (…; i < E; i += k)` (or `>`, `<=`, `>=`, counting down),
   * its counter written only by the update: Infinity for other loops.
   */
  forTrips(s: Stmt & { kind: "for" }): number {
    const t = s.test, u = s.update;
    if (!t || t.kind !== "binary" || !u) return Infinity;
    if (!FLIP[t.op]) return Infinity;
    const counter = (x: Expr) =>
      x.kind === "name" && x.variable && stepOf(u, x.variable) !== undefined;
    const [x, op, bound] = counter(t.left)
      ? [t.left, t.op, t.right]
      : [t.right, FLIP[t.op], t.left];
    if (x.kind !== "name" || !x.variable) return Infinity;
    const v = x.variable;
    const k = stepOf(u, v);
    if (k === undefined || this.writesIn(s.body).has(v) || testWrites(s)) return Infinity;
    const cur = this.variable(v), b = this.of(bound);
    const inclusive = op === "<=" || op === ">=";
    const span = op[0] === "<" && k > 0
      ? b.hi - cur.lo
      : op[0] === ">" && k < 0
      ? cur.hi - b.lo
      : NaN;
    const n = Math.floor((span - (inclusive ? 0 : 1e-9)) / Math.abs(k)) + 1;
    return isNaN(n) ? Infinity : Math.max(0, n);
  }

  private kill(v: Variable): void {
    if (this.facts.some((f) => f.v === v || f.base === v)) {
      this.facts = this.facts.filter((f) => f.v !== v && f.base !== v);
    }
  }

  /** The range of `left op right` on integers (computed from the operands' ranges). */
  binary(op: string, left: Expr, right: Expr): Interval {
    const r = binaryOperator(op)?.range(this.of(left), this.of(right), this.constant(right)) ??
      TOP;
    // a difference of related variables (`len - n` after `n = min(len, k)`) is known tighter
    return op === "-" ? meet(r, this.difference(left, right)) : r;
  }

  /** The change `value` makes to `v` when it is `v + d`, `d + v` or `v - d` (d an integer). */
  stepOf(v: Variable, value: Expr): Interval | undefined {
    if (value.kind !== "binary" || (value.op !== "+" && value.op !== "-")) return undefined;
    const isV = (e: Expr) => e.kind === "name" && e.variable === v;
    const d = isV(value.left)
      ? value.right
      : value.op === "+" && isV(value.right)
      ? value.left
      : undefined;
    const int = (x: Expr) => this.typeOf(x) === INT || this.typeOf(x) === INTZ;
    if (!d || !int(d) || !int(isV(value.left) ? value.left : value.right)) return undefined;
    if (!bounded(this.of(d))) return undefined;
    return value.op === "+" ? this.of(d) : neg(this.of(d));
  }

  /**
   * The range of `e + d` (`++`, `--`). `checked`: the update is a checked index (`a[i++]`), so
   * the old (postfix) or new (prefix) value is an index, or the function has already failed.
   */
  step(e: Expr, d: number, checked?: "old" | "new"): Interval {
    const old = checked === "old" ? meet(this.of(e), INDEX) : this.of(e);
    const next = add(old, iv(d, d));
    return checked === "new" ? meet(next, INDEX) : next;
  }

  /** After a checked `a[v]`, v is an index (until it is assigned). */
  indexed(v: Variable): void {
    this.facts = [...this.facts, { v, r: INDEX }];
  }

  private constant(e: Expr): number | undefined {
    const r = this.exprs.get(e);
    return r && r.lo === r.hi ? r.lo : undefined;
  }

  /** Computes and records the range of `e` (its operands are already recorded). */
  expr(e: Expr, t: Type): Interval {
    const c = t === BOOL_T ? BOOL : this.compute(e, t);
    // an end that is NaN (∞ - ∞ of unbounded operands) is unbounded
    const r = isNaN(c.lo) || isNaN(c.hi) ? iv(c.lo, c.hi) : c;
    this.exprs.set(e, r);
    let w = e.kind === "assign" || e.kind === "update";
    eachChild(e, (x) => w ||= this.writing.has(x));
    if (w) this.writing.add(e);
    const rel = t === INT || t === INTZ ? this.relative(e) : undefined;
    if (rel) this.relatives.set(e, rel);
    return r;
  }

  // ---- relations: a value as another variable plus an offset ------------------------------

  /** `e` as `v + d` for the variable it follows, when it has one (and writes nothing). */
  private relative(e: Expr): Relative | undefined {
    if (e.kind === "name" && e.variable) return { v: e.variable, d: iv(0, 0) };
    if (e.kind === "binary" && (e.op === "+" || e.op === "-")) {
      const l = this.relatives.get(e.left), r = this.relatives.get(e.right);
      if (this.writing.has(e)) return undefined;
      if (l && r?.v !== l.v) {
        return { v: l.v, d: add(l.d, e.op === "+" ? this.of(e.right) : neg(this.of(e.right))) };
      }
      if (r && !l && e.op === "+") return { v: r.v, d: add(this.of(e.left), r.d) };
      return undefined;
    }
    if (e.kind === "cond") {
      const v = (this.relatives.get(e.then) ?? this.relatives.get(e.else))?.v;
      if (!v || this.writing.has(e)) return undefined;
      // each branch under its own test outcome (`len > 2000 ? 2000 : len` is <= len)
      const before = this.facts;
      this.assume(e.test, true);
      const a = this.offset(e.then, v);
      this.facts = before;
      this.assume(e.test, false);
      const b = this.offset(e.else, v);
      this.facts = before;
      return { v, d: hull(a, b) };
    }
    const c = e.kind === "call" ? e.callee : undefined;
    if (c?.kind === "member" && c.object.kind === "name" && c.object.name === "Math") {
      if (c.name !== "min" && c.name !== "max") return undefined;
      if (!(e as Expr & { kind: "call" }).args.length || this.writing.has(e)) return undefined;
      const args = (e as Expr & { kind: "call" }).args;
      const v = args.map((x) => this.relatives.get(x)).find(Boolean)?.v;
      if (!v) return undefined;
      const f = c.name === "min" ? Math.min : Math.max;
      const ds = args.map((x) => this.offset(x, v));
      return { v, d: ds.reduce((x, y) => ({ lo: f(x.lo, y.lo), hi: f(x.hi, y.hi) })) };
    }
    return undefined;
  }

  /** The range of `e - v` here (v's current value). */
  private offset(e: Expr, v: Variable): Interval {
    const rel = this.relatives.get(e);
    if (rel?.v === v) return rel.d;
    let d = add(this.of(e), neg(this.variable(v)));
    const x = e.kind === "name" ? e.variable : undefined;
    for (const f of this.facts) if (x && f.v === x && f.base === v) d = meet(d, f.r);
    return d;
  }

  /** The range of `left - right` from a relation between them (`len - n`), else TOP. */
  private difference(left: Expr, right: Expr): Interval {
    const l = this.relatives.get(left);
    if (!l || this.writing.has(right)) return TOP;
    return add(l.d, neg(this.offset(right, l.v)));
  }

  private compute(e: Expr, t: Type): Interval {
    const int = t === INT || t === INTZ;
    switch (e.kind) {
      case "num":
        return Number.isFinite(e.value) ? iv(e.value, e.value) : TOP;
      case "name":
        if (e.variable) return int || t === F64 ? this.variable(e.variable) : TOP;
        if (e.global?.kind === "const" && typeof e.global.value === "number") {
          return iv(e.global.value, e.global.value);
        }
        return TOP;
      case "unary":
        return unaryOperator(e.op)?.range(this.of(e.operand)) ?? TOP;
      case "binary":
        // on floats only the operations that keep order on reals (for bounds like `n / 2`)
        return int || binaryOperator(e.op)?.realRange ? this.binary(e.op, e.left, e.right) : TOP;
      case "logical":
      case "cond":
        return hull(
          this.of(e.kind === "cond" ? e.then : e.left),
          this.of(e.kind === "cond" ? e.else : e.right),
        );
      case "assign":
        return this.of(this.results.get(e) ?? e.value);
      case "update": {
        const a = this.of(e.target);
        return e.prefix ? add(a, iv(e.op === "++" ? 1 : -1, e.op === "++" ? 1 : -1)) : a;
      }
      case "index":
        return int ? elementRange(this.typeOf(e.object)) : TOP;
      case "member":
        return e.name === "length" && e.object.kind === "name" && e.object.variable ? LENGTH : TOP;
      case "comma":
        return this.of(e.exprs[e.exprs.length - 1]);
      case "call":
        return this.call(e);
      case "bool":
        return BOOL;
      default:
        return assertNever(e);
    }
  }

  private call(e: Expr & { kind: "call" }): Interval {
    const c = e.callee;
    if (c.kind === "name") return c.name === "getThreadId" && !c.variable ? iv(0, 65536) : TOP;
    if (c.kind !== "member" || c.object.kind !== "name" || c.object.name !== "Math") return TOP;
    const args = e.args.map((a) => this.of(a));
    return mathFunction(c.name)?.range?.(args) ?? TOP;
  }

  // ---- facts ------------------------------------------------------------------------------

  private writesIn(s: Stmt): Set<Variable> {
    let vs = this.assignedIn.get(s);
    if (!vs) this.assignedIn.set(s, vs = writes(s));
    return vs;
  }

  /** Ends the facts about every variable `s` (a loop, a switch) writes anywhere inside. */
  killWithin(s: Stmt): void {
    const set = this.writesIn(s);
    this.facts = this.facts.filter((f) => !set.has(f.v) && !(f.base && set.has(f.base)));
  }

  /** The current facts, to restore later (facts are replaced, never mutated). */
  save(): readonly Fact[] {
    return this.facts;
  }

  restore(f: readonly Fact[]): void {
    this.facts = f as Fact[];
  }

  /** Facts in both `a` and `b` (after two paths join). */
  joinFacts(a: readonly Fact[], b: readonly Fact[]): void {
    this.facts = a.filter((f) => b.includes(f));
  }

  /** Adds what `test` being truthy (or falsy, when `!holds`) says about variables. */
  assume(test: Expr, holds: boolean): void {
    if (test.kind === "unary" && test.op === "!") return this.assume(test.operand, !holds);
    if (test.kind === "logical" && test.op === (holds ? "&&" : "||")) {
      this.assume(test.left, holds);
      this.assume(test.right, holds);
      return;
    }
    if (test.kind !== "binary" || !COMPARE.has(test.op)) return;
    const op = holds ? test.op : NEGATE[test.op];
    // a negated comparison with a float operand may be NaN's doing: it says nothing
    const num = (x: Expr) => {
      const t = this.typeOf(x);
      return t === INT || t === INTZ || (holds && t === F64);
    };
    if (!num(test.left) || !num(test.right)) return;
    this.compareFact(test.left, op, test.right);
    if (FLIP[op]) this.compareFact(test.right, FLIP[op], test.left);
    else this.compareFact(test.right, op, test.left);
  }

  private compareFact(x: Expr, op: string, other: Expr): void {
    if (x.kind !== "name" || !x.variable) return;
    const t = this.typeOf(x);
    if (t !== INT && t !== INTZ) return;
    const r = this.of(other);
    // a little slack: a float bound's ends are rounded (`i < n / 3`)
    const up = (y: number) => Math.ceil(y + Math.abs(y) * 2 ** -50);
    const down = (y: number) => Math.floor(y - Math.abs(y) * 2 ** -50);
    let f: Interval | undefined;
    if (op === "<") f = { lo: -Infinity, hi: up(r.hi) - 1 };
    else if (op === "<=") f = { lo: -Infinity, hi: up(r.hi) };
    else if (op === ">") f = { lo: down(r.lo) + 1, hi: Infinity };
    else if (op === ">=") f = { lo: down(r.lo), hi: Infinity };
    else if (op === "==" || op === "===") f = { lo: down(r.lo), hi: up(r.hi) };
    if (f && !isNaN(f.lo) && !isNaN(f.hi)) this.facts = [...this.facts, { v: x.variable, r: f }];
  }
}

/** The literal k when `u` is `v++`, `v--`, `v += k`, `v -= k` or `v = v + k`. */
function stepOf(u: Expr, v: Variable): number | undefined {
  const isV = (e: Expr) => e.kind === "name" && e.variable === v;
  const lit = (e: Expr) =>
    e.kind === "num" && Number.isInteger(e.value) && e.value !== 0 ? e.value : undefined;
  if (u.kind === "update" && isV(u.target)) return u.op === "++" ? 1 : -1;
  if (u.kind !== "assign" || !isV(u.target)) return undefined;
  if (u.op === "+") return lit(u.value);
  if (u.op === "-") return -(lit(u.value) ?? NaN) || undefined;
  if (u.op === "=" && u.value.kind === "binary" && isV(u.value.left)) {
    if (u.value.op === "+") return lit(u.value.right);
    if (u.value.op === "-") return -(lit(u.value.right) ?? NaN) || undefined;
  }
  return undefined;
}

/** True when a statement always leaves by `return`, `break` or `continue` (never falls through). */
export function exits(s: Stmt | undefined): boolean {
  if (!s) return false;
  if (s.kind === "return" || s.kind === "break" || s.kind === "continue") return true;
  if (s.kind === "block") return s.body.length > 0 && exits(s.body[s.body.length - 1]);
  if (s.kind === "if") return exits(s.then) && exits(s.else);
  return false;
}

/** True when a loop's test writes a variable (`while (i++ < n)`). */
export function testWrites(s: Stmt & { kind: "for" | "while" | "doWhile" }): boolean {
  return !!s.test && writes({ kind: "expr", expr: s.test, range: s.range }).size > 0;
}

/** The variables written anywhere in `s`. */
function writes(s: Stmt): Set<Variable> {
  const out = new Set<Variable>();
  walk(s, (e) => {
    if ((e.kind === "assign" || e.kind === "update") && e.target.kind === "name") {
      if (e.target.variable) out.add(e.target.variable);
    }
  }, (x) => {
    if (x.kind === "decl") x.decls.forEach((d) => d.variable && out.add(d.variable));
    if (x.kind === "forOf" && x.decl.variable) out.add(x.decl.variable);
  });
  return out;
}

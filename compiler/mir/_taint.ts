// Which values of a prange body may differ from one iteration to the next ("tainted" by the
// loop variable): what the race rules of _prange.ts need to tell an index that every iteration
// shares (a provable race) from one each iteration owns, and an affine `i + c` from a scatter.
import type { Expr, Stmt, Variable } from "../frontend/ast.ts";
import { constantValue } from "../types/literals.ts";
import { eachChild, eachStmt } from "../frontend/walk.ts";
import { assertNever } from "../diagnostics.ts";

/** One write to a variable: the expressions its value comes from, under which conditions. */
interface Assignment {
  v: Variable;
  from: Expr[];
  when: Expr[];
}

/** Every scalar assignment in `body`, with the tests that decide whether it runs. */
function assignments(body: Stmt): Assignment[] {
  const out: Assignment[] = [];
  const expr = (e: Expr | undefined, when: Expr[]): void => {
    if (!e) return;
    if ((e.kind === "assign" || e.kind === "update") && e.target.kind === "name") {
      const v = e.target.variable;
      if (v) out.push({ v, from: e.kind === "assign" ? [e.target, e.value] : [e.target], when });
    }
    if (e.kind === "logical") return expr(e.left, when), expr(e.right, [...when, e.left]);
    if (e.kind === "cond") {
      expr(e.test, when);
      return expr(e.then, [...when, e.test]), expr(e.else, [...when, e.test]);
    }
    eachChild(e, (x) => expr(x, when));
  };
  const stmt = (s: Stmt | undefined, when: Expr[]): void => {
    if (!s) return;
    switch (s.kind) {
      case "decl":
        for (const d of s.decls) {
          expr(d.init, when);
          if (d.init) out.push({ v: d.variable!, from: [d.init], when });
        }
        return;
      case "expr":
        return expr(s.expr, when);
      case "if":
        expr(s.test, when);
        return stmt(s.then, [...when, s.test]), stmt(s.else, [...when, s.test]);
      case "for": {
        stmt(s.init, when);
        const inner = s.test ? [...when, s.test] : when;
        expr(s.test, inner);
        return stmt(s.body, inner), expr(s.update, inner);
      }
      case "forOf":
        s.args.forEach((a) => expr(a, when));
        out.push({ v: s.decl.variable!, from: s.args, when });
        return stmt(s.body, [...when, ...s.args]);
      case "while":
      case "doWhile":
        expr(s.test, when);
        return stmt(s.body, [...when, s.test]);
      case "switch": {
        expr(s.disc, when);
        const inner = [...when, s.disc, ...s.cases.flatMap((c) => c.test ? [c.test] : [])];
        return s.cases.forEach((c) => c.body.forEach((x) => stmt(x, inner)));
      }
      case "labeled":
        return stmt(s.body, when);
      case "block": {
        // after a statement that may leave early (break, continue), what follows runs only
        // under that statement's conditions
        let w = when;
        for (const x of s.body) {
          stmt(x, w);
          if (mayLeave(x)) w = [...w, ...conditionsIn(x)];
        }
        return;
      }
      case "return":
        return expr(s.value, when);
      case "break":
      case "continue":
      case "empty":
        return;
      default:
        return assertNever(s);
    }
  };
  stmt(body, []);
  return out;
}

function mayLeave(s: Stmt): boolean {
  let found = false;
  eachStmt(s, (x) => {
    if (x.kind === "break" || x.kind === "continue" || x.kind === "return") found = true;
  });
  return found;
}

function conditionsIn(s: Stmt): Expr[] {
  const out: Expr[] = [];
  eachStmt(s, (x) => {
    if (x.kind === "if" || x.kind === "while" || x.kind === "doWhile") out.push(x.test);
    if (x.kind === "for" && x.test) out.push(x.test);
    if (x.kind === "forOf") out.push(...x.args);
    if (x.kind === "switch") out.push(x.disc);
  });
  return out;
}

/** What varies between the iterations of one prange loop. */
export class Taint {
  readonly tainted = new Set<Variable>();
  /** locals whose only assignment is their initializer, with it */
  private readonly single = new Map<Variable, Expr>();
  /** variables the body assigns (what is not assigned keeps its value through the loop) */
  private readonly assigned = new Set<Variable>();
  /** counters of inner loops `for (let j = lo; j < hi; j++)`, `range(lo, hi)`, assigned nowhere else */
  private readonly counters = new Map<Variable, { lo?: Expr; hi: Expr }>();

  /** `written`: the root arrays the body writes (their elements may change under a read). */
  constructor(
    readonly index: Variable,
    body: Stmt,
    private readonly written: (array: Expr) => boolean,
  ) {
    this.tainted.add(index);
    const all = assignments(body);
    const count = new Map<Variable, number>();
    for (const a of all) count.set(a.v, (count.get(a.v) ?? 0) + 1);
    for (const a of all) {
      this.assigned.add(a.v);
      if (count.get(a.v) === 1 && a.from.length === 1) this.single.set(a.v, a.from[0]);
    }
    eachStmt(body, (s) => {
      if (s.kind === "forOf" && s.args.length <= 2 && count.get(s.decl.variable!) === 1) {
        const [a0, a1] = s.args;
        this.counters.set(s.decl.variable!, a1 ? { lo: a0, hi: a1 } : { hi: a0 });
      }
      const init = s.kind === "for" && s.init?.kind === "decl" && s.init.decls.length === 1
        ? s.init.decls[0]
        : undefined;
      if (!init?.init || s.kind !== "for" || !s.test || s.test.kind !== "binary") return;
      const j = init.variable!;
      const t = s.test, u = s.update;
      const steps = u?.kind === "update" && u.op === "++" ||
        u?.kind === "assign" && u.op === "+" && constantValue(u.value) === 1;
      const target = u?.kind === "update" || u?.kind === "assign" ? u.target : undefined;
      if (
        t.op === "<" && t.left.kind === "name" && t.left.variable === j && steps &&
        target?.kind === "name" && target.variable === j && count.get(j) === 2
      ) this.counters.set(j, { lo: init.init, hi: t.right });
    });
    for (let changed = true; changed;) {
      changed = false;
      for (const a of all) {
        if (!this.tainted.has(a.v) && [...a.from, ...a.when].some((e) => this.varies(e))) {
          this.tainted.add(a.v);
          changed = true;
        }
      }
    }
  }

  /** May `e` have different values in different iterations? */
  varies(e: Expr): boolean {
    switch (e.kind) {
      case "name":
        return !!e.variable && this.tainted.has(e.variable);
      case "index":
        return this.written(e.object) || this.varies(e.index);
      case "call":
        // thread ids and calls to other jitted functions are assumed to vary
        if (e.callee.kind === "name") return true;
        return e.args.some((a) => this.varies(a));
      case "assign":
      case "update":
        return true;
    }
    let any = false;
    eachChild(e, (x) => any ||= this.varies(x));
    return any;
  }

  /**
   * `i + c` (or `c + i`, `i - c`, `i`) for the loop variable i and a literal c: the offset c,
   * else undefined.
   */
  offset(e: Expr): number | undefined {
    if (e.kind === "name" && e.variable === this.index) return 0;
    if (e.kind === "binary" && (e.op === "+" || e.op === "-")) {
      const k = constantValue(e.right);
      if (k !== undefined) {
        const o = this.offset(e.left);
        return o === undefined ? undefined : e.op === "+" ? o + k : o - k;
      }
      const l = constantValue(e.left);
      if (l !== undefined && e.op === "+") return this.offset(e.right);
    }
    return undefined;
  }

  /**
   * An index that each iteration owns, as far as the compiler can tell: built with + - * from
   * the loop variable, invariant names and literals (through locals defined once that way), so
   * that different iterations normally touch different elements. A gathered or computed index
   * (`labels[i]`, `i % 4`, a call) is not.
   */
  owned(e: Expr): boolean {
    return this.affine(e, new Set()) === "varies";
  }

  /**
   * `i * K + j` (or `K * i + j`) with j the counter of an inner loop from a non-negative literal
   * to below K: row i's own elements.
   */
  private rowElement(base: Expr, offset: Expr): boolean {
    if (base.kind !== "binary" || base.op !== "*" || offset.kind !== "name") return false;
    const k = base.left.kind === "name" && base.left.variable === this.index
      ? base.right
      : base.right.kind === "name" && base.right.variable === this.index
      ? base.left
      : undefined;
    const c = offset.variable && this.counters.get(offset.variable);
    if (!k || !c || this.affine(k, new Set()) !== "fixed") return false;
    const lo = c.lo ? constantValue(c.lo) : 0;
    return lo !== undefined && lo >= 0 && sameName(c.hi, k);
  }

  private affine(e: Expr, seen: Set<Variable>): "varies" | "fixed" | undefined {
    switch (e.kind) {
      case "num":
        return "fixed";
      case "name": {
        const v = e.variable;
        if (!v || !this.assigned.has(v)) return "fixed";
        if (v === this.index) return "varies";
        const init = this.single.get(v);
        if (!init || seen.has(v)) return undefined;
        seen.add(v);
        return this.affine(init, seen);
      }
      case "member":
        return "fixed"; // a.length
      case "unary":
        return e.op === "-" || e.op === "+" ? this.affine(e.operand, seen) : undefined;
      case "binary": {
        if (e.op !== "+" && e.op !== "-" && e.op !== "*") return undefined;
        if (
          e.op === "+" && (this.rowElement(e.left, e.right) || this.rowElement(e.right, e.left))
        ) {
          return "varies";
        }
        const l = this.affine(e.left, seen);
        const r = this.affine(e.right, seen);
        if (!l || !r) return undefined;
        if (e.op === "*" && (constantValue(e.left) === 0 || constantValue(e.right) === 0)) {
          return "fixed";
        }
        if (e.op === "*" && l === "varies" && r === "varies") return undefined;
        return l === "varies" || r === "varies" ? "varies" : "fixed";
      }
    }
    return this.varies(e) ? undefined : "fixed";
  }
}

/** The same literal, or the same variable (not assigned in the loop: checked by the caller). */
function sameName(a: Expr, b: Expr): boolean {
  if (a.kind === "num" && b.kind === "num") return a.value === b.value;
  return a.kind === "name" && b.kind === "name" && !!a.variable && a.variable === b.variable;
}

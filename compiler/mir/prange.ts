// What a prange body shares with the function around it, and the rules that keep it race-free:
// - outer variables it only reads are captured by value into the chunk's environment;
// - scalar reductions (`s += x`, `s = s - x`, `s /= x`, `s = Math.max(s, x)`, ...) keep a partial
//   per chunk, combined in chunk order;
// - outer scalars assigned before every read in an iteration are private to the iteration, and
//   keep the value of the last iteration that wrote them (as the serial loop does);
// - compound updates of an outer array at an index the iteration does not own (`h[k] += v`,
//   `h[k]++`, `h[k] = Math.max(h[k], v)`) are array reductions: private copies per chunk;
// - any other write two iterations provably share is a CompileError; TSJIT_RACECHECK=1 watches
//   the remaining writes at run time (_racecheck.ts).
import {
  assertNever,
  CompileError,
  type Range,
  type SourceInfo,
  sourceLocation,
} from "../diagnostics.ts";
import type { Expr, Stmt, Variable } from "../frontend/ast.ts";
import type { TypedFunction } from "../types/infer.ts";
import { type ArrayType, BOOL, INT, INTZ, isArray } from "../types/types.ts";
import { eachChild, eachStmt } from "../frontend/walk.ts";
import { Taint } from "./_taint.ts";

export type ReduceOp = "+" | "*" | "min" | "max";

/** A variable (scalar or array) combined across chunks with `op`. */
export interface Reduction {
  variable: Variable;
  op: ReduceOp;
}

/** The sharing of one prange loop. */
export interface PrangeInfo {
  captured: Variable[];
  reductions: Reduction[];
  arrayReductions: Reduction[];
  /** outer scalars written before any read in each iteration: the last iteration's value is kept */
  lastValues: Variable[];
  /** outer arrays stored to by plain writes (what TSJIT_RACECHECK watches) */
  watched: Variable[];
  /** index expressions that are stored to */
  stores: Set<Expr>;
  /** the outer array behind an array variable (itself, or what a local alias was set to) */
  rootOf(object: Expr): Variable | undefined;
}

type Form = { op: ReduceOp; self: Expr[] } | undefined;

/** Structural equality of side-effect-free expressions (the same element, read and written). */
function same(a: Expr, b: Expr): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "num":
      return Object.is(a.value, (b as typeof a).value);
    case "name":
      return a.variable === (b as typeof a).variable && a.name === (b as typeof a).name;
    case "assign":
    case "update":
      return false;
    case "call":
      if (a.callee.kind === "name") return false; // jitted calls and getThreadId()
      break;
    case "member":
      if (a.name !== (b as typeof a).name) return false;
      break;
    case "unary":
    case "binary":
    case "logical":
      if (a.op !== (b as typeof a).op) return false;
      break;
  }
  const xs: Expr[] = [], ys: Expr[] = [];
  eachChild(a, (x) => xs.push(x));
  eachChild(b, (y) => ys.push(y));
  return xs.length === ys.length && xs.every((x, i) => same(x, ys[i]));
}

function occurrences(e: Expr, is: (x: Expr) => boolean, out: Expr[] = []): Expr[] {
  if (is(e)) out.push(e);
  else eachChild(e, (x) => occurrences(x, is, out));
  return out;
}

const ADDITIVE = new Set(["+", "-"]);
const MULTIPLICATIVE = new Set(["*", "/"]);

/**
 * The reduction an update of `target` performs, if it is one: `t op= v`, `t++`, `t = t op v`
 * (t leftmost in a chain of + and -, or of * and /; either side of + and *),
 * `t = Math.min/max(t, ...)`. `self` lists the reads of `t` the form contains.
 */
function reductionForm(e: Expr & { kind: "assign" | "update" }, is: (x: Expr) => boolean): Form {
  if (e.kind === "update") return { op: "+", self: [] };
  if (e.op !== "=") {
    const op = ADDITIVE.has(e.op) ? "+" : MULTIPLICATIVE.has(e.op) ? "*" : undefined;
    return op && occurrences(e.value, is).length === 0 ? { op, self: [] } : undefined;
  }
  const self = occurrences(e.value, is);
  if (self.length !== 1) return undefined;
  const v = e.value;
  if (
    v.kind === "call" && v.callee.kind === "member" && v.callee.object.kind === "name" &&
    v.callee.object.name === "Math" && !v.callee.object.variable &&
    (v.callee.name === "min" || v.callee.name === "max") && v.args.some(is)
  ) return { op: v.callee.name, self };
  const family = v.kind === "binary"
    ? ADDITIVE.has(v.op) ? ADDITIVE : MULTIPLICATIVE.has(v.op) ? MULTIPLICATIVE : undefined
    : undefined;
  if (!family) return undefined;
  const reaches = (x: Expr): boolean => {
    if (is(x)) return true;
    if (x.kind !== "binary" || !family.has(x.op)) return false;
    if (reaches(x.left)) return true;
    return (x.op === "+" || x.op === "*") && reaches(x.right);
  };
  return reaches(v) ? { op: family === ADDITIVE ? "+" : "*", self } : undefined;
}

/** Where `r` is, for messages: file:line in the user's file when known, else the line. */
export function whereIs(src: SourceInfo, r: Range): string {
  const at = sourceLocation(src, r);
  return at
    ? `${at.file}:${at.line}`
    : `line ${src.source.slice(0, r.start).split("\n").length} of its source`;
}

export const opText = (op: ReduceOp) => op === "min" || op === "max" ? `Math.${op}` : op;

/** Analyzes `loop` (a prange for-of); throws CompileError for races and unsupported exits. */
export function analyzePrange(loop: Stmt & { kind: "forOf" }, tf: TypedFunction): PrangeInfo {
  const fail = (msg: string, construct: string, r: Range): never => {
    throw new CompileError(msg, construct, r, tf.src);
  };
  const iv = loop.decl.variable!;
  const arrayVar = (v: Variable) => isArray(tf.varTypes.get(v)!);

  // locals of the body, and local array variables that alias an outer array
  const local = new Set<Variable>([iv]);
  eachStmt(loop.body, (s) => {
    if (s.kind === "decl") s.decls.forEach((d) => local.add(d.variable!));
    if (s.kind === "forOf") local.add(s.decl.variable!);
  });
  const aliasSources = new Map<Variable, Expr[]>();
  const noteAlias = (v: Variable | undefined, from: Expr) => {
    if (v && local.has(v) && arrayVar(v)) aliasSources.set(v, [...aliasSources.get(v) ?? [], from]);
  };
  eachStmt(loop.body, (s) => {
    if (s.kind === "decl") s.decls.forEach((d) => d.init && noteAlias(d.variable, d.init));
  });
  const visitAll = (e: Expr) => {
    if (e.kind === "assign" && e.target.kind === "name") noteAlias(e.target.variable, e.value);
    eachChild(e, visitAll);
  };
  eachStmt(loop.body, (s) => {
    if (s.kind === "expr") visitAll(s.expr);
  });
  const rootOf = (object: Expr, seen = new Set<Variable>()): Variable | undefined => {
    const v = object.kind === "name" ? object.variable : undefined;
    if (!v || !arrayVar(v)) return undefined;
    if (!local.has(v)) return v;
    const from = aliasSources.get(v) ?? [];
    if (from.length !== 1 || seen.has(v)) return undefined;
    seen.add(v);
    return rootOf(from[0], seen);
  };

  // what the body does with outer variables
  const captured = new Set<Variable>();
  const formReads = new Set<Expr>();
  const scalarWrites = new Map<Variable, { form: Form; range: Range }[]>();
  const scalarReads: { v: Variable; range: Range; e: Expr; defined: boolean }[] = [];
  interface Access {
    root: Variable;
    e: Expr & { kind: "index" };
    when: Expr[];
    form?: Form;
    value?: Expr;
    range: Range;
  }
  const writes: Access[] = [];
  const reads: Access[] = [];
  const escapes: { root: Variable; range: Range }[] = [];
  let assigned = new Set<Variable>(); // outer scalars written on every path so far
  let when: Expr[] = []; // tests deciding whether the current code runs

  const indexTarget = (t: Expr): Access["e"] | undefined => t.kind === "index" ? t : undefined;
  const expr = (e: Expr | undefined): void => {
    if (!e) return;
    switch (e.kind) {
      case "name":
        if (e.variable && !local.has(e.variable)) {
          captured.add(e.variable);
          if (!arrayVar(e.variable)) {
            scalarReads.push({
              v: e.variable,
              range: e.range,
              e,
              defined: assigned.has(e.variable),
            });
          }
        }
        return;
      case "assign":
      case "update": {
        const t = e.target;
        if (t.kind === "name" && t.variable && !local.has(t.variable)) {
          const v = t.variable;
          if (arrayVar(v)) {
            fail(
              `array variable '${v.name}' cannot be reassigned inside a prange loop`,
              "race",
              e.range,
            );
          }
          const form = reductionForm(e, (x) => x.kind === "name" && x.variable === v);
          form?.self.forEach((x) => formReads.add(x));
          captured.add(v);
          if (e.kind === "update" || e.op !== "=") {
            scalarReads.push({ v, range: e.range, e: t, defined: assigned.has(v) });
            formReads.add(t);
          }
          if (e.kind === "assign") expr(e.value);
          scalarWrites.set(v, [...scalarWrites.get(v) ?? [], { form, range: e.range }]);
          assigned.add(v);
          return;
        }
        const it = indexTarget(t);
        const root = it && rootOf(it.object);
        if (it && root && !local.has(root)) {
          const form = reductionForm(e, (x) => same(x, it));
          form?.self.forEach((x) => formReads.add(x));
          expr(it.object), expr(it.index);
          if (e.kind === "assign") expr(e.value);
          const value = e.kind === "assign" ? e.value : undefined;
          writes.push({ root, e: it, when, form, value, range: e.range });
          if (!form && e.kind === "assign" && e.op !== "=") reads.push(writes[writes.length - 1]);
          return;
        }
        if (it && !root) {
          fail(
            `'${(it.object as Expr & { kind: "name" }).name}' is set to different arrays ` +
              `inside the prange loop, so its writes cannot be checked for races; use one ` +
              `array variable per array`,
            "race",
            it.object.range,
          );
        }
        expr(t);
        if (e.kind === "assign") expr(e.value);
        return;
      }
      case "index": {
        const root = rootOf(e.object);
        if (root && !local.has(root) && !formReads.has(e)) {
          reads.push({ root, e, when, range: e.range });
        }
        return expr(e.object), expr(e.index);
      }
      case "call":
        if (e.callee.kind === "name" && e.callee.name === "setNumThreads" && !e.callee.global) {
          fail(
            "setNumThreads() cannot be called inside a prange loop (the loop's threads are " +
              "already chosen); call it before the loop",
            "setNumThreads in prange",
            e.range,
          );
        }
        if (e.callee.kind === "name") {
          for (const a of e.args) {
            const root = rootOf(a);
            if (root) escapes.push({ root, range: a.range });
          }
        }
        return expr(e.callee), e.args.forEach(expr);
      case "logical":
      case "cond": {
        expr(e.kind === "cond" ? e.test : e.left);
        const saved = assigned, savedWhen = when;
        when = [...when, e.kind === "cond" ? e.test : e.left];
        assigned = new Set(saved);
        if (e.kind === "cond") {
          expr(e.then);
          const a = assigned;
          assigned = new Set(saved);
          expr(e.else);
          assigned = new Set([...a].filter((v) => assigned.has(v)));
        } else {
          expr(e.right);
          assigned = saved;
        }
        when = savedWhen;
        return;
      }
    }
    eachChild(e, expr);
  };

  let depth = 0; // loops and switches inside the body, which a plain break may leave
  const labels: string[] = [];
  /** Runs `f` under the extra tests `tests`; what it assigns does not count afterwards. */
  const guarded = (tests: Expr[], f: () => void) => {
    const saved = assigned, savedWhen = when;
    assigned = new Set(saved);
    when = [...when, ...tests];
    f();
    assigned = saved;
    when = savedWhen;
  };
  const loopBody = (s: Stmt & { label?: string }, f: () => void) => {
    depth++, s.label && labels.push(s.label);
    f();
    depth--, s.label && labels.pop();
  };
  const stmt = (s: Stmt | undefined): void => {
    if (!s) return;
    switch (s.kind) {
      case "decl":
        for (const d of s.decls) expr(d.init);
        return;
      case "expr":
        return expr(s.expr);
      case "if": {
        expr(s.test);
        const saved = assigned, savedWhen = when;
        when = [...when, s.test];
        assigned = new Set(saved);
        stmt(s.then);
        const a = assigned;
        assigned = new Set(saved);
        stmt(s.else);
        assigned = new Set([...a].filter((v) => assigned.has(v)));
        when = savedWhen;
        return;
      }
      case "for":
        stmt(s.init);
        expr(s.test);
        return guarded(
          s.test ? [s.test] : [],
          () => loopBody(s, () => (stmt(s.body), expr(s.update))),
        );
      case "forOf":
        s.args.forEach(expr);
        return guarded(s.args, () => loopBody(s, () => stmt(s.body)));
      case "while":
      case "doWhile":
        expr(s.test);
        return guarded([s.test], () => loopBody(s, () => stmt(s.body)));
      case "switch":
        expr(s.disc);
        return guarded([s.disc, ...s.cases.flatMap((c) => c.test ? [c.test] : [])], () => {
          depth++;
          s.cases.forEach((c) => (expr(c.test), c.body.forEach(stmt)));
          depth--;
        });
      case "labeled":
        labels.push(s.label);
        stmt(s.body);
        labels.pop();
        return;
      case "block": {
        const savedWhen = when;
        for (const x of s.body) {
          stmt(x);
          // after a statement that may leave the iteration, what follows runs conditionally
          let leaves = false;
          eachStmt(x, (y) => leaves ||= y.kind === "break" || y.kind === "continue");
          if (leaves) {
            eachStmt(x, (y) => {
              if (y.kind === "if" || y.kind === "while" || y.kind === "doWhile") {
                when = [...when, y.test];
              }
              if (y.kind === "for" && y.test) when = [...when, y.test];
            });
          }
        }
        when = savedWhen;
        return;
      }
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
      case "empty":
        return;
      default:
        return assertNever(s);
    }
  };
  stmt(loop.body);

  /** The operator all of a variable's reduction updates use (mixing them is refused). */
  const oneOp = (name: string, updates: { form?: Form; range: Range }[]): ReduceOp => {
    const op = updates[0].form!.op;
    const mixed = updates.find((w) => w.form!.op !== op);
    if (mixed) {
      fail(
        `'${name}' is combined with both ${opText(op)} and ${
          opText(mixed.form!.op)
        } in a prange loop; use one`,
        "mixed reduction",
        mixed.range,
      );
    }
    return op;
  };

  // scalars: private (written before every read), else a reduction, else a race
  const reductions: Reduction[] = [];
  const lastValues: Variable[] = [];
  for (const [v, ws] of scalarWrites) {
    const rs = scalarReads.filter((r) => r.v === v);
    if (rs.every((r) => r.defined)) {
      lastValues.push(v);
      continue;
    }
    const plain = ws.find((w) => !w.form);
    if (plain) {
      const first = rs.find((r) => !r.defined)!;
      fail(
        `'${v.name}' is read before it is written in an iteration of the prange loop, so it ` +
          `would carry a value from one iteration to the next, and iterations run in parallel. ` +
          `Assign it before reading it in each iteration, or update it only as a reduction ` +
          `(${v.name} += ..., ${v.name} *= ..., ${v.name} = Math.max(${v.name}, ...))`,
        "race",
        first.range.start === plain.range.start ? plain.range : first.range,
      );
    }
    const op = oneOp(v.name, ws);
    const stray = rs.find((r) => !formReads.has(r.e));
    if (stray) {
      fail(
        `reduction variable '${v.name}' is read inside the prange loop, where each thread sees ` +
          `only its own partial value; read it after the loop`,
        "reduction read",
        stray.range,
      );
    }
    reductions.push({ variable: v, op });
  }

  // arrays: reductions where the index is not the iteration's own, refused races, watched rest
  const taint = new Taint(iv, loop.body, (obj) => {
    const r = rootOf(obj);
    return !!r && writes.some((w) => w.root === r);
  });
  const arrayReductions: Reduction[] = [];
  const watched: Variable[] = [];
  const stores = new Set<Expr>();
  const roots = [...new Set(writes.map((w) => w.root))];
  const line = (r: Range) => whereIs(tf.src, r);
  for (const root of roots) {
    const ws = writes.filter((w) => w.root === root);
    const reducing = ws.filter((w) => w.form && !taint.owned(w.e.index));
    if (reducing.length) {
      arrayReduction(root, ws, reducing);
      continue;
    }
    for (const w of ws) {
      const conditional = w.when.some((t) => taint.varies(t));
      if (!taint.varies(w.e.index) && !conditional) {
        fail(
          `every iteration of the prange loop writes the same element of '${root.name}' (its ` +
            `index does not depend on '${iv.name}'): iterations race. Index by the loop ` +
            `variable, use a reduction (${root.name}[...] += ...), or a serial loop`,
          "race",
          w.range,
        );
      }
      const o = taint.offset(w.e.index);
      if (o === undefined || conditional) continue;
      for (const other of [...ws, ...reads.filter((r) => r.root === root)]) {
        const p = taint.offset(other.e.index);
        if (p === undefined || p === o || other.when.some((t) => taint.varies(t))) continue;
        fail(
          `iteration ${iv.name} writes '${root.name}' at offset ${o} and also ${
            other.form !== undefined || ws.includes(other) ? "writes" : "reads"
          } it at offset ${p} (${line(other.range)}), which another iteration writes: a ` +
            `loop-carried dependence, so iterations race. Use a serial loop, or write to a ` +
            `second array`,
          "race",
          w.range,
        );
      }
    }
    watched.push(root);
    ws.forEach((w) => stores.add(w.e));
  }

  function arrayReduction(root: Variable, ws: Access[], reducing: Access[]) {
    const name = root.name;
    const at = line(reducing[0].range);
    const other = ws.find((w) => !reducing.includes(w));
    const read = reads.find((r) => r.root === root);
    const escape = escapes.find((x) => x.root === root);
    const clash = other?.range ?? read?.range ?? escape?.range;
    if (clash) {
      fail(
        `'${name}' is updated as an array reduction at ${at} (each thread updates its own ` +
          `copy, combined after the loop), so it cannot also be ${
            other ? "written" : read ? "read" : "passed to a function"
          } in the loop. Use a second array for the other accesses`,
        "array reduction",
        clash,
      );
    }
    const op = oneOp(name, reducing);
    const el = (tf.varTypes.get(root) as ArrayType).elem;
    const kind = el.name;
    if (!el.float) {
      // integer elements wrap: only exact (modular) sums combine to the serial result
      const bad = el.clamped || op !== "+" ? reducing[0] : reducing.find((w) => {
        const t = w.value && tf.exprTypes.get(w.value);
        return t !== undefined && t !== INT && t !== INTZ && t !== BOOL;
      });
      if (bad) {
        fail(
          `the array reduction on '${name}' (a ${kind}) ${
            el.clamped
              ? "clamps at each step, which partial results cannot reproduce"
              : op !== "+"
              ? `uses ${opText(op)}, which does not combine exactly once values wrap`
              : "adds a value that may not be an integer, which wraps differently per step"
          }; use a Float64Array for it, or a serial loop`,
          "array reduction",
          bad.range,
        );
      }
    }
    arrayReductions.push({ variable: root, op });
  }

  return {
    captured: [...captured],
    reductions,
    arrayReductions,
    lastValues,
    watched,
    stores,
    rootOf: (e) => rootOf(e),
  };
}

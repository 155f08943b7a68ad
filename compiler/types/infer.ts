// Stage 3: type inference. Given the argument types of one call, assigns a type to every
// variable and expression. Flow-insensitive: a variable's type is the join of everything
// assigned to it, iterated to a fixed point (types only widen: int → f64).
import { assertNever, CompileError, type Range, type SourceInfo } from "../diagnostics.ts";
import type { CompilableFunction, Expr, FunctionAST, Stmt, Variable } from "../frontend/ast.ts";
import type { Resolved } from "../frontend/resolve.ts";
import {
  BOOL,
  elementType,
  F32,
  F64,
  INT,
  INTZ,
  isArray,
  isInt,
  isNumeric,
  NEVER,
  type Type,
  typeName,
  VOID,
} from "./types.ts";
import { ANY_INT, type Tier } from "./tiers.ts";
import { compoundOperation, constantValue, literalType } from "./literals.ts";
import type { InferSession } from "./session.ts";
import {
  MATH_CONSTANTS,
  mathFunction,
  NUMBER_CONSTANTS,
  NUMBER_FUNCTIONS,
} from "../builtins/math.ts";
import { binaryOperator, unaryOperator } from "../builtins/operators.ts";
import { zeroSignBlind } from "./zerosign.ts";
import {
  bounded,
  exits,
  hull,
  type Interval,
  iv,
  RangeAnalysis,
  testWrites,
  TOP,
} from "./ranges.ts";

/** A function with the types of one specialization. */
export interface TypedFunction {
  /** identifies the specialization: function id and argument types */
  key: string;
  fn: CompilableFunction;
  /** the specialization each call to a jitted function compiles to, by key */
  calls: Map<Expr, string>;
  ast: FunctionAST;
  resolved: Resolved;
  argTypes: Type[];
  varTypes: Map<Variable, Type>;
  exprTypes: Map<Expr, Type>;
  returnType: Type;
  src: SourceInfo;
  /** the interval of each integer expression (types/ranges.ts) */
  ranges?: ReadonlyMap<Expr, Interval>;
  /** specializations for smaller integer arguments (types/tiers.ts) */
  tiers?: Tier[];
}

/** The pool's functions compiled code may call: arity and result type. */
const THREAD_CALLS: Record<string, [number, Type]> = {
  getThreadId: [0, INT],
  getNumThreads: [0, INT],
  setNumThreads: [1, VOID],
};

/** What a variable can hold: intz and f32 values widen to f64 when stored. */
function storable(t: Type): Type {
  return t === INTZ || t === F32 ? F64 : t;
}

/** The key of a specialization: function id and argument types. */
export function specializationKey(fn: CompilableFunction, argTypes: Type[]): string {
  return `${fn.id}(${argTypes.map((t) => t.key).join(",")})`;
}

/** Infers the types of `ast` for one tuple of argument types. */
export function inferTypes(
  ast: FunctionAST,
  resolved: Resolved,
  argTypes: Type[],
  src: SourceInfo,
  session: InferSession,
  fn: CompilableFunction,
  intParams: Interval = ANY_INT,
): TypedFunction {
  const calls = new Map<Expr, string>();
  const fail = (msg: string, construct: string, r: Range): never => {
    throw new CompileError(msg, construct, r, src);
  };
  const varTypes = new Map<Variable, Type>();
  const exprTypes = new Map<Expr, Type>();
  resolved.params.forEach((p, i) => varTypes.set(p, argTypes[i]));
  const R = new RangeAnalysis((e) => exprTypes.get(e), !!fn.options.boundscheck);
  // what variables hold before any write: arguments, and 0 in a `var` (lowered so)
  resolved.params.forEach((p, i) =>
    R.param(p, argTypes[i] === INT ? intParams : argTypes[i] === BOOL ? iv(0, 1) : TOP)
  );
  for (const v of resolved.variables) if (v.kind === "var") R.param(v, iv(0, 0));
  let changed = true;
  const scalars = new Set(resolved.variables.filter((v) => !isArray(varTypes.get(v) ?? F64)));
  let zeroBlind = new Set<Variable>();
  let checkedIndex: Expr | undefined; // the index being typed, when bounds are checked
  let storeTarget: Expr | undefined; // the element an assignment stores to, being typed
  let returnType: Type | undefined;

  const join = (a: Type | undefined, b: Type, what: string, r: Range): Type => {
    b = storable(b);
    if (a === undefined || a === b) return b;
    if (isNumeric(a) && isNumeric(b)) return F64;
    return fail(
      `${what} holds both ${typeName(a)} and ${typeName(b)} values; give it one type`,
      "mixed types",
      r,
    );
  };
  const fixed = new Map<Variable, Type>();
  for (const v of resolved.variables) {
    const t = v.kind !== "param" ? fn.options.locals?.get(v.name) : undefined;
    if (t) fixed.set(v, t), varTypes.set(v, t);
  }
  const assignVar = (
    v: Variable,
    t: Type,
    r: Range,
    values: Interval,
    step?: Interval,
    from?: Expr,
  ) => {
    // a possible -0 that no use of the variable can see is stored as an integer
    if (t === INTZ && zeroBlind.has(v)) t = INT;
    // floats keep an interval too, for bounds (`blocks = Math.ceil(n / 4096)`); NaN aside
    const int = t === INT || t === INTZ || t === BOOL;
    R.assign(v, int || t === F64 ? values : TOP, step, from);
    const want = fixed.get(v);
    if (want) {
      const ok = want === BOOL
        ? t === BOOL
        : want === INT
        ? t === INT || t === INTZ || t === BOOL
        : isNumeric(t) || t === BOOL;
      if (!ok) {
        fail(
          `'${v.name}' is declared ${typeName(want)} in locals but is assigned a ${typeName(t)}`,
          "locals",
          r,
        );
      }
      return;
    }
    if (v.kind === "param" && isArray(varTypes.get(v)!) !== isArray(t)) {
      fail(`parameter '${v.name}' cannot change between array and scalar`, "assignment", r);
    }
    const next = join(varTypes.get(v), t, `variable '${v.name}'`, r);
    if (next !== varTypes.get(v)) {
      varTypes.set(v, next);
      changed = true;
    }
  };

  const numeric = (e: Expr, t: Type): Type => {
    if (t === BOOL || t === NEVER) return INT;
    if (!isNumeric(t)) fail(`expected a number, got ${typeName(t)}`, "operand", e.range);
    return t;
  };

  const arith = (
    op: string,
    l: Type,
    r: Type,
    left: Expr,
    right: Expr,
    where: Expr,
  ): Type => {
    const o = binaryOperator(op);
    if (!o || o.kind === "compare") {
      return fail(`unsupported operator ${op}`, `operator ${op}`, where.range);
    }
    const ints = isInt(l) && isInt(r);
    // an integer result must stay strictly inside ±2^53 (ranges.ts); otherwise doubles, as JS
    const exact = bounded(ints ? R.binary(op, left, right) : TOP);
    return o.type(l, r, { ints, exact, left: R.of(left), right: R.of(right) });
  };

  const mathCall = (e: Expr & { kind: "call" }, fname: string, args: Type[]): Type => {
    const m = mathFunction(fname);
    const what = `Math.${fname}`;
    if (!m) return fail(`${what} is not a Math function tsjit knows`, what, e.range);
    if (m.refuse) return fail(m.refuse, what, e.range);
    const n = m.arity ?? 0;
    if (args.length < n) fail(`${what} needs ${n} argument${n > 1 ? "s" : ""}`, what, e.range);
    return m.type?.(args) ?? F64;
  };

  function type(e: Expr): Type {
    const t = typeInner(e);
    exprTypes.set(e, t);
    R.expr(e, t);
    return t;
  }

  function typeInner(e: Expr): Type {
    switch (e.kind) {
      case "num":
        return literalType(e.value);
      case "bool":
        return BOOL;
      case "name": {
        if (e.variable) {
          const t = varTypes.get(e.variable);
          return t ?? INT; // not yet assigned in this round: the lowest number type
        }
        if (e.global?.kind === "const") {
          const v = e.global.value;
          return typeof v === "boolean" ? BOOL : literalType(v);
        }
        if (e.global?.kind === "function") {
          return fail(
            `jitted function '${e.name}' can only be called, not used as a value`,
            "function value",
            e.range,
          );
        }
        if (e.name === "NaN" || e.name === "Infinity") return F64;
        if (e.name === "undefined") return fail("undefined is not a number", "undefined", e.range);
        return fail(`'${e.name}' cannot be used as a value`, e.name, e.range);
      }
      case "unary": {
        const o = unaryOperator(e.op)!;
        if (o.operand === "truthy") return type(e.operand), o.type(BOOL);
        const k = constantValue(e);
        if (e.op === "-" && k !== undefined) return type(e.operand), literalType(k);
        return o.type(numeric(e.operand, type(e.operand)));
      }
      case "update": {
        const t = numeric(e.target, type(e.target));
        const d = e.op === "++" ? 1 : -1;
        const checked = e !== checkedIndex ? undefined : e.prefix ? "new" : "old";
        const next = R.step(e.target, d, checked);
        const r = t === INT && bounded(next) ? INT : F64;
        if (e.target.kind === "name" && e.target.variable) {
          assignVar(e.target.variable, r, e.range, next, t === INT ? iv(d, d) : undefined);
        }
        return r;
      }
      case "binary": {
        const l = type(e.left);
        const r = type(e.right);
        if (binaryOperator(e.op)?.kind === "compare") {
          if (isArray(l) || isArray(r)) fail("cannot compare arrays", "array comparison", e.range);
          return BOOL;
        }
        return arith(e.op, numeric(e.left, l), numeric(e.right, r), e.left, e.right, e);
      }
      case "logical": {
        const l = type(e.left);
        const before = R.save();
        R.assume(e.left, e.op === "&&");
        const r = type(e.right);
        R.joinFacts(before, R.save());
        if (e.op === "??") return l;
        if ((l === BOOL || l === NEVER) && (r === BOOL || r === NEVER)) return BOOL;
        if (isNumeric(l) && isNumeric(r)) {
          return l === r && l !== INTZ
            ? (l === F32 ? F64 : l)
            : (l === INT && r === INT ? INT : F64);
        }
        return fail(
          `both sides of ${e.op} must have the same type (got ${typeName(l)} and ${typeName(r)})`,
          `operator ${e.op}`,
          e.range,
        );
      }
      case "cond": {
        type(e.test);
        const before = R.save();
        R.assume(e.test, true);
        const a = type(e.then);
        const afterThen = R.save();
        R.restore(before);
        R.assume(e.test, false);
        const b = type(e.else);
        R.joinFacts(afterThen, R.save());
        if (a === b || b === NEVER) return a;
        if (a === NEVER) return b;
        if (isNumeric(a) && isNumeric(b)) return a === INT && b === INT ? INT : F64;
        return fail(
          `both branches of ?: must have the same type (got ${typeName(a)} and ${typeName(b)})`,
          "conditional expression",
          e.range,
        );
      }
      case "assign": {
        const v = type(e.value);
        if (e.target.kind === "name") {
          const target = e.target.variable!;
          if (e.op === "=") {
            assignVar(target, v, e.range, R.of(e.value), R.stepOf(target, e.value), e.value);
            return type(e.target);
          }
          const cur = numeric(e.target, type(e.target));
          const r = arith(e.op, cur, numeric(e.value, v), e.target, e.value, e);
          exprTypes.set(compoundOperation(e), r);
          const op = compoundOperation(e);
          R.results.set(e, op);
          assignVar(target, r, e.range, R.expr(op, r), R.stepOf(target, op));
          return type(e.target);
        }
        // typed after the value, but checked before it runs: no index fact from a store target
        storeTarget = e.target;
        const elem = type(e.target);
        if (e.op === "=") {
          if (!isNumeric(v) && v !== BOOL) {
            fail(`cannot store ${typeName(v)} into an array element`, "array store", e.range);
          }
          return storable(v);
        }
        const r = arith(e.op, numeric(e.target, elem), numeric(e.value, v), e.target, e.value, e);
        exprTypes.set(compoundOperation(e), r);
        R.expr(compoundOperation(e), r);
        R.results.set(e, compoundOperation(e));
        return storable(r);
      }
      case "index": {
        const store = storeTarget === e;
        storeTarget = undefined;
        const a = type(e.object);
        if (!isArray(a)) return fail(`cannot index a ${typeName(a)}`, "indexing", e.object.range);
        // a failed bounds check ends the call: past it, the index is one (not so unchecked)
        if (fn.options.boundscheck) checkedIndex = e.index;
        const i = type(e.index);
        checkedIndex = undefined;
        if (!isNumeric(i)) {
          fail(`an index must be a number, got ${typeName(i)}`, "index", e.index.range);
        }
        const x = e.index;
        if (fn.options.boundscheck && !store && x.kind === "name" && x.variable && i === INT) {
          R.indexed(x.variable);
        }
        return elementType(a);
      }
      case "member": {
        if (e.object.kind === "name" && !e.object.variable) {
          if (e.object.name === "Math" && e.name in MATH_CONSTANTS) return F64;
          if (e.object.name === "Number" && e.name in NUMBER_CONSTANTS) return F64;
          return fail(
            `${e.object.name}.${e.name} is not supported`,
            `${e.object.name}.${e.name}`,
            e.range,
          );
        }
        const t = type(e.object);
        if (isArray(t) && e.name === "length") return INT;
        return fail(
          `property '.${e.name}' of ${typeName(t)} is not supported`,
          `.${e.name}`,
          e.range,
        );
      }
      case "call": {
        const c = e.callee;
        const args = e.args.map(type);
        if (c.kind === "member" && c.object.kind === "name" && !c.object.variable) {
          if (c.object.name === "Math") {
            args.forEach((t, i) => numeric(e.args[i], t));
            return mathCall(e, c.name, args.map((t) => (t === BOOL ? INT : t)));
          }
          if (c.object.name === "Number" && NUMBER_FUNCTIONS.has(c.name)) {
            if (args.length !== 1) {
              fail(`Number.${c.name} needs 1 argument`, `Number.${c.name}`, e.range);
            }
            return BOOL;
          }
        }
        if (c.kind === "name" && c.global?.kind === "function") {
          const callee = c.global.fn;
          const params = callee.parsed().ast.params.length;
          if (args.length !== params) {
            fail(
              `${c.name}() takes ${params} arguments, got ${args.length}`,
              `call to ${c.name}()`,
              e.range,
            );
          }
          e.args.forEach((a, i) => {
            if (isArray(args[i]) && a.kind !== "name") {
              fail("pass arrays to jitted functions by variable", "array argument", a.range);
            }
            if (args[i] === VOID) fail("this argument has no value", "argument", a.range);
          });
          const calleeArgs = args.map(storable);
          calls.set(e, specializationKey(callee, calleeArgs));
          return session.returnTypeOf(callee, calleeArgs);
        }
        if (c.kind === "name" && !c.variable && Object.hasOwn(THREAD_CALLS, c.name)) {
          const [arity, result] = THREAD_CALLS[c.name];
          if (args.length !== arity) {
            fail(`${c.name}() takes ${arity} argument${arity === 1 ? "" : "s"}`, "call", e.range);
          }
          if (arity && !isNumeric(args[0])) fail(`${c.name}() takes a number`, "call", e.range);
          return result;
        }
        const what = c.kind === "name"
          ? `${c.name}()`
          : c.kind === "member"
          ? `.${c.name}()`
          : "call";
        return fail(`unsupported call: ${what}`, `call to ${what}`, c.range);
      }
      case "comma": {
        let t: Type = VOID;
        for (const x of e.exprs) t = type(x);
        return t;
      }
      default:
        return assertNever(e);
    }
  }

  // The facts at each `continue`, per enclosing loop: what holds where the loop continues (its
  // update, or a do-while's test) is only what holds at the body's end and at every `continue`.
  const continues: { label?: string; facts: ReturnType<typeof R.save>[] }[] = [];
  const loopBody = (s: Stmt & { label?: string }, body: Stmt) => {
    const c = { label: s.label, facts: [] as ReturnType<typeof R.save>[] };
    continues.push(c);
    stmt(body);
    continues.pop();
    for (const f of c.facts) R.joinFacts(R.save(), f);
  };
  const stmt = (s: Stmt | undefined): void => {
    if (!s) return;
    switch (s.kind) {
      case "continue": {
        const to = s.label ? continues.findLast((c) => c.label === s.label) : continues.at(-1);
        to?.facts.push(R.save());
        return;
      }
      case "decl":
        for (const d of s.decls) {
          if (d.init) {
            assignVar(d.variable!, type(d.init), d.range, R.of(d.init), undefined, d.init);
          } else if (s.declKind !== "var") R.assign(d.variable!, iv(0, 0)); // reads 0
        }
        return;
      case "expr":
        type(s.expr);
        return;
      case "if": {
        type(s.test);
        const before = R.save();
        R.assume(s.test, true);
        stmt(s.then);
        const afterThen = R.save();
        R.restore(before);
        R.assume(s.test, false);
        stmt(s.else);
        // past `if (i >= n) continue;` the test is known false
        if (exits(s.then)) return;
        if (!exits(s.else)) R.joinFacts(afterThen, R.save());
        else R.restore(afterThen);
        return;
      }
      case "for": {
        stmt(s.init);
        R.killWithin(s);
        const entry = R.save();
        // a test that writes runs as often as the loop, which is then unbounded
        const outer = testWrites(s) ? R.enterLoop(Infinity, s) : undefined;
        if (s.test) type(s.test), R.assume(s.test, true);
        const trips = outer ?? R.enterLoop(R.forTrips(s) + 1, s);
        loopBody(s, s.body);
        if (s.update) type(s.update);
        R.leaveLoop(trips);
        return R.restore(entry);
      }
      case "forOf": {
        const ts = s.args.map((a) => numeric(a, type(a)));
        if (s.args.length < 1 || s.args.length > 3) {
          fail(`${s.iter}() takes 1 to 3 arguments`, s.iter, s.range);
        }
        // prange counts in integers (its bounds are checked to be integral at run time)
        const counter = s.iter === "prange" || ts.every((t) => t === INT) ? INT : F64;
        const k = s.args[2] === undefined ? 1 : constantValue(s.args[2]);
        const from = s.args.length > 1 ? R.of(s.args[0]) : iv(0, 0);
        const to = R.of(s.args.length > 1 ? s.args[1] : s.args[0]);
        // the values the counter takes: from <= i < to counting up, to < i <= from down
        const values = k === undefined || k === 0
          ? hull(from, to)
          : k > 0
          ? { lo: from.lo, hi: Math.ceil(to.hi) - 1 }
          : { lo: Math.floor(to.lo) + 1, hi: from.hi };
        R.killWithin(s);
        const entry = R.save();
        const outer = R.enterLoop(
          k ? Math.floor((values.hi - values.lo) / Math.abs(k)) + 1 : Infinity,
          s,
        );
        assignVar(s.decl.variable!, counter, s.decl.range, values);
        loopBody(s, s.body);
        R.leaveLoop(outer);
        return R.restore(entry);
      }
      case "while":
      case "doWhile": {
        R.killWithin(s);
        const entry = R.save();
        const outer = R.enterLoop(Infinity, s);
        if (s.kind === "while") type(s.test), R.assume(s.test, true);
        loopBody(s, s.body);
        if (s.kind === "doWhile") type(s.test);
        R.leaveLoop(outer);
        return R.restore(entry);
      }
      case "return": {
        const t = s.value ? type(s.value) : VOID;
        if (t === NEVER) return;
        if (isArray(t)) fail("returning an array is not supported", "return of an array", s.range);
        if (returnType === undefined || returnType === storable(t)) returnType = storable(t);
        else if (isNumeric(returnType) && isNumeric(t)) returnType = F64;
        else {
          fail(
            `this function returns both ${typeName(returnType)} and ${typeName(t)}`,
            "return",
            s.range,
          );
        }
        return;
      }
      case "block":
        return s.body.forEach(stmt);
      case "labeled": {
        R.killWithin(s);
        const entry = R.save();
        stmt(s.body);
        return R.restore(entry);
      }
      case "switch": {
        type(s.disc);
        R.killWithin(s);
        const entry = R.save();
        for (const c of s.cases) {
          // a case is entered by a jump (the entry's facts) or by falling through
          R.joinFacts(entry, R.save());
          if (c.test) type(c.test);
          c.body.forEach(stmt);
        }
        return R.restore(entry);
      }
      case "break":
      case "empty":
        return;
      default:
        return assertNever(s);
    }
  };

  let narrowed = false;
  for (let round = 0; changed; round++) {
    if (round > 100) throw new Error("tsjit internal error: type inference did not converge");
    changed = false;
    returnType = undefined;
    exprTypes.clear();
    R.startRound();
    zeroBlind = zeroSignBlind(
      ast.body,
      scalars,
      (e) => e.kind === "name" && e.variable ? varTypes.get(e.variable) : undefined,
    );
    ast.body.forEach(stmt);
    if (R.endRound()) changed = true;
    if (!changed && !narrowed) R.narrowNext(), narrowed = changed = true;
  }
  for (const v of resolved.variables) {
    if (!varTypes.has(v)) {
      fail(`'${v.name}' is never assigned a value`, "unassigned variable", v.range);
    }
  }
  return {
    key: specializationKey(fn, argTypes),
    fn,
    calls,
    ast,
    resolved,
    argTypes,
    varTypes,
    exprTypes,
    returnType: returnType ?? VOID,
    src,
    ranges: R.all(),
  };
}

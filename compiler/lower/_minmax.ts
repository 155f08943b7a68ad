// Floating-point Math.max/Math.min reductions (`e = Math.max(e, Math.abs(x[i] - y[i]))`) in a
// form LLVM vectorizes, with JS's semantics kept exactly. JS's max over doubles is associative
// once NaN is set apart: the result is NaN if any operand is, otherwise the largest with -0 below
// +0. So a loop keeps, instead of `e`, a flag "a NaN was seen" (an or-reduction) and `e` as an
// order-preserving integer key (a signed max- or min-reduction, which LLVM vectorizes where it
// cannot vectorize the chain of compares and selects); `e` is rebuilt after the loop.
import type { Expr, Stmt, Variable } from "../frontend/ast.ts";
import { walk } from "../frontend/walk.ts";
import { f64, int, type Value } from "../ir/mod.ts";
import { F64 } from "../types/types.ts";
import type { FunctionLowering } from "./lower.ts";

/** One reduction statement of a loop, and the slots that stand for its variable there. */
export interface MinMaxReduction {
  variable: Variable;
  op: "max" | "min";
  /** the operand other than the variable */
  operand: Expr;
  key: Value;
  nan: Value;
}

type Loop = Stmt & { kind: "for" | "while" | "doWhile" | "forOf" };

/** `v = Math.max(v, x)` or `v = Math.max(x, v)` (or min): the variable, op and other operand. */
function reductionForm(s: Stmt): Omit<MinMaxReduction, "key" | "nan"> | undefined {
  if (s.kind !== "expr" || s.expr.kind !== "assign" || s.expr.op !== "=") return undefined;
  const { target, value } = s.expr;
  if (target.kind !== "name" || !target.variable || value.kind !== "call") return undefined;
  const c = value.callee;
  if (c.kind !== "member" || c.object.kind !== "name" || c.object.name !== "Math") return undefined;
  if ((c.name !== "max" && c.name !== "min") || value.args.length !== 2) return undefined;
  const v = target.variable;
  const isV = (e: Expr) => e.kind === "name" && e.variable === v;
  const [a, b] = value.args;
  const operand = isV(a) ? b : isV(b) ? a : undefined;
  return operand && { variable: v, op: c.name, operand };
}

const isLoop = (s: Stmt) =>
  s.kind === "for" || s.kind === "forOf" || s.kind === "while" || s.kind === "doWhile";

/** Counts the uses of each variable in `s`, and finds the reductions not in nested loops. */
function scan(s: Loop) {
  const uses = new Map<Variable, number>();
  const nested = new Set<Stmt>();
  const found: [Stmt, Omit<MinMaxReduction, "key" | "nan">][] = [];
  let labeledJump = false;
  walk(s, (e) => {
    if (e.kind === "name" && e.variable) uses.set(e.variable, (uses.get(e.variable) ?? 0) + 1);
  }, (x) => {
    if (x !== s && isLoop(x) && !nested.has(x)) walk(x, () => {}, (y) => nested.add(y));
    if ((x.kind === "break" || x.kind === "continue") && x.label) labeledJump = true;
    const r = nested.has(x) ? undefined : reductionForm(x);
    if (r) found.push([x, r]);
  });
  return { uses, found, labeledJump };
}

/** The order-preserving key of a double's bits: an involution (-0 below +0). */
function key(L: FunctionLowering, bits: Value): Value {
  const { b } = L;
  const mask = b.bin("and", b.bin("ashr", bits, int("i64", 63)), int("i64", 2n ** 63n - 1n));
  return b.bin("xor", bits, mask);
}

/**
 * Emits loop `s` through `emit`, its float min/max reductions kept as key and NaN flag; false
 * (and nothing emitted) when the loop has none.
 */
export function emitWithMinMax(L: FunctionLowering, s: Loop, emit: () => void): boolean {
  if (s.kind === "forOf" && s.iter === "prange") return false;
  const { uses, found, labeledJump } = scan(s);
  // the variable is used only by its reduction (target and one argument), which is then the
  // only place the loop sees it; a labeled jump could leave without rebuilding it
  const usable = found.filter(([, r]) =>
    !labeledJump && L.varType(r.variable) === F64 && uses.get(r.variable) === 2 &&
    found.filter(([, o]) => o.variable === r.variable).length === 1
  );
  if (usable.length === 0) return false;
  const { b } = L;
  const reds: MinMaxReduction[] = usable.map(([x, r]) => {
    const slot = L.scalarSlots.get(r.variable)!;
    const e = b.load("double", slot);
    const red = {
      ...r,
      key: b.alloca("i64", `${r.variable.name}.key`),
      nan: b.alloca("i1", `${r.variable.name}.nan`),
    };
    b.store(key(L, b.cast("bitcast", e, "i64")), red.key);
    b.store(b.fcmp("uno", e, e), red.nan);
    L.minmax.set(x, red);
    return red;
  });
  emit();
  for (const [x] of usable) L.minmax.delete(x);
  for (const r of reds) {
    const k = b.load("i64", r.key);
    const v = b.cast("bitcast", key(L, k), "double");
    b.store(b.select(b.load("i1", r.nan), f64(NaN), v), L.scalarSlots.get(r.variable)!);
  }
  return true;
}

/** One step of a reduction inside its loop: the key's max (or min), and the NaN flag. */
export function minMaxStep(L: FunctionLowering, r: MinMaxReduction): void {
  const { b } = L;
  const x = L.asF64(r.operand);
  const k = b.call("i64", `llvm.s${r.op}.i64`, [
    b.load("i64", r.key),
    key(L, b.cast("bitcast", x, "i64")),
  ]);
  b.store(k, r.key);
  b.store(b.bin("or", b.load("i1", r.nan), b.fcmp("uno", x, x)), r.nan);
}

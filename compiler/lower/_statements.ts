// Statements: control flow as basic blocks, loops (counted loops in bounds-check versions, range
// loops, a countdown do-while), switch, and the jumps out of them.
import { assertNever } from "../diagnostics.ts";
import type { Expr, Stmt } from "../frontend/ast.ts";
import { f64, int, type Value } from "../ir/mod.ts";
import { constantValue } from "../types/literals.ts";
import { BINARY } from "../builtins/operators.ts";
import { INT, isArray } from "../types/types.ts";
import { irType } from "../types/layout.ts";
import { Status } from "../runtime/abi.ts";
import type { FunctionLowering, ValueExpr } from "./lower.ts";
import { findCountdownLoop, findCountedLoop } from "./_loops.ts";
import { checkedOp, emitVersions, loopEnd } from "./_versions.ts";
import { intTripCount, rangeSpace } from "./_range_space.ts";
import { streamingCopy, streamingPlan } from "./_streaming.ts";
import { emitWithMinMax, minMaxStep } from "./_minmax.ts";
import { lowerPrange } from "./_parallel.ts";
import { lowerAssign } from "./_assign.ts";

export function lowerStmt(L: FunctionLowering, s: Stmt): void {
  const red = L.minmax.get(s);
  if (red) return minMaxStep(L, red);
  const loop = s.kind === "for" || s.kind === "while" || s.kind === "doWhile" ||
    s.kind === "forOf";
  if (!loop || !emitWithMinMax(L, s, () => stmtOf(L, s))) stmtOf(L, s);
}

function stmtOf(L: FunctionLowering, s: Stmt): void {
  const { b } = L;
  switch (s.kind) {
    case "decl":
      for (const d of s.decls) {
        const v = d.variable!;
        const vt = L.varType(v);
        if (isArray(vt)) {
          if (d.init) {
            lowerAssign(L, {
              kind: "assign",
              op: "=",
              target: { kind: "name", name: v.name, variable: v, range: d.range },
              value: d.init,
              range: d.range,
            }, vt);
          }
        } else if (d.init) L.storeVar(v, L.as(d.init, vt));
        else if (s.declKind !== "var") {
          L.storeVar(v, L.zeroOf(irType(vt))!);
        }
      }
      return;
    case "expr":
      L.gen(s.expr);
      return;
    case "if": {
      const thenB = L.fn.newBlock("if.then");
      const end = L.fn.newBlock("if.end");
      const elseB = s.else ? L.fn.newBlock("if.else") : end;
      b.condBr(L.truthy(s.test), thenB, elseB);
      b.positionAt(thenB);
      L.stmt(s.then);
      b.br(end);
      if (s.else) {
        b.positionAt(elseB);
        L.stmt(s.else);
        b.br(end);
      }
      b.positionAt(end);
      return;
    }
    case "for":
      if (s.init) L.stmt(s.init);
      versioned(L, s, () => forLoop(L, s));
      return;
    case "forOf":
      return rangeLoop(L, s);
    case "doWhile":
      if (countdown(L, s)) return;
      return plainLoop(L, s);
    case "while":
      return plainLoop(L, s);
    case "break":
    case "continue": {
      const target = L.loops.slice().reverse().find((l) =>
        s.label
          ? l.label === s.label && (s.kind === "break" || l.cont)
          : s.kind === "break" || l.cont
      );
      const dest = s.kind === "break" ? target?.brk : target?.cont;
      if (!dest) {
        L.compileError(
          `'${s.kind}' outside of a loop${s.label ? ` labeled ${s.label}` : ""}`,
          s.kind,
          s.range,
        );
      }
      b.br(dest!);
      L.deadBlock();
      return;
    }
    case "return": {
      if (L.retTy === "void") {
        if (s.value) L.gen(s.value);
        b.ret();
      } else b.ret(L.as(s.value!, L.tf.returnType));
      L.deadBlock();
      return;
    }
    case "block":
      s.body.forEach((x) => L.stmt(x));
      return;
    case "labeled": {
      const end = L.fn.newBlock("label.end");
      L.loops.push({ label: s.label, brk: end });
      L.stmt(s.body);
      L.loops.pop();
      b.br(end);
      b.positionAt(end);
      return;
    }
    case "switch":
      return switchStmt(L, s);
    case "empty":
      return;
    default:
      return assertNever(s);
  }
}

function forLoop(L: FunctionLowering, s: Stmt & { kind: "for" }): void {
  const { b } = L;
  const head = L.fn.newBlock("for.head");
  const body = L.fn.newBlock("for.body");
  const next = L.fn.newBlock("for.next");
  const end = L.fn.newBlock("for.end");
  b.br(head);
  b.positionAt(head);
  if (s.test) b.condBr(L.truthy(s.test), body, end);
  else b.br(body);
  b.positionAt(body);
  L.loops.push({ label: s.label, brk: end, cont: next });
  L.stmt(s.body);
  L.loops.pop();
  b.br(next);
  b.positionAt(next);
  if (s.update) L.gen(s.update);
  b.br(head);
  b.positionAt(end);
}

/** for (const i of range(start, stop, step)) */
function rangeLoop(L: FunctionLowering, s: Stmt & { kind: "forOf" }): void {
  if (s.iter === "prange" && !L.chunk) return lowerPrange(L, s);
  const { b } = L;
  const v = s.decl.variable!;
  const vt = L.varType(v);
  const [a0, a1, a2] = s.args;
  const k = a2 ? constantValue(a2) : 1;
  // A prange nested in a chunk runs here, serially, over prange's exact iteration space; an
  // integer range with a step other than ±1 counts its iterations too (stepping the value could
  // pass the int64 limit). Such a loop counts j and its variable is start + j * step.
  let space = s.iter === "prange" ? rangeSpace(L, s) : undefined;
  const bound = (e: Expr) => L.as(e, vt);
  const start = space?.start ?? (a1 ? bound(a0) : (vt === INT ? int("i64", 0) : f64(0)));
  let stop = space ? space.count : bound(a1 ?? a0);
  const step = space?.step ?? (a2 ? bound(a2) : (vt === INT ? int("i64", 1) : f64(1)));
  if (!space && (k === undefined || k === 0)) {
    const nz = vt === INT ? b.icmp("ne", step, int("i64", 0)) : b.fcmp("one", step, f64(0));
    L.guard(nz, Status.zeroStep, a2!.range, undefined, undefined, s.iter);
  }
  if (!space && vt === INT && k !== 1 && k !== -1) {
    space = { start, step, count: intTripCount(L, start, stop, step) };
    stop = space.count;
  }
  const counter = b.alloca(irType(vt), `${v.name}.next`);
  const emitLoop = () => {
    b.store(space ? int("i64", 0) : start, counter);
    const head = L.fn.newBlock("range.head");
    const body = L.fn.newBlock("range.body");
    const next = L.fn.newBlock("range.next");
    const end = L.fn.newBlock("range.end");
    b.br(head);
    b.positionAt(head);
    const cur = b.load(irType(vt), counter);
    const cmp = (pred: "lt" | "gt") =>
      vt === INT ? b.icmp("s" + pred, cur, stop) : b.fcmp("o" + pred, cur, stop);
    let go: Value;
    if (space || (k !== undefined && k !== 0)) go = cmp(space || k! > 0 ? "lt" : "gt");
    else {
      const up = vt === INT ? b.icmp("sgt", step, int("i64", 0)) : b.fcmp("ogt", step, f64(0));
      go = b.select(up, cmp("lt"), cmp("gt"));
    }
    b.condBr(go, body, end);
    b.positionAt(body);
    const value = space ? b.bin("add", start, b.bin("mul", cur, step)) : cur;
    b.store(value, L.scalarSlots.get(v)!);
    L.loops.push({ label: s.label, brk: end, cont: next });
    L.stmt(s.body);
    L.loops.pop();
    b.br(next);
    b.positionAt(next);
    if (vt !== INT) b.store(b.bin("fadd", cur, step), counter);
    else {
      // the test just passed: one more step (of ±1, or of the count) stays inside int64
      b.store(b.bin("add", cur, space ? int("i64", 1) : step), counter);
    }
    b.br(head);
    b.positionAt(end);
  };
  const loop = k === 1 && vt === INT && L.opts.boundscheck
    ? findCountedLoop({ kind: "forOf", variable: v, body: s.body }, L.tf)
    : undefined;
  if (!loop) return emitLoop();
  const end = space ? checkedOp(L, "add", start, stop) : { value: stop, bad: int("i1", 0) };
  emitVersions(L, start, end, loop.accesses, emitLoop);
}

/** A `while` or `do … while` loop as written. */
function plainLoop(L: FunctionLowering, s: Stmt & { kind: "while" | "doWhile" }): void {
  const { b } = L;
  const head = L.fn.newBlock(s.kind === "while" ? "while.head" : "do.test");
  const body = L.fn.newBlock(s.kind === "while" ? "while.body" : "do.body");
  const end = L.fn.newBlock(s.kind === "while" ? "while.end" : "do.end");
  b.br(s.kind === "while" ? head : body);
  b.positionAt(head);
  b.condBr(L.truthy(s.test), body, end);
  b.positionAt(body);
  L.loops.push({ label: s.label, brk: end, cont: head });
  L.stmt(s.body);
  L.loops.pop();
  b.br(head);
  b.positionAt(end);
}

/**
 * A countdown `do … while (--n)` indexing `a[x++]` runs in versions: unchecked when
 * x0 + n0 <= a.length with n0 >= 1 (then it runs at most n0 times), checked otherwise.
 */
function countdown(L: FunctionLowering, s: Stmt & { kind: "doWhile" }): boolean {
  const loop = L.opts.boundscheck ? findCountdownLoop(s, L.tf) : undefined;
  if (!loop) return false;
  const { b } = L;
  const n = b.load("i64", L.scalarSlots.get(loop.counter)!);
  const lo = b.load("i64", L.scalarSlots.get(loop.pointer)!);
  const hi = checkedOp(L, "add", lo, n);
  hi.bad = b.bin("or", hi.bad, b.icmp("slt", n, int("i64", 1)));
  emitVersions(L, lo, hi, [loop.access], () => plainLoop(L, s));
  return true;
}

/** An innermost counted `for` loop runs in versions (_versions.ts) when it has a known end. */
function versioned(L: FunctionLowering, s: Stmt & { kind: "for" }, emit: () => void): void {
  const loop = findCountedLoop(s, L.tf);
  const hi = loop && loopEnd(L, loop);
  if (!loop || !hi) return emit();
  const lo = L.b.load("i64", L.scalarSlots.get(loop.variable)!);
  // a streaming copy leaves the counter at the end: only right for a step of 1
  const plan = loop.step === 1 ? streamingPlan(s, loop, L.tf) : undefined;
  emitVersions(L, lo, hi, loop.accesses, emit, plan && streamingCopy(L, plan));
}

function switchStmt(L: FunctionLowering, s: Stmt & { kind: "switch" }): void {
  const { b } = L;
  const dt = L.typeOf(s.disc);
  const dv: ValueExpr = {
    kind: "$value",
    value: L.gen(s.disc),
    type: dt,
    range: s.disc.range,
  };
  const end = L.fn.newBlock("switch.end");
  const bodies = s.cases.map(() => L.fn.newBlock("switch.case"));
  let defaultIdx = -1;
  s.cases.forEach((c, i) => {
    if (!c.test) {
      defaultIdx = i;
      return;
    }
    const next = L.fn.newBlock("switch.test");
    b.condBr(L.compare(BINARY["==="], dv, c.test), bodies[i], next);
    b.positionAt(next);
  });
  b.br(defaultIdx >= 0 ? bodies[defaultIdx] : end);
  L.loops.push({ brk: end });
  s.cases.forEach((c, i) => {
    b.positionAt(bodies[i]);
    c.body.forEach((x) => L.stmt(x));
    b.br(i + 1 < bodies.length ? bodies[i + 1] : end);
  });
  L.loops.pop();
  b.positionAt(end);
}

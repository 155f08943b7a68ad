// Statements: the IR's statements (mir/ir.ts) as basic blocks. Loops follow their attributes:
// counted loops in bounds-check versions (with a streaming copy when planned), range loops,
// countdowns, parallel loops outlined (_parallel.ts); then switch and the jumps out of them.
import { assertNever } from "../diagnostics.ts";
import type { Expr, Stmt } from "../frontend/ast.ts";
import { f64, int, type Value } from "../ir/mod.ts";
import { constantValue } from "../types/literals.ts";
import { BINARY } from "../builtins/operators.ts";
import { INT, isArray } from "../types/types.ts";
import { irType } from "../types/layout.ts";
import { Status } from "../runtime/abi.ts";
import type { Loop, MStmt } from "../mir/ir.ts";
import type { FunctionLowering, ValueExpr } from "./lower.ts";
import { checkedOp, emitVersions, loopEnd } from "./_versions.ts";
import { intTripCount, rangeSpace } from "./_range_space.ts";
import { streamingCopy } from "./_streaming.ts";
import { emitWithMinMax, minMaxStep } from "./_minmax.ts";
import { lowerPrange } from "./_parallel.ts";
import { lowerAssign } from "./_assign.ts";
import { loopBlocks } from "./_counted.ts";

export function lowerStmt(L: FunctionLowering, m: MStmt): void {
  const red = L.minmax.get(m.src);
  if (red) return minMaxStep(L, red);
  if (m.op !== "loop" || !emitWithMinMax(L, m.src, () => stmtOf(L, m))) stmtOf(L, m);
}

function stmtOf(L: FunctionLowering, m: MStmt): void {
  const { b } = L;
  switch (m.op) {
    case "decl": {
      const s = m.src;
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
    }
    case "eval":
      L.gen(m.src.expr);
      return;
    case "if": {
      const thenB = L.fn.newBlock("if.then");
      const end = L.fn.newBlock("if.end");
      const elseB = m.else ? L.fn.newBlock("if.else") : end;
      b.condBr(L.truthy(m.src.test), thenB, elseB);
      b.positionAt(thenB);
      L.stmt(m.then);
      b.br(end);
      if (m.else) {
        b.positionAt(elseB);
        L.stmt(m.else);
        b.br(end);
      }
      b.positionAt(end);
      return;
    }
    case "loop":
      return loop(L, m);
    case "jump": {
      const s = m.src;
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
      const s = m.src;
      if (L.retTy === "void") {
        if (s.value) L.gen(s.value);
        b.ret();
      } else b.ret(L.as(s.value!, L.tf.returnType));
      L.deadBlock();
      return;
    }
    case "block":
      m.body.forEach((x) => L.stmt(x));
      return;
    case "labeled": {
      const end = L.fn.newBlock("label.end");
      L.loops.push({ label: m.src.label, brk: end });
      L.stmt(m.body);
      L.loops.pop();
      b.br(end);
      b.positionAt(end);
      return;
    }
    case "switch":
      return switchStmt(L, m);
    case "nop":
      return;
    default:
      return assertNever(m);
  }
}

/** A loop, as its attributes say. */
function loop(L: FunctionLowering, m: MStmt & { op: "loop" }): void {
  const { src, loop } = m;
  switch (src.kind) {
    case "for":
      if (loop.init) L.stmt(loop.init);
      return versioned(L, loop, () => forLoop(L, src, loop));
    case "forOf":
      return loop.parallel ? lowerPrange(L, m, loop.parallel) : rangeLoop(L, src, loop);
    case "doWhile":
      if (loop.countdown) return countdown(L, src, loop);
      return plainLoop(L, src, loop);
    case "while":
      return plainLoop(L, src, loop);
  }
}

function forLoop(L: FunctionLowering, s: Stmt & { kind: "for" }, loop: Loop): void {
  const { b } = L;
  const names = { head: "for.head", body: "for.body", next: "for.next", end: "for.end" };
  loopBlocks(
    L,
    names,
    s.label,
    (body, end) => {
      if (s.test) b.condBr(L.truthy(s.test), body, end);
      else b.br(body);
    },
    () => L.stmt(loop.body),
    () => s.update && L.gen(s.update),
  );
}

/** for (const i of range(start, stop, step)) */
function rangeLoop(L: FunctionLowering, s: Stmt & { kind: "forOf" }, loop: Loop): void {
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
    const names = { head: "range.head", body: "range.body", next: "range.next", end: "range.end" };
    let cur: Value;
    loopBlocks(L, names, s.label, (body, end) => {
      cur = b.load(irType(vt), counter);
      const cmp = (pred: "lt" | "gt") =>
        vt === INT ? b.icmp("s" + pred, cur, stop) : b.fcmp("o" + pred, cur, stop);
      let go: Value;
      if (space || (k !== undefined && k !== 0)) go = cmp(space || k! > 0 ? "lt" : "gt");
      else {
        const up = vt === INT ? b.icmp("sgt", step, int("i64", 0)) : b.fcmp("ogt", step, f64(0));
        go = b.select(up, cmp("lt"), cmp("gt"));
      }
      b.condBr(go, body, end);
    }, () => {
      const value = space ? b.bin("add", start, b.bin("mul", cur, step)) : cur;
      L.storeVar(v, value);
      L.stmt(loop.body);
    }, () => {
      if (vt !== INT) b.store(b.bin("fadd", cur, step), counter);
      else {
        // the test just passed: one more step (of ±1, or of the count) stays inside int64
        b.store(b.bin("add", cur, space ? int("i64", 1) : step), counter);
      }
    });
  };
  if (!loop.versioned) return emitLoop();
  const end = space ? checkedOp(L, "add", start, stop) : { value: stop, bad: int("i1", 0) };
  emitVersions(L, start, end, loop.counted!.accesses, emitLoop);
}

/** A `while` or `do … while` loop as written. */
function plainLoop(
  L: FunctionLowering,
  s: Stmt & { kind: "while" | "doWhile" },
  loop: Loop,
): void {
  const names = s.kind === "while"
    ? { head: "while.head", body: "while.body", end: "while.end" }
    : { head: "do.test", body: "do.body", end: "do.end" };
  loopBlocks(
    L,
    names,
    s.label,
    (body, end) => L.b.condBr(L.truthy(s.test), body, end),
    () => L.stmt(loop.body),
    undefined,
    s.kind === "doWhile",
  );
}

/**
 * A countdown `do … while (--n)` indexing `a[x++]` runs in versions: unchecked when
 * x0 + n0 <= a.length with n0 >= 1 (then it runs at most n0 times), checked otherwise.
 */
function countdown(L: FunctionLowering, s: Stmt & { kind: "doWhile" }, loop: Loop): void {
  const { b } = L;
  const c = loop.countdown!;
  const n = L.loadVar(c.counter);
  const lo = L.loadVar(c.pointer);
  const hi = checkedOp(L, "add", lo, n);
  hi.bad = b.bin("or", hi.bad, b.icmp("slt", n, int("i64", 1)));
  emitVersions(L, lo, hi, [c.access], () => plainLoop(L, s, loop));
}

/** An innermost counted `for` loop runs in versions (_versions.ts) when it has a known end. */
function versioned(L: FunctionLowering, loop: Loop, emit: () => void): void {
  const counted = loop.counted;
  if (!loop.versioned || !counted) return emit();
  const hi = loopEnd(L, counted)!;
  const lo = L.loadVar(counted.variable);
  const stream = loop.streaming && streamingCopy(L, loop.streaming);
  emitVersions(L, lo, hi, counted.accesses, emit, stream);
}

function switchStmt(L: FunctionLowering, m: MStmt & { op: "switch" }): void {
  const { b } = L;
  const s = m.src;
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
  m.cases.forEach((body, i) => {
    b.positionAt(bodies[i]);
    body.forEach((x) => L.stmt(x));
    b.br(i + 1 < bodies.length ? bodies[i + 1] : end);
  });
  L.loops.pop();
  b.positionAt(end);
}

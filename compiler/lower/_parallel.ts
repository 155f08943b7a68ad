// prange lowering: the loop body becomes a chunk function `void chunk(env, lo, hi, ctx, k)`
// over a sub-range of iterations; the enclosing function packs what the body reads into an
// environment, hands the chunk to the pool through tsjit_parallel (compiler/runtime/entry.c),
// then combines reductions in chunk order (so a given thread count always gives the same result).
import type { Expr, Stmt, Variable } from "../frontend/ast.ts";
import { f64, int, type Value } from "../ir/mod.ts";
import { constantValue } from "../types/infer.ts";
import { irType, isArray } from "../types/types.ts";
import { findCountedLoop } from "./_loops.ts";
import { checkedOp, emitVersions } from "./_versions.ts";
import { analyzePrange, type PrangeInfo, type Reduction } from "./_prange.ts";
import { MAX_CHUNKS } from "../../parallel/_layout.ts";
import { type FunctionLowering, Status } from "./lower.ts";

/** Parameters of a chunk function, in order. */
export const CHUNK_PARAMS: Value[] = [
  { ty: "ptr", ref: "%env" },
  { ty: "i64", ref: "%lo" },
  { ty: "i64", ref: "%hi" },
  { ty: "ptr", ref: "%ctx" },
  { ty: "i64", ref: "%k" },
];

/** Where each shared value sits in the environment (8-byte slots). */
interface EnvLayout {
  /** first slot of each captured variable (arrays take two: data, length) */
  slot: Map<Variable, number>;
  /** reduction r's partial for chunk k is at partialBase + r * pool + k */
  partialBase: number;
  pool: number;
  size: number;
}

/** What a chunk function is lowered from. */
export interface ChunkSetup {
  loop: Stmt & { kind: "forOf" };
  info: PrangeInfo;
  layout: EnvLayout;
}

const START = 0;
let chunkCounter = 0;
const STEP = 1;

function identity(r: Reduction, ty: string): Value {
  if (ty === "i64") {
    const v = r.op === "+"
      ? 0n
      : r.op === "*"
      ? 1n
      : r.op === "min"
      ? (1n << 63n) - 1n
      : -(1n << 63n);
    return int("i64", v);
  }
  // -0 is the identity of floating-point addition (+0 would turn a sum of -0s into +0)
  return f64(r.op === "+" ? -0 : r.op === "*" ? 1 : r.op === "min" ? Infinity : -Infinity);
}

function combine(L: FunctionLowering, r: Reduction, a: Value, x: Value): Value {
  const { b } = L;
  const float = a.ty === "double";
  switch (r.op) {
    case "+":
      return b.bin(float ? "fadd" : "add", a, x);
    case "*":
      return b.bin(float ? "fmul" : "mul", a, x);
    default:
      return float
        ? b.call("double", `js.${r.op}`, [a, x])
        : b.call("i64", `llvm.s${r.op}.i64`, [a, x]);
  }
}

function envSlot(L: FunctionLowering, env: Value, k: number | Value): Value {
  return L.b.gep("i64", env, typeof k === "number" ? int("i64", k) : k);
}

/** Lowers `for (const i of prange(...))` in a function (not inside another chunk). */
export function lowerPrange(L: FunctionLowering, s: Stmt & { kind: "forOf" }): void {
  const { b, tf } = L;
  const info = analyzePrange(s, tf);
  for (const r of info.reductions) {
    const t = L.varType(r.variable);
    if (t !== "int" && t !== "f64") {
      L.compileError(
        `reduction variable '${r.variable.name}' must be a number`,
        "reduction",
        s.range,
      );
    }
  }
  const slot = new Map<Variable, number>();
  let n = 2;
  for (const c of info.captured) {
    slot.set(c, n);
    n += isArray(L.varType(c)) ? 2 : 1;
  }
  const layout: EnvLayout = {
    slot,
    partialBase: n,
    pool: MAX_CHUNKS,
    size: n + info.reductions.length * MAX_CHUNKS,
  };

  // the chunk function
  const chunkName = `${L.name}.prange${chunkCounter++}`;
  const Lowering = L.constructor as typeof FunctionLowering;
  const chunk = new Lowering(tf, L.mod, chunkName, L.sites, L.opts, { loop: s, info, layout });
  chunk.lower();

  // bounds: count = number of iterations of range(start, stop, step)
  const [a0, a1, a2] = s.args;
  const integral = (e: Expr) => L.integralBound(e);
  const start = a1 ? integral(a0) : int("i64", 0);
  const stop = integral(a1 ?? a0);
  const k = a2 ? constantValue(a2) : 1;
  const step = a2 ? integral(a2) : int("i64", 1);
  if (k === undefined || k === 0) {
    L.guard(b.icmp("ne", step, int("i64", 0)), Status.zeroStep, a2!.range);
  }
  const up = b.icmp("sgt", step, int("i64", 0));
  const diff = b.select(up, b.bin("sub", stop, start), b.bin("sub", start, stop));
  const astep = b.call("i64", "llvm.abs.i64", [step, int("i1", 0)]);
  const rounded = b.bin("sdiv", b.bin("add", diff, b.bin("sub", astep, int("i64", 1))), astep);
  const count = b.select(b.icmp("sgt", diff, int("i64", 0)), rounded, int("i64", 0));

  // the environment
  const env = b.alloca(`[${layout.size} x i64]` as never, "env");
  b.store(start, envSlot(L, env, START));
  b.store(step, envSlot(L, env, STEP));
  for (const c of info.captured) {
    const at = slot.get(c)!;
    if (isArray(L.varType(c))) {
      const a = L.arraySlots.get(c)!;
      b.store(b.load("ptr", a.ptr), envSlot(L, env, at));
      b.store(b.load("i64", a.len), envSlot(L, env, at + 1));
    } else b.store(b.load(irType(L.varType(c)), L.scalarSlots.get(c)!), envSlot(L, env, at));
  }
  L.mod.declare("tsjit_parallel", "i64", ["ptr", "ptr", "i64", "ptr"]);
  const chunks = b.call("i64", "tsjit_parallel", [
    { ty: "ptr", ref: `@${chunkName}` },
    env,
    count,
    L.ctx,
  ]);
  // an error in any chunk is already in this function's context block: return with it
  const status = b.load("double", b.gep("double", L.ctx, int("i64", 1)));
  const ok = L.fn.newBlock("prange.ok");
  const bad = L.fn.newBlock("prange.err");
  b.condBr(b.fcmp("oeq", status, f64(0)), ok, bad, [1048576, 1]);
  b.positionAt(bad);
  b.ret(L.zeroOf(L.retTy));
  b.positionAt(ok);

  // reductions: partial 0 started from the variable's value; fold the others in chunk order
  info.reductions.forEach((r, ri) => {
    const ty = irType(L.varType(r.variable));
    const base = layout.partialBase + ri * layout.pool;
    const acc = b.alloca(ty, `${r.variable.name}.acc`);
    const kslot = b.alloca("i64", "k");
    b.store(b.load(ty, envSlot(L, env, base)), acc);
    b.store(int("i64", 1), kslot);
    const head = L.fn.newBlock("reduce.head");
    const body = L.fn.newBlock("reduce.body");
    const end = L.fn.newBlock("reduce.end");
    b.br(head);
    b.positionAt(head);
    const kv = b.load("i64", kslot);
    b.condBr(b.icmp("slt", kv, chunks), body, end);
    b.positionAt(body);
    const part = b.load(ty, envSlot(L, env, b.bin("add", kv, int("i64", base))));
    b.store(combine(L, r, b.load(ty, acc), part), acc);
    b.store(b.bin("add", kv, int("i64", 1)), kslot);
    b.br(head);
    b.positionAt(end);
    b.store(b.load(ty, acc), L.scalarSlots.get(r.variable)!);
  });
}

/** The body of a chunk function: unpack the environment, run iterations [lo, hi), store partials. */
export function lowerChunk(L: FunctionLowering, setup: ChunkSetup): void {
  const { b } = L;
  const { loop, info, layout } = setup;
  const [env, lo, hi, , k] = CHUNK_PARAMS;
  for (const c of info.captured) {
    const at = layout.slot.get(c)!;
    if (isArray(L.varType(c))) {
      const a = L.arraySlots.get(c)!;
      b.store(b.load("ptr", envSlot(L, env, at)), a.ptr);
      b.store(b.load("i64", envSlot(L, env, at + 1)), a.len);
    } else {
      const ty = irType(L.varType(c));
      b.store(b.load(ty, envSlot(L, env, at)), L.scalarSlots.get(c)!);
    }
  }
  const first = b.icmp("eq", k, int("i64", 0));
  for (const r of info.reductions) {
    const slotPtr = L.scalarSlots.get(r.variable)!;
    const ty = irType(L.varType(r.variable));
    b.store(b.select(first, b.load(ty, slotPtr), identity(r, ty)), slotPtr);
  }
  const start = b.load("i64", envSlot(L, env, START));
  const step = b.load("i64", envSlot(L, env, STEP));
  const v = loop.decl.variable!;
  const counter = b.alloca("i64", "idx");
  const emitLoop = () => {
    b.store(lo, counter);
    const head = L.fn.newBlock("chunk.head");
    const body = L.fn.newBlock("chunk.body");
    const next = L.fn.newBlock("chunk.next");
    const end = L.fn.newBlock("chunk.end");
    b.br(head);
    b.positionAt(head);
    const idx = b.load("i64", counter);
    b.condBr(b.icmp("slt", idx, hi), body, end);
    b.positionAt(body);
    b.store(b.bin("add", start, b.bin("mul", idx, step)), L.scalarSlots.get(v)!);
    L.loops.push({ label: loop.label, brk: end, cont: next });
    L.stmt(loop.body);
    L.loops.pop();
    b.br(next);
    b.positionAt(next);
    b.store(b.bin("add", idx, int("i64", 1)), counter);
    b.br(head);
    b.positionAt(end);
  };
  const a2 = loop.args[2];
  const counted = L.opts.boundscheck && (!a2 || constantValue(a2) === 1)
    ? findCountedLoop({ kind: "forOf", variable: v, body: loop.body }, L.tf)
    : undefined;
  if (counted) {
    // counter values [start + lo, start + hi); a sum that wraps sends the chunk to its checked copy
    const first = checkedOp(L, "add", start, lo);
    const last = checkedOp(L, "add", start, hi);
    const bad = b.bin("or", first.bad, last.bad);
    emitVersions(L, first.value, { value: last.value, bad }, counted.accesses, emitLoop);
  } else emitLoop();
  info.reductions.forEach((r, ri) => {
    const ty = irType(L.varType(r.variable));
    const at = b.bin("add", k, int("i64", layout.partialBase + ri * layout.pool));
    b.store(b.load(ty, L.scalarSlots.get(r.variable)!), envSlot(L, env, at));
  });
  b.ret();
}

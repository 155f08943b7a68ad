// prange lowering: the loop body becomes a chunk function `void chunk(env, lo, hi, ctx, k)`
// over a sub-range of iterations; the enclosing function packs what the body reads into an
// environment, hands the chunk to the pool through tsjit_parallel (compiler/runtime/entry.c),
// then combines reductions in chunk order (so a given thread count always gives the same result).
// Array reductions give every chunk but the first a private copy of the array (the first
// updates the array itself, so one thread is exactly the serial loop); the copies are folded
// into the array in chunk order and freed.
import type { Expr, Stmt, Variable } from "../frontend/ast.ts";
import { type Block, f64, int, type IRModule, type Value } from "../ir/mod.ts";
import { type ArrayType, F64, INT, isArray } from "../types/types.ts";
import { irType } from "../types/layout.ts";
import { rangeSpace } from "./_range_space.ts";
import { countedLoop, loopBlocks } from "./_counted.ts";
import { checkedOp, emitVersions } from "./_versions.ts";
import type { PrangeInfo, ReduceOp } from "../mir/prange.ts";
import type { Loop, MStmt } from "../mir/ir.ts";
import { loadElement, storeElement } from "./_arrays.ts";
import { describeLoop, noteLoop } from "./_pardiag.ts";
import { freeShadows, makeShadows, unpackShadows } from "./_racecheck.ts";
import { type EnvLayout, envSlot } from "./_env.ts";
import type { FunctionLowering } from "./lower.ts";
import { Ctx, MAX_CHUNKS, Status } from "../runtime/abi.ts";

/** Parameters of a chunk function, in order. */
export const CHUNK_PARAMS: Value[] = [
  // the environment and the chunk's context block are never array memory (see _entry.ts)
  { ty: "ptr", ref: "%env", attrs: "noalias" },
  { ty: "i64", ref: "%lo" },
  { ty: "i64", ref: "%hi" },
  { ty: "ptr", ref: "%ctx", attrs: "noalias" },
  { ty: "i64", ref: "%k" },
];

/** What a chunk function is lowered from. */
export interface ChunkSetup {
  loop: Stmt & { kind: "forOf" };
  /** the loop's IR: its body and what the passes found */
  mir: Loop;
  info: PrangeInfo;
  layout: EnvLayout;
}

const START = 0;
let chunkCounter = 0;
const STEP = 1;

/** The identity of `op`, as an i64 or a double. */
function identity(op: ReduceOp, float: boolean): Value {
  if (!float) {
    const v = op === "+" ? 0n : op === "*" ? 1n : op === "min" ? (1n << 63n) - 1n : -(1n << 63n);
    return int("i64", v);
  }
  // -0 is the identity of floating-point addition (+0 would turn a sum of -0s into +0)
  return f64(op === "+" ? -0 : op === "*" ? 1 : op === "min" ? Infinity : -Infinity);
}

function combine(L: FunctionLowering, op: ReduceOp, a: Value, x: Value): Value {
  const { b } = L;
  const float = a.ty === "double";
  switch (op) {
    case "+":
      return b.bin(float ? "fadd" : "add", a, x);
    case "*":
      return b.bin(float ? "fmul" : "mul", a, x);
    default:
      return float
        ? b.call("double", `js.${op}`, [a, x])
        : b.call("i64", `llvm.s${op}.i64`, [a, x]);
  }
}

/** Runs `then` when `cond` holds. */
function when(L: FunctionLowering, cond: Value, then: () => void, hint = "when"): void {
  const { b } = L;
  const yes = L.fn.newBlock(`${hint}.then`);
  const end: Block = L.fn.newBlock(`${hint}.end`);
  b.condBr(cond, yes, end);
  b.positionAt(yes);
  then();
  b.br(end);
  b.positionAt(end);
}

const NULL: Value = { ty: "ptr", ref: "null" };

const poolUsers = new WeakSet<IRModule>();

/** Does code in `mod` ask the pool for its thread count (so the pool must be started)? */
export function needsPool(mod: IRModule): boolean {
  return poolUsers.has(mod);
}

/** getThreadId(), getNumThreads(), setNumThreads(k) in compiled code; else undefined. */
export function threadCall(L: FunctionLowering, e: Expr & { kind: "call" }): Value | undefined {
  const { b } = L;
  const name = (e.callee as Expr & { kind: "name" }).name;
  if (name === "getThreadId") {
    return b.cast(
      "fptosi",
      b.load("double", b.gep("double", L.ctx, int("i64", Ctx.thread))),
      "i64",
    );
  }
  if (name !== "getNumThreads" && name !== "setNumThreads") return undefined;
  poolUsers.add(L.mod);
  L.mod.declare("tsjit_num_threads", "i64", ["i64"]);
  if (name === "getNumThreads") return b.call("i64", "tsjit_num_threads", [int("i64", 0)]);
  // a positive integer k as is; anything else (0 and -0, which the pool reads as "only ask", a
  // fraction, NaN) as -1, which the pool refuses
  const d = L.asF64(e.args[0]);
  const k = b.call("i64", "llvm.fptosi.sat.i64.f64", [d]);
  const whole = b.fcmp("oeq", b.cast("sitofp", k, "double"), d);
  const ok = b.bin("and", whole, b.icmp("sgt", k, int("i64", 0)));
  const r = b.call("i64", "tsjit_num_threads", [b.select(ok, k, int("i64", -1))]);
  L.guard(b.icmp("sgt", r, int("i64", 0)), Status.badThreads, e.range, () => d, r);
  return { ty: "void", ref: "" };
}

/** Lowers `for (const i of prange(...))` in a function (not inside another chunk). */
export function lowerPrange(
  L: FunctionLowering,
  m: MStmt & { op: "loop" },
  info: PrangeInfo,
): void {
  const { b } = L;
  const s = m.src as Stmt & { kind: "forOf" };
  for (const r of info.reductions) {
    const t = L.varType(r.variable);
    if (t !== INT && t !== F64) {
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
  const pool = MAX_CHUNKS;
  const partialBase = n;
  n += info.reductions.length * pool;
  const copyBase = n;
  n += info.arrayReductions.length * pool;
  const lastBase = n;
  n += info.lastValues.length * 2 * pool;
  const shadowBase = n;
  n += L.opts.racecheck ? info.watched.length : 0;
  const layout: EnvLayout = { slot, pool, partialBase, copyBase, lastBase, shadowBase, size: n };
  noteLoop(L, describeLoop(L, s, info));

  // the chunk function
  const chunkName = `${L.name}.prange${chunkCounter++}`;
  L.lowerChunkFunction(chunkName, { loop: s, mir: m.loop, info, layout });

  const { start, step, count } = rangeSpace(L, s);

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
  if (L.opts.racecheck) makeShadows(L, env, layout, info, s.range);
  // the elements of each chunk's private copies: the pool makes fewer chunks when they cost more
  // than the loop itself
  const copyElems = info.arrayReductions.reduce(
    (sum: Value, r) => b.bin("add", sum, b.load("i64", L.arraySlots.get(r.variable)!.len)),
    int("i64", 0),
  );
  L.mod.declare("tsjit_parallel_chunks", "i64", ["ptr", "ptr", "i64", "ptr", "i64"]);
  const chunks = b.call("i64", "tsjit_parallel_chunks", [
    { ty: "ptr", ref: `@${chunkName}` },
    env,
    count,
    L.ctx,
    copyElems,
  ]);
  if (L.opts.racecheck) freeShadows(L, env, layout, info);
  // private copies: folded into the array in chunk order (also after an error: they are freed)
  info.arrayReductions.forEach((r, ri) => {
    const a = L.arraySlots.get(r.variable)!;
    const type = L.varType(r.variable) as ArrayType;
    const el = type.elem;
    const data = b.load("ptr", a.ptr);
    const len = b.load("i64", a.len);
    L.mod.declare("free", "void", ["ptr"]);
    countedLoop(L, int("i64", 1), chunks, (kv) => {
      const copy = b.load(
        "ptr",
        envSlot(L, env, b.bin("add", kv, int("i64", copyBase + ri * pool))),
      );
      when(L, b.icmp("ne", copy, NULL), () => {
        countedLoop(L, int("i64", 0), len, (j) => {
          const at = b.gep(el.ir, data, j);
          const value = (p: Value) => {
            const v = loadElement(L, p, type);
            return v.ty === "float" ? b.cast("fpext", v, "double") : v;
          };
          const c = combine(L, r.op, value(at), value(b.gep(el.ir, copy, j)));
          storeElement(
            L,
            { kind: "$value", value: c, type: el.float ? F64 : INT, range: s.range },
            at,
            type,
          );
        }, "fold");
        b.call("void", "free", [copy]);
      }, "copy");
    }, "copies");
  });
  // an error in any chunk is already in this function's context block: return with it
  const status = b.load("double", b.gep("double", L.ctx, int("i64", Ctx.status)));
  const ok = L.fn.newBlock("prange.ok");
  const bad = L.fn.newBlock("prange.err");
  b.condBr(b.fcmp("oeq", status, f64(0)), ok, bad, [1048576, 1]);
  b.positionAt(bad);
  b.ret(L.zeroOf(L.retTy));
  b.positionAt(ok);

  // reductions: partial 0 started from the variable's value; fold the others in chunk order
  info.reductions.forEach((r, ri) => {
    const ty = irType(L.varType(r.variable));
    const base = partialBase + ri * pool;
    const acc = b.alloca(ty, `${r.variable.name}.acc`);
    b.store(b.load(ty, envSlot(L, env, base)), acc);
    countedLoop(L, int("i64", 1), chunks, (kv) => {
      const part = b.load(ty, envSlot(L, env, b.bin("add", kv, int("i64", base))));
      b.store(combine(L, r.op, b.load(ty, acc), part), acc);
    }, "reduce");
    b.store(b.load(ty, acc), L.scalarSlots.get(r.variable)!);
  });
  // last values: from the last chunk that wrote the variable
  info.lastValues.forEach((v, vi) => {
    const ty = irType(L.varType(v));
    const base = lastBase + 2 * vi * pool;
    countedLoop(L, int("i64", 0), chunks, (kv) => {
      const wrote = b.load("i64", envSlot(L, env, b.bin("add", kv, int("i64", base + pool))));
      when(L, b.icmp("ne", wrote, int("i64", 0)), () => {
        const value = b.load(ty, envSlot(L, env, b.bin("add", kv, int("i64", base))));
        b.store(value, L.scalarSlots.get(v)!);
      }, "last");
    }, "lastvalue");
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
    b.store(b.select(first, b.load(ty, slotPtr), identity(r.op, ty === "double")), slotPtr);
  }
  const flags = new Map<Variable, Value>();
  for (const v of info.lastValues) {
    const flag = b.alloca("i1", `${v.name}.written`);
    b.store(int("i1", 0), flag);
    flags.set(v, flag);
  }
  L.writeFlags = flags;
  const shadows = L.opts.racecheck ? unpackShadows(L, env, layout, info) : undefined;
  // array reductions: chunks after the first update a private copy, filled with the identity
  info.arrayReductions.forEach((r, ri) => {
    const a = L.arraySlots.get(r.variable)!;
    const type = L.varType(r.variable) as ArrayType;
    const el = type.elem;
    const at = envSlot(L, env, b.bin("add", k, int("i64", layout.copyBase + ri * layout.pool)));
    b.store(NULL, at);
    when(L, b.bin("xor", first, int("i1", 1)), () => {
      const len = b.load("i64", a.len);
      L.mod.declare("malloc", "ptr", ["i64"]);
      const bytes = b.bin(
        "mul",
        b.call("i64", "llvm.umax.i64", [len, int("i64", 1)]),
        int("i64", el.bytes),
      );
      const copy = b.call("ptr", "malloc", [bytes]);
      b.store(copy, at);
      L.guard(b.icmp("ne", copy, NULL), Status.noMemory, loop.range);
      const id = identity(r.op, el.float);
      countedLoop(L, int("i64", 0), len, (j) => {
        const value = {
          kind: "$value" as const,
          value: id,
          type: el.float ? F64 : INT,
          range: loop.range,
        };
        storeElement(L, value, b.gep(el.ir, copy, j), type);
      }, "identity");
      b.store(copy, a.ptr);
    }, "private");
  });
  const start = b.load("i64", envSlot(L, env, START));
  const step = b.load("i64", envSlot(L, env, STEP));
  const v = loop.decl.variable!;
  const counter = b.alloca("i64", "idx");
  const emitLoop = () => {
    b.store(lo, counter);
    const names = { head: "chunk.head", body: "chunk.body", next: "chunk.next", end: "chunk.end" };
    let idx: Value;
    loopBlocks(L, names, loop.label, (body, end) => {
      idx = b.load("i64", counter);
      b.condBr(b.icmp("slt", idx, hi), body, end);
    }, () => {
      b.store(b.bin("add", start, b.bin("mul", idx, step)), L.scalarSlots.get(v)!);
      if (shadows) b.store(idx, shadows.iteration);
      L.stmt(setup.mir.body);
    }, () => b.store(b.bin("add", idx, int("i64", 1)), counter));
  };
  const counted = setup.mir.versioned && setup.mir.counted;
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
  info.lastValues.forEach((lv, vi) => {
    const ty = irType(L.varType(lv));
    const base = layout.lastBase + 2 * vi * layout.pool;
    b.store(b.load(ty, L.scalarSlots.get(lv)!), envSlot(L, env, b.bin("add", k, int("i64", base))));
    const wrote = b.cast("zext", b.load("i1", flags.get(lv)!), "i64");
    b.store(wrote, envSlot(L, env, b.bin("add", k, int("i64", base + layout.pool))));
  });
  b.ret();
}

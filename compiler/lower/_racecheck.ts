// TSJIT_RACECHECK=1: every element access of an array that a prange loop writes (other than
// its reductions) is checked against a shadow of the array that records, per element, the
// iteration that wrote it and the iteration(s) that read it. Two iterations writing the same
// element, or one reading what another writes, stop the loop with an error naming the array,
// the index and the line. Iterations, not threads, are compared: the result does not depend on
// the thread count or on timing.
import type { Range } from "../diagnostics.ts";
import type { Expr } from "../frontend/ast.ts";
import { int, type IRModule, type Value } from "../ir/mod.ts";
import type { PrangeInfo } from "../mir/prange.ts";
import { type EnvLayout, envSlot } from "./_env.ts";
import type { FunctionLowering } from "./lower.ts";
import { Status } from "../runtime/abi.ts";

// Shadow entry j: [2j] writer iteration + 1 (0: none), [2j+1] reader iteration + 1 (0: none,
// -1: several). Returns 0, or the conflicting iteration + 1 (-1: one of several readers).
const RACE_IR = `
define internal i64 @tsjit.race(ptr %shadow, i64 %j, i64 %len, i64 %iter, i1 %write) noinline nounwind {
entry:
  %inside = icmp ult i64 %j, %len
  br i1 %inside, label %go, label %none
go:
  %me = add i64 %iter, 1
  %j2 = shl i64 %j, 1
  %wp = getelementptr i64, ptr %shadow, i64 %j2
  %j21 = or i64 %j2, 1
  %rp = getelementptr i64, ptr %shadow, i64 %j21
  br i1 %write, label %w, label %r
w:
  %pair = cmpxchg ptr %wp, i64 0, i64 %me seq_cst seq_cst
  %prev = extractvalue { i64, i1 } %pair, 0
  %wfree = icmp eq i64 %prev, 0
  %wmine = icmp eq i64 %prev, %me
  %wok = or i1 %wfree, %wmine
  br i1 %wok, label %wread, label %clash
clash:
  ret i64 %prev
wread:
  %rd = load atomic i64, ptr %rp seq_cst, align 8
  %rnone = icmp eq i64 %rd, 0
  %rmine = icmp eq i64 %rd, %me
  %rok = or i1 %rnone, %rmine
  br i1 %rok, label %none, label %clashr
clashr:
  ret i64 %rd
r:
  %rd0 = load atomic i64, ptr %rp seq_cst, align 8
  %seen = icmp eq i64 %rd0, %me
  %many = icmp eq i64 %rd0, -1
  %skip = or i1 %seen, %many
  br i1 %skip, label %rwrite, label %mark
mark:
  %pair2 = cmpxchg ptr %rp, i64 0, i64 %me seq_cst seq_cst
  %got = extractvalue { i64, i1 } %pair2, 1
  br i1 %got, label %rwrite, label %several
several:
  store atomic i64 -1, ptr %rp seq_cst, align 8
  br label %rwrite
rwrite:
  %wr = load atomic i64, ptr %wp seq_cst, align 8
  %wnone = icmp eq i64 %wr, 0
  %wme = icmp eq i64 %wr, %me
  %wok2 = or i1 %wnone, %wme
  br i1 %wok2, label %none, label %clashw
clashw:
  ret i64 %wr
none:
  ret i64 0
}`;

const withRaceIR = new WeakSet<IRModule>();
const NULL: Value = { ty: "ptr", ref: "null" };

/** Before the region: a zeroed shadow per watched array, 16 bytes per element. */
export function makeShadows(
  L: FunctionLowering,
  env: Value,
  layout: EnvLayout,
  info: PrangeInfo,
  range: Range,
): void {
  const { b } = L;
  L.mod.declare("calloc", "ptr", ["i64", "i64"]);
  info.watched.forEach((w, wi) => {
    const len = b.load("i64", L.arraySlots.get(w)!.len);
    const n = b.call("i64", "llvm.umax.i64", [len, int("i64", 1)]);
    const shadow = b.call("ptr", "calloc", [n, int("i64", 16)]);
    b.store(shadow, envSlot(L, env, layout.shadowBase + wi));
    L.guard(b.icmp("ne", shadow, NULL), Status.noMemory, range);
  });
}

/** After the region. */
export function freeShadows(
  L: FunctionLowering,
  env: Value,
  layout: EnvLayout,
  info: PrangeInfo,
): void {
  const { b } = L;
  L.mod.declare("free", "void", ["ptr"]);
  info.watched.forEach((_, wi) => {
    b.call("void", "free", [b.load("ptr", envSlot(L, env, layout.shadowBase + wi))]);
  });
}

/** In a chunk: the shadows, and a hook that checks each access to a watched array. */
export function unpackShadows(
  L: FunctionLowering,
  env: Value,
  layout: EnvLayout,
  info: PrangeInfo,
): { iteration: Value } {
  const { b } = L;
  if (!withRaceIR.has(L.mod)) {
    withRaceIR.add(L.mod);
    L.mod.globals.push(RACE_IR);
  }
  const shadows = info.watched.map((_, wi) =>
    b.load("ptr", envSlot(L, env, layout.shadowBase + wi))
  );
  const iteration = b.alloca("i64", "iteration");
  b.store(int("i64", 0), iteration);
  L.elementHook = (e: Expr & { kind: "index" }, idx: Value, len: Value, name: string) => {
    const root = info.rootOf(e.object);
    const wi = root ? info.watched.indexOf(root) : -1;
    if (wi < 0) return;
    const write = int("i1", info.stores.has(e) ? 1 : 0);
    const other = b.call("i64", "tsjit.race", [
      shadows[wi],
      idx,
      len,
      b.load("i64", iteration),
      write,
    ]);
    L.guard(
      b.icmp("eq", other, int("i64", 0)),
      Status.race,
      e.range,
      () => b.cast("sitofp", idx, "double"),
      other,
      name,
    );
  };
  return { iteration };
}

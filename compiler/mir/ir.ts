// tsjit's mid-level IR, level one: the statements of one specialization as a structured tree in
// which every loop is one `loop` node whose attributes the passes (passes.ts) fill in: counted,
// versioned, countdown, parallel, streaming (and room for lanes). The lowering (lower/) emits
// code from these nodes and attributes. Expressions are the typed syntax tree's (their types in
// the specialization's maps); `print` shows the IR as text (`f.inspectIR()`).
import { assertNever } from "../diagnostics.ts";
import type { Stmt } from "../frontend/ast.ts";
import type { CountdownLoop, CountedLoop } from "./loops.ts";
import type { PrangeInfo } from "./prange.ts";
import type { StreamingPlan } from "./streaming.ts";
import type { TypedFunction } from "../types/infer.ts";

/** A statement. `src` is the statement it comes from (source ranges, labels, expressions). */
export type MStmt =
  | { op: "decl"; src: Stmt & { kind: "decl" } }
  | { op: "eval"; src: Stmt & { kind: "expr" } }
  | { op: "if"; src: Stmt & { kind: "if" }; then: MStmt; else?: MStmt }
  | { op: "loop"; src: LoopStmt; loop: Loop }
  | { op: "jump"; src: Stmt & { kind: "break" | "continue" } }
  | { op: "return"; src: Stmt & { kind: "return" } }
  | { op: "block"; src: Stmt & { kind: "block" }; body: MStmt[] }
  | { op: "labeled"; src: Stmt & { kind: "labeled" }; body: MStmt }
  | { op: "switch"; src: Stmt & { kind: "switch" }; cases: MStmt[][] }
  | { op: "nop"; src: Stmt & { kind: "empty" } };

/** The statements that loop. */
export type LoopStmt = Stmt & { kind: "for" | "forOf" | "while" | "doWhile" };

/** A loop and what the passes found about it. */
export interface Loop {
  /** `for (init; test; update)`, `range(...)`, `prange(...)`, `while`, `do … while` */
  form: "for" | "range" | "prange" | "while" | "doWhile";
  /** a `for` loop's initializer */
  init?: MStmt;
  body: MStmt;
  /** counted-loop discovery: the counter, its bound and the accesses one check can cover */
  counted?: CountedLoop;
  /** a `do … while (--n)` over `a[p++]`, checked once before the loop */
  countdown?: CountdownLoop;
  /** bounds-check versioning: runs as an unchecked copy when a check before the loop passes */
  versioned?: boolean;
  /** prange outlining: the body runs as a chunk function on the pool, with this analysis */
  parallel?: PrangeInfo;
  /** the unchecked copy of a large element-wise store streams its stores past the cache */
  streaming?: StreamingPlan;
  /** elements per step of a vectorized loop (set by no pass yet: LLVM's vectorizer decides) */
  lanes?: number;
}

/** The IR of one specialization (or one of its tiers). */
export interface MFunction {
  tf: TypedFunction;
  body: MStmt[];
}

/** The statements directly inside `m`. */
export function childrenOf(m: MStmt): MStmt[] {
  switch (m.op) {
    case "if":
      return m.else ? [m.then, m.else] : [m.then];
    case "loop":
      return m.loop.init ? [m.loop.init, m.loop.body] : [m.loop.body];
    case "block":
      return m.body;
    case "labeled":
      return [m.body];
    case "switch":
      return m.cases.flat();
    case "decl":
    case "eval":
    case "jump":
    case "return":
    case "nop":
      return [];
    default:
      return assertNever(m);
  }
}

/** Every statement under `m`, depth first (`f` first on the parent). */
export function eachMStmt(m: MStmt, f: (m: MStmt) => void): void {
  f(m);
  childrenOf(m).forEach((x) => eachMStmt(x, f));
}

/** Every loop of a function, outermost first. */
export function loopsOf(fn: MFunction): (MStmt & { op: "loop" })[] {
  const out: (MStmt & { op: "loop" })[] = [];
  for (const m of fn.body) eachMStmt(m, (x) => x.op === "loop" && out.push(x));
  return out;
}

// The loop emitters: the blocks of a source loop (`for`, range, `while`, a prange chunk's loop),
// and a plain counted loop over i64 values for the prange region code and the streaming stores.
import { type Block, int, type Value } from "../ir/mod.ts";
import type { FunctionLowering } from "./lower.ts";

/**
 * Emits `for (j = from; j < to; j += step) body(j)`; `latch` is metadata for the back edge (e.g.
 * the module's "leave this loop as it is").
 */
export function countedLoop(
  L: FunctionLowering,
  from: Value,
  to: Value,
  body: (j: Value) => void,
  hint = "loop",
  step = 1,
  latch?: string,
): void {
  const { b } = L;
  const slot = b.alloca("i64", hint);
  b.store(from, slot);
  const head = L.fn.newBlock(`${hint}.head`);
  const inner = L.fn.newBlock(`${hint}.body`);
  const end = L.fn.newBlock(`${hint}.end`);
  b.br(head);
  b.positionAt(head);
  const j = b.load("i64", slot);
  b.condBr(b.icmp("slt", j, to), inner, end);
  b.positionAt(inner);
  body(j);
  b.store(b.bin("add", j, int("i64", step)), slot);
  b.br(head, latch);
  b.positionAt(end);
}

/** The names of a source loop's blocks; a loop without `next` continues at its head. */
export interface LoopBlockNames {
  head: string;
  body: string;
  next?: string;
  end: string;
}

/**
 * Emits a source loop: `head` branches to the body or out (`test`), the body runs with `break`
 * and `continue` targets pushed, then `next` runs the step (`step`) and jumps back to `head`.
 * `enterAtBody`: the first iteration skips the test (`do … while`).
 */
export function loopBlocks(
  L: FunctionLowering,
  names: LoopBlockNames,
  label: string | undefined,
  test: (body: Block, end: Block) => void,
  body: () => void,
  step?: () => void,
  enterAtBody = false,
): void {
  const { b } = L;
  const head = L.fn.newBlock(names.head);
  const inner = L.fn.newBlock(names.body);
  const next = names.next ? L.fn.newBlock(names.next) : undefined;
  const end = L.fn.newBlock(names.end);
  b.br(enterAtBody ? inner : head);
  b.positionAt(head);
  test(inner, end);
  b.positionAt(inner);
  L.loops.push({ label, brk: end, cont: next ?? head });
  body();
  L.loops.pop();
  if (next) {
    b.br(next);
    b.positionAt(next);
    step?.();
  }
  b.br(head);
  b.positionAt(end);
}

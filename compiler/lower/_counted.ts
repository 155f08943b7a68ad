// The one emitter of a plain counted loop over i64 values, shared by the prange region code and
// the streaming-store loops.
import { int, type Value } from "../ir/mod.ts";
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

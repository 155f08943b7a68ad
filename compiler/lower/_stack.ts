// Recursion depth: a function that can call itself (directly or through others) checks the
// stack pointer at entry against a limit for the running thread, and fails with
// Status.stackOverflow (a RangeError, as JS's "Maximum call stack size exceeded") instead of
// running past the thread's stack. The limit comes from the entry library
// (tsjit_stack_limit in compiler/runtime/entry.c: the thread's stack end plus a margin, found once
// per thread) and travels in the context block's STACK_LIMIT slot: the entry wrapper sets it for
// the calling thread, each prange chunk for its worker thread.
import { type Builder, int, type IRModule, type Value } from "../ir/mod.ts";
import type { TypedFunction } from "../types/infer.ts";
import { calleeKeys } from "./_tiers.ts";
import { Ctx } from "../runtime/abi.ts";

/** The context-block slot (8 bytes) holding the running thread's stack limit, as an i64. */
const STACK_LIMIT = Ctx.stackLimit;

/** The keys of the functions that can reach themselves through calls. */
export function recursiveKeys(all: TypedFunction[]): Set<string> {
  const callees = new Map(all.map((f) => [f.key, new Set(calleeKeys(f))]));
  const found = new Set<string>();
  for (const f of all) {
    const seen = new Set<string>();
    const stack = [...callees.get(f.key)!];
    while (stack.length) {
      const k = stack.pop()!;
      if (k === f.key) {
        found.add(f.key);
        break;
      }
      if (seen.has(k)) continue;
      seen.add(k);
      stack.push(...(callees.get(k) ?? []));
    }
  }
  return found;
}

/** Stores the running thread's stack limit in the context block `ctx`. */
export function storeStackLimit(mod: IRModule, b: Builder, ctx: Value): void {
  mod.declare("tsjit_stack_limit", "i64", []);
  b.store(b.call("i64", "tsjit_stack_limit", []), b.gep("i64", ctx, int("i64", STACK_LIMIT)));
}

/** The stack pointer's register, where LLVM can read it directly (no frame pointer needed). */
const SP_REGISTER: Record<string, string> = { x86_64: "rsp", aarch64: "sp" };

/** True (an i1) while the stack pointer is above the running thread's limit. */
export function stackRoomLeft(mod: IRModule, b: Builder, ctx: Value): Value {
  const reg = SP_REGISTER[Deno.build.arch];
  let sp: Value;
  if (reg) {
    mod.declare("llvm.read_register.i64", "i64", ["metadata" as never]);
    sp = b.raw("i64", `call i64 @llvm.read_register.i64(metadata !{!"${reg}"})`);
  } else {
    mod.declare("llvm.frameaddress.p0", "ptr", ["i32"]);
    sp = b.cast("ptrtoint", b.call("ptr", "llvm.frameaddress.p0", [int("i32", 0)]), "i64");
  }
  const limit = b.load("i64", b.gep("i64", ctx, int("i64", STACK_LIMIT)));
  return b.icmp("uge", sp, limit);
}

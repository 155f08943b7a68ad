// The passes over a specialization's IR, in order. Range and sign facts (the second step) come
// from type inference (types/ranges.ts, zerosign.ts), which the later passes read.
import type { TypedFunction } from "../types/infer.ts";
import { buildFunction } from "./build.ts";
import { discoverCountedLoops } from "./counted.ts";
import type { MFunction } from "./ir.ts";
import { outlinePranges } from "./outline.ts";
import { planStreaming } from "./streaming.ts";
import { versionLoops } from "./versioning.ts";

/** Options the passes read. */
export interface PassOptions {
  boundscheck: boolean;
}

/** The passes, by name, in the order they run. */
export const PASSES: readonly [string, (fn: MFunction, opts: PassOptions) => void][] = [
  ["counted loops", discoverCountedLoops],
  ["bounds-check versions", versionLoops],
  ["prange outlining", outlinePranges],
  ["streaming stores", planStreaming],
];

/** The IR of `tf` after every pass: what the lowering emits code from. */
export function compileMIR(tf: TypedFunction, opts: PassOptions): MFunction {
  const fn = buildFunction(tf);
  for (const [, pass] of PASSES) pass(fn, opts);
  return fn;
}

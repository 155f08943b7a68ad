// The environment of a prange chunk: the 8-byte slots through which the enclosing function
// hands captured values to the chunk function and gets reduction partials back (_parallel.ts),
// and TSJIT_RACECHECK's shadows (_racecheck.ts).
import type { Variable } from "../frontend/ast.ts";
import { int, type Value } from "../ir/mod.ts";
import type { FunctionLowering } from "./lower.ts";

/** Where each shared value sits in the environment (8-byte slots). */
export interface EnvLayout {
  /** first slot of each captured variable (arrays take two: data, length) */
  slot: Map<Variable, number>;
  /** slots per chunk-indexed table */
  pool: number;
  /** scalar reduction r's partial for chunk k is at partialBase + r * pool + k */
  partialBase: number;
  /** array reduction r's private copy for chunk k (k > 0) is at copyBase + r * pool + k */
  copyBase: number;
  /** last value v of chunk k at lastBase + 2 * v * pool + k, whether it wrote v at + pool */
  lastBase: number;
  /** TSJIT_RACECHECK: the shadow of watched array w at shadowBase + w */
  shadowBase: number;
  size: number;
}

/** A pointer to slot `k` of the environment `env`. */
export function envSlot(L: FunctionLowering, env: Value, k: number | Value): Value {
  return L.b.gep("i64", env, typeof k === "number" ? int("i64", k) : k);
}

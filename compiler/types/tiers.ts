// Specializations by the size of integer arguments. A product of two loop counters bounded by
// integer parameters (`y * w`, `i * n * n`) can pass 2^53 for some int32 arguments (what JS
// callers pass; the dispatcher specializes those as i64), and is then
// computed in doubles, as JS does. With small arguments it cannot: so a function whose types
// depend on its integer arguments' sizes is compiled once per size tier, and its entry picks the
// narrowest tier its arguments fit (lower/_tiers.ts).
import type { TypedFunction } from "./infer.ts";
import { INT32, type Interval, iv, SAFE } from "./ranges.ts";
import { F64, INT, NEVER, type Type } from "./types.ts";

/** Integer arguments up to 2^17 in magnitude: products of three stay inside 2^53. */
export const SMALL = iv(-(2 ** 17), 2 ** 17);
/** What a declared signature or a call from compiled code can pass: any safe integer. */
export const ANY_INT = iv(-(SAFE - 1), SAFE - 1);

/** A narrower specialization: taken when every integer argument lies in `args`. */
export interface Tier {
  args: Interval;
  tf: TypedFunction;
}

function sameTypes(a: TypedFunction, b: TypedFunction): boolean {
  if (a.exprTypes.size !== b.exprTypes.size) return false;
  for (const [e, t] of a.exprTypes) if (b.exprTypes.get(e) !== t) return false;
  for (const [v, t] of a.varTypes) if (b.varTypes.get(v) !== t) return false;
  return true;
}

/**
 * The tiers worth compiling besides `general` (typed for any safe integer): narrowest first,
 * each typed differently from the next wider one. A tier returns the general return type.
 */
export function narrowerTiers(
  general: TypedFunction,
  inferWith: (args: Interval) => TypedFunction,
): Tier[] {
  if (!general.argTypes.includes(INT)) return [];
  const tiers: Tier[] = [];
  let wider = general;
  for (const args of [INT32, SMALL]) {
    const tf = inferWith(args);
    if (sameTypes(tf, wider) || !returnsAs(tf.returnType, general.returnType)) continue;
    tf.returnType = general.returnType;
    tiers.unshift({ args, tf });
    wider = tf;
  }
  return tiers;
}

function returnsAs(t: Type, general: Type): boolean {
  return t === general || (t === INT && general === F64) || t === NEVER;
}

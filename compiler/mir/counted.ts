// Pass 1, counted-loop discovery: an innermost `for (i = lo; i < n; i++)` or unit-step range
// loop (prange included) whose counter only the loop changes gets `counted`, with the accesses
// `a[i + k]` one check before the loop can cover (lower/_loops.ts); a `do … while (--n)` over
// `a[p++]` gets `countdown`. Range loops and countdowns are recognized only with bounds checks
// on (without them there is nothing to hoist).
import { findCountdownLoop, findCountedLoop } from "./loops.ts";
import { constantValue } from "../types/literals.ts";
import { INT } from "../types/types.ts";
import { loopsOf, type MFunction } from "./ir.ts";

export function discoverCountedLoops(fn: MFunction, opts: { boundscheck: boolean }): void {
  const { tf } = fn;
  for (const { src, loop } of loopsOf(fn)) {
    if (src.kind === "for") loop.counted = findCountedLoop(src, tf);
    else if (src.kind === "forOf" && opts.boundscheck) {
      const v = src.decl.variable!;
      const step = src.args[2] ? constantValue(src.args[2]) : 1;
      if (step !== 1 || tf.varTypes.get(v) !== INT) continue;
      loop.counted = findCountedLoop({ kind: "forOf", variable: v, body: src.body }, tf);
    } else if (src.kind === "doWhile" && opts.boundscheck) {
      loop.countdown = findCountdownLoop(src, tf);
    }
  }
}

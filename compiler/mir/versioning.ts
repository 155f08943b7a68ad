// Pass 3, bounds-check versioning: a counted loop whose end is known before it starts (an
// integer bound, or a float one while it converts exactly), and every countdown, runs in two
// versions: the unchecked copy when one check before the loop covers all its accesses, the
// checked one otherwise (lower/_versions.ts emits both).
import { isFloat, isInt } from "../types/types.ts";
import { loopsOf, type MFunction } from "./ir.ts";

export function versionLoops(fn: MFunction): void {
  for (const { src, loop } of loopsOf(fn)) {
    if (loop.countdown) loop.versioned = true;
    else if (loop.counted) {
      // a range loop's end is its stop argument; a `for` loop's, its bound when it is a number
      const t = fn.tf.exprTypes.get(loop.counted.bound);
      loop.versioned = src.kind !== "for" || isInt(t) || isFloat(t);
    }
  }
}

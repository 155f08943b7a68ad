// Named regressions found by attacking tsjit from outside (a red-team review): each states the
// plain-JS semantics the compiled code must keep.
import { checkSame } from "./_differential.ts";

Deno.test("Number.isInteger/isFinite/isSafeInteger/isNaN of a boolean are false, as in JS", () => {
  checkSame(
    (x: boolean) =>
      (Number.isInteger(x) ? 1 : 0) + (Number.isFinite(x) ? 2 : 0) +
      (Number.isSafeInteger(x) ? 4 : 0) + (Number.isNaN(x) ? 8 : 0),
    [[true], [false]],
  );
});

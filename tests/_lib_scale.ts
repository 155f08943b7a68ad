// A library with a jitted function whose name a user's module also uses (names_test.ts).
import { jit } from "../mod.ts";

export const scale = jit(function scale(x: number) {
  return x * 1000;
});

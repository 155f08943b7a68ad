// fastest-levenshtein (MIT): Myers' bit-parallel edit distance over strings.
import { jit } from "../../../mod.ts";
import { fn, type Gen, type Project } from "../harness.ts";
import { closest, distance, myers_32, myers_x } from "./mod.ts";

const word = (g: Gen, max: number) => {
  let s = "";
  const n = g.edge ? g.pick([0, 1, 32, 33]) : g.int(1, max);
  for (let i = 0; i < n; i++) s += "acgt"[g.int(0, 3)];
  return s;
};

export const project: Project = {
  name: "fastest-levenshtein",
  repo: "https://github.com/ka-weihe/fastest-levenshtein",
  license: "MIT",
  jit: (f) => jit(f, { fallback: false }),
  cases: [
    fn("distance", distance, ["string", "calls-helper"], (g) => [word(g, 80), word(g, 80)]),
    fn("myers_32", myers_32, ["string", "module-table"], (g) => {
      const a = word(g, 32) || "a";
      return [a, word(g, 40)];
    }),
    fn(
      "myers_x",
      myers_x,
      ["string", "module-table", "allocates", "array-literal"],
      (g) => [word(g, 100), word(g, 100) || "a"],
    ),
    fn(
      "closest",
      closest,
      ["string", "calls-helper"],
      (g) => [word(g, 20), [word(g, 20), word(g, 20), word(g, 40)]],
    ),
  ],
};

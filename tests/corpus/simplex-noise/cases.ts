// simplex-noise (MIT): 2D/3D/4D simplex noise; factories return closures over permutation tables.
import { jit } from "../../../mod.ts";
import { fn, type Gen, type Project } from "../harness.ts";
import {
  buildPermutationTable,
  createNoise2D,
  createNoise3D,
  createNoise4D,
  fastFloor,
} from "./simplex-noise.ts";

/** a fresh seeded random source (alea-like callers pass one for reproducible noise) */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const noise2D = createNoise2D(random(42));
const noise3D = createNoise3D(random(43));
const noise4D = createNoise4D(random(44));
const c = (g: Gen) => (g.edge ? g.pick([0, -0, 1e9, -1e-9, 0.5]) : g.num(-100, 100));

export const project: Project = {
  name: "simplex-noise",
  repo: "https://github.com/jwagner/simplex-noise.js",
  license: "MIT",
  jit: (f) => jit(f, { fallback: false }),
  cases: [
    fn("fastFloor", fastFloor, [], (g) => [c(g)]),
    fn(
      "buildPermutationTable",
      buildPermutationTable,
      ["allocates", "returns-array", "callback"],
      (g) => [random(g.u32())],
    ),
    fn("createNoise2D", createNoise2D, [
      "closure",
      "callback",
      "default-param",
      "allocates",
      "module-table",
      "calls-helper",
    ], (g) => [
      random(g.u32()),
    ]),
    fn(
      "noise2D (closure)",
      noise2D,
      ["closure", "module-table", "module-const", "calls-helper"],
      (g) => [c(g), c(g)],
    ),
    fn(
      "noise3D (closure)",
      noise3D,
      ["closure", "module-table", "module-const", "calls-helper"],
      (g) => [c(g), c(g), c(g)],
    ),
    fn(
      "noise4D (closure)",
      noise4D,
      ["closure", "module-table", "module-const", "calls-helper"],
      (g) => [c(g), c(g), c(g), c(g)],
    ),
  ],
};

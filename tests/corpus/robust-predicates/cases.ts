// robust-predicates (Unlicense): Shewchuk's adaptive exact orientation and in-circle tests.
import { jit } from "../../../mod.ts";
import { fn, type Gen, type Project } from "../harness.ts";
import { incircle, incirclefast } from "./incircle.js";
import { orient2d, orient2dfast } from "./orient2d.js";
import { estimate, negate, scale, sum, sum_three, vec } from "./util.js";

/**
 * Points on or near a line (the adaptive paths) or anywhere (the fast path); the near-degenerate
 * case from the library's tests: x = 0.5 + k * 2^-52 on a line y = x.
 */
const pts = (g: Gen, n: number) => {
  const out: number[] = [];
  const near = g.set % 2 === 1;
  for (let i = 0; i < n; i++) {
    if (near) {
      const x = 0.5 + g.int(0, 255) * 2 ** -52;
      out.push(x, i === n - 1 ? x + g.int(-3, 3) * 2 ** -53 : x);
    } else out.push(g.num(), g.num());
  }
  return out;
};
/** a nonoverlapping expansion (as the predicates build them): sorted by magnitude, exact sums */
const expansion = (g: Gen) => {
  const n = g.int(1, 8);
  const e = new Float64Array(16);
  let v = g.num(-1, 1) * 2 ** -40;
  for (let i = 0; i < n; i++) {
    e[i] = v;
    v *= 2 ** g.int(54, 60);
  }
  return [n, e] as const;
};

export const project: Project = {
  name: "robust-predicates",
  repo: "https://github.com/mourner/robust-predicates",
  license: "Unlicense",
  jit: (f) => jit(f, { fallback: false }),
  cases: [
    fn("orient2d", orient2d, ["calls-helper", "module-const", "module-table"], (g) => pts(g, 3)),
    fn("orient2dfast", orient2dfast, [], (g) => pts(g, 3)),
    fn("incircle", incircle, ["calls-helper", "module-const", "module-table"], (g) => pts(g, 4)),
    fn("incirclefast", incirclefast, [], (g) => pts(g, 4)),
    fn("sum", sum, [], (g) => [...expansion(g), ...expansion(g), new Float64Array(32)]),
    fn("sum_three", sum_three, ["calls-helper"], (g) => [
      ...expansion(g),
      ...expansion(g),
      ...expansion(g),
      new Float64Array(32),
      new Float64Array(48),
    ]),
    fn("scale", scale, ["module-const"], (g) => {
      const [n, e] = expansion(g);
      return [n, e, g.num(-1e3, 1e3), new Float64Array(32)];
    }),
    fn("negate", negate, [], (g) => [...expansion(g)]),
    fn("estimate", estimate, [], (g) => [...expansion(g)]),
    fn("vec", vec, ["allocates", "returns-array"], (g) => [g.int(0, 64)]),
  ],
};

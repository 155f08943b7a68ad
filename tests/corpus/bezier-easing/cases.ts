// bezier-easing (MIT): CSS cubic-bezier easing, solved with Cardano's formula.
import { jit } from "../../../mod.ts";
import { fn, type Gen, type Project } from "../harness.ts";
import bezier, { LinearEasing, x2t, Y } from "./index.js";

const easeInOut = bezier(0.42, 0, 0.58, 1);
const control = (
  g: Gen,
) => (g.edge ? [g.pick([0, 1, 1.5]), g.num(-1, 2), g.pick([0, 1]), g.num(-1, 2)] : [
  g.float(),
  g.num(-1, 2),
  g.float(),
  g.num(-1, 2),
]);

export const project: Project = {
  name: "bezier-easing",
  repo: "https://github.com/gre/bezier-easing",
  license: "MIT",
  jit: (f) => jit(f, { fallback: false }),
  cases: [
    fn("bezier", bezier, ["throws", "closure", "calls-helper"], control),
    fn(
      "BezierEasing (closure)",
      easeInOut,
      ["closure", "calls-helper"],
      (g) => [g.edge ? g.pick([0, 1, -0]) : g.float()],
    ),
    fn(
      "x2t",
      x2t,
      ["math-alias", "module-const"],
      (g) => [g.float(), g.num(-5, 5), g.num(-5, 5), g.num(-5, 5), g.num(-1, 1)],
    ),
    fn("Y", Y, [], (g) => [g.float(), g.num(), g.num(), g.num()]),
    fn("LinearEasing", LinearEasing, [], (g) => [g.num()]),
  ],
};

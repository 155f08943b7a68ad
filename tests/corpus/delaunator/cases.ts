// delaunator (ISC): Delaunay triangulation; its geometric helpers and its id sort.
import { jit } from "../../../mod.ts";
import { fn, type Gen, type Project } from "../harness.ts";
import Delaunator, {
  circumcenter,
  circumradius,
  dist,
  inCircle,
  pseudoAngle,
  quicksort,
  swap,
} from "./index.js";

const xy = (g: Gen, n: number) =>
  Array.from({ length: n }, () => (g.edge ? g.int(-3, 3) : g.num(-100, 100)));
const cloud = (g: Gen) => xy(g, 2 * (g.edge ? g.pick([3, 4, 10]) : g.int(3, 300)));
const P = Delaunator.prototype;
/** a method TypeScript calls private (the JS has no privacy) */
const privateMethod = (name: string) =>
  (P as unknown as Record<string, (...a: never[]) => unknown>)[name];

export const project: Project = {
  name: "delaunator",
  repo: "https://github.com/mapbox/delaunator",
  license: "ISC",
  jit: (f) => jit(f, { fallback: false }),
  cases: [
    fn("pseudoAngle", pseudoAngle, [], (g) => xy(g, 2)),
    fn("dist", dist, [], (g) => xy(g, 4)),
    fn("inCircle", inCircle, [], (g) => xy(g, 8)),
    fn("circumradius", circumradius, [], (g) => xy(g, 6)),
    fn("circumcenter", circumcenter, ["returns-object"], (g) => xy(g, 6)),
    fn("quicksort", quicksort, ["calls-helper", "module-const"], (g) => {
      const n = g.edge ? g.pick([1, 2, 25]) : g.int(2, 2000);
      const dists = g.f64(n, 0, 100);
      if (g.edge) dists.fill(1);
      return [new Uint32Array(Array.from({ length: n }, (_, i) => i)), dists, 0, n - 1];
    }),
    fn("swap", swap, [], (g) => {
      const a = g.u32s(g.int(1, 30));
      return [a, g.int(0, a.length - 1), g.int(0, a.length - 1)];
    }),
    fn(
      "Delaunator.update",
      P.update,
      ["this", "calls-helper", "module-const", "throws"],
      () => [],
      {
        self: (g: Gen) => new Delaunator(cloud(g)),
      },
    ),
    fn(
      "Delaunator._hashKey",
      privateMethod("_hashKey"),
      ["this", "calls-helper"],
      (g) => xy(g, 2),
      {
        self: (g: Gen) => new Delaunator(cloud(g)),
      },
    ),
  ],
};

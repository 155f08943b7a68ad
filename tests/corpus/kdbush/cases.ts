// kdbush (ISC): a static k-d tree over points in flat typed arrays, and its sort/select kernels.
import { jit } from "../../../mod.ts";
import { fn, type Gen, type Project } from "../harness.ts";
import KDBush, { select, sort, sqDist, swap, swapItem } from "./index.js";

/** ids and interleaved coordinates, as KDBush keeps them */
const points = (g: Gen) => {
  const n = g.edge ? g.pick([1, 2, 700]) : g.int(2, 1500);
  const coords = new Float64Array(2 * n);
  for (let i = 0; i < 2 * n; i++) coords[i] = g.edge ? g.int(0, 9) : g.num(0, 1000);
  return { ids: new Uint32Array(Array.from({ length: n }, (_, i) => i)), coords, n };
};
const index = (g: Gen) => {
  const n = g.edge ? 1 : g.int(1, 800);
  const k = new KDBush(n, g.int(2, 64));
  for (let i = 0; i < n; i++) k.add(g.num(0, 1000), g.num(0, 1000));
  return k.finish();
};
const P = KDBush.prototype;

export const project: Project = {
  name: "kdbush",
  repo: "https://github.com/mourner/kdbush",
  license: "ISC",
  jit: (f) => jit(f, { fallback: false }),
  cases: [
    fn("sort", sort, ["calls-helper"], (g) => {
      const { ids, coords, n } = points(g);
      return [ids, coords, g.int(1, 64), 0, n - 1, 0];
    }),
    fn("select", select, ["calls-helper"], (g) => {
      const { ids, coords, n } = points(g);
      return [ids, coords, g.int(0, n - 1), 0, n - 1, g.int(0, 1)];
    }),
    fn("swapItem", swapItem, ["calls-helper"], (g) => {
      const { ids, coords, n } = points(g);
      return [ids, coords, g.int(0, n - 1), g.int(0, n - 1)];
    }),
    fn("swap", swap, [], (g) => {
      const a = g.f64(g.int(1, 20));
      return [a, g.int(0, a.length - 1), g.int(0, a.length - 1)];
    }),
    fn("sqDist", sqDist, [], (g) => [g.num(), g.num(), g.num(), g.num()]),
    fn("KDBush.add", P.add, ["this", "throws"], (g) => [g.num(0, 1000), g.num(0, 1000)], {
      self: (g: Gen) => {
        const n = g.int(1, 50);
        const k = new KDBush(n);
        for (let i = 0; i < n - 1; i++) k.add(g.num(), g.num());
        return k;
      },
    }),
    fn("KDBush.range", P.range, [
      "this",
      "throws",
      "allocates",
      "returns-array",
      "array-literal",
      "module-table",
    ], (g) => {
      const x = g.num(0, 900), y = g.num(0, 900);
      return [x, y, x + g.num(0, 300), y + g.num(0, 300)];
    }, { self: index }),
    fn("KDBush.within", P.within, [
      "this",
      "allocates",
      "returns-array",
      "array-literal",
      "calls-helper",
    ], (g) => [
      g.num(0, 1000),
      g.num(0, 1000),
      g.num(0, 200),
    ], { self: index }),
    fn(
      "KDBush.withinInto",
      P.withinInto,
      ["this", "throws", "module-table", "calls-helper"],
      (g) => [
        g.num(0, 1000),
        g.num(0, 1000),
        g.num(0, 200),
        new Uint32Array(800),
      ],
      { self: index },
    ),
  ],
};

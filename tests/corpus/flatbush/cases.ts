// flatbush (ISC): a packed Hilbert R-tree in flat typed arrays, its sort and Hilbert kernels.
import { jit } from "../../../mod.ts";
import { fn, type Gen, type Project } from "../harness.ts";
import Flatbush, { hilbert, sort, swap, upperBound } from "./index.js";

const boxes = (g: Gen, n: number) => {
  const b = new Float64Array(4 * n);
  for (let i = 0; i < n; i++) {
    const x = g.num(0, 1000), y = g.num(0, 1000);
    b.set([x, y, x + g.num(0, 20), y + g.num(0, 20)], 4 * i);
  }
  return b;
};
const index = (g: Gen) => {
  const n = g.edge ? 1 : g.int(1, 600);
  const f = new Flatbush(n, g.int(2, 16));
  for (let i = 0; i < n; i++) {
    const x = g.num(0, 1000), y = g.num(0, 1000);
    f.add(x, y, x + g.num(0, 20), y + g.num(0, 20));
  }
  return f.finish(), f;
};
const P = Flatbush.prototype;

export const project: Project = {
  name: "flatbush",
  repo: "https://github.com/mourner/flatbush",
  license: "ISC",
  jit: (f) => jit(f, { fallback: false }),
  cases: [
    fn("hilbert", hilbert, [], (g) => [g.int(0, 65535), g.int(0, 65535)]),
    fn("upperBound", upperBound, [], (g) => {
      const a = new Uint32Array(g.ints(g.int(1, 40), 0, 5000)).sort();
      return [g.int(-10, 5100), a];
    }),
    fn("sort", sort, ["allocates", "array-literal", "calls-helper"], (g) => {
      const n = g.edge ? g.pick([1, 2]) : g.int(2, 500);
      return [
        new Uint32Array(g.ints(n, 0, 2 ** 31)),
        boxes(g, n),
        new Uint32Array(Array.from({ length: n }, (_, i) => i)),
        0,
        n - 1,
        g.int(2, 16),
      ];
    }),
    fn("swap", swap, [], (g) => {
      const n = g.int(1, 30);
      return [g.u32s(n), boxes(g, n), g.u32s(n), g.int(0, n - 1), g.int(0, n - 1)];
    }),
    fn(
      "Flatbush.add",
      P.add,
      ["this", "default-param", "omitted-arg"],
      (g) =>
        g.set % 2
          ? [g.num(0, 1000), g.num(0, 1000)]
          : [g.num(0, 100), g.num(0, 100), g.num(100, 200), g.num(100, 200)],
      {
        self: (g: Gen) => new Flatbush(g.int(1, 50)),
      },
    ),
    fn("Flatbush.search", P.search, [
      "this",
      "throws",
      "allocates",
      "returns-array",
      "array-literal",
      "omitted-arg",
      "callback",
    ], (g) => {
      const x = g.num(0, 900), y = g.num(0, 900);
      return [x, y, x + g.num(0, 300), y + g.num(0, 300)];
    }, { self: index }),
    fn("Flatbush.neighbors", P.neighbors, [
      "this",
      "default-param",
      "omitted-arg",
      "allocates",
      "returns-array",
      "calls-helper",
    ], (g) => [
      g.num(0, 1000),
      g.num(0, 1000),
      g.int(1, 20),
    ], { self: index }),
  ],
};

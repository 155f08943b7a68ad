// earcut (ISC): polygon triangulation and its geometric predicates.
import { jit } from "../../../mod.ts";
import { fn, type Gen, type Project } from "../harness.ts";
import earcut, {
  area,
  createNode,
  deviation,
  equals,
  flatten,
  getLeftmost,
  inCircle,
  intersects,
  linkedList,
  nextHE,
  onSegment,
  orient,
  pointInTriangle,
  refine,
  signedArea,
  zOrder,
} from "./earcut.js";

/** A star-shaped polygon of n vertices (flat x, y), counter-clockwise, on integer or real coordinates. */
function polygon(g: Gen, n: number, cx = 0, cy = 0, r = 100): number[] {
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    const a = (2 * Math.PI * k) / n;
    const rr = r * (0.5 + 0.5 * g.float());
    const x = cx + rr * Math.cos(a), y = cy + rr * Math.sin(a);
    out.push(g.edge ? Math.round(x) : x, g.edge ? Math.round(y) : y);
  }
  return out;
}
const withHole = (g: Gen) => {
  const outer = polygon(g, g.int(8, 60), 0, 0, 100);
  const hole = polygon(g, g.int(3, 8), 0, 0, 20).reverse();
  return [[...outer, ...hole], [outer.length / 2]];
};
const point = (g: Gen) => ({
  x: g.edge ? g.int(-2, 2) : g.num(),
  y: g.edge ? g.int(-2, 2) : g.num(),
});
const coords = (g: Gen, n: number) =>
  Array.from({ length: n }, () => (g.edge ? g.int(-2, 2) : g.num()));

export const project: Project = {
  name: "earcut",
  repo: "https://github.com/mapbox/earcut",
  license: "ISC",
  jit: (f) => jit(f, { fallback: false }),
  cases: [
    fn(
      "earcut",
      earcut,
      [
        "number[]-arg",
        "allocates",
        "returns-array",
        "default-param",
        "omitted-arg",
        "object-arg",
        "calls-helper",
        "null",
      ],
      // odd sets: with a hole (and `dim` given)
      (g) => (g.set % 2 ? [...withHole(g), 2] : [polygon(g, g.int(3, 120))]),
    ),
    fn("deviation", deviation, ["number[]-arg", "null", "calls-helper"], (g) => {
      const [data, holes] = withHole(g);
      return [data, holes, 2, earcut(data, holes, 2)];
    }),
    fn("flatten", flatten, [
      "number[]-arg",
      "for-of",
      "allocates",
      "returns-object",
      "array-literal",
    ], (g) => [
      [
        Array.from({ length: g.int(3, 9) }, () => [g.num(), g.num()]),
        Array.from({ length: 3 }, () => [g.num(), g.num()]),
      ],
    ]),
    fn("refine", refine, [
      "number[]-arg",
      "default-param",
      "omitted-arg",
      "module-table",
      "calls-helper",
    ], (g) => {
      const data = polygon(g, g.int(6, 100));
      return [earcut(data), data];
    }),
    fn("zOrder", zOrder, [], (g) => [g.num(0, 100), g.num(0, 100), 0, 0, 32767 / 100]),
    fn("pointInTriangle", pointInTriangle, [], (g) => coords(g, 8)),
    fn("orient", orient, [], (g) => coords(g, 6)),
    fn("inCircle", inCircle, [], (g) => coords(g, 8)),
    fn("nextHE", nextHE, [], (g) => [g.int(0, 3000)]),
    fn("signedArea", signedArea, ["number[]-arg"], (g) => {
      const data = polygon(g, g.int(3, 40));
      return [data, 0, data.length, 2];
    }),
    fn("area", area, ["object-arg"], (g) => [point(g), point(g), point(g)]),
    fn("equals", equals, ["object-arg"], (g) => {
      const p = point(g);
      return [p, g.edge ? { ...p } : point(g)];
    }),
    fn("onSegment", onSegment, ["object-arg"], (g) => [point(g), point(g), point(g)]),
    fn(
      "intersects",
      intersects,
      ["object-arg", "default-param", "omitted-arg", "calls-helper"],
      (g) => [
        point(g),
        point(g),
        point(g),
        point(g),
      ],
    ),
    fn(
      "createNode",
      createNode,
      ["returns-object", "null"],
      (g) => [g.int(0, 100), g.num(), g.num()],
    ),
    fn("getLeftmost", getLeftmost, ["object-arg"], (g) => {
      const data = polygon(g, g.int(3, 30));
      return [linkedList(data, 0, data.length, 2, true)];
    }),
  ],
};

// d3-array (ISC): summary statistics over iterables, ticks, bisection, blur.
import { jit } from "../../../mod.ts";
import { fn, type Gen, type Project } from "../harness.ts";
import sum from "./sum.js";
import mean from "./mean.js";
import min from "./min.js";
import max from "./max.js";
import minIndex from "./minIndex.js";
import maxIndex from "./maxIndex.js";
import extent from "./extent.js";
import variance from "./variance.js";
import deviation from "./deviation.js";
import count from "./count.js";
import cumsum from "./cumsum.js";
import quantile, { quantileSorted } from "./quantile.js";
import median from "./median.js";
import quickselect from "./quickselect.js";
import ticks, { tickIncrement, tickStep } from "./ticks.js";
import nice from "./nice.js";
import range from "./range.js";
import { blur, blur2 } from "./blur.js";
import { Adder, fsum } from "./fsum.js";
import { bisectLeft, bisectRight } from "./bisect.js";
import bisector from "./bisector.js";
import ascending from "./ascending.js";
import descending from "./descending.js";

/** values as d3 users pass them: a Float64Array (empty in the edge set now and then) */
const values = (g: Gen) => g.f64(g.edge ? g.pick([0, 1, 7]) : g.int(2, 300));
const sorted = (g: Gen) => values(g).sort();
const span = (
  g: Gen,
) => (g.edge ? [g.pick([0, -0, 1e-300, NaN]), g.pick([0, 1, Infinity]), g.int(0, 12)] : [
  g.num(-1e4, 1e4),
  g.num(-1e4, 1e4),
  g.int(1, 20),
]);
const adder = (g: Gen) => {
  const a = new Adder();
  for (const x of g.nums(g.int(0, 40), -1e20, 1e20)) a.add(x);
  return a;
};
const A = Adder.prototype;

export const project: Project = {
  name: "d3-array",
  repo: "https://github.com/d3/d3-array",
  license: "ISC",
  jit: (f) => jit(f, { fallback: false }),
  cases: [
    fn("sum", sum, ["for-of", "omitted-arg", "callback"], (g) => [values(g)]),
    fn("mean", mean, ["for-of", "omitted-arg", "callback", "null"], (g) => [values(g)]),
    fn("min", min, ["for-of", "omitted-arg", "callback", "null"], (g) => [values(g)]),
    fn("max", max, ["for-of", "omitted-arg", "callback", "null"], (g) => [values(g)]),
    fn("minIndex", minIndex, ["for-of", "omitted-arg", "callback", "null"], (g) => [values(g)]),
    fn("maxIndex", maxIndex, ["for-of", "omitted-arg", "callback", "null"], (g) => [values(g)]),
    fn("extent", extent, [
      "for-of",
      "omitted-arg",
      "callback",
      "null",
      "returns-array",
      "array-literal",
      "allocates",
    ], (g) => [
      values(g),
    ]),
    fn("variance", variance, ["for-of", "omitted-arg", "callback", "null"], (g) => [values(g)]),
    fn("deviation", deviation, ["for-of", "omitted-arg", "calls-helper"], (g) => [values(g)]),
    fn("count", count, ["for-of", "omitted-arg", "callback", "null"], (g) => [values(g)]),
    fn(
      "cumsum",
      cumsum,
      ["omitted-arg", "allocates", "returns-array", "closure"],
      (g) => [values(g)],
    ),
    fn(
      "quantile",
      quantile,
      ["omitted-arg", "allocates", "slices", "calls-helper"],
      (g) => [values(g), g.num(-0.2, 1.2)],
    ),
    fn(
      "quantileSorted",
      quantileSorted,
      ["omitted-arg", "default-param", "calls-helper"],
      (g) => [sorted(g), g.num(-0.2, 1.2)],
    ),
    fn(
      "median",
      median,
      ["omitted-arg", "allocates", "slices", "calls-helper"],
      (g) => [values(g)],
    ),
    fn(
      "quickselect",
      quickselect,
      ["omitted-arg", "default-param", "callback", "calls-helper"],
      (g) => {
        const v = values(g);
        return [v, g.int(0, v.length)];
      },
    ),
    fn("ticks", ticks, ["allocates", "returns-array", "array-literal", "calls-helper"], span),
    fn("tickIncrement", tickIncrement, ["calls-helper", "array-literal"], span),
    fn("tickStep", tickStep, ["calls-helper"], span),
    fn("nice", nice, ["returns-array", "array-literal", "allocates", "calls-helper"], span),
    fn(
      "range",
      range,
      ["allocates", "returns-array", "omitted-arg"],
      (g) =>
        g.set % 2 ? [g.int(-50, 50)] : [g.num(-50, 50), g.num(-50, 50), g.pick([0.5, 1, 3, -2])],
    ),
    fn(
      "blur",
      blur,
      ["throws", "closure", "slices", "returns-array", "calls-helper"],
      (g) => [values(g), g.num(0, 6)],
    ),
    fn("blur2", blur2, [
      "throws",
      "closure",
      "object-arg",
      "default-param",
      "omitted-arg",
      "slices",
    ], (g) => {
      const width = g.int(1, 20), height = g.int(1, 20);
      return [{ data: g.f64(width * height), width, height }, g.num(0, 4)];
    }),
    fn(
      "fsum",
      fsum,
      ["for-of", "omitted-arg", "this", "allocates", "callback"],
      (g) => [values(g)],
    ),
    fn("Adder.add", A.add, ["this", "slices"], (g) => [g.num(-1e20, 1e20)], { self: adder }),
    fn("Adder.valueOf", A.valueOf, ["this"], () => [], { self: adder }),
    fn(
      "bisectLeft",
      bisectLeft,
      ["closure", "default-param", "omitted-arg", "callback"],
      (g) => [sorted(g), g.num()],
    ),
    fn(
      "bisectRight",
      bisectRight,
      ["closure", "default-param", "omitted-arg", "callback"],
      (g) => [sorted(g), g.num()],
    ),
    fn(
      "bisector",
      bisector,
      ["closure", "callback", "returns-object"],
      () => [(d: { x: number }) => d.x],
    ),
    fn("ascending", ascending, ["null"], (g) => [g.num(), g.edge ? NaN : g.num()]),
    fn("descending", descending, ["null"], (g) => [g.num(), g.edge ? NaN : g.num()]),
  ],
};

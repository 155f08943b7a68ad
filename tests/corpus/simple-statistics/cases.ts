// simple-statistics (ISC): descriptive statistics, quantiles, regression, special functions.
import { jit } from "../../../mod.ts";
import { fn, type Gen, type Project } from "../harness.ts";
import sum from "./sum.js";
import sumSimple from "./sum_simple.js";
import mean from "./mean.js";
import variance from "./variance.js";
import standardDeviation from "./standard_deviation.js";
import sampleVariance from "./sample_variance.js";
import sampleStandardDeviation from "./sample_standard_deviation.js";
import sumNthPowerDeviations from "./sum_nth_power_deviations.js";
import quantileSorted from "./quantile_sorted.js";
import quantile from "./quantile.js";
import median from "./median.js";
import medianSorted from "./median_sorted.js";
import modeSorted from "./mode_sorted.js";
import min from "./min.js";
import max from "./max.js";
import extent from "./extent.js";
import minSorted from "./min_sorted.js";
import maxSorted from "./max_sorted.js";
import geometricMean from "./geometric_mean.js";
import harmonicMean from "./harmonic_mean.js";
import rootMeanSquare from "./root_mean_square.js";
import product from "./product.js";
import sampleCovariance from "./sample_covariance.js";
import sampleCorrelation from "./sample_correlation.js";
import sampleSkewness from "./sample_skewness.js";
import sampleKurtosis from "./sample_kurtosis.js";
import coefficientOfVariation from "./coefficient_of_variation.js";
import linearRegression from "./linear_regression.js";
import linearRegressionLine from "./linear_regression_line.js";
import tTest from "./t_test.js";
import interquartileRange from "./interquartile_range.js";
import medianAbsoluteDeviation from "./median_absolute_deviation.js";
import equalIntervalBreaks from "./equal_interval_breaks.js";
import chunk from "./chunk.js";
import uniqueCountSorted from "./unique_count_sorted.js";
import logAverage from "./log_average.js";
import numericSort from "./numeric_sort.js";
import quickselect from "./quickselect.js";
import shuffleInPlace from "./shuffle_in_place.js";
import bisect from "./bisect.js";
import factorial from "./factorial.js";
import gamma from "./gamma.js";
import gammaln from "./gammaln.js";
import errorFunction from "./error_function.js";
import inverseErrorFunction from "./inverse_error_function.js";
import probit from "./probit.js";
import logit from "./logit.js";
import cumulativeStdNormalProbability from "./cumulative_std_normal_probability.js";
import cumulativeStdLogisticProbability from "./cumulative_std_logistic_probability.js";
import sign from "./sign.js";
import zScore from "./z_score.js";
import addToMean from "./add_to_mean.js";
import combineMeans from "./combine_means.js";
import approxEqual from "./approx_equal.js";
import relativeError from "./relative_error.js";

/** A sample as the library takes it (a plain array), empty or of one value now and then. */
const xs = (g: Gen, lo = -10) => {
  const n = g.edge ? g.pick([0, 1, 2, 5]) : g.int(3, 200);
  return g.nums(n, lo, 10);
};
const sorted = (g: Gen, repeats = false) =>
  (repeats ? g.ints(g.edge ? g.pick([0, 1]) : g.int(2, 100), 0, 9) : xs(g)).sort((a, b) => a - b);
const pair = (g: Gen) => {
  const n = g.edge ? g.pick([1, 2, 3]) : g.int(2, 100);
  return [g.nums(n), g.nums(g.set === 3 ? n + 1 : n)];
};
const points = (g: Gen) =>
  Array.from({ length: g.edge ? 1 : g.int(2, 50) }, () => [g.num(), g.num()]);
/** a seeded random source for shuffleInPlace (mulberry32) */
const seeded = (seed: number) => () => {
  let t = (seed += 0x6d2b79f5);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export const project: Project = {
  name: "simple-statistics",
  repo: "https://github.com/simple-statistics/simple-statistics",
  license: "ISC",
  jit: (f) => jit(f, { fallback: false }),
  cases: [
    fn("sum", sum, ["number[]-arg", "typeof"], (g) => [xs(g)]),
    fn("sumSimple", sumSimple, ["number[]-arg"], (g) => [xs(g)]),
    fn("mean", mean, ["number[]-arg", "throws", "calls-helper"], (g) => [xs(g)]),
    fn("variance", variance, ["number[]-arg", "throws", "calls-helper"], (g) => [xs(g)]),
    fn("standardDeviation", standardDeviation, ["number[]-arg", "calls-helper"], (g) => [xs(g)]),
    fn(
      "sampleVariance",
      sampleVariance,
      ["number[]-arg", "throws", "calls-helper"],
      (g) => [xs(g)],
    ),
    fn(
      "sampleStandardDeviation",
      sampleStandardDeviation,
      ["number[]-arg", "calls-helper"],
      (g) => [xs(g)],
    ),
    fn(
      "sumNthPowerDeviations",
      sumNthPowerDeviations,
      ["number[]-arg", "calls-helper"],
      (g) => [xs(g), g.int(1, 4)],
    ),
    fn(
      "quantileSorted",
      quantileSorted,
      ["number[]-arg", "throws"],
      (g) => [sorted(g), g.pick([0, 1, 0.5, 0.25, g.float(), -0.1])],
    ),
    fn(
      "quantile",
      quantile,
      ["number[]-arg", "allocates", "slices", "calls-helper", "throws"],
      (g) => [xs(g), g.set % 2 ? [0.1, 0.5, 0.9] : g.float()],
    ),
    fn("median", median, ["number[]-arg", "allocates", "slices", "calls-helper"], (g) => [xs(g)]),
    fn(
      "medianSorted",
      medianSorted,
      ["number[]-arg", "calls-helper", "throws"],
      (g) => [sorted(g)],
    ),
    fn("modeSorted", modeSorted, ["number[]-arg", "throws"], (g) => [sorted(g, true)]),
    fn("min", min, ["number[]-arg", "throws"], (g) => [xs(g)]),
    fn("max", max, ["number[]-arg", "throws"], (g) => [xs(g)]),
    fn(
      "extent",
      extent,
      ["number[]-arg", "throws", "returns-array", "array-literal", "allocates"],
      (g) => [xs(g)],
    ),
    fn("minSorted", minSorted, ["number[]-arg"], (g) => [sorted(g)]),
    fn("maxSorted", maxSorted, ["number[]-arg"], (g) => [sorted(g)]),
    fn("geometricMean", geometricMean, ["number[]-arg", "throws"], (g) => [xs(g, 0)]),
    fn("harmonicMean", harmonicMean, ["number[]-arg", "throws"], (g) => [xs(g, 0.01)]),
    fn("rootMeanSquare", rootMeanSquare, ["number[]-arg", "throws"], (g) => [xs(g)]),
    fn("product", product, ["number[]-arg"], (g) => [xs(g)]),
    fn(
      "sampleCovariance",
      sampleCovariance,
      ["number[]-arg", "throws", "calls-helper"],
      (g) => pair(g),
    ),
    fn("sampleCorrelation", sampleCorrelation, ["number[]-arg", "calls-helper"], (g) => pair(g)),
    fn(
      "sampleSkewness",
      sampleSkewness,
      ["number[]-arg", "throws", "calls-helper"],
      (g) => [xs(g)],
    ),
    fn(
      "sampleKurtosis",
      sampleKurtosis,
      ["number[]-arg", "throws", "calls-helper"],
      (g) => [xs(g)],
    ),
    fn(
      "coefficientOfVariation",
      coefficientOfVariation,
      ["number[]-arg", "calls-helper"],
      (g) => [xs(g)],
    ),
    fn(
      "linearRegression",
      linearRegression,
      ["number[]-arg", "returns-object"],
      (g) => [points(g)],
    ),
    fn(
      "linearRegressionLine",
      linearRegressionLine,
      ["closure", "object-arg"],
      (g) => [{ m: g.num(), b: g.num() }],
    ),
    fn("tTest", tTest, ["number[]-arg", "calls-helper"], (g) => [xs(g), g.num()]),
    fn(
      "interquartileRange",
      interquartileRange,
      ["number[]-arg", "calls-helper", "typeof"],
      (g) => [xs(g)],
    ),
    fn("medianAbsoluteDeviation", medianAbsoluteDeviation, [
      "number[]-arg",
      "allocates",
      "array-literal",
      "calls-helper",
    ], (g) => [xs(g)]),
    fn("equalIntervalBreaks", equalIntervalBreaks, [
      "number[]-arg",
      "allocates",
      "array-literal",
      "returns-array",
      "calls-helper",
    ], (g) => [xs(g), g.int(1, 8)]),
    fn(
      "chunk",
      chunk,
      ["number[]-arg", "allocates", "slices", "returns-array", "throws"],
      (g) => [xs(g), g.set === 2 ? 0 : g.int(1, 5)],
    ),
    fn("uniqueCountSorted", uniqueCountSorted, ["number[]-arg"], (g) => [sorted(g, true)]),
    fn("logAverage", logAverage, ["number[]-arg", "throws"], (g) => [xs(g, 0)]),
    fn("numericSort", numericSort, [
      "number[]-arg",
      "slices",
      "allocates",
      "returns-array",
      "callback",
    ], (g) => [xs(g)]),
    fn(
      "quickselect",
      quickselect,
      ["number[]-arg", "default-param", "omitted-arg", "calls-helper"],
      (g) => ((x) => [x, g.int(0, Math.max(0, x.length - 1))])(xs(g)),
    ),
    fn("shuffleInPlace", shuffleInPlace, [
      "number[]-arg",
      "random",
      "omitted-arg",
      "returns-array",
      "callback",
    ], (g) => [xs(g), seeded(g.u32())]),
    fn(
      "bisect",
      bisect,
      ["callback", "throws", "typeof", "calls-helper"],
      (g) => [(x: number) => x * x - 2, 0, 4, g.int(1, 60), 1e-9],
    ),
    fn(
      "factorial",
      factorial,
      ["throws"],
      (g) => [g.edge ? g.pick([-1, 2.5, 0, 170, 171]) : g.int(0, 30)],
    ),
    fn("gamma", gamma, [], (g) => [g.num(-5, 20)]),
    fn("gammaln", gammaln, [], (g) => [g.num(-5, 200)]),
    fn("errorFunction", errorFunction, [], (g) => [g.num(-4, 4)]),
    fn("inverseErrorFunction", inverseErrorFunction, [], (g) => [g.num(-1, 1)]),
    fn(
      "probit",
      probit,
      ["calls-helper", "module-const"],
      (g) => [g.edge ? g.pick([0, 1, 0.5]) : g.float()],
    ),
    fn("logit", logit, ["throws"], (g) => [g.edge ? g.pick([0, 1, 0.5, -1]) : g.float()]),
    fn(
      "cumulativeStdNormalProbability",
      cumulativeStdNormalProbability,
      ["module-table"],
      (g) => [g.num(-5, 5)],
    ),
    fn(
      "cumulativeStdLogisticProbability",
      cumulativeStdLogisticProbability,
      [],
      (g) => [g.num(-20, 20)],
    ),
    fn("sign", sign, ["typeof", "throws"], (g) => [g.num()]),
    fn("zScore", zScore, [], (g) => [g.num(), g.num(), g.pos()]),
    fn("addToMean", addToMean, [], (g) => [g.num(), g.int(0, 100), g.num()]),
    fn("combineMeans", combineMeans, [], (g) => [g.num(), g.int(1, 100), g.num(), g.int(1, 100)]),
    fn(
      "approxEqual",
      approxEqual,
      ["default-param", "omitted-arg", "calls-helper", "module-const"],
      (g) => ((a) => [a, g.edge ? a * (1 + 1e-5) : g.num()])(g.num()),
    ),
    fn("relativeError", relativeError, [], (g) => [g.num(), g.edge ? 0 : g.num()]),
  ],
};

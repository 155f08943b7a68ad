// fft.js (MIT): a radix-4 FFT whose methods keep their tables and buffers on `this`.
import { jit } from "../../../mod.ts";
import { fn, type Gen, type Project } from "../harness.ts";
import FFT from "./fft.js";

const P = FFT.prototype;
const size = (g: Gen) => (g.edge ? 4 : 2 ** g.int(2, 9));
/** the FFT object a method runs on, and its size */
const fftOf = (g: Gen) => new FFT(size(g));
const n = (self: unknown) => (self as { size: number }).size;
const complex = (g: Gen, m: number) => g.nums(2 * m);
const self = fftOf;

export const project: Project = {
  name: "fft.js",
  repo: "https://github.com/indutny/fft.js",
  license: "MIT",
  jit: (f) => jit(f, { fallback: false }),
  cases: [
    fn("fromComplexArray", P.fromComplexArray, [
      "number[]-arg",
      "allocates",
      "returns-array",
      "omitted-arg",
      "null",
    ], (g, s) => [
      complex(g, n(s)),
    ], { self }),
    fn(
      "createComplexArray",
      P.createComplexArray,
      ["this", "allocates", "returns-array"],
      () => [],
      { self },
    ),
    fn("toComplexArray", P.toComplexArray, [
      "this",
      "number[]-arg",
      "allocates",
      "returns-array",
      "omitted-arg",
      "null",
      "calls-helper",
    ], (g, s) => [
      g.nums(n(s)),
    ], { self }),
    fn(
      "completeSpectrum",
      P.completeSpectrum,
      ["this", "number[]-arg"],
      (g, s) => [
        complex(g, n(s)),
      ],
      { self },
    ),
    fn("transform", P.transform, ["this", "number[]-arg", "throws", "calls-helper"], (g, s) => [
      new Array(2 * n(s)).fill(0),
      complex(g, n(s)),
    ], { self }),
    fn("realTransform", P.realTransform, ["this", "throws", "calls-helper"], (g, s) => [
      new Float64Array(2 * n(s)),
      g.f64(n(s)),
    ], { self }),
    fn(
      "inverseTransform",
      P.inverseTransform,
      ["this", "number[]-arg", "throws", "calls-helper"],
      (g, s) => [
        new Array(2 * n(s)).fill(0),
        complex(g, n(s)),
      ],
      { self },
    ),
  ],
};

// biquad-coeffs (MIT): the Audio EQ Cookbook's biquad coefficients, returned as arrays.
import { jit } from "../../../mod.ts";
import { fn, type Gen, type Project, type Tag } from "../harness.ts";
import lowpass from "./lowpass.js";
import highpass from "./highpass.js";
import bandpass from "./bandpass.js";
import notch from "./notch.js";
import allpass from "./allpass.js";
import peaking from "./peaking.js";
import lowshelf from "./lowshelf.js";
import highshelf from "./highshelf.js";

/** a normalized frequency and a Q (out of range now and then: the functions clamp them) */
const fq = (
  g: Gen,
) => [
  g.edge ? g.pick([0, 1, 2, -1]) : g.num(0.001, 0.5),
  g.edge ? g.pick([0, 1e4]) : g.num(0.1, 20),
];
const gain = (g: Gen) => [...fq(g), g.num(-50, 50)];
const t: Tag[] = ["returns-array", "array-literal", "allocates"];

export const project: Project = {
  name: "biquad-coeffs",
  repo: "https://github.com/mohayonao/biquad-coeffs",
  license: "MIT",
  jit: (f) => jit(f, { fallback: false }),
  cases: [
    fn("lowpass", lowpass, t, fq),
    fn("highpass", highpass, t, fq),
    fn("bandpass", bandpass, t, fq),
    fn("notch", notch, t, fq),
    fn("allpass", allpass, t, fq),
    fn("peaking", peaking, t, gain),
    fn("lowshelf", lowshelf, t, gain),
    fn("highshelf", highshelf, t, gain),
  ],
};

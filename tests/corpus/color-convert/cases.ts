// color-convert (MIT): conversions between colour models, each taking and returning an array.
import { jit } from "../../../mod.ts";
import { fn, type Gen, type Project, type Tag } from "../harness.ts";
import conversions from "./conversions.js";

/** the conversion functions by model (typed loosely: the module is JavaScript) */
const convert = conversions as unknown as Record<
  string,
  Record<string, (...a: never[]) => unknown>
>;

const rgb = (
  g: Gen,
) => (g.edge ? [g.pick([0, 255]), g.pick([0, 255]), g.pick([0, 128])] : g.ints(3, 0, 255));
const t: Tag[] = ["number[]-arg", "returns-array", "array-literal", "allocates"];

export const project: Project = {
  name: "color-convert",
  repo: "https://github.com/Qix-/color-convert",
  license: "MIT",
  jit: (f) => jit(f, { fallback: false }),
  cases: [
    fn("rgb.hsl", convert.rgb.hsl, t, (g) => [rgb(g)]),
    fn("rgb.hsv", convert.rgb.hsv, [...t, "closure"], (g) => [rgb(g)]),
    fn("rgb.hwb", convert.rgb.hwb, [...t, "calls-helper"], (g) => [rgb(g)]),
    fn("rgb.cmyk", convert.rgb.cmyk, t, (g) => [rgb(g)]),
    fn("rgb.xyz", convert.rgb.xyz, t, (g) => [rgb(g)]),
    fn("rgb.lab", convert.rgb.lab, [...t, "calls-helper", "module-const"], (g) => [rgb(g)]),
    fn("rgb.oklab", convert.rgb.oklab, [...t, "calls-helper"], (g) => [rgb(g)]),
    fn("hsl.rgb", convert.hsl.rgb, t, (g) => [[g.num(0, 360), g.num(0, 100), g.num(0, 100)]]),
    fn("hsv.rgb", convert.hsv.rgb, t, (g) => [[g.num(0, 360), g.num(0, 100), g.num(0, 100)]]),
    fn(
      "xyz.rgb",
      convert.xyz.rgb,
      [...t, "calls-helper"],
      (g) => [[g.num(0, 95), g.num(0, 100), g.num(0, 108)]],
    ),
    fn(
      "lab.xyz",
      convert.lab.xyz,
      [...t, "module-const"],
      (g) => [[g.num(0, 100), g.num(-128, 127), g.num(-128, 127)]],
    ),
    fn("lab.lch", convert.lab.lch, t, (g) => [[g.num(0, 100), g.num(-128, 127), g.num(-128, 127)]]),
    fn("lch.lab", convert.lch.lab, t, (g) => [[g.num(0, 100), g.num(0, 130), g.num(0, 360)]]),
    fn("rgb.ansi256", convert.rgb.ansi256, ["number[]-arg"], (g) => [rgb(g)]),
    fn(
      "ansi16.rgb",
      convert.ansi16.rgb,
      ["returns-array", "array-literal", "allocates"],
      (g) => [g.pick([30, 31, 37, 90, 97, 0, 8])],
    ),
    fn("rgb.hex", convert.rgb.hex, ["number[]-arg", "string"], (g) => [rgb(g)]),
    fn("hex.rgb", convert.hex.rgb, [
      "string",
      "returns-array",
      "array-literal",
      "allocates",
      "null",
    ], (g) => [
      g.pick(["#ff0080", "abc", "123456", "zzz"]),
    ]),
    fn("hcg.rgb", convert.hcg.rgb, [...t], (g) => [[g.num(0, 360), g.num(0, 100), g.num(0, 100)]]),
    fn("rgb.gray", convert.rgb.gray, t, (g) => [rgb(g)]),
  ],
};

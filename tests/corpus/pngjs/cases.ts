// pngjs (MIT): PNG's scanline filters (the encoder tries each and keeps the smallest sum).
import { jit } from "../../../mod.ts";
import { fn, type Gen, type Project } from "../harness.ts";
import {
  filterAvg,
  filterNone,
  filterPaeth,
  filterSub,
  filterSumAvg,
  filterSumNone,
  filterSumPaeth,
  filterSumSub,
  filterSumUp,
  filterUp,
} from "./filter-pack.js";
import paethPredictor from "./paeth-predictor.js";

/** an image's bytes, a scanline's offset (the first line in the edge set), its width, bpp */
const line = (g: Gen) => {
  const bpp = g.pick([1, 2, 3, 4, 6, 8]), width = g.int(1, 64), height = g.int(1, 8);
  const byteWidth = width * bpp;
  const px = g.u8(byteWidth * height);
  const pxPos = g.edge ? 0 : byteWidth * g.int(0, height - 1);
  return { px, pxPos, byteWidth, bpp, raw: new Uint8Array(byteWidth + 1) };
};
const filter = (g: Gen) => {
  const l = line(g);
  return [l.px, l.pxPos, l.byteWidth, l.raw, 1, l.bpp];
};
const sum = (g: Gen) => {
  const l = line(g);
  return [l.px, l.pxPos, l.byteWidth, l.bpp];
};

export const project: Project = {
  name: "pngjs",
  repo: "https://github.com/pngjs/pngjs",
  license: "MIT",
  jit: (f) => jit(f, { fallback: false }),
  cases: [
    fn("paethPredictor", paethPredictor, [], (g) => [g.int(0, 255), g.int(0, 255), g.int(0, 255)]),
    fn("filterNone", filterNone, [], (g) => filter(g).slice(0, 5)),
    fn("filterSumNone", filterSumNone, [], (g) => sum(g).slice(0, 3)),
    fn("filterSub", filterSub, [], filter),
    fn("filterSumSub", filterSumSub, [], sum),
    fn("filterUp", filterUp, [], (g) => filter(g).slice(0, 5)),
    fn("filterSumUp", filterSumUp, [], (g) => sum(g).slice(0, 3)),
    fn("filterAvg", filterAvg, [], filter),
    fn("filterSumAvg", filterSumAvg, [], sum),
    fn("filterPaeth", filterPaeth, ["calls-helper"], filter),
    fn("filterSumPaeth", filterSumPaeth, ["calls-helper"], sum),
  ],
};

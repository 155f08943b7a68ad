// StackBlur (MIT): Mario Klingemann's stack blur over canvas ImageData, with its lookup tables.
import { jit } from "../../../mod.ts";
import { fn, type Gen, type Project } from "../harness.ts";
import { imageDataRGB, imageDataRGBA } from "./stackblur.js";

/** an ImageData-shaped object and the region to blur (all of it) */
const image = (g: Gen) => {
  const width = g.edge ? 1 : g.int(2, 40), height = g.edge ? g.int(1, 3) : g.int(2, 40);
  const data = new Uint8ClampedArray(g.ints(width * height * 4, 0, 255));
  return [{ data, width, height }, 0, 0, width, height, g.int(1, 20)];
};

export const project: Project = {
  name: "stackblur",
  repo: "https://github.com/flozz/StackBlur",
  license: "MIT",
  jit: (f) => jit(f, { fallback: false }),
  cases: [
    fn("imageDataRGBA", imageDataRGBA, [
      "object-arg",
      "returns-object",
      "module-table",
      "allocates",
      "this",
      "null",
    ], image),
    fn("imageDataRGB", imageDataRGB, [
      "object-arg",
      "returns-object",
      "module-table",
      "allocates",
      "this",
      "null",
    ], image),
  ],
};

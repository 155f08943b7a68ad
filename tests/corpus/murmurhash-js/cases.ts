// murmurhash-js (MIT): Gary Court's MurmurHash2 and MurmurHash3 over ASCII strings.
import { jit } from "../../../mod.ts";
import { fn, type Gen, type Project } from "../harness.ts";
import { murmurhash2_32_gc } from "./murmurhash2_gc.js";
import { murmurhash3_32_gc } from "./murmurhash3_gc.js";

const key = (g: Gen) => g.str(g.edge ? g.pick([0, 1, 2, 3]) : g.int(1, 60));

export const project: Project = {
  name: "murmurhash-js",
  repo: "https://github.com/garycourt/murmurhash-js",
  license: "MIT",
  jit: (f) => jit(f, { fallback: false }),
  cases: [
    fn("murmurhash2_32_gc", murmurhash2_32_gc, ["string"], (g) => [key(g), g.u32()]),
    fn("murmurhash3_32_gc", murmurhash3_32_gc, ["string"], (g) => [key(g), g.u32()]),
  ],
};

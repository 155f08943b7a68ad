// three.js (MIT): MathUtils, the scalar helpers of its math library.
import { jit } from "../../../mod.ts";
import { fn, type Gen, type Project } from "../harness.ts";
import { MathUtils as M } from "./MathUtils.js";

/** a quaternion-like object: setQuaternionFromProperEuler calls its `set` */
const quaternion = () => ({
  v: [0, 0, 0, 0],
  set(x: number, y: number, z: number, w: number) {
    this.v = [x, y, z, w];
    return this;
  },
});
const x = (g: Gen) => g.num(-20, 20);

export const project: Project = {
  name: "three.js",
  repo: "https://github.com/mrdoob/three.js",
  license: "MIT",
  jit: (f) => jit(f, { fallback: false }),
  cases: [
    fn("clamp", M.clamp, [], (g) => [x(g), g.num(-10, 0), g.num(0, 10)]),
    fn(
      "euclideanModulo",
      M.euclideanModulo,
      [],
      (g) => [x(g), g.edge ? g.pick([0, -3, 2.5]) : g.num(0.5, 7)],
    ),
    fn("mapLinear", M.mapLinear, [], (g) => [x(g), x(g), x(g), x(g), x(g)]),
    fn("lerp", M.lerp, [], (g) => [x(g), x(g), g.num(0, 1)]),
    fn(
      "pingpong",
      M.pingpong,
      ["default-param", "omitted-arg", "module-const", "calls-helper"],
      (g) => g.set % 2 ? [x(g)] : [x(g), g.num(0.5, 4)],
    ),
    fn("smoothstep", M.smoothstep, [], (g) => [x(g), g.num(-10, 0), g.num(0, 10)]),
    fn("smootherstep", M.smootherstep, [], (g) => [x(g), g.num(-10, 0), g.num(0, 10)]),
    fn("seededRandom", M.seededRandom, ["module-const", "null"], (g) => [g.int(1, 2 ** 31 - 2)]),
    fn("degToRad", M.degToRad, ["module-const"], (g) => [g.num(-720, 720)]),
    fn("radToDeg", M.radToDeg, ["module-const"], (g) => [x(g)]),
    fn(
      "isPowerOfTwo",
      M.isPowerOfTwo,
      [],
      (g) => [g.edge ? g.pick([0, 1, 2 ** 30, 2 ** 31, 3]) : g.int(0, 5000)],
    ),
    fn("ceilPowerOfTwo", M.ceilPowerOfTwo, [], (g) => [g.num(0.01, 1e6)]),
    fn("floorPowerOfTwo", M.floorPowerOfTwo, [], (g) => [g.num(0.01, 1e6)]),
    fn("randFloat", M.randFloat, ["random"], (g) => [x(g), x(g)]),
    fn("setQuaternionFromProperEuler", M.setQuaternionFromProperEuler, [
      "object-arg",
      "string",
      "math-alias",
    ], (g) => [
      quaternion(),
      x(g),
      x(g),
      x(g),
      g.pick(["XYX", "YZY", "ZXZ", "XZX", "YXY", "ZYZ"]),
    ]),
  ],
};

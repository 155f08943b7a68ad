// gl-matrix (MIT): vector, matrix and quaternion functions in the `out` style.
import { jit } from "../../../mod.ts";
import { fn, type Gen, type Project } from "../harness.ts";
import * as vec2 from "./vec2.js";
import * as vec3 from "./vec3.js";
import * as vec4 from "./vec4.js";
import * as mat3 from "./mat3.js";
import * as mat4 from "./mat4.js";
import * as quat from "./quat.js";

const v2 = (g: Gen) => g.f32(2);
const v3 = (g: Gen) => g.f32(3);
const v4 = (g: Gen) => g.f32(4);
const m3 = (g: Gen) => g.f32(9);
const m4 = (g: Gen) => g.f32(16);
const unitQuat = (g: Gen) => {
  const q = g.f32(4, -1, 1);
  const n = Math.hypot(q[0], q[1], q[2], q[3]) || 1;
  return q.map((x) => x / n);
};
const out = "returns-array" as const;

export const project: Project = {
  name: "gl-matrix",
  repo: "https://github.com/toji/gl-matrix",
  license: "MIT",
  jit: (f) => jit(f, { fallback: false }),
  cases: [
    fn("vec3.create", vec3.create, ["allocates", out, "module-const"], () => []),
    fn("vec3.clone", vec3.clone, ["allocates", out, "module-const"], (g) => [v3(g)]),
    fn("vec3.fromValues", vec3.fromValues, ["allocates", out, "module-const"], (g) => [
      g.num(),
      g.num(),
      g.num(),
    ]),
    fn("vec3.length", vec3.length, [], (g) => [v3(g)]),
    fn("vec3.copy", vec3.copy, [out], (g) => [v3(g), v3(g)]),
    fn("vec3.set", vec3.set, [out], (g) => [v3(g), g.num(), g.num(), g.num()]),
    fn("vec3.add", vec3.add, [out], (g) => [v3(g), v3(g), v3(g)]),
    fn("vec3.subtract", vec3.subtract, [out], (g) => [v3(g), v3(g), v3(g)]),
    fn("vec3.divide", vec3.divide, [out], (g) => [v3(g), v3(g), v3(g)]),
    fn("vec3.floor", vec3.floor, [out], (g) => [v3(g), v3(g)]),
    fn("vec3.min", vec3.min, [out], (g) => [v3(g), v3(g), v3(g)]),
    fn("vec3.round", vec3.round, [out, "calls-helper", "module-const"], (g) => [v3(g), v3(g)]),
    fn("vec3.scaleAndAdd", vec3.scaleAndAdd, [out], (g) => [v3(g), v3(g), v3(g), g.num()]),
    fn("vec3.distance", vec3.distance, [], (g) => [v3(g), v3(g)]),
    fn("vec3.negate", vec3.negate, [out], (g) => [v3(g), v3(g)]),
    fn("vec3.inverse", vec3.inverse, [out], (g) => [v3(g), v3(g)]),
    fn("vec3.normalize", vec3.normalize, [out], (g) => [v3(g), v3(g)]),
    fn("vec3.dot", vec3.dot, [], (g) => [v3(g), v3(g)]),
    fn("vec3.cross", vec3.cross, [out], (g) => [v3(g), v3(g), v3(g)]),
    fn("vec3.lerp", vec3.lerp, [out], (g) => [v3(g), v3(g), v3(g), g.num(0, 1)]),
    fn("vec3.slerp", vec3.slerp, [out], (g) => [v3(g), v3(g), v3(g), g.num(0, 1)]),
    fn("vec3.hermite", vec3.hermite, [out], (g) => [
      v3(g),
      v3(g),
      v3(g),
      v3(g),
      v3(g),
      g.num(0, 1),
    ]),
    fn("vec3.bezier", vec3.bezier, [out], (g) => [v3(g), v3(g), v3(g), v3(g), v3(g), g.num(0, 1)]),
    fn("vec3.transformMat4", vec3.transformMat4, [out], (g) => [v3(g), v3(g), m4(g)]),
    fn("vec3.transformMat3", vec3.transformMat3, [out], (g) => [v3(g), v3(g), m3(g)]),
    fn("vec3.transformQuat", vec3.transformQuat, [out], (g) => [v3(g), v3(g), unitQuat(g)]),
    fn("vec3.rotateX", vec3.rotateX, [out], (g) => [v3(g), v3(g), v3(g), g.num(-4, 4)]),
    fn("vec3.angle", vec3.angle, [], (g) => [v3(g), v3(g)]),
    fn("vec3.exactEquals", vec3.exactEquals, [], (g) => {
      const a = v3(g);
      return [a, g.edge ? a.slice() : v3(g)];
    }),
    fn("vec3.equals", vec3.equals, ["module-const"], (g) => {
      const a = v3(g);
      return [a, g.edge ? a.map((x) => x * (1 + 1e-7)) : v3(g)];
    }),
    fn("vec3.random", vec3.random, [out, "random", "default-param", "module-const"], (g) => [
      v3(g),
      g.num(),
    ]),
    fn("vec3.str", vec3.str, ["string"], (g) => [v3(g)]),
    fn("vec2.rotate", vec2.rotate, [out], (g) => [v2(g), v2(g), v2(g), g.num(-4, 4)]),
    fn("vec2.signedAngle", vec2.signedAngle, [], (g) => [v2(g), v2(g)]),
    fn("vec2.cross", vec2.cross, [out], (g) => [v3(g), v2(g), v2(g)]),
    fn("vec2.transformMat2d", vec2.transformMat2d, [out], (g) => [v2(g), v2(g), g.f32(6)]),
    fn("vec4.normalize", vec4.normalize, [out], (g) => [v4(g), v4(g)]),
    fn("vec4.cross", vec4.cross, [out], (g) => [v4(g), v4(g), v4(g), v4(g)]),
    fn("vec4.transformQuat", vec4.transformQuat, [out], (g) => [v4(g), v4(g), unitQuat(g)]),
    fn("mat3.invert", mat3.invert, [out, "null"], (g) => [m3(g), m3(g)]),
    fn("mat3.normalFromMat4", mat3.normalFromMat4, [out, "null"], (g) => [m3(g), m4(g)]),
    fn("mat3.fromQuat", mat3.fromQuat, [out], (g) => [m3(g), unitQuat(g)]),
    fn("mat4.identity", mat4.identity, [out], (g) => [m4(g)]),
    fn("mat4.transpose", mat4.transpose, [out], (g) => [m4(g), g.edge ? m4(g) : m4(g)]),
    fn("mat4.invert", mat4.invert, [out, "null"], (g) => [m4(g), m4(g)]),
    fn("mat4.determinant", mat4.determinant, [], (g) => [m4(g)]),
    fn("mat4.multiply", mat4.multiply, [out], (g) => [m4(g), m4(g), m4(g)]),
    fn("mat4.translate", mat4.translate, [out], (g) => [m4(g), m4(g), v3(g)]),
    fn("mat4.rotate", mat4.rotate, [out, "null", "module-const"], (g) => [
      m4(g),
      m4(g),
      g.num(-4, 4),
      v3(g),
    ]),
    fn("mat4.fromRotationTranslation", mat4.fromRotationTranslation, [out], (g) => [
      m4(g),
      unitQuat(g),
      v3(g),
    ]),
    fn("mat4.getRotation", mat4.getRotation, [out, "allocates"], (g) => [v4(g), m4(g)]),
    fn("mat4.perspectiveNO", mat4.perspectiveNO, [out, "null"], (g) => [
      m4(g),
      g.num(0.1, 3),
      g.num(0.5, 2),
      g.num(0.01, 1),
      g.edge ? Infinity : g.num(10, 1000),
    ]),
    fn("mat4.orthoNO", mat4.orthoNO, [out], (g) => [
      m4(g),
      g.num(),
      g.num(),
      g.num(),
      g.num(),
      g.num(),
      g.num(),
    ]),
    fn("mat4.lookAt", mat4.lookAt, [out, "calls-helper", "module-const"], (g) => [
      m4(g),
      v3(g),
      v3(g),
      v3(g),
    ]),
    fn("mat4.frob", mat4.frob, [], (g) => [m4(g)]),
    fn("quat.setAxisAngle", quat.setAxisAngle, [out], (g) => [v4(g), v3(g), g.num(-4, 4)]),
    fn("quat.multiply", quat.multiply, [out], (g) => [v4(g), unitQuat(g), unitQuat(g)]),
    fn("quat.slerp", quat.slerp, [out, "module-const"], (g) => [
      v4(g),
      unitQuat(g),
      unitQuat(g),
      g.num(0, 1),
    ]),
    fn("quat.invert", quat.invert, [out], (g) => [v4(g), v4(g)]),
    fn("quat.fromMat3", quat.fromMat3, [out], (g) => [v4(g), m3(g)]),
    fn(
      "quat.fromEuler",
      quat.fromEuler,
      [out, "default-param", "module-const", "string", "throws"],
      (g) => [
        v4(g),
        g.num(-180, 180),
        g.num(-180, 180),
        g.num(-180, 180),
      ],
    ),
  ],
};

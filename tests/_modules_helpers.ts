// Helpers jitted by tests/modules_test.ts: their names resolve here, through these imports.
import * as consts from "./_modules_consts.ts";
import { EPSILON as eps, LIMIT } from "./_modules_consts.ts";
import answer from "./_modules_consts.ts";

export function norm(x: number, y: number) {
  return Math.sqrt(x * x + y * y);
}
export function nearlyEqual(a: number, b: number) {
  return Math.abs(a - b) <= eps * Math.max(1, Math.abs(a), Math.abs(b));
}
export function clampToLimit(x: number) {
  return x > LIMIT ? LIMIT : x < -LIMIT ? -LIMIT : x;
}
export function roundAll(a: Float64Array) {
  for (let i = 0; i < a.length; i++) a[i] = consts.round(a[i]) + answer * 0;
}
export function wrapAngle(t: number) {
  return t - consts.TWO_PI * Math.floor(t / consts.TWO_PI);
}
export function density(x: number) {
  return Math.exp(-0.5 * x * x) / consts.SQRT_2PI;
}
export function scaled(x: number) {
  return x * consts.mutableScale;
}
export function flag(x: number) {
  return consts.enabled ? x : -x;
}

// Module-level constants read by jitted functions of other modules (tests/modules_test.ts).
export const EPSILON = 0.000001;
export const TWO_PI = 2 * Math.PI;
export const SQRT_2PI = Math.sqrt(2 * Math.PI);
const BASE = 1 << 4;
export const LIMIT = BASE * 3 - 1; // 47
export let mutableScale = 2; // assigned again below: never folded
export function setMutableScale(x: number) {
  mutableScale = x;
}
export { BASE as SIXTEEN };
export default 42;
export const enabled = true;
export function round(a: number) {
  return a >= 0 ? Math.round(a) : (a % 0.5 === 0 ? Math.floor(a) : Math.round(a));
}

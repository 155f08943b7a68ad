// Half of an import cycle (tests/modules_test.ts): constants of a module in a cycle are refused.
// JavaScript, so that tools/check_imports.ts (no cycles among tsjit's .ts files) skips it.
import { other } from "./_modules_cycle_b.js";
export const A = 5;
export function useA(x) {
  return x * A;
}
export { other };
const B = 6; // not exported: folded only from its source, which a cycle makes unsafe
export function useB(x) {
  return x * B;
}

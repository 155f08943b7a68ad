// A module whose functions share names with _modules_helpers.ts but not code: a name must never
// resolve here from there (tests/modules_test.ts).
export function norm(x: number, y: number) {
  return Math.abs(x) + Math.abs(y);
}
export const EPSILON = 0.5;

// deno-fmt-ignore-file
// deno-lint-ignore-file
// @ts-nocheck: third-party code, kept as its authors wrote it
// Source: https://github.com/mljs/distance/blob/a2672c5c6ab8b7dfde73f18aed420d4c6a67db47/src/distances/waveHedges.ts
// Repository https://github.com/mljs/distance, commit a2672c5c6ab8b7dfde73f18aed420d4c6a67db47, path src/distances/waveHedges.ts.
// Licence: MIT (the LICENSE file in ml-distance/).
// Changes: the type-only import of NumberArray from the npm package cheminfo-types is replaced by an equivalent local type alias

type NumberArray = number[] | Float64Array | Float32Array | Int32Array | Uint8Array; // cheminfo-types' NumberArray (abridged)
/**
 *Returns the Wave Hedges distance between vectors a and b
 * @link [Wave Hedges algorithm](https://www.naun.org/main/NAUN/ijmmas/mmmas-49.pdf)
 * @param a - first vector
 * @param b - second vector
 */
export function waveHedges(a: NumberArray, b: NumberArray): number {
  let ans = 0;
  for (let i = 0; i < a.length; i++) {
    ans += 1 - Math.min(a[i], b[i]) / Math.max(a[i], b[i]);
  }
  return ans;
}

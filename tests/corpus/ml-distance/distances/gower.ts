// deno-fmt-ignore-file
// deno-lint-ignore-file
// @ts-nocheck: third-party code, kept as its authors wrote it
// Source: https://github.com/mljs/distance/blob/a2672c5c6ab8b7dfde73f18aed420d4c6a67db47/src/distances/gower.ts
// Repository https://github.com/mljs/distance, commit a2672c5c6ab8b7dfde73f18aed420d4c6a67db47, path src/distances/gower.ts.
// Licence: MIT (the LICENSE file in ml-distance/).
// Changes: the type-only import of NumberArray from the npm package cheminfo-types is replaced by an equivalent local type alias

type NumberArray = number[] | Float64Array | Float32Array | Int32Array | Uint8Array; // cheminfo-types' NumberArray (abridged)
/**
 *Returns the Gower distance between vectors a and b
 * @link [Gower algorithm](https://stat.ethz.ch/education/semesters/ss2012/ams/slides/v4.2.pdf)
 * @param a - first vector
 * @param b - second vector
 */
export function gower(a: NumberArray, b: NumberArray): number {
  const ii = a.length;
  let ans = 0;
  for (let i = 0; i < a.length; i++) {
    ans += Math.abs(a[i] - b[i]);
  }
  return ans / ii;
}

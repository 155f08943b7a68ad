// deno-fmt-ignore-file
// deno-lint-ignore-file
// @ts-nocheck: third-party code, kept as its authors wrote it
// Source: https://github.com/mljs/distance/blob/a2672c5c6ab8b7dfde73f18aed420d4c6a67db47/src/distances/clark.ts
// Repository https://github.com/mljs/distance, commit a2672c5c6ab8b7dfde73f18aed420d4c6a67db47, path src/distances/clark.ts.
// Licence: MIT (the LICENSE file in ml-distance/).
// Changes: the type-only import of NumberArray from the npm package cheminfo-types is replaced by an equivalent local type alias

type NumberArray = number[] | Float64Array | Float32Array | Int32Array | Uint8Array; // cheminfo-types' NumberArray (abridged)
/**
 *Returns the Clark distance between vectors a and b
 * @link [Clark algorithm](https://www.naun.org/main/NAUN/ijmmas/mmmas-49.pdf)
 * @param a - first vector
 * @param b - second vector
 */
export function clark(a: NumberArray, b: NumberArray): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    d += (Math.abs(a[i] - b[i]) / (a[i] + b[i])) ** 2;
  }
  return Math.sqrt(d);
}

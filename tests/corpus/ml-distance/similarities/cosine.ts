// deno-fmt-ignore-file
// deno-lint-ignore-file
// @ts-nocheck: third-party code, kept as its authors wrote it
// Source: https://github.com/mljs/distance/blob/a2672c5c6ab8b7dfde73f18aed420d4c6a67db47/src/similarities/cosine.ts
// Repository https://github.com/mljs/distance, commit a2672c5c6ab8b7dfde73f18aed420d4c6a67db47, path src/similarities/cosine.ts.
// Licence: MIT (the LICENSE file in ml-distance/).
// Changes: the type-only import of NumberArray from the npm package cheminfo-types is replaced by an equivalent local type alias

type NumberArray = number[] | Float64Array | Float32Array | Int32Array | Uint8Array; // cheminfo-types' NumberArray (abridged)
/**
 * Returns the cosine similarity between vectors a and b
 * @param a - first vector
 * @param b - second vector
 */
export function cosine(a: NumberArray, b: NumberArray): number {
  let p = 0;
  let p2 = 0;
  let q2 = 0;
  for (let i = 0; i < a.length; i++) {
    p += a[i] * b[i];
    p2 += a[i] * a[i];
    q2 += b[i] * b[i];
  }
  return p / (Math.sqrt(p2) * Math.sqrt(q2));
}

// deno-fmt-ignore-file
// deno-lint-ignore-file
// @ts-nocheck: third-party code, kept as its authors wrote it
// Source: https://github.com/mljs/distance/blob/a2672c5c6ab8b7dfde73f18aed420d4c6a67db47/src/similarities/pearson.ts
// Repository https://github.com/mljs/distance, commit a2672c5c6ab8b7dfde73f18aed420d4c6a67db47, path src/similarities/pearson.ts.
// Licence: MIT (the LICENSE file in ml-distance/).
// Changes: the type-only import of NumberArray from the npm package cheminfo-types is replaced by an equivalent local type alias

type NumberArray = number[] | Float64Array | Float32Array | Int32Array | Uint8Array; // cheminfo-types' NumberArray (abridged)

/**
 * Returns the Pearson correlation between vectors a and b, i.e. the cosine
 * similarity of the mean-centred vectors
 * @param a - first vector
 * @param b - second vector
 */
export function pearson(a: NumberArray, b: NumberArray): number {
  const length = a.length;
  let sumA = 0;
  let sumB = 0;
  for (let i = 0; i < length; i++) {
    sumA += a[i];
    sumB += b[i];
  }
  const avgA = sumA / length;
  const avgB = sumB / length;

  let p = 0;
  let p2 = 0;
  let q2 = 0;
  for (let i = 0; i < length; i++) {
    const centredA = a[i] - avgA;
    const centredB = b[i] - avgB;
    p += centredA * centredB;
    p2 += centredA * centredA;
    q2 += centredB * centredB;
  }
  return p / (Math.sqrt(p2) * Math.sqrt(q2));
}

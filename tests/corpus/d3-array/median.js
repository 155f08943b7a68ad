// deno-fmt-ignore-file
// deno-lint-ignore-file
// @ts-nocheck: third-party code, kept as its authors wrote it
// Source: https://github.com/d3/d3-array/blob/be0ae0d2b36ab91b833294ad2cfc5d5905acbd0f/src/median.js
// Repository https://github.com/d3/d3-array, commit be0ae0d2b36ab91b833294ad2cfc5d5905acbd0f, path src/median.js.
// Licence: ISC (the LICENSE file in this folder).
// Changes: none (this header only).

import quantile, {quantileIndex} from "./quantile.js";

export default function median(values, valueof) {
  return quantile(values, 0.5, valueof);
}

export function medianIndex(values, valueof) {
  return quantileIndex(values, 0.5, valueof);
}

// deno-fmt-ignore-file
// deno-lint-ignore-file
// @ts-nocheck: third-party code, kept as its authors wrote it
// Source: https://github.com/d3/d3-array/blob/be0ae0d2b36ab91b833294ad2cfc5d5905acbd0f/src/deviation.js
// Repository https://github.com/d3/d3-array, commit be0ae0d2b36ab91b833294ad2cfc5d5905acbd0f, path src/deviation.js.
// Licence: ISC (the LICENSE file in this folder).
// Changes: none (this header only).

import variance from "./variance.js";

export default function deviation(values, valueof) {
  const v = variance(values, valueof);
  return v ? Math.sqrt(v) : v;
}

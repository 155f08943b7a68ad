// deno-fmt-ignore-file
// deno-lint-ignore-file
// @ts-nocheck: third-party code, kept as its authors wrote it
// Source: https://github.com/mohayonao/biquad-coeffs/blob/491c4c7a8a01f646df5c0d764b7642bfc0b7c99b/packages/biquad-coeffs-cookbook/lib/bandpass.js
// Repository https://github.com/mohayonao/biquad-coeffs, commit 491c4c7a8a01f646df5c0d764b7642bfc0b7c99b, path packages/biquad-coeffs-cookbook/lib/bandpass.js.
// Licence: MIT (declared in the package's package.json; the LICENSE file in this folder) (the LICENSE file in this folder).
// Changes: CommonJS to an ES module: 'module.exports = function(' became 'export default function('

"use strict";

export default function(freq, q) {
  freq = Math.max(1e-6, Math.min(freq, 1));
  q    = Math.max(1e-4, Math.min(q, 1000));

  var w0 = 2 * Math.PI * freq;
  var sin = Math.sin(w0);
  var cos = Math.cos(w0);
  var alpha = sin / (2 * q);

  var b0 =  alpha;
  var b1 =  0;
  var b2 = -alpha;
  var a0 =  1 + alpha;
  var a1 = -2 * cos;
  var a2 =  1 - alpha;

  return [ b0/a0, b1/a0, b2/a0, a1/a0, a2/a0 ];
};

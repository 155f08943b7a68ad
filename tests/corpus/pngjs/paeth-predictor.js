// deno-fmt-ignore-file
// deno-lint-ignore-file
// @ts-nocheck: third-party code, kept as its authors wrote it
// Source: https://github.com/pngjs/pngjs/blob/c565210c602527eb459f857eeb78183997482d5b/lib/paeth-predictor.js
// Repository https://github.com/pngjs/pngjs, commit c565210c602527eb459f857eeb78183997482d5b, path lib/paeth-predictor.js.
// Licence: MIT (the LICENSE file in this folder).
// Changes: CommonJS to an ES module: 'module.exports = function paethPredictor' became 'export default function paethPredictor'

"use strict";

export default function paethPredictor(left, above, upLeft) {
  let paeth = left + above - upLeft;
  let pLeft = Math.abs(paeth - left);
  let pAbove = Math.abs(paeth - above);
  let pUpLeft = Math.abs(paeth - upLeft);

  if (pLeft <= pAbove && pLeft <= pUpLeft) {
    return left;
  }
  if (pAbove <= pUpLeft) {
    return above;
  }
  return upLeft;
};

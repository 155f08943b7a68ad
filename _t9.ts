import { jit, prange, getNumThreads } from "./mod.ts";
const f = jit(function psum(x: Float64Array, r: Float64Array) {
  let s = 0;
  for (const i of prange(x.length)) {
    r[i] = x[i] * 2;
    s += x[i];
  }
  return s;
});
const n = 1000;
const x = new Float64Array(n).map((_, i) => i), r = new Float64Array(n);
console.log(getNumThreads(), f(x, r), r[999]);
console.log(f(x, r));
const t = performance.now(); for (let k = 0; k < 10000; k++) f(x, r); console.log((performance.now() - t) / 10000 * 1000, "us per call");

// Micro-costs with Deno.bench: call overhead, parallel-region overhead, compile time.
// Run: ./tsjit bench --micro
import { getNumThreads, jit, prange, setNumThreads } from "../mod.ts";

const x4 = new Float64Array([1, 2, 3, 4]);
const sum = jit((x: Float64Array, n: number) => {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  return s;
});
sum(x4, 4);
const plainSum = (x: Float64Array, n: number) => {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  return s;
};

Deno.bench("call: jitted (x: Float64Array, n) => number, 4 elements", {
  group: "call",
  baseline: true,
}, () => {
  sum(x4, 4);
});
Deno.bench("call: the same function as plain JS", { group: "call" }, () => {
  plainSum(x4, 4);
});

const threads = getNumThreads();
const region = jit((a: Float64Array) => {
  for (const i of prange(a.length)) a[i] += 1;
});
const a = new Float64Array(new SharedArrayBuffer(8 * threads));
region(a);
Deno.bench(
  `region: trivial prange on ${threads} threads`,
  { group: "region", baseline: true },
  () => {
    region(a);
  },
);
Deno.bench("region: trivial prange, setNumThreads(1) (runs inline)", { group: "region" }, () => {
  setNumThreads(1);
  region(a);
  setNumThreads(threads);
});

let counter = 0;
Deno.bench(
  "compile: a new small kernel, first call",
  { group: "compile", n: 20, warmup: 2 },
  () => {
    // a distinct function each time (a new source text), so nothing is reused
    const f = jit(
      new Function(
        "x",
        "n",
        `let s = ${counter++}; for (let i = 0; i < n; i++) s += x[i] * 2; return s;`,
      ) as (x: Float64Array, n: number) => number,
    );
    f(x4, 4);
  },
);

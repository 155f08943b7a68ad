// Serial-core figures, in one run: call overhead, first-call compile time in a fresh process,
// and the element-wise add against plain JS. Run: ./tsjit run bench/core.ts
import { jit } from "../mod.ts";
import { median, nsPerCall, timeInTurns } from "./_stats.ts";

// 1. call overhead of (x: Float64Array, n: number) => number on a 4-element array
const sumPlain = (x: Float64Array, n: number) => {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  return s;
};
const sum = jit(sumPlain);
const x4 = new Float64Array([1, 2, 3, 4]);
if (sum(x4, 4) !== sumPlain(x4, 4)) throw new Error("sum: results differ");
const callJit = nsPerCall(() => sum(x4, 4));
const callPlain = nsPerCall(() => sumPlain(x4, 4));

// 2. first call in a fresh process (compiler import included), then later new functions
const deno = Deno.execPath();
const firsts: { first: number; second: number; third: number }[] = [];
for (let k = 0; k < 5; k++) {
  const out = new Deno.Command(deno, {
    args: [
      "run",
      "--allow-ffi",
      "--allow-read",
      "--allow-env",
      new URL("./_first_call.ts", import.meta.url).pathname,
    ],
    stderr: "inherit",
  }).outputSync();
  firsts.push(JSON.parse(new TextDecoder().decode(out.stdout)));
}

// 3. r[i] = x[i] + y[i] over 1e6 float64
const addPlain = (x: Float64Array, y: Float64Array, r: Float64Array) => {
  for (let i = 0; i < r.length; i++) r[i] = x[i] + y[i];
};
const add = jit(addPlain);
const addUnchecked = jit(addPlain, { boundscheck: false });
const n = 1_000_000;
const x = new Float64Array(n).map((_, i) => i * 0.5);
const y = new Float64Array(n).map((_, i) => 1 / (i + 1));
const r = new Float64Array(n);
const rPlain = new Float64Array(n);
add(x, y, r);
addPlain(x, y, rPlain);
if (!r.every((v, i) => Object.is(v, rPlain[i]))) throw new Error("add: results differ");
const [tPlain, tJit, tUnchecked] = timeInTurns([
  () => addPlain(x, y, r),
  () => add(x, y, r),
  () => addUnchecked(x, y, r),
], 61);

const f = (v: number, d = 1) => v.toFixed(d);
console.log(
  `tsjit serial core (${
    new Date().toISOString().slice(0, 10)
  }, ${navigator.hardwareConcurrency} CPUs)`,
);
console.log(
  `call overhead, (x: Float64Array, n) => number, 4 elements: jit ${f(callJit)} ns, plain JS ${
    f(callPlain)
  } ns`,
);
console.log(
  `first call in a fresh process (compiler import included): median ${
    f(median(firsts.map((o) => o.first)))
  } ms; ` +
    `later new functions: ${f(median(firsts.map((o) => o.second)))} ms and ${
      f(median(firsts.map((o) => o.third)))
    } ms`,
);
console.log(
  `r[i] = x[i] + y[i], 1e6 float64: plain JS ${f(tPlain, 3)} ms, jit ${f(tJit, 3)} ms ` +
    `(boundscheck: false ${f(tUnchecked, 3)} ms); JS/jit = ${f(tPlain / tJit, 2)}x`,
);

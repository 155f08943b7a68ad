// Array reductions and vectorize(), in one run: a histogram whose indirect updates become an
// array reduction, at 1 thread and at all threads; a scalar function applied over 1e7 elements
// by vectorize() (serial and parallel) against the hand-written jitted loop.
// Run: TSJIT_NUM_THREADS=2 ./tsjit run bench/parallel_forms.ts
import { getNumThreads, jit, prange, range, setNumThreads, vectorize } from "../mod.ts";
import { timeInTurns } from "./_stats.ts";

const N = getNumThreads();
const n = 10_000_000;
const x = new Float64Array(n).map((_, i) => ((i * 2654435761) % 1_000_003) / 1_000_003);

// histogram: counts[bin(x[i])] += 1 in a prange is an array reduction
const histogram = jit((x: Float64Array, counts: Float64Array) => {
  const bins = counts.length;
  for (const i of prange(x.length)) counts[Math.floor(x[i] * bins)] += 1;
});
const c1 = new Float64Array(256), cN = new Float64Array(256);
const [h1, hN] = timeInTurns(
  [
    () => (setNumThreads(1), c1.fill(0), histogram(x, c1)),
    () => (setNumThreads(N), cN.fill(0), histogram(x, cN)),
  ],
  9,
  1,
);
setNumThreads(N);
if (!c1.every((v, i) => v === cN[i]) || c1.reduce((a, b) => a + b) !== n) {
  throw new Error("histogram counts differ");
}

// vectorize of a scalar function against the loop written by hand
const f = (v: number) => Math.exp(-v * v) * Math.sin(3 * v) + 0.5 * v;
const byHand = jit((x: Float64Array, out: Float64Array) => {
  for (const i of range(out.length)) {
    out[i] = Math.exp(-x[i] * x[i]) * Math.sin(3 * x[i]) + 0.5 * x[i];
  }
});
const serial = vectorize(f);
const parallel = vectorize(f, { target: "parallel" });
const o1 = new Float64Array(n), o2 = new Float64Array(n), o3 = new Float64Array(n);
const [tHand, tSerial, tParallel] = timeInTurns(
  [
    () => byHand(x, o1),
    () => serial(x, o2),
    () => parallel(x, o3),
  ],
  9,
  1,
);
if (!o1.every((v, i) => Object.is(v, o2[i]) && Object.is(v, o3[i]))) {
  throw new Error("vectorize results differ from the loop");
}

const ms = (t: number) => `${t.toFixed(1)} ms`;
console.log(`parallel forms (${new Date().toISOString().slice(0, 10)}, pool of ${N}, n = 1e7)`);
console.log(
  `  histogram, 256 bins (array reduction): 1 thread ${ms(h1)}, ${N} threads ${ms(hN)}: ` +
    `${(h1 / hN).toFixed(2)}x`,
);
const pct = (tSerial / tHand - 1) * 100;
console.log(
  `  vectorize(f) serial ${ms(tSerial)} vs hand-written jitted loop ${ms(tHand)}: ` +
    `${Math.abs(pct).toFixed(1)} % ${pct >= 0 ? "slower" : "faster"}`,
);
console.log(
  `  vectorize(f, { target: "parallel" }) on ${N} threads ${ms(tParallel)}: ` +
    `${(tSerial / tParallel).toFixed(2)}x the serial vectorize`,
);

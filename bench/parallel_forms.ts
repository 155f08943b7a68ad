// Array reductions and vectorize(), in one run: a histogram whose indirect updates become an
// array reduction, at 1 thread and at all threads; a scalar function applied over 1e7 elements
// by vectorize() (serial and parallel) against the hand-written jitted loop.
// Run: TSJIT_NUM_THREADS=2 ./tsjit run bench/parallel_forms.ts
//
// The contenders compared run in turns (a, b, a, b, ...); each figure is the median of the
// per-turn ratios, printed with the lowest and highest, so that a turn slowed by another process
// moves one sample and not the figure. The cores the calls had (process CPU time over elapsed
// time) are printed too: when the N-thread calls had well below N, other processes held the
// cores, and the ratio cannot exceed about the ratio of the cores (Linux shares the CPUs between
// sessions, so a loaded machine may give a process the same share whatever its thread count).
import { getNumThreads, jit, prange, range, setNumThreads, vectorize } from "../mod.ts";
import { median, type Samples, samplesInTurns } from "./_stats.ts";

const N = getNumThreads();
const n = 10_000_000;
const x = new Float64Array(n).map((_, i) => ((i * 2654435761) % 1_000_003) / 1_000_003);

/** Per-turn ratios a/b: their median and range. */
function ratios(a: Samples, b: Samples) {
  const r = a.ms.map((t, i) => t / b.ms[i]);
  return { mid: median(r), lo: Math.min(...r), hi: Math.max(...r) };
}
const ms = (s: Samples) => `${median(s.ms).toFixed(1)} ms`;
/** Cores the process had during the calls: CPU time over elapsed time. */
function coresOf(s: Samples): number {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return sum(s.cpuMs) / sum(s.ms);
}
/** The cores the 1-thread and the N-thread calls had; the ratio they allow when others held some. */
function cores(one: Samples, all: Samples): string {
  const c1 = coresOf(one), cN = coresOf(all);
  return `cores: 1 thread ${c1.toFixed(2)}, ${N} threads ${cN.toFixed(2)}${
    cN < N - 0.1
      ? ` (other processes held the rest; the cores allow ~${(cN / c1).toFixed(2)}x)`
      : ""
  }`;
}
const verdict = (ok: boolean) => ok ? "holds" : "NOT MET";

// histogram: counts[bin(x[i])] += 1 in a prange is an array reduction
const histogram = jit((x: Float64Array, counts: Float64Array) => {
  const bins = counts.length;
  for (const i of prange(x.length)) counts[Math.floor(x[i] * bins)] += 1;
});
const c1 = new Float64Array(256), cN = new Float64Array(256);
const [h1, hN] = samplesInTurns(
  [
    () => (setNumThreads(1), c1.fill(0), histogram(x, c1)),
    () => (setNumThreads(N), cN.fill(0), histogram(x, cN)),
  ],
  31,
  2,
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
const [tHand, tSerial, tParallel] = samplesInTurns(
  [
    () => byHand(x, o1),
    () => serial(x, o2),
    () => parallel(x, o3),
  ],
  11,
  1,
);
if (!o1.every((v, i) => Object.is(v, o2[i]) && Object.is(v, o3[i]))) {
  throw new Error("vectorize results differ from the loop");
}
// as often written: no output array, so each call allocates (and page-faults) 80 MB
const [aSerial, aParallel] = samplesInTurns([() => serial(x), () => parallel(x)], 7, 1);

const hist = ratios(h1, hN), vec = ratios(tSerial, tParallel), alloc = ratios(aSerial, aParallel);
const slower = ratios(tSerial, tHand);
const pct = (r: number) =>
  `${Math.abs((r - 1) * 100).toFixed(1)} % ${r >= 1 ? "slower" : "faster"}`;
const x_ = (r: { mid: number; lo: number; hi: number }) =>
  `${r.mid.toFixed(2)}x (turns ${r.lo.toFixed(2)}–${r.hi.toFixed(2)})`;
console.log(
  `parallel forms (${new Date().toISOString().slice(0, 10)}, pool of ${N}, n = 1e7; ` +
    `medians of per-turn ratios)`,
);
console.log(
  `  histogram, 256 bins (array reduction), 31 turns: 1 thread ${ms(h1)}, ${N} threads ` +
    `${ms(hN)}: ${x_(hist)}; ${cores(h1, hN)}`,
);
console.log(
  `  vectorize(f) serial ${ms(tSerial)} vs hand-written jitted loop ${ms(tHand)}, 11 turns: ` +
    `${pct(slower.mid)} (turns ${pct(slower.lo)} to ${pct(slower.hi)})`,
);
console.log(
  `  vectorize(f, { target: "parallel" }) on ${N} threads ${ms(tParallel)}: ${x_(vec)} the ` +
    `serial vectorize; ${cores(tSerial, tParallel)}`,
);
console.log(
  `  the same allocating its output (vectorized(x)), 7 turns: serial ${ms(aSerial)}, ` +
    `${N} threads ${ms(aParallel)}: ${x_(alloc)}; ${cores(aSerial, aParallel)}`,
);
console.log(
  `  issue 15 targets${N === 2 ? "" : " (set for a pool of 2: TSJIT_NUM_THREADS=2)"}: ` +
    `histogram ${N} threads ≥ 1.7x its 1-thread time ${verdict(hist.mid >= 1.7)}; vectorize ` +
    `serial within 10 % of the loop ${verdict(slower.mid <= 1.1)}; vectorize ${N} threads ` +
    `≥ 1.8x serial ${verdict(vec.mid >= 1.8)}`,
);

// The cost of one parallel region with trivial work (one element per thread), at 1 thread and
// at all threads, and the same dispatch done with piscina (the design card's choice); then the
// speed-up of a compute-bound kernel (mandelbrot rows) from 1 thread to all, in one run.
// Run: ./tsjit run --allow-run bench/region.ts
import { getNumThreads, jit, prange, setNumThreads } from "../mod.ts";
import { median, nsPerCall, timeInTurns } from "./_stats.ts";
import { mandelbrot as mandelbrotRows } from "../examples/mandelbrot.ts";

const N = getNumThreads();
const region = jit((a: Float64Array) => {
  for (const i of prange(a.length)) a[i] += 1;
});
const a = new Float64Array(new SharedArrayBuffer(8 * N));

setNumThreads(1);
const one = nsPerCall(() => region(a), 100_000, 9) / 1000;
setNumThreads(N);
const all = nsPerCall(() => region(a), 100_000, 9) / 1000;
const expected = new Float64Array(N).fill(a[0]);
if (!a.every((v, i) => v === expected[i])) throw new Error("region results differ");

let piscinaUs: number | string = "skipped";
try {
  const { Piscina } = await import("piscina");
  const pool = new Piscina({
    filename: new URL("./_piscina_task.mjs", import.meta.url).href,
    minThreads: N,
    maxThreads: N,
  });
  const b = new Float64Array(new SharedArrayBuffer(8 * N));
  const runRegion = () => Promise.all(Array.from({ length: N }, (_, i) => pool.run({ a: b, i })));
  for (let i = 0; i < 200; i++) await runRegion();
  const ts: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    for (let i = 0; i < 200; i++) await runRegion();
    ts.push(((performance.now() - t) / 200) * 1000);
  }
  piscinaUs = median(ts);
  await pool.destroy();
} catch (e) {
  piscinaUs = `skipped (${(e as Error).message.split("\n")[0]})`;
}

const f = (v: number | string) => (typeof v === "number" ? `${v.toFixed(2)} µs` : v);
console.log(
  `parallel region with trivial work (${new Date().toISOString().slice(0, 10)}, pool of ${N})`,
);
console.log(`  tsjit, 1 thread:    ${f(one)} per call`);
console.log(`  tsjit, ${N} threads:   ${f(all)} per call`);
console.log(`  piscina, ${N} tasks:   ${f(piscinaUs)} per region`);

const mandelbrot = jit(mandelbrotRows);
const img = new Uint8Array(1024 * 1024);
const [m1, mN] = timeInTurns(
  [
    () => (setNumThreads(1), mandelbrot(img, 1024, 1024, 200)),
    () => (setNumThreads(N), mandelbrot(img, 1024, 1024, 200)),
  ],
  9,
  1,
);
console.log(
  `mandelbrot 1024x1024, 200 iterations, prange over rows: 1 thread ${m1.toFixed(1)} ms, ` +
    `${N} threads ${mN.toFixed(1)} ms: ${(m1 / mN).toFixed(2)}x`,
);

// Dispatch cost against the number of specializations: one function of four typed arrays,
// compiled for N of the 9^4 tuples of array kinds, then the cost of a call to the first, the
// last and spread-out ones, beside the same function with one specialization. With a linear
// chain of guards the last would cost N times the first; tsjit's dispatch table keeps them flat.
// Run: ./tsjit run bench/dispatch.ts [N=2000]
import { jit } from "../mod.ts";
import { median, nsPerCall } from "./_stats.ts";
import { ARRAY_TYPES } from "../compiler/types/types.ts";

const N = Number(Deno.args[0] ?? 2000);
const KINDS = ARRAY_TYPES.map((name) => globalThis[name]);
type Arr = Float64Array;
const kernel = (a: Arr, b: Arr, c: Arr, d: Arr) => a[0] + b[0] + c[0] + d[0];
const f = jit(kernel, { maxSpecializations: N });
const one = jit(kernel);

/** The k-th tuple of kinds, as arrays holding k's digits (so each result identifies its tuple). */
function tuple(k: number): Arr[] {
  const digits = [k % 9, Math.floor(k / 9) % 9, Math.floor(k / 81) % 9, Math.floor(k / 729) % 9];
  return digits.map((d, i) => new KINDS[d]([d + i]) as unknown as Arr);
}
const rss = () => Math.round(Deno.memoryUsage().rss / 2 ** 20);
const rss0 = rss();
const t0 = performance.now();
const tuples = Array.from({ length: N }, (_, k) => tuple(k));
for (const [k, t] of tuples.entries()) {
  const r = f(t[0], t[1], t[2], t[3]);
  if (r !== kernel(t[0], t[1], t[2], t[3])) throw new Error(`tuple ${k}: ${r}`);
}
const compileS = (performance.now() - t0) / 1000;
if (f.signatures.length !== N) throw new Error(`${f.signatures.length} specializations`);

const t1 = tuples[0];
const single = nsPerCall(() => one(t1[0], t1[1], t1[2], t1[3]), 100_000, 9);
const picks = [0, 1, 2, 3, 4, Math.floor(N / 2), N - 2, N - 1];
const costs = picks.map((k) => {
  const t = tuples[k];
  return nsPerCall(() => f(t[0], t[1], t[2], t[3]), 100_000, 9);
});
// Round-robin over every specialization (the map path, a different tuple at each call).
let i = 0;
const mixed = nsPerCall(
  () => {
    const t = tuples[i++ % N];
    return f(t[0], t[1], t[2], t[3]);
  },
  100_000,
  9,
);

console.log(`${N} specializations compiled in ${compileS.toFixed(1)} s, RSS ${rss0} → ${rss()} MB`);
console.log(`one specialization:      ${single.toFixed(0)} ns per call`);
for (const [j, k] of picks.entries()) {
  console.log(`specialization #${String(k + 1).padEnd(5)}   ${costs[j].toFixed(0)} ns per call`);
}
console.log(`all ${N}, in turn:       ${mixed.toFixed(0)} ns per call`);
console.log(
  `worst ${Math.max(...costs, mixed).toFixed(0)} ns, median ${median(costs).toFixed(0)} ns`,
);

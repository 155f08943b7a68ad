// Distributed Monte Carlo estimate of π from the volume of the unit ball (an eighth of it fills
// π/6 of the unit cube): each rank takes a contiguous range of the sample indices and counts the
// points inside with a jitted kernel whose loop runs on the rank's thread pool (prange); an
// allreduce adds the counts. Every sample's point is a hash of
// its global index, so the count, and the estimate, are the same for any number of ranks and
// threads (and equal to plain JS's).
//
// Run: ./tsjit mpirun -n 2 [--threads 1] examples/montecarlo_mpi.ts [SAMPLES]
import { getNumThreads, jit, prange } from "../mod.ts";
import { allreduce, rank, size } from "../distributed/mod.ts";

/** A uniform double in [0, 1) from the 32-bit hash of `k` ("lowbias32", C. Wellons). */
export function uniform(k: number) {
  let h = k ^ (k >>> 16);
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** How many of the samples lo..hi-1 (points of the unit cube) fall inside the unit ball. */
export function countInside(lo: number, hi: number, seed: number) {
  let inside = 0;
  for (const i of prange(lo, hi)) {
    const k = Math.imul(i, 3) + seed;
    const x = uniform(k), y = uniform(k + 1), z = uniform(k + 2);
    if (x * x + y * y + z * z <= 1) inside++;
  }
  return inside;
}

if (import.meta.main) {
  const samples = Number(Deno.args[0] ?? 2e8), seed = 12345;
  const r = rank(), n = size();
  const lo = Math.floor((samples * r) / n), hi = Math.floor((samples * (r + 1)) / n);
  const count = jit(countInside, { globals: { uniform: jit(uniform) } });
  const t0 = performance.now();
  const total = allreduce(new Float64Array([count(lo, hi, seed)]), "sum")[0];
  const ms = performance.now() - t0;
  if (r === 0) {
    console.log(`${samples} samples: ${total} inside, pi ~ ${(6 * total) / samples}`);
    console.log(
      `time: ${ms.toFixed(1)} ms, compile included (${n} ranks x ${getNumThreads()} threads)`,
    );
  }
}

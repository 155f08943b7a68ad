// One side of bench/mpi.ts, run on every rank: allreduce (sum, in place) of 8 bytes and of 8 MB,
// timed as bench/contenders/allreduce_mpi4py.py times it. Rank 0 prints one JSON line.
import { allreduce, barrier, rank } from "../distributed/mod.ts";

/** Median over `reps` of the slowest rank's time per call, in µs, for `iters` calls. */
function time(buf: Float64Array, iters: number, reps: number): number {
  const per: number[] = [];
  const slowest = new Float64Array(1);
  for (let i = 0; i < 10; i++) allreduce(buf, "sum");
  for (let k = 0; k < reps; k++) {
    barrier();
    const t = performance.now();
    for (let i = 0; i < iters; i++) allreduce(buf, "sum");
    slowest[0] = ((performance.now() - t) * 1000) / iters;
    per.push(allreduce(slowest, "max")[0]);
  }
  per.sort((a, b) => a - b);
  return per[per.length >> 1];
}

const small = time(new Float64Array(1), 2000, 7);
const bigUs = time(new Float64Array(1 << 20), 10, 7);
if (rank() === 0) {
  console.log(JSON.stringify({ latencyUs: small, bandwidthGBs: (8 * (1 << 20)) / (bigUs * 1000) }));
}

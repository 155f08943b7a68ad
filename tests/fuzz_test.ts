// Differential fuzzing against plain JS. CI checks a bounded number of random programs;
// `./tsjit test --fuzz N` (TSJIT_FUZZ_RUNS=N) checks N.
import { fuzz } from "./_fuzz.ts";

const runs = Number(Deno.env.get("TSJIT_FUZZ_RUNS") ?? 150);

Deno.test(`random programs agree with plain JS (${runs} programs)`, () => {
  const t = performance.now();
  fuzz(runs);
  console.log(`  ${runs} programs in ${((performance.now() - t) / 1000).toFixed(1)} s`);
});

// Differential fuzzing against plain JS. CI checks a bounded number of random programs from a
// fixed seed (reproducible); `./tsjit test --fuzz N` checks N programs from a fresh seed, which
// it prints, and TSJIT_FUZZ_SEED replays one. A fifth as many (at most 2,000) loop programs over
// overlapping views of one buffer (_fuzz_views.ts) run with the same seed.
import { fuzz } from "./_fuzz.ts";
import { fuzzViews } from "./_fuzz_views.ts";

const requested = Deno.env.get("TSJIT_FUZZ_RUNS");
const runs = Number(requested ?? 80);
const seedEnv = Deno.env.get("TSJIT_FUZZ_SEED");
const seed = seedEnv !== undefined
  ? Number(seedEnv)
  : requested === undefined
  ? 20261122
  : Math.floor(Math.random() * 2 ** 31);

Deno.test(`random programs agree with plain JS (${runs} programs, seed ${seed})`, () => {
  const t = performance.now();
  fuzz(runs, seed);
  console.log(
    `  ${runs} programs in ${((performance.now() - t) / 1000).toFixed(1)} s (seed ${seed})`,
  );
});

const viewRuns = Math.min(Math.ceil(runs / 5), 2000); // each compiles: about 0.2 s
Deno.test(`random loops over overlapping views agree with plain JS (${viewRuns} programs, seed ${seed})`, () => {
  const t = performance.now();
  fuzzViews(viewRuns, seed);
  console.log(
    `  ${viewRuns} programs in ${((performance.now() - t) / 1000).toFixed(1)} s (seed ${seed})`,
  );
});

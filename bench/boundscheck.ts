// The cost of default bounds checking: each kernel jitted with checks (the default) and with
// `boundscheck: false`, timed in turns in one run. Run: ./tsjit run bench/boundscheck.ts
import { jit } from "../mod.ts";
import { SUITE } from "./suite.ts";
import { timeInTurns } from "./_stats.ts";

console.log(
  `bounds checks on and off (${new Date().toISOString().slice(0, 10)}), medians of 11 runs`,
);
console.log("kernel         checked ms  unchecked ms  checked/unchecked");
for (const k of SUITE) {
  const checked = k.fns.map((f) => jit(f));
  const unchecked = k.fns.map((f) => jit(f, { boundscheck: false }));
  const a = k.inputs();
  const b = k.inputs();
  const [tc, tu] = timeInTurns([() => k.call(checked, a), () => k.call(unchecked, b)], 11, 1);
  console.log(
    `${k.name.padEnd(15)}${tc.toFixed(3).padStart(10)}  ${tu.toFixed(3).padStart(12)}  ${
      (tc / tu).toFixed(2).padStart(17)
    }`,
  );
}

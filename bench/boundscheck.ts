// The cost of default bounds checking: each kernel jitted with checks (the default) and with
// `boundscheck: false`, timed in turns in one run. Run: ./tsjit run bench/boundscheck.ts
import { jit } from "../mod.ts";
import { KERNELS } from "./kernels.ts";
import { timeInTurns } from "./_stats.ts";

console.log(
  `bounds checks on and off (${new Date().toISOString().slice(0, 10)}), medians of 21 runs`,
);
console.log("kernel      checked ms  unchecked ms  checked/unchecked");
for (const k of KERNELS) {
  const checked = jit(k.fn);
  const unchecked = jit(k.fn, { boundscheck: false });
  const a = k.inputs();
  const b = k.inputs();
  const [tc, tu] = timeInTurns([() => checked(...a), () => unchecked(...b)], 21, 2);
  console.log(
    `${k.name.padEnd(12)}${tc.toFixed(3).padStart(10)}  ${tu.toFixed(3).padStart(12)}  ${
      (tc / tu).toFixed(2).padStart(17)
    }`,
  );
}

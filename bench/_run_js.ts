// One contender of one kernel in its own process: `plain` (V8) or `jit` (tsjit; the thread count
// comes from TSJIT_NUM_THREADS). Prints JSON: median, min and max ms, checksum, first-call ms.
// Usage: deno run ... bench/_run_js.ts KERNEL plain|jit [RUNS]
import { jit } from "../mod.ts";
import { SUITE } from "./suite.ts";
import { median } from "./_stats.ts";

const [name, mode, runsArg] = Deno.args;
const kernel = SUITE.find((k) => k.name === name);
if (!kernel) throw new Error(`unknown kernel ${name}`);
const runs = Number(runsArg ?? 7);

// jit all the kernel's functions first, compile on the first run. They are defined in suite.ts,
// not here: helpers are given to each other by name through `globals`.
const globals: Record<string, (...args: never[]) => unknown> = {};
const fns = mode === "jit"
  ? kernel.fns.map((f) => (globals[f.name] = jit(f, { globals })))
  : kernel.fns;
const inputs = kernel.inputs();
let t = performance.now();
const check = kernel.check(inputs, kernel.call(fns, inputs));
const first = performance.now() - t;
const times: number[] = [];
for (let r = 0; r < runs; r++) {
  t = performance.now();
  kernel.call(fns, inputs);
  times.push(performance.now() - t);
}
console.log(
  JSON.stringify({
    ms: median(times),
    min: Math.min(...times),
    max: Math.max(...times),
    check,
    firstMs: first,
  }),
);

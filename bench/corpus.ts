// The real-code corpus (tests/corpus/) timed: every function that compiles and gives plain JS's
// results, called plain and jitted on its first input set, in one run. Per function: the best of
// 7 batches of calls (each batch at least 2 ms), in ns per call, and the speedup. Small
// functions measure mostly the cost of a call into compiled code. Run: ./tsjit run bench/corpus.ts
import { type AnyFn, Gen, jitAll, runProject } from "../tests/corpus/harness.ts";
import { loadProject, PROJECTS } from "../tests/corpus/run.ts";

/** ns per call of f on these arguments: the best of 7 batches of at least 2 ms. */
function time(f: AnyFn, self: unknown, args: unknown[]): number {
  let n = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) Reflect.apply(f, self, args);
    if (performance.now() - t0 >= 2 || n >= 1 << 22) break;
    n *= 2;
  }
  let best = Infinity;
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) Reflect.apply(f, self, args);
    best = Math.min(best, (performance.now() - t0) / n);
  }
  return best * 1e6;
}

const rows: [string, string, number, number][] = [];
for (const name of Deno.args.length ? Deno.args : PROJECTS) {
  const p = await loadProject(name);
  const jitted = jitAll(p);
  const results = runProject(p, 2, jitted);
  p.cases.forEach((c, i) => {
    if (results[i].outcome !== "identical") return;
    const input = () => {
      const g = new Gen(1000, false, 0);
      const self = c.self?.(g);
      return { self, args: c.args(g, self) };
    };
    const a = input(), b = input();
    rows.push([name, c.name, time(c.fn, a.self, a.args), time(jitted.get(c.fn)!, b.self, b.args)]);
  });
}

const w = Math.max(...rows.map((r) => `${r[0]}: ${r[1]}`.length));
console.log(`${"function".padEnd(w)}  plain ns  jitted ns  speedup`);
for (const [p, f, plain, jit] of rows) {
  console.log(
    `${`${p}: ${f}`.padEnd(w)}  ${plain.toFixed(1).padStart(8)}  ${jit.toFixed(1).padStart(9)}  ${
      (plain / jit).toFixed(2).padStart(6)
    }x`,
  );
}
const geo = Math.exp(rows.reduce((s, r) => s + Math.log(r[2] / r[3]), 0) / rows.length);
console.log(`${rows.length} functions; geometric mean speedup ${geo.toFixed(2)}x`);

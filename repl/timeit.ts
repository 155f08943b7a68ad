// `.timeit EXPR`, after IPython's %timeit: the first call is reported apart (it compiles), then
// batches of calls sized to ~0.2 s, seven times; min and median per call.
import type { Session } from "./session.ts";

function format(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  if (ms >= 1e-3) return `${(ms * 1e3).toFixed(2)} µs`;
  return `${(ms * 1e6).toFixed(1)} ns`;
}

/** Times `expr` in the session; returns the report. */
export function timeit(session: Session, expr: string): string {
  if (!expr.trim()) return "usage: .timeit EXPRESSION";
  const made = session.eval(`() => (${expr})`);
  if (made.kind !== "value" || typeof made.value !== "function") {
    return made.kind === "error" ? made.message : "cannot time that expression";
  }
  const f = made.value as () => unknown;
  const compiled = () =>
    [...session.functions.values()].reduce((n, g) => n + g.signatures.length, 0);
  const before = compiled();
  let t = performance.now();
  f();
  const first = performance.now() - t;
  const note = compiled() > before ? "includes compiling" : "nothing new to compile";
  let loops = 1;
  for (;;) {
    t = performance.now();
    for (let i = 0; i < loops; i++) f();
    const took = performance.now() - t;
    if (took >= 200 || loops >= 1e7) break;
    loops *= took < 20 ? 10 : 2;
  }
  const per: number[] = [];
  for (let r = 0; r < 7; r++) {
    t = performance.now();
    for (let i = 0; i < loops; i++) f();
    per.push((performance.now() - t) / loops);
  }
  per.sort((a, b) => a - b);
  return `first call ${format(first)} (${note}); ${format(per[3])} median, ` +
    `${format(per[0])} min per call (7 runs of ${loops} calls)`;
}

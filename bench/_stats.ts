// Timing helpers shared by the benchmark scripts.
import process from "node:process";

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median nanoseconds per call of `f`, measured in batches of `batch` calls. */
export function nsPerCall(f: () => unknown, batch = 200_000, batches = 15): number {
  for (let i = 0; i < batch; i++) f();
  const ts: number[] = [];
  for (let k = 0; k < batches; k++) {
    const t = performance.now();
    for (let i = 0; i < batch; i++) f();
    ts.push((performance.now() - t) / batch * 1e6);
  }
  return median(ts);
}

/** Milliseconds of each call of one function in `samplesInTurns`, and the CPU time it used. */
export interface Samples {
  ms: number[];
  /** per call: CPU milliseconds of the whole process (all threads, user and system) */
  cpuMs: number[];
}

/**
 * Each function's times, run in turns (a, b, c, a, b, c, ...) so that the machine's drifting
 * load falls on all of them alike: ratios of the calls of one turn stay comparable.
 */
export function samplesInTurns(fs: (() => unknown)[], runs = 41, warmup = 3): Samples[] {
  for (let i = 0; i < warmup; i++) fs.forEach((f) => f());
  const out: Samples[] = fs.map(() => ({ ms: [], cpuMs: [] }));
  for (let i = 0; i < runs; i++) {
    fs.forEach((f, k) => {
      const c = process.cpuUsage();
      const t = performance.now();
      f();
      out[k].ms.push(performance.now() - t);
      const { user, system } = process.cpuUsage(c);
      out[k].cpuMs.push((user + system) / 1000);
    });
  }
  return out;
}

/** Median milliseconds of each function, run in turns (see samplesInTurns). */
export function timeInTurns(fs: (() => unknown)[], runs = 41, warmup = 3): number[] {
  return samplesInTurns(fs, runs, warmup).map((s) => median(s.ms));
}

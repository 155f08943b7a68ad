// Timing helpers shared by the benchmark scripts.

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

/**
 * Median milliseconds of each function, run in turns (a, b, c, a, b, c, ...) so that the
 * machine's drifting load falls on all of them alike: ratios from one run stay comparable.
 */
export function timeInTurns(fs: (() => unknown)[], runs = 41, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) fs.forEach((f) => f());
  const ts: number[][] = fs.map(() => []);
  for (let i = 0; i < runs; i++) {
    fs.forEach((f, k) => {
      const t = performance.now();
      f();
      ts[k].push(performance.now() - t);
    });
  }
  return ts.map(median);
}

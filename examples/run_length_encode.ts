// Run-length encoding of a byte stream: values[k] repeated counts[k] times.
// Run: ./tsjit run examples/run_length_encode.ts
import { jit } from "../mod.ts";

export function rle(data: Uint8Array, values: Uint8Array, counts: Int32Array): number {
  if (data.length === 0) return 0;
  let runs = 0;
  let current = data[0];
  let count = 1;
  for (let i = 1; i < data.length; i++) {
    const v = data[i];
    if (v === current) {
      count++;
    } else {
      values[runs] = current;
      counts[runs] = count;
      runs++;
      current = v;
      count = 1;
    }
  }
  values[runs] = current;
  counts[runs] = count;
  return runs + 1;
}
if (import.meta.main) {
  const rleJit = jit(rle);

  // Data with long and short runs, from a fixed-seed generator.
  const n = 4_000_000;
  const data = new Uint8Array(n);
  let seed = 12345;
  for (let i = 0; i < n;) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const len = 1 + (seed >>> 16) % 40;
    const value = (seed >>> 8) & 3;
    data.fill(value, i, Math.min(n, i + len));
    i += len;
  }

  const values = new Uint8Array(n), counts = new Int32Array(n);
  const vPlain = new Uint8Array(n), cPlain = new Int32Array(n);
  const t0 = performance.now();
  const runs = rleJit(data, values, counts);
  const first = performance.now() - t0;
  const runsPlain = rle(data, vPlain, cPlain);
  let same = runs === runsPlain;
  for (let k = 0; same && k < runs; k++) same = values[k] === vPlain[k] && counts[k] === cPlain[k];

  const best = (f: () => void) => {
    let b = Infinity;
    for (let k = 0; k < 10; k++) {
      const t = performance.now();
      f();
      b = Math.min(b, performance.now() - t);
    }
    return b;
  };
  const plain = best(() => rle(data, vPlain, cPlain));
  const compiled = best(() => rleJit(data, values, counts));
  console.log(
    `${n} bytes → ${runs} runs; first runs: ${
      Array.from({ length: 5 }, (_, k) => `${values[k]}×${counts[k]}`).join(" ")
    } (same as plain JS: ${same})`,
  );
  console.log(
    `first call ${first.toFixed(1)} ms; plain JS ${plain.toFixed(2)} ms, tsjit ${
      compiled.toFixed(2)
    } ms ` +
      `(${(plain / compiled).toFixed(1)}x)`,
  );
}

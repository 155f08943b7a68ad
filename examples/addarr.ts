// Element-wise addition, the first kernel of the seed material: float64 and uint8 arrays.
// Run: ./tsjit run examples/addarr.ts
import { jit } from "../mod.ts";

export function addarr(
  x: Float64Array | Uint8Array,
  y: Float64Array | Uint8Array,
  r: Float64Array | Uint8Array,
) {
  for (let i = 0; i < r.length; i++) r[i] = x[i] + y[i];
}
if (import.meta.main) {
  const addarrJit = jit(addarr);

  const bestOf = (runs: number, f: () => void): number => {
    let best = Infinity;
    for (let k = 0; k < runs; k++) {
      const t = performance.now();
      f();
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };

  const n = 1_000_000;
  for (const Kind of [Float64Array, Uint8Array]) {
    const x = new Kind(n).map((_, i) => i % 200);
    const y = new Kind(n).map((_, i) => (i * 7) % 100);
    const expected = new Kind(n);
    const r = new Kind(n);
    const t0 = performance.now();
    addarrJit(x, y, r); // first call: compiles for these argument types
    const compileMs = performance.now() - t0;
    addarr(x, y, expected);
    const same = r.every((v, i) => Object.is(v, expected[i]));
    const plain = bestOf(20, () => addarr(x, y, expected));
    const compiled = bestOf(20, () => addarrJit(x, y, r));
    console.log(
      `${Kind.name}: r[0..4] = [${Array.from(r.subarray(0, 5)).join(", ")}], r[199] = ${r[199]}` +
        ` (same as plain JS: ${same})`,
    );
    console.log(
      `  first call ${compileMs.toFixed(1)} ms; plain JS ${plain.toFixed(3)} ms, ` +
        `tsjit ${compiled.toFixed(3)} ms (${(plain / compiled).toFixed(1)}x)`,
    );
  }
  console.log("signatures:", addarrJit.signatures.join("; "));
}

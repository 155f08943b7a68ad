// Mandelbrot set, 1024×1024, 200 iterations: the number of iterations per pixel, rows in
// parallel with prange (a plain serial loop when the function runs as plain JS).
// Run: ./tsjit run examples/mandelbrot.ts      (TSJIT_NUM_THREADS sets the pool size)
import { getNumThreads, jit, prange, setNumThreads } from "../mod.ts";

export function mandelbrot(out: Uint8Array, width: number, height: number, maxIter: number) {
  for (const y of prange(height)) {
    const ci = (y / height) * 2.4 - 1.2;
    for (let x = 0; x < width; x++) {
      const cr = (x / width) * 3.2 - 2.2;
      let zr = 0;
      let zi = 0;
      let k = 0;
      while (k < maxIter && zr * zr + zi * zi <= 4) {
        const t = zr * zr - zi * zi + cr;
        zi = 2 * zr * zi + ci;
        zr = t;
        k++;
      }
      out[y * width + x] = k;
    }
  }
}
if (import.meta.main) {
  const mandelbrotJit = jit(mandelbrot);

  const w = 1024, h = 1024, iters = 200;
  const out = new Uint8Array(w * h), expected = new Uint8Array(w * h);
  const t0 = performance.now();
  mandelbrotJit(out, w, h, iters);
  const first = performance.now() - t0;
  mandelbrot(expected, w, h, iters);
  const same = out.every((v, i) => v === expected[i]);

  const best = (f: () => void) => {
    let b = Infinity;
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      f();
      b = Math.min(b, performance.now() - t);
    }
    return b;
  };
  const plain = best(() => mandelbrot(expected, w, h, iters));
  const threads = getNumThreads();
  setNumThreads(1);
  const compiled1 = best(() => mandelbrotJit(out, w, h, iters));
  setNumThreads(threads);
  const compiled = best(() => mandelbrotJit(out, w, h, iters));
  let inside = 0;
  for (let i = 0; i < out.length; i++) if (out[i] === iters) inside++;
  console.log(
    `${w}x${h}, ${iters} iterations: ${inside} points inside (same as plain JS: ${same})`,
  );
  console.log(
    `first call ${first.toFixed(1)} ms; plain JS ${plain.toFixed(1)} ms; tsjit 1 thread ` +
      `${compiled1.toFixed(1)} ms, ${threads} threads ${compiled.toFixed(1)} ms: ` +
      `${(plain / compiled).toFixed(2)}x plain JS, ${
        (compiled1 / compiled).toFixed(2)
      }x one thread`,
  );
}

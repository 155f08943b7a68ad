// The neighbour graph of a skeleton image (as in skan/skimage): every foreground pixel of a
// one-pixel-wide skeleton is a node; an edge joins each pair of 8-connected foreground pixels.
// Pass 1 numbers the nodes; pass 2 writes each node's neighbours (CSR layout) and degrees.
// Run: ./tsjit run examples/skeleton_graph.ts
import { jit } from "../mod.ts";

export function numberPixels(img: Uint8Array, ids: Int32Array): number {
  let n = 0;
  for (let p = 0; p < img.length; p++) {
    if (img[p] !== 0) {
      ids[p] = n;
      n++;
    } else ids[p] = -1;
  }
  return n;
}

export function buildGraph(
  img: Uint8Array,
  ids: Int32Array,
  w: number,
  h: number,
  indptr: Int32Array,
  indices: Int32Array,
  degree: Uint8Array,
): number {
  let e = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      if (img[p] === 0) continue;
      const node = ids[p];
      indptr[node] = e;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if ((dx !== 0 || dy !== 0) && yy >= 0 && yy < h && xx >= 0 && xx < w) {
            const q = yy * w + xx;
            if (img[q] !== 0) {
              indices[e] = ids[q];
              e++;
            }
          }
        }
      }
      degree[node] = e - indptr[node];
    }
  }
  indptr[indptr.length - 1] = e;
  return e;
}

/** A synthetic skeleton: a grid of horizontal, vertical and diagonal one-pixel lines. */
export function skeleton(w: number, h: number): Uint8Array {
  const img = new Uint8Array(w * h);
  for (let y = 0; y < h; y += 37) for (let x = 0; x < w; x++) img[y * w + x] = 1;
  for (let x = 0; x < w; x += 53) for (let y = 0; y < h; y++) img[y * w + x] = 1;
  for (let d = 0; d < Math.min(w, h); d++) img[d * w + d] = 1;
  return img;
}

if (import.meta.main) {
  const numberJit = jit(numberPixels);
  const buildJit = jit(buildGraph);

  const run = (
    number: typeof numberPixels,
    build: typeof buildGraph,
    img: Uint8Array,
    w: number,
    h: number,
  ) => {
    const ids = new Int32Array(w * h);
    const n = number(img, ids);
    const indptr = new Int32Array(n + 1);
    const indices = new Int32Array(8 * n);
    const degree = new Uint8Array(n);
    const edges = build(img, ids, w, h, indptr, indices, degree);
    return { n, edges, indptr, indices, degree };
  };

  const w = 2048, h = 2048;
  const img = skeleton(w, h);
  const t0 = performance.now();
  const got = run(numberJit, buildJit, img, w, h);
  const first = performance.now() - t0;
  const want = run(numberPixels, buildGraph, img, w, h);
  const same = got.edges === want.edges && got.indices.every((v, i) => v === want.indices[i]) &&
    got.degree.every((v, i) => v === want.degree[i]);
  const junctions = got.degree.filter((d) => d > 2).length;
  const time = (f: () => void) => {
    let best = Infinity;
    for (let k = 0; k < 7; k++) {
      const t = performance.now();
      f();
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };
  const plain = time(() => run(numberPixels, buildGraph, img, w, h));
  const compiled = time(() => run(numberJit, buildJit, img, w, h));
  console.log(
    `skeleton ${w}x${h}: ${got.n} nodes, ${
      got.edges / 2
    } edges, ${junctions} pixels of degree > 2` +
      ` (same as plain JS: ${same})`,
  );
  console.log(
    `first call ${first.toFixed(1)} ms (compiles both); plain JS ${plain.toFixed(2)} ms, ` +
      `tsjit ${compiled.toFixed(2)} ms (${(plain / compiled).toFixed(1)}x)`,
  );
}

// Integer-heavy kernels written as their users write them (issue 10): checksums and hashes,
// a convolution indexed by a product of three integers, a stencil with a hoisted row offset,
// and a max-abs error reduction. Each runs plain and jitted in turns, in one run; the table
// gives the fastest of 21 runs of each (robust to a shared machine's interruptions) and the
// speedup over plain JS. Run: ./tsjit run bench/integers.ts
import { jit } from "../mod.ts";

/** Adler-32 as zlib and pako compute it: sums over blocks, reduced modulo 65521. */
export function adler32(adler: number, buf: Uint8Array, len: number, pos: number) {
  let s1 = (adler & 0xffff) | 0;
  let s2 = ((adler >>> 16) & 0xffff) | 0;
  let n = 0;
  while (len !== 0) {
    n = len > 2000 ? 2000 : len;
    len -= n;
    do {
      s1 = (s1 + buf[pos++]) | 0;
      s2 = (s2 + s1) | 0;
    } while (--n);
    s1 %= 65521;
    s2 %= 65521;
  }
  return (s1 | (s2 << 16)) | 0;
}

/** Adler-32 the textbook way: both sums reduced at every byte. */
export function adler32Simple(data: Uint8Array) {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; i++) {
    a = (a + data[i]) % 65521;
    b = (b + a) % 65521;
  }
  return (b * 65536 + a) >>> 0;
}

/** 32-bit FNV-1a. */
export function fnv1a(data: Uint8Array) {
  let h = 0x811c9dc5;
  for (let i = 0; i < data.length; i++) {
    h ^= data[i];
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit body and finalizer over 4-byte little-endian words. */
export function murmur3(data: Uint8Array, seed: number) {
  let h = seed | 0;
  const n = data.length & ~3;
  for (let i = 0; i < n; i += 4) {
    let k = data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= data.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 3x3 convolution of an interleaved image (`channels` per pixel), edges clamped. */
export function convolve(
  src: Float32Array,
  dst: Float32Array,
  w: number,
  h: number,
  channels: number,
  k: Float32Array,
) {
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < channels; c++) {
        let acc = 0;
        for (let ky = -1; ky <= 1; ky++) {
          const yy = Math.min(h - 1, Math.max(0, y + ky));
          for (let kx = -1; kx <= 1; kx++) {
            const xx = Math.min(w - 1, Math.max(0, x + kx));
            acc += src[yy * w * channels + xx * channels + c] * k[(ky + 1) * 3 + kx + 1];
          }
        }
        dst[y * w * channels + x * channels + c] = acc;
      }
    }
  }
}

/** A 5-point stencil with the row offset hoisted into a const, as most JS code has it. */
export function stencilHoisted(a: Float64Array, out: Float64Array, w: number, h: number) {
  for (let i = 1; i < h - 1; i++) {
    const r = i * w;
    for (let j = 1; j < w - 1; j++) {
      out[r + j] = 0.2 * (a[r + j] + a[r + j - 1] + a[r + j + 1] + a[r - w + j] + a[r + w + j]);
    }
  }
}

/** The same stencil with the index written inline. */
export function stencilInline(a: Float64Array, out: Float64Array, w: number, h: number) {
  for (let i = 1; i < h - 1; i++) {
    for (let j = 1; j < w - 1; j++) {
      out[i * w + j] = 0.2 *
        (a[i * w + j] + a[i * w + j - 1] + a[i * w + j + 1] + a[(i - 1) * w + j] +
          a[(i + 1) * w + j]);
    }
  }
}

/** The largest absolute difference between two arrays (a convergence test). */
export function maxError(x: Float64Array, y: Float64Array) {
  let e = 0;
  for (let i = 0; i < x.length; i++) e = Math.max(e, Math.abs(x[i] - y[i]));
  return e;
}

const bytes = new Uint8Array(1 << 20).map((_, i) => (i * 2654435761) >>> 24);
const W = 1000, H = 1000;
const img = new Float64Array(W * H).map((_, i) => Math.sin(i));
const out = new Float64Array(W * H);
const CW = 512, CH = 512, C = 3;
const rgb = new Float32Array(CW * CH * C).map((_, i) => (i % 251) / 251);
const rgbOut = new Float32Array(CW * CH * C);
const kern = new Float32Array([1, 2, 1, 2, 4, 2, 1, 2, 1]).map((v) => v / 16);
const ex = new Float64Array(1 << 20).map((_, i) => Math.cos(i));
const ey = ex.map((v, i) => v + (i % 7) * 1e-9);

// deno-lint-ignore no-explicit-any
type Fn = (...a: any[]) => unknown;
const cases: [string, Fn, () => unknown[]][] = [
  ["adler32 (pako)", adler32, () => [1, bytes, bytes.length, 0]],
  ["adler32 (textbook)", adler32Simple, () => [bytes]],
  ["fnv1a", fnv1a, () => [bytes]],
  ["murmur3", murmur3, () => [bytes, 42]],
  ["convolve 3x3", convolve, () => [rgb, rgbOut, CW, CH, C, kern]],
  ["stencil, hoisted row", stencilHoisted, () => [img, out, W, H]],
  ["stencil, inline index", stencilInline, () => [img, out, W, H]],
  ["max abs error", maxError, () => [ex, ey]],
];

if (import.meta.main) {
  console.log(`integer kernels (${new Date().toISOString().slice(0, 10)}), fastest of 21 runs`);
  console.log("kernel                   plain ms   tsjit ms   speedup");
  for (const [name, f, args] of cases) {
    const j = jit(f);
    const a = args(), b = args();
    const same = Object.is(f(...a), j(...b));
    const best = [Infinity, Infinity];
    for (let r = 0; r < 23; r++) {
      [() => f(...a), () => j(...b)].forEach((g, k) => {
        const t = performance.now();
        g();
        if (r >= 2) best[k] = Math.min(best[k], performance.now() - t);
      });
    }
    const [tp, tj] = best;
    console.log(
      `${name.padEnd(24)}${tp.toFixed(3).padStart(9)}  ${tj.toFixed(3).padStart(9)}  ${
        (tp / tj).toFixed(2).padStart(8)
      }${same ? "" : "  RESULT DIFFERS"}`,
    );
  }
}

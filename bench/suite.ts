// The benchmark suite: each kernel as a plain function (the plain-JS contender runs it as is,
// tsjit through jit()), with its inputs and a checksum of its result. The seed-material kernels
// are the examples' own functions. bench/contenders/ has the
// same kernels, the same inputs and the same checksums in C and in Python for Numba.
import { prange } from "../mod.ts";
import { addarr } from "../examples/addarr.ts";
import { mandelbrot } from "../examples/mandelbrot.ts";
import { rle } from "../examples/run_length_encode.ts";
import { buildGraph, numberPixels, skeleton } from "../examples/skeleton_graph.ts";

/** A benchmark kernel. */
export interface Kernel {
  name: string;
  /** uses prange (C gets OpenMP, Numba parallel=True) */
  parallel: boolean;
  /** the functions to compile; the first is the entry */
  // deno-lint-ignore no-explicit-any
  fns: ((...args: any[]) => any)[];
  /** fresh inputs */
  // deno-lint-ignore no-explicit-any
  inputs: () => any[];
  /** calls the kernel with `fns` (plain or jitted): this is what is timed */
  // deno-lint-ignore no-explicit-any
  call: (fns: ((...args: any[]) => any)[], inputs: any[]) => unknown;
  /** the checksum of a call's result and of the inputs it wrote */
  // deno-lint-ignore no-explicit-any
  check: (inputs: any[], result: any) => number;
}

const f64 = (n: number, f: (i: number) => number) => {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = f(i);
  return a;
};
const total = (a: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
};

export function sum(x: Float64Array) {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}

export function dot(x: Float64Array, y: Float64Array) {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}

export function blur(img: Float64Array, out: Float64Array, w: number, h: number) {
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const p = y * w + x;
      out[p] = (img[p - w - 1] + img[p - w] + img[p - w + 1] + img[p - 1] + img[p] + img[p + 1] +
        img[p + w - 1] + img[p + w] + img[p + w + 1]) / 9;
    }
  }
}

export function matmul(a: Float64Array, b: Float64Array, c: Float64Array, n: number) {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) c[i * n + j] = 0;
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k];
      for (let j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
    }
  }
}

export function nbody(
  px: Float64Array,
  py: Float64Array,
  pz: Float64Array,
  vx: Float64Array,
  vy: Float64Array,
  vz: Float64Array,
  m: Float64Array,
  dt: number,
) {
  const n = px.length;
  for (const i of prange(n)) {
    let ax = 0;
    let ay = 0;
    let az = 0;
    for (let j = 0; j < n; j++) {
      const dx = px[j] - px[i];
      const dy = py[j] - py[i];
      const dz = pz[j] - pz[i];
      const d2 = dx * dx + dy * dy + dz * dz + 0.01;
      const inv = m[j] / (d2 * Math.sqrt(d2));
      ax += dx * inv;
      ay += dy * inv;
      az += dz * inv;
    }
    vx[i] += ax * dt;
    vy[i] += ay * dt;
    vz[i] += az * dt;
  }
  for (const i of prange(n)) {
    px[i] += vx[i] * dt;
    py[i] += vy[i] * dt;
    pz[i] += vz[i] * dt;
  }
}

/** Points of the unit square inside the quarter circle, from a hash of the sample index. */
export function montecarlo(n: number, seed: number) {
  let inside = 0;
  const blocks = Math.ceil(n / 4096);
  for (const b of prange(blocks)) {
    const end = Math.min(n, (b + 1) * 4096);
    for (let i = b * 4096; i < end; i++) {
      let h = Math.imul(i ^ seed, 0x9E3779B1);
      h ^= h >>> 15;
      h = Math.imul(h, 0x85EBCA77);
      h ^= h >>> 13;
      const x = (h >>> 0) / 4294967296;
      h = Math.imul(h, 0xC2B2AE3D);
      h ^= h >>> 16;
      const y = (h >>> 0) / 4294967296;
      if (x * x + y * y <= 1) inside++;
    }
  }
  return (4 * inside) / n;
}

export function histogram(data: Float64Array, bins: Int32Array, lo: number, hi: number) {
  const nb = bins.length;
  for (let i = 0; i < nb; i++) bins[i] = 0;
  const scale = nb / (hi - lo);
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v >= lo && v < hi) bins[Math.floor((v - lo) * scale)]++;
  }
}

export function cnd(d: number) {
  const k = 1 / (1 + 0.2316419 * Math.abs(d));
  const poly = k *
    (0.31938153 + k * (-0.356563782 + k * (1.781477937 + k * (-1.821255978 + k * 1.330274429))));
  const c = 1 - 0.3989422804014327 * Math.exp(-0.5 * d * d) * poly;
  return d < 0 ? 1 - c : c;
}

export function blackscholes(
  s: Float64Array,
  k: Float64Array,
  t: Float64Array,
  r: number,
  v: number,
  call: Float64Array,
  put: Float64Array,
) {
  const n = s.length;
  const blocks = Math.ceil(n / 4096);
  for (const b of prange(blocks)) {
    const end = Math.min(n, (b + 1) * 4096);
    for (let i = b * 4096; i < end; i++) {
      const sq = v * Math.sqrt(t[i]);
      const d1 = (Math.log(s[i] / k[i]) + (r + 0.5 * v * v) * t[i]) / sq;
      const d2 = d1 - sq;
      const disc = k[i] * Math.exp(-r * t[i]);
      call[i] = s[i] * cnd(d1) - disc * cnd(d2);
      put[i] = disc * cnd(-d2) - s[i] * cnd(-d1);
    }
  }
}

/** Bytes with runs of 1 to 40, from a 32-bit LCG. */
export function rleData(n: number): Uint8Array {
  const data = new Uint8Array(n);
  let seed = 12345;
  for (let i = 0; i < n;) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const len = 1 + ((seed >>> 16) % 40);
    const value = (seed >>> 8) & 3;
    data.fill(value, i, Math.min(n, i + len));
    i += len;
  }
  return data;
}

const N = 10_000_000;

/** The suite, in table order. */
export const SUITE: Kernel[] = [
  {
    name: "addarr_f64",
    parallel: false,
    fns: [addarr],
    inputs:
      () => [f64(N, (i) => (i % 1000) * 0.5), f64(N, (i) => (i % 7) * 0.25), new Float64Array(N)],
    call: ([f], [x, y, r]) => f(x, y, r),
    check: ([, , r]) => total(r),
  },
  {
    name: "addarr_u8",
    parallel: false,
    fns: [addarr],
    inputs: () => [
      new Uint8Array(N).map((_, i) => i % 251),
      new Uint8Array(N).map((_, i) => (i * 7) % 256),
      new Uint8Array(N),
    ],
    call: ([f], [x, y, r]) => f(x, y, r),
    check: ([, , r]) => total(r),
  },
  {
    name: "skeleton_graph",
    parallel: false,
    fns: [numberPixels, buildGraph],
    inputs: () => {
      const img = skeleton(2048, 2048);
      const n = img.reduce((a, v) => a + v, 0);
      return [
        img,
        new Int32Array(img.length),
        new Int32Array(n + 1),
        new Int32Array(8 * n),
        new Uint8Array(n),
      ];
    },
    call: ([number, build], [img, ids, indptr, indices, degree]) => {
      number(img, ids);
      return build(img, ids, 2048, 2048, indptr, indices, degree);
    },
    check: ([, , , indices, degree], e) => e + total(indices.subarray(0, e)) + total(degree),
  },
  {
    name: "run_length",
    parallel: false,
    fns: [rle],
    inputs: () => [rleData(2 * N), new Uint8Array(2 * N), new Int32Array(2 * N)],
    call: ([f], [data, values, counts]) => f(data, values, counts),
    check: ([, values, counts], runs) => {
      let c = runs;
      for (let k = 0; k < runs; k++) c += counts[k] * values[k];
      return c;
    },
  },
  {
    name: "sum",
    parallel: false,
    fns: [sum],
    inputs: () => [f64(2 * N, (i) => (i % 1000) * 0.25)],
    call: ([f], [x]) => f(x),
    check: (_, r) => r,
  },
  {
    name: "dot",
    parallel: false,
    fns: [dot],
    inputs: () => [f64(N, (i) => i % 7), f64(N, (i) => (i % 5) * 0.5)],
    call: ([f], [x, y]) => f(x, y),
    check: (_, r) => r,
  },
  {
    name: "blur",
    parallel: false,
    fns: [blur],
    inputs: () => [f64(2048 * 2048, (i) => (i * 7919) % 255), new Float64Array(2048 * 2048)],
    call: ([f], [img, out]) => f(img, out, 2048, 2048),
    check: ([, out]) => total(out),
  },
  {
    name: "matmul",
    parallel: false,
    fns: [matmul],
    inputs: () => [
      f64(256 * 256, (i) => i % 17),
      f64(256 * 256, (i) => (i % 13) * 0.5),
      new Float64Array(256 * 256),
    ],
    call: ([f], [a, b, c]) => f(a, b, c, 256),
    check: ([, , c]) => total(c),
  },
  {
    name: "nbody",
    parallel: true,
    fns: [nbody],
    inputs: () => {
      const n = 3000;
      return [
        f64(n, (i) => (i % 37) * 0.1),
        f64(n, (i) => (i % 41) * 0.1 - 1),
        f64(n, (i) => (i % 43) * 0.05),
        new Float64Array(n),
        new Float64Array(n),
        new Float64Array(n),
        f64(n, (i) => 1 + (i % 5) * 0.1),
      ];
    },
    call: ([f], a) => f(...a, 0.01),
    check: (a) => a.slice(0, 6).reduce((s: number, x: Float64Array) => s + total(x), 0),
  },
  {
    name: "mandelbrot",
    parallel: true,
    fns: [mandelbrot],
    inputs: () => [new Uint8Array(1024 * 1024)],
    call: ([f], [out]) => f(out, 1024, 1024, 200),
    check: ([out]) => total(out),
  },
  {
    name: "montecarlo",
    parallel: true,
    fns: [montecarlo],
    inputs: () => [],
    call: ([f]) => f(2 * N, 42),
    check: (_, r) => r,
  },
  {
    name: "histogram",
    parallel: false,
    fns: [histogram],
    inputs:
      () => [f64(N, (i) => (Math.imul(i, 0x9E3779B1) >>> 0) / 4294967296), new Int32Array(256)],
    call: ([f], [data, bins]) => f(data, bins, 0, 1),
    check: ([, bins]) => {
      let c = 0;
      for (let k = 0; k < bins.length; k++) c += bins[k] * k;
      return c;
    },
  },
  {
    name: "blackscholes",
    parallel: true,
    fns: [blackscholes, cnd],
    inputs: () => {
      const n = 2_000_000;
      return [
        f64(n, (i) => 50 + (i % 100)),
        f64(n, (i) => 40 + (i % 80)),
        f64(n, (i) => 0.25 + (i % 8) * 0.25),
        new Float64Array(n),
        new Float64Array(n),
      ];
    },
    call: ([f], [s, k, t, call, put]) => f(s, k, t, 0.02, 0.3, call, put),
    check: ([, , , call, put]) => total(call) + total(put),
  },
];

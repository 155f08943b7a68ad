// Benchmark kernels, each a plain numeric function with a way to build its inputs, shared by
// the benchmark scripts. The same algorithm is written for C and Numba in bench/contenders/.

/** A kernel: its function and a maker of fresh inputs at benchmark size. */
export interface Kernel {
  name: string;
  // deno-lint-ignore no-explicit-any
  fn: (...args: any[]) => unknown;
  // deno-lint-ignore no-explicit-any
  inputs: () => any[];
}

function filled(n: number, f: (i: number) => number): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = f(i);
  return a;
}

export function addarr(x: Float64Array, y: Float64Array, r: Float64Array) {
  for (let i = 0; i < r.length; i++) r[i] = x[i] + y[i];
}

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

export function histogram(data: Float64Array, bins: Int32Array, lo: number, hi: number) {
  const nb = bins.length;
  for (let i = 0; i < nb; i++) bins[i] = 0;
  const scale = nb / (hi - lo);
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v >= lo && v < hi) bins[Math.floor((v - lo) * scale)]++;
  }
}

/** The kernels with inputs sized to take milliseconds in plain JS. */
export const KERNELS: Kernel[] = [
  {
    name: "addarr",
    fn: addarr,
    inputs:
      () => [filled(1e6, (i) => i * 0.5), filled(1e6, (i) => 1 / (i + 1)), new Float64Array(1e6)],
  },
  { name: "sum", fn: sum, inputs: () => [filled(4e6, (i) => (i % 1000) * 0.25)] },
  {
    name: "dot",
    fn: dot,
    inputs: () => [filled(2e6, (i) => i % 7), filled(2e6, (i) => (i % 5) * 0.5)],
  },
  {
    name: "blur",
    fn: blur,
    inputs: () => [
      filled(1024 * 1024, (i) => (i * 7919) % 255),
      new Float64Array(1024 * 1024),
      1024,
      1024,
    ],
  },
  {
    name: "matmul",
    fn: matmul,
    inputs: () => [
      filled(256 * 256, (i) => i % 17),
      filled(256 * 256, (i) => (i % 13) * 0.5),
      new Float64Array(256 * 256),
      256,
    ],
  },
  {
    name: "histogram",
    fn: histogram,
    inputs: () => [
      filled(4e6, (i) => ((i * 2654435761) % 4294967296) / 4294967296),
      new Int32Array(256),
      0,
      1,
    ],
  },
];

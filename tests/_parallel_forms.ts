// Run by parallel_test.ts per TSJIT_NUM_THREADS value: the reduction forms Numba accepts, array
// reductions, last values and private variables, against plain JS. Data are integers (or powers
// of two) where thread counts reassociate, so every result must be exact; fractional data run
// with one thread, which must give the serial result bit for bit.
import {
  CompileError,
  getChunkSize,
  getNumThreads,
  jit,
  prange,
  setChunkSize,
  setNumThreads,
  vectorize,
} from "../mod.ts";
import { checkSame, rng } from "./_differential.ts";
import { assert, assertThrows } from "./_assert.ts";

const r = rng(7);
const n = 200_003;
const labels = new Int32Array(n).map(() => Math.floor(r() * 37));
const ints = new Float64Array(n).map(() => Math.floor((r() - 0.5) * 200));
const fracs = new Float64Array(n).map(() => r() * 10 - 5);

// array reductions: histograms with indirect updates, in every spelling
function histogram(labels: Int32Array, counts: Float64Array) {
  for (const i of prange(labels.length)) counts[labels[i]] += 1;
}
function histogramInt(labels: Int32Array, counts: Int32Array) {
  for (const i of prange(labels.length)) {
    const k = labels[i];
    counts[k]++;
  }
}
function histogramForms(labels: Int32Array, x: Float64Array, h: Float64Array, m: Float64Array) {
  for (const i of prange(labels.length)) {
    const k = labels[i];
    h[k] = h[k] + x[i];
    h[k + 37] -= x[i];
    m[k] = Math.max(m[k], x[i]);
  }
}
const counts2m = jit(histogram);
const big = new Int32Array(2_000_000).map((_, i) => (i * 7919) % 10);
const c = new Float64Array(10);
counts2m(big, c);
assert(c.every((v) => v === 200_000), `histogram counts ${c}`);
checkSame(histogram, [[labels, new Float64Array(37)]]);
checkSame(histogramInt, [[labels, new Int32Array(37).fill(5)]]);
checkSame(histogramForms, [[labels, ints, new Float64Array(74), new Float64Array(37)]]);

// the array reductions' chunks: several per thread where the private copies are small (threads
// done early take more; setChunkSize applies), fewer where copies would cost more than the loop
// (two chunks for 200,003 iterations into 40,000 elements; the column sums of 10 rows of 20,000
// below run serially). Counts are exact at every schedule, and a float sum is the same on every
// call for a given thread count and chunk size, whichever thread runs which chunk.
const fracHistogram = jit((labels: Int32Array, x: Float64Array, h: Float64Array) => {
  for (const i of prange(labels.length)) h[labels[i]] += x[i];
});
for (const size of [0, 1, 5_000]) {
  setChunkSize(size);
  checkSame(histogram, [[labels, new Float64Array(37)]]);
  const first = new Float64Array(37);
  fracHistogram(labels, fracs, first);
  for (let call = 0; call < 4; call++) {
    const h = new Float64Array(37);
    fracHistogram(labels, fracs, h);
    assert(h.every((v, i) => Object.is(v, first[i])), `chunk size ${size}: not deterministic`);
  }
}
setChunkSize(0);
checkSame(histogram, [[labels, new Float64Array(40_000)]]);

// a k-means assignment step: nearest centroid, then per-cluster counts and coordinate sums
function kmeansStep(
  x: Float64Array,
  cent: Float64Array,
  k: number,
  labels: Int32Array,
  counts: Float64Array,
  sums: Float64Array,
) {
  const d = cent.length / k;
  for (const i of prange(labels.length)) {
    let best = 0;
    let bestDist = Infinity;
    for (let c = 0; c < k; c++) {
      let dist = 0;
      for (let j = 0; j < d; j++) {
        const t = x[i * d + j] - cent[c * d + j];
        dist += t * t;
      }
      if (dist < bestDist) {
        bestDist = dist;
        best = c;
      }
    }
    labels[i] = best;
    counts[best] += 1;
    for (let j = 0; j < d; j++) sums[best * d + j] += x[i * d + j];
  }
}
const pts = 50_000, dims = 3, clusters = 5;
const xs = new Float64Array(pts * dims).map(() => Math.floor(r() * 100));
const cents = new Float64Array(clusters * dims).map(() => Math.floor(r() * 100));
checkSame(kmeansStep, [[
  xs,
  cents,
  clusters,
  new Int32Array(pts),
  new Float64Array(clusters),
  new Float64Array(clusters * dims),
]]);

// an element-loop array reduction: result[j] += tmp[j] inside the prange over rows
checkSame(function columnSums(m: Float64Array, w: number, result: Float64Array) {
  for (const i of prange(m.length / w)) {
    for (let j = 0; j < w; j++) result[j] += m[i * w + j];
  }
}, [
  [ints.slice(0, 13 * 15_000), 13, new Float64Array(13)],
  [ints.slice(0, 200_000), 20_000, new Float64Array(20_000)],
]);

// scalar reductions in Numba's forms
checkSame(function forms(a: Float64Array) {
  let s = 0;
  let acc = 100;
  let p = 1;
  let q = 1024;
  let lo = Infinity;
  for (const i of prange(a.length)) {
    s = s + a[i];
    acc = acc - a[i] - 1;
    if (i % 50_000 === 0) p = p * 2;
    if (i % 40_000 === 0) q /= 2;
    lo = Math.min(a[i], lo);
  }
  return s * 1e12 + acc * 1e6 + p + q + lo;
}, [[ints]]);

// last values and loop-private variables declared outside the loop
checkSame(function lastValue(a: Float64Array, out: Float64Array) {
  let k = -1;
  let t = 0;
  let last = 0;
  let flag = false;
  for (const i of prange(a.length)) {
    t = a[i] * 2;
    out[i] = t + 1;
    if (a[i] > 40) k = i;
    last = a[i];
    if (i === 3) flag = true;
  }
  return k * 1e6 + last + t + (flag ? 0.5 : 0);
}, [[ints, new Float64Array(n)], [new Float64Array(0), new Float64Array(0)]]);

// one thread: the serial result exactly, fractional data included
const threads = getNumThreads();
setNumThreads(1);
checkSame(function serialFloat(a: Float64Array, labels: Int32Array, h: Float64Array) {
  let s = 0;
  for (const i of prange(a.length)) {
    s += a[i];
    h[labels[i]] += a[i];
  }
  return s;
}, [[fracs, labels, new Float64Array(37)]]);
setNumThreads(threads);

// races the compiler can prove are refused, naming the array and the fix
const refuse = (f: (...a: never[]) => unknown, args: unknown[], text: string) => {
  const e = assertThrows(() => jit(f)(...(args as never[])), CompileError);
  assert(e.message.includes(text), e.message);
};
const a = new Float64Array(100);
refuse(
  (x: Float64Array) => {
    for (const i of prange(x.length)) x[0] = i;
  },
  [a],
  "every iteration of the prange loop writes the same element of 'x'",
);
refuse(
  (x: Float64Array, out: Float64Array) => {
    for (const i of prange(x.length)) for (let j = 0; j < 4; j++) out[j] = x[i];
  },
  [a, a.slice()],
  "same element of 'out'",
);
refuse(
  (x: Float64Array) => {
    for (const i of prange(1, x.length)) x[i] = x[i - 1] + 1;
  },
  [a],
  "loop-carried dependence",
);
refuse(
  (x: Float64Array, h: Float64Array) => {
    for (const i of prange(x.length)) {
      h[x[i]] += 1;
      x[i] = h[0];
    }
  },
  [a, a.slice()],
  "'h' is updated as an array reduction",
);
refuse(
  (x: Float64Array) => {
    let prev = 0;
    for (const i of prange(x.length)) {
      x[i] = prev;
      prev = i;
    }
  },
  [a],
  "'prev' is read before it is written",
);
refuse(
  (x: Float64Array) => {
    let s = 0;
    for (const i of prange(x.length)) {
      s += x[i];
      x[i] = s;
    }
    return s;
  },
  [a],
  "reduction variable 's' is read inside the prange loop",
);
refuse(
  (x: Float64Array, h: Int32Array) => {
    for (const i of prange(x.length)) h[x[i]] += 0.5;
  },
  [a, new Int32Array(100)],
  "may not be an integer",
);

// the pool's functions in compiled code; setNumThreads inside a prange is refused
const threadsIn = jit((out: Int32Array, k: number) => {
  const before = getNumThreads();
  setNumThreads(k);
  for (const i of prange(out.length)) out[i] = getNumThreads();
  return before;
});
const seen = new Int32Array(64);
assert(threadsIn(seen, 1) === threads && seen.every((v) => v === 1), `${seen}`);
assert(getNumThreads() === 1);
threadsIn(seen, threads);
assert(getNumThreads() === threads && seen.every((v) => v === threads), `${seen}`);
assertThrows(() => threadsIn(seen, threads + 1), RangeError, "from 1 to the pool size");
assertThrows(() => threadsIn(seen, 0.5), RangeError, "setNumThreads(0.5)");
for (const k of [0, -0, -1, NaN]) {
  assertThrows(() => setNumThreads(k), RangeError); // the oracle
  assertThrows(() => threadsIn(seen, k), RangeError, "setNumThreads(");
}
assert(getNumThreads() === threads);
refuse(
  (x: Float64Array) => {
    for (const i of prange(x.length)) setNumThreads(i + 1);
  },
  [a],
  "setNumThreads() cannot be called inside a prange loop",
);

// chunk sizes: an irregular loop, and a float sum that is the same on every call for a given
// chunk size
const irregular = jit((out: Float64Array) => {
  let s = 0;
  for (const i of prange(out.length)) {
    let x = 0;
    for (let j = 0; j < (i % 97) * (i % 89); j++) x += j % 7;
    out[i] = x;
    s += x * 0.1;
  }
  return s;
});
const outs: Float64Array[] = [];
for (const size of [0, 1, 7, 1000, 1_000_000]) {
  setChunkSize(size);
  assert(getChunkSize() === size);
  const o = new Float64Array(5_000);
  const first = irregular(o);
  assert(Object.is(irregular(o), first), `chunk size ${size}: not deterministic`);
  outs.push(o);
}
setChunkSize(0);
assert(outs.every((o) => o.every((v, i) => v === outs[0][i])), "chunk size changed a result");
assertThrows(() => setChunkSize(-1), RangeError);
// overlapping inner-loop indexes (out[i + j]) are an array reduction, not a silent race; a row's
// own elements (i * n + j with 0 <= j < n) are written in place
checkSame(function polymul(p: Float64Array, q: Float64Array, out: Float64Array) {
  for (const i of prange(p.length)) {
    for (let j = 0; j < q.length; j++) out[i + j] += p[i] * q[j];
  }
}, [[ints.slice(0, 300), ints.slice(300, 500), new Float64Array(499)]]);
checkSame(function matmulRows(x: Float64Array, y: Float64Array, out: Float64Array, m: number) {
  for (const i of prange(m)) {
    for (let k = 0; k < m; k++) {
      for (let j = 0; j < m; j++) out[i * m + j] += x[i * m + k] * y[k * m + j];
    }
  }
}, [[ints.slice(0, 1600), ints.slice(1600, 3200), new Float64Array(1600), 40]]);
refuse(
  (x: Float64Array) => {
    let s = 0;
    for (const i of prange(x.length)) {
      s += x[i];
      s *= 2;
    }
    return s;
  },
  [a],
  "'s' is combined with both + and *",
);
refuse(
  (x: Float64Array, h: Float64Array) => {
    for (const i of prange(x.length)) {
      h[x[i]] += 1;
      h[x[i] + 1] = Math.max(h[x[i] + 1], 2);
    }
  },
  [a, a.slice()],
  "'h' is combined with both + and Math.max",
);
console.log(`forms ok ${getNumThreads()}`);

// vectorize: element-wise over typed arrays, scalars broadcast, identical to the plain loop
function blend(x: number, y: number, t: number) {
  return x * (1 - t) + y * t + Math.sqrt(Math.abs(x));
}
for (const target of ["serial", "parallel"] as const) {
  const v = vectorize(blend, { target });
  const ys = new Float32Array(n).map((_, i) => labels[i] * 0.37);
  const expected = new Float64Array(n);
  for (let i = 0; i < n; i++) expected[i] = blend(fracs[i], ys[i], 0.25);
  const got = v(fracs, ys, 0.25) as Float64Array;
  assert(got instanceof Float64Array && got.every((g, i) => Object.is(g, expected[i])), target);
  const into = new Int32Array(n);
  assert(v(fracs, 3, ints, into) === into);
  assert(
    into.every((g, i) => g === (blend(fracs[i], 3, ints[i]) | 0)),
    `${target} into Int32Array`,
  );
  assertThrows(() => v(fracs, ys.subarray(1), 0), RangeError, "length");
  assertThrows(() => v(fracs, "y" as never, 0), TypeError, "argument 2");
  assertThrows(() => v(fracs, 1, 2, 3 as never), TypeError, "output array");
  assert(v(1, 2, 0.5) === blend(1, 2, 0.5));
}
console.log(`vectorize ok ${getNumThreads()}`);

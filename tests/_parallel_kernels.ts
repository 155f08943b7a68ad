// Run by parallel_test.ts in a fresh process per TSJIT_NUM_THREADS value: prange kernels
// against plain JS. Exits non-zero on the first difference.
import {
  empty,
  getNumThreads,
  getThreadId,
  jit,
  prange,
  range,
  setNumThreads,
  zeros,
} from "../mod.ts";
import { checkSame, rng } from "./_differential.ts";
import { mandelbrot } from "../examples/mandelbrot.ts";
import { assert, assertEquals, assertThrows } from "./_assert.ts";

const r = rng(11);
const n = 10_007;
const ints = new Float64Array(n).map(() => Math.floor((r() - 0.5) * 1000));
const other = new Float64Array(n).map(() => Math.floor(r() * 100));
const fracs = new Float64Array(n).map(() => r() * 10 - 5);

checkSame(function elementwise(x: Float64Array, y: Float64Array, out: Float64Array) {
  for (const i of prange(out.length)) out[i] = x[i] * 2 + y[i] / 3;
}, [[fracs, other, new Float64Array(n)]]);

checkSame(function sum(x: Float64Array) {
  let s = 0;
  for (const i of prange(x.length)) s += x[i];
  return s;
}, [[ints], [new Float64Array(0)], [new Float64Array([5])]]);

checkSame(function reductions(x: Float64Array, y: Float64Array) {
  let lo = Infinity;
  let hi = -Infinity;
  let count = 0;
  let neg = 0;
  let prod = 1;
  for (const i of prange(0, x.length, 1)) {
    lo = Math.min(lo, x[i]);
    hi = Math.max(x[i], hi);
    if (x[i] > 0) count++;
    neg -= y[i];
    if (i < 20) prod *= 1 + (y[i] % 3);
  }
  return lo * 1e9 + hi * 1e6 + count * 1000 + neg + prod;
}, [[ints, other]]);

checkSame(function intReduction(a: Int32Array) {
  let s = 0;
  let m = 0;
  for (const i of prange(a.length)) {
    s += a[i];
    m = Math.max(m, a[i]);
  }
  return s * 1000 + m;
}, [[new Int32Array(ints)]]);

checkSame(function insideSerialLoop(a: Float64Array, steps: number) {
  for (let t = 0; t < steps; t++) {
    for (const i of prange(a.length)) a[i] = a[i] * 0.5 + t;
  }
}, [[fracs, 7]]);

checkSame(function stepped(a: Float64Array) {
  let s = 0;
  for (const i of prange(a.length - 1, -1, -3)) {
    a[i] = -a[i];
    s += i;
  }
  return s;
}, [[fracs]]);

checkSame(function nested(out: Float64Array, w: number, h: number) {
  for (const y of prange(h)) {
    for (const x of prange(w)) out[y * w + x] = x * y;
  }
}, [[new Float64Array(64 * 50), 64, 50]]);

checkSame(mandelbrot, [[new Uint8Array(160 * 120), 160, 120, 100]]);

// bounds computed in floating point are fine when integral, refused otherwise
const blocks = jit((a: Float64Array, size: number) => {
  for (const b of prange(Math.ceil(a.length / size))) {
    const end = Math.min(a.length, (b + 1) * size);
    for (let i = b * size; i < end; i++) a[i] = b;
  }
});
const blockOut = new Float64Array(1000);
blocks(blockOut, 64);
assert(blockOut[999] === 15 && blockOut[64] === 1, "blocked prange");
const halfway = jit((a: Float64Array) => {
  for (const i of prange(a.length / 3)) a[i] = 1;
});
assertThrows(() => halfway(new Float64Array(10)), RangeError, "bounds and step must be integers");

// prange in a function called from another jitted function (a native call); the plain caller
// calls the plain callee, the jitted caller the jitted one
function partialSum(a: Float64Array, k: number) {
  let s = 0;
  for (const i of prange(a.length)) s += a[i] * k;
  return s;
}
checkSame(
  function caller(a: Float64Array) {
    let t = 0;
    for (let k = 1; k <= 3; k++) t += partialSum(a, k);
    return t;
  },
  [[ints]],
  { globals: { partialSum: jit(partialSum) } },
);

// a floating-point sum: same value on every call for a given thread count
const fsum = jit((x: Float64Array) => {
  let s = 0;
  for (const i of prange(x.length)) s += x[i];
  return s;
});
const threads = getNumThreads();
const first = fsum(fracs);
for (let k = 0; k < 20; k++) {
  assert(Object.is(fsum(fracs), first), "float sum is not deterministic");
}
setNumThreads(1);
let serial = 0;
for (let i = 0; i < n; i++) serial += fracs[i];
assert(Object.is(fsum(fracs), serial), "one thread must equal the serial sum");
setNumThreads(threads);

// errors inside a region reach the caller with the source line; the pool stays usable
const oob = jit(function oob(a: Float64Array, bad: number) {
  for (const i of prange(a.length)) {
    const j = i === bad ? a.length : i;
    a[j] = 1;
  }
});
const arr = new Float64Array(1000);
const e = assertThrows(() => oob(arr, 777), RangeError, "index 1000 is out of bounds for 'a'");
assert(e.message.includes("a[j] = 1"), e.message);
oob(arr, -1);
assert(arr.every((v) => v === 1));

// thread ids: 0 ≤ id < threads, and plain JS sees 0
const ids = jit((out: Int32Array) => {
  for (const i of prange(out.length)) out[i] = getThreadId();
});
const idOut = new Int32Array(1000).fill(-1);
ids(idOut);
assert(idOut.every((v) => v >= 0 && v < getNumThreads()), `thread ids ${new Set(idOut)}`);
assertEquals(getThreadId(), 0);

// races are refused at compile time, naming the variable
const race = jit((a: Float64Array) => {
  let last = 0;
  for (const i of prange(a.length)) last = last * 0.5 + a[i];
  return last;
});
assertThrows(() => race(arr), Error, "'last' is read before it is written");

// shared-memory helpers: SharedArrayBuffer-backed, accepted by jitted code
const shared = zeros(100, "f64");
assert(shared.buffer instanceof SharedArrayBuffer && shared.length === 100);
const sharedOut = empty(100, Float64Array);
checkSame(function copyShared(a: Float64Array, out: Float64Array) {
  for (const i of prange(a.length)) out[i] = a[i] + i;
}, [[shared, sharedOut]]);
assert(zeros(3, "u8c") instanceof Uint8ClampedArray);
assertThrows(() => zeros(-1, "f64"), RangeError);
assertThrows(() => zeros(1, "f16" as never), TypeError);

// range and prange are plain iterables outside compiled code
assertEquals([...range(2, 11, 4)], [2, 6, 10]);
assertEquals([...prange(3)], [0, 1, 2]);
assertThrows(() => setNumThreads(0), RangeError);
assertThrows(() => setNumThreads(getNumThreads() + 100), RangeError);
console.log(`ok ${getNumThreads()}`);

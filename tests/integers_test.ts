// Integer exactness (issue 10): every value tsjit types as an integer gives JS's result, past
// 2^31, 2^32, 2^53 and 2^63 too, whatever the call history. Each case runs plain and jitted.
import { jit } from "../mod.ts";
import { checkSame, rng } from "./_differential.ts";
import { assertEquals } from "./_assert.ts";

const MAX = 2147483647;
const MIN = -2147483648;
/** int32 values across the range and at its edges. */
function int32s(n: number, seed: number): number[] {
  const r = rng(seed);
  const edge = [0, 1, -1, MAX, MIN, MAX - 1, MIN + 1, 65535, 65536, -65536, 46341, -46341];
  return [...edge, ...Array.from({ length: n }, () => Math.floor(r() * 2 ** 32) - 2 ** 31)];
}

Deno.test("(a + b) * (a + b) < 0 with a = b = 2^31 - 1 is false", () => {
  const f = (a: number, b: number) => (a + b) * (a + b) < 0;
  checkSame(f, [[MAX, MAX], [MIN, MIN], [MAX, MIN], [3, 4]]);
});

Deno.test("an earcut-style point-in-triangle test on random int32 coordinates", () => {
  function pointInTriangle(
    ax: number,
    ay: number,
    bx: number,
    by: number,
    cx: number,
    cy: number,
    px: number,
    py: number,
  ) {
    return (cx - px) * (ay - py) >= (ax - px) * (cy - py) &&
      (ax - px) * (by - py) >= (bx - px) * (ay - py) &&
      (bx - px) * (cy - py) >= (cx - px) * (by - py);
  }
  const v = int32s(400, 7);
  const args = [];
  for (let i = 0; i + 8 <= v.length; i += 3) args.push(v.slice(i, i + 8));
  checkSame(pointInTriangle, args);
});

Deno.test("a PNG Paeth predictor on int32 inputs", () => {
  function paeth(a: number, b: number, c: number) {
    const p = a + b - c;
    const pa = Math.abs(p - a);
    const pb = Math.abs(p - b);
    const pc = Math.abs(p - c);
    if (pa <= pb && pa <= pc) return a;
    if (pb <= pc) return b;
    return c;
  }
  const v = int32s(300, 8);
  const args = [[MAX, 38, MIN], [MAX, MAX, MIN], [1, 2, 3]];
  for (let i = 0; i + 3 <= v.length; i += 2) args.push(v.slice(i, i + 3));
  checkSame(paeth, args);
});

Deno.test("loop-carried sums past 2^53 round as doubles: fib(100), x = x + x 62 times", () => {
  function fib(n: number) {
    let a = 0, b = 1;
    for (let i = 0; i < n; i++) {
      const t = a + b;
      a = b;
      b = t;
    }
    return a;
  }
  checkSame(fib, [[10], [78], [79], [100]]);
  const doubling = (n: number) => {
    let x = 1;
    for (let i = 0; i < n; i++) x = x + x;
    return x + 1;
  };
  checkSame(doubling, [[52], [53], [62], [64], [70]]);
  // a sum that JS rounds: the exact integer would differ in the last bit
  checkSame((a: number, b: number, c: number) => a * b + c - a * b, [[MAX, MAX, 1], [MIN, MAX, 3]]);
});

Deno.test("sums and products over Int32Array maxima and lengths", () => {
  const big = new Int32Array(9).fill(MAX);
  checkSame((a: Int32Array) => {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += a[i] * 2097152;
    return s + 1;
  }, [[big], [new Int32Array(5).fill(MIN)]]);
  checkSame((a: Float64Array) => a.length * 2097152 * 2097152 * 2097152 + 1, [
    [new Float64Array(3)],
  ]);
  checkSame((x: number) => Math.abs(x * 2 ** 42) + 1, [[MAX], [MIN], [3]]);
  checkSame((a: Int32Array) => {
    let m = 0;
    for (let i = 0; i < a.length; i++) m = Math.max(m, a[i] * 2097152 * 2097152);
    return m + 1;
  }, [[new Int32Array([MAX, 5, MIN, 1234567])]]);
});

Deno.test("-x, x % k and a ternary of huge products", () => {
  // literal factors: each product alone looks small
  const g = (x: number, k: number) => {
    const p = x * 2097152 * 2097152;
    return (-p) + (p % k) * 7 + (x > 0 ? p + 1 : -p - 1) + (-(x * 2097152) % k);
  };
  checkSame(g, [[MAX, 7], [MIN, 1000], [-MAX, 3], [0, 5], [12345, 97]]);
  checkSame((x: number) => -(x * 2097152 * 2097152) - 1, [[MAX], [MIN]]);
  checkSame((x: number, k: number) => (x * 2097152 * 2097152) % k + 0, [[MAX, 7], [MIN, 1000]]);
  checkSame((x: number) => (x > 5 ? x * 2097152 * 2097152 : -x * 2097152 * 2097152) + 1, [
    [MAX],
    [MIN],
  ]);
  checkSame((x: number, k: number) => (x * x * x) % k, [[MAX, 7], [-5, 5], [0, 3]]);
  checkSame((x: number) => -(x * x) + 0, [[MAX], [0]]);
});

Deno.test("results do not depend on call history (doubles first, then integers)", () => {
  const body = (x: number) => (x * 2097152 * 2097152) % 1000 + x * 2097152 * 2097152 * 4;
  const a = jit(body);
  const b = jit(body);
  a(1.5); // an f64 specialization first
  for (const x of [MAX, MIN, 46341, -3]) {
    assertEquals(Object.is(a(x), body(x)), true, `after doubles, x = ${x}`);
    assertEquals(Object.is(b(x), body(x)), true, `integers first, x = ${x}`);
  }
});

Deno.test("a product of three integers as loop bound and as 3-D index compiles and is right", () => {
  function cube(a: Float64Array, b: Float64Array, n: number) {
    for (let k = 0; k < n * n * n; k++) a[k] = k * 0.5;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        for (let k = 0; k < n; k++) b[i * n * n + j * n + k] = i - j + 2 * k;
      }
    }
  }
  checkSame(cube, [3, 4, 10].map((n) => [new Float64Array(n ** 3), new Float64Array(n ** 3), n]));
  // n past 2^17 (the middle tier) and past int32 products: stops before the array ends
  function capped(b: Float64Array, n: number) {
    let s = 0;
    for (let k = 0; k < n * n * n; k++) {
      if (k >= b.length) return s;
      b[k] = k;
      s += k * n * n;
    }
    return s;
  }
  checkSame(capped, [[new Float64Array(40), 300000], [new Float64Array(40), MAX], [
    new Float64Array(40),
    3,
  ]]);
});

Deno.test("integer arguments of every size take the right tier, also through native calls", () => {
  function rowOffsets(out: Float64Array, w: number, h: number) {
    let last = 0;
    for (let y = 0; y < h; y++) {
      const r = y * w;
      out[y % out.length] = r + 1;
      last = r * 3 + y;
    }
    return last;
  }
  const sizes = [[4, 5], [1000, 17], [200000, 9], [MAX, 6], [-MAX, 3], [131072, 131073]];
  checkSame(rowOffsets, sizes.map(([w, h]) => [new Float64Array(7), w, h]));
  // a callee receives integers beyond int32 from a caller
  const inner = jit(function inner(n: number) {
    return n * 4 + 1;
  });
  const outer = (x: number) => inner(x * 1024) + inner(x);
  const outerJ = jit(outer, { globals: { inner } });
  const plain = (x: number) => (x * 1024) * 4 + 1 + x * 4 + 1;
  for (const x of [3, MAX, MIN, 94906267]) assertEquals(Object.is(outerJ(x), plain(x)), true);
});

Deno.test("counters stay integers where their loops bound them; unbounded ones are doubles", () => {
  function compact(src: Int32Array, dst: Int32Array) {
    let k = 0;
    for (let i = 0; i < src.length; i++) if (src[i] > 0) dst[k++] = src[i];
    return k;
  }
  const f = checkSame(compact, [[new Int32Array([1, -2, 3, 0, 5]), new Int32Array(5)]]);
  assertEquals(f.inspectTypes().includes("k: i64"), true);
  function hash(a: Uint8Array) {
    let h = 7;
    for (let i = 0; i < a.length; i++) h = h * 31 + a[i];
    return h;
  }
  checkSame(hash, [[new Uint8Array(40).fill(255)], [new Uint8Array(3)]]);
  function masked(a: Uint8Array) {
    let h = 7;
    for (let i = 0; i < a.length; i++) h = (h * 31 + a[i]) | 0;
    return h;
  }
  const m = checkSame(masked, [[new Uint8Array(40).fill(255)]]);
  assertEquals(m.inspectTypes().includes("h: i64"), true);
});

Deno.test("the benchmark's checksums and hashes agree with plain JS", async () => {
  const { adler32, adler32Simple, fnv1a, murmur3 } = await import("../bench/integers.ts");
  const r = rng(3);
  const data = new Uint8Array(9000).map(() => Math.floor(r() * 256));
  const ff = new Uint8Array(6000).fill(255);
  for (const d of [data, ff, new Uint8Array(1)]) {
    checkSame(adler32, [[1, d, d.length, 0], [0x7fffffff, d, d.length - 1, 1], [-1, d, 0, 0]]);
    checkSame(adler32Simple, [[d]]);
    checkSame(fnv1a, [[d]]);
    checkSame(murmur3, [[d, 0], [d, MIN], [d, MAX]]);
  }
});

Deno.test("a -0 from % or * is kept where it can be seen, dropped where it cannot", () => {
  const seen = (x: number, k: number) => {
    let r = x;
    r %= k;
    return r;
  };
  checkSame(seen, [[-6, 3], [6, 3], [-7, 3], [0, 5]]);
  const blind = (a: Int32Array, k: number) => {
    let s = -5;
    for (let i = 0; i < a.length; i++) {
      s = (s + a[i]) | 0;
      s %= k;
      a[i] = s;
    }
    return s | 0;
  };
  checkSame(blind, [[new Int32Array([5, -3, 3, 0]), 5], [new Int32Array([-10, 10]), 7]]);
  const product = (x: number, y: number) => {
    let p = x * y;
    p = p * 1;
    return 1 / p;
  };
  checkSame(product, [[-3, 0], [0, -3], [2, 5]]);
});

Deno.test("a guard that skips with `continue` does not bound the loop's update", () => {
  function skip(n: number, limit: number) {
    let s = 0;
    for (let i = 0; i < limit; i += 1000000000000000) {
      s = i * 3 + 1 - i * 3;
      if (i >= n) continue;
      s += 2;
    }
    return s;
  }
  checkSame(skip, [[5, 1e16], [5, 3e15], [2000000000000000, 1e16]]);
  function skipDo(n: number) {
    let i = 0, s = 0;
    do {
      s = i * 3 + 1 - i * 3;
      if (i >= n) continue;
      s++;
    } while ((i += 1000000000000000) < 1e16);
    return s;
  }
  checkSame(skipDo, [[5], [2000000000000000]]);
});

Deno.test("float Math.max/min reductions keep JS's NaN and -0 rules (vectorized form)", async () => {
  const { maxError } = await import("../bench/integers.ts");
  const a = new Float64Array(1000).map((_, i) => Math.sin(i));
  const b = a.map((v, i) => v + (i % 7) * 1e-9);
  const withNaN = a.slice();
  withNaN[500] = NaN;
  const z = new Float64Array([-0, -0, -0]);
  const zz = new Float64Array(3);
  const empty = new Float64Array(0);
  checkSame(maxError, [[a, b], [a, withNaN], [z, zz], [zz, z], [empty, empty]]);
  const least = (x: Float64Array) => {
    let m = Infinity;
    for (let i = 0; i < x.length; i++) m = Math.min(x[i], m);
    return m;
  };
  const most = (x: Float64Array, s: number) => {
    let m = s;
    for (let i = 0; i < x.length; i++) {
      if (x[i] > 0.5) continue;
      m = Math.max(m, x[i] * 2);
    }
    return m;
  };
  const pm = new Float64Array([0, -0]), mp = new Float64Array([-0, 0]);
  checkSame(least, [[a], [withNaN], [z], [pm], [mp], [empty]]);
  checkSame(most, [[a, -Infinity], [withNaN, 0], [z, -0], [z, 0], [a, NaN], [mp, -5], [pm, -0]]);
  const j = jit(maxError);
  j(a, b);
  assertEquals(/<\d+ x i64>/.test(j.inspectLLVM()), true, "the reduction is vectorized");
});

Deno.test("an index bounds its variable only where the check has run", () => {
  // the store's value runs after the check of a[i] and assigns i
  function late(a: Float64Array, k: number) {
    let i = 0;
    let s = 0;
    a[i] = (i = k * 50000000000) + 1;
    s = i * 5 + 1 - i * 5;
    return s + a[0];
  }
  checkSame(late, [[new Float64Array(2), 90000], [new Float64Array(2), 3]]);
});

Deno.test("a compound assignment's value and a switch case's facts", () => {
  function compound(k: number) {
    let v = k;
    let x = 0;
    for (let i = 0; i < 3; i++) x = v *= 100000;
    return x * 7 + 1 - x * 7;
  }
  checkSame(compound, [[90000], [3], [-131072]]);
  function cases(k: number, i: number) {
    let s = 0;
    switch (k) {
      case 1:
        if (i >= 3 || i < 0) break;
        s = 1;
      // falls through
      case 2:
        s += i * 4398046511104 + 1 - i * 4398046511104;
    }
    return s;
  }
  checkSame(cases, [[2, MAX], [1, 2], [1, 5], [2, 7]]);
});

Deno.test("a counter reduced by a chunk of itself stays an integer, exact near 2^31, 2^32, 2^53", () => {
  function chunks(len: number, c: number) {
    let k = 0, n = 0, last = 0;
    while (len > 0 && k < 50) {
      n = len > c ? c : len;
      len -= n;
      last = len * 4096 + n;
      k++;
    }
    return k * 2 ** 40 + last + len;
  }
  const edges = [
    [2 ** 31 - 1, 2 ** 30],
    [2 ** 32 + 5, 2 ** 31],
    [2 ** 53 - 1, 2 ** 52],
    [
      2 ** 53 - 1,
      3,
    ],
    [-5, 7],
    [MIN, MAX],
    [MAX, 1],
    [12345, 2000],
  ];
  checkSame(chunks, edges);
  function fixed(len: number) {
    let k = 0, n = 0, last = 0;
    while (len !== 0 && k < 50) {
      n = len > 5552 ? 5552 : len;
      len -= n;
      last = len * 4096 + n;
      k++;
    }
    return k * 2 ** 40 + last + len;
  }
  const f = checkSame(fixed, edges.map((e) => [e[0]]));
  // 0 <= len <= its start: len is an integer, and `len * 4096` one in the int32 tier
  assertEquals(
    /len: i64[^]*in \[-2147483648, 2147483647\]:[^]*last: i64/.test(f.inspectTypes()),
    true,
  );
  function viaMin(len: number, c: number) {
    let k = 0;
    while (len !== 0 && k < 50) {
      const n = Math.min(len, c);
      len -= n;
      k = k + 1 + len * 8;
    }
    return k;
  }
  checkSame(viaMin, edges);
  // the relation ends when its base is assigned: here len grows past 2^53
  function grows(len: number, c: number) {
    let k = 0, n = 0;
    while (len > 0 && k < 30) {
      n = len > c ? c : len;
      len *= 8;
      len -= n;
      k++;
    }
    return len + k;
  }
  checkSame(grows, edges);
});

Deno.test("a checked a[p++] in every iteration bounds a loop that its test does not", () => {
  function blocks(buf: Uint8Array, len: number, pos: number) {
    let s = 0, n = 0, big = 0;
    while (len !== 0) {
      n = len > 7 ? 7 : len;
      len -= n;
      do {
        s = (s + buf[pos++]) | 0;
        big += 1048576; // at most 2^32 + 2 steps: stays below 2^53
      } while (--n);
    }
    return s + big + n;
  }
  const d = new Uint8Array(100).map((_, i) => (i * 37) & 255);
  const f = checkSame(blocks, [[d, 100, 0], [d, 50, 50], [d, 1, 99], [d, 0, 0]]);
  assertEquals(
    /with integer arguments[^]*n: i64[^]*big: i64|big: i64/.test(f.inspectTypes()),
    true,
  );
  // a start below the loop's exit runs off the array: RangeError, never a wrong number
  let err: unknown;
  try {
    f(d, -3, 0);
  } catch (e) {
    err = e;
  }
  assertEquals(err instanceof RangeError, true);
  // a step of 2^21 over 2^32 iterations could pass 2^53: doubles, still JS's result
  function wide(buf: Uint8Array, n: number) {
    let p = 0, x = 0;
    do {
      x += 2097152 + buf[p++];
    } while (--n);
    return x;
  }
  const w = checkSame(wide, [[d, 100], [d, 1]]);
  assertEquals(/x: f64/.test(w.inspectTypes()), true);
  // an index that can move back proves nothing
  function back(buf: Uint8Array, n: number) {
    let p = 0, x = 0;
    do {
      x += 1048576 + buf[p++];
      if (buf[p] > 200) p--;
    } while (--n);
    return x;
  }
  const b = checkSame(back, [[d, 50], [d, 1]]);
  assertEquals(/x: f64/.test(b.inspectTypes()), true);
});

Deno.test("32-bit hash states (i32 slots) give JS's values, read as numbers or through ToInt32", () => {
  function fnvRaw(d: Uint8Array, start: number) {
    let h = start;
    for (let i = 0; i < d.length; i++) {
      h ^= d[i];
      h = Math.imul(h, 0x01000193);
    }
    return h; // read as a number: the int32 value, negative included
  }
  function mixed(d: Uint8Array, k: number) {
    let h = 0x811c9dc5; // above 2^31: stored as ToInt32, read only through ToInt32 below
    let s = 0;
    let t = k | 0;
    for (let i = 0; i < d.length; i++) {
      h = (h ^ d[i]) * 16777619;
      h = h | 0;
      t = (t + h) | 0;
      s += t * 2; // a read of t as a number (int32 range)
      s = s % 1e15;
    }
    return (h >>> 0) + s + (~t) + (t << 3);
  }
  function grows(d: Uint8Array) {
    let h = 1;
    for (let i = 0; i < d.length; i++) {
      h = (h * 31 + d[i]) | 0;
      if (d[i] > 250) h = h * 2 ** 20; // no longer int32: stays a 64-bit (or double) value
    }
    return h;
  }
  const r = rng(11);
  const data = new Uint8Array(500).map(() => Math.floor(r() * 256));
  const ff = new Uint8Array(64).fill(255);
  for (const d of [data, ff, new Uint8Array(0)]) {
    checkSame(fnvRaw, [[d, 0x811c9dc5], [d, MAX], [d, MIN], [d, 2 ** 32 - 1], [d, 2 ** 53 - 1]]);
    checkSame(mixed, [[d, MAX], [d, MIN], [d, 2 ** 32 + 7], [d, -(2 ** 53) + 1]]);
    checkSame(grows, [[d]]);
  }
});

Deno.test("a countdown do-while over a[p++] checks once, and is right at every edge", () => {
  function sum(buf: Uint8Array, pos: number, n: number) {
    let s1 = 1, s2 = 0;
    do {
      s1 = (s1 + buf[pos++]) | 0;
      s2 = (s2 + s1) | 0;
    } while (--n);
    return s1 * 65536 + s2 + pos;
  }
  function pre(buf: Int32Array, pos: number, n: number) {
    let s = 0;
    do {
      s += buf[++pos];
      if (s > 1e9) break;
    } while (--n);
    return s + pos;
  }
  const b = new Uint8Array(100).map((_, i) => (i * 91) & 255);
  const w = new Int32Array(100).map((_, i) => i * 1e8);
  checkSame(sum, [[b, 0, 100], [b, 99, 1], [b, 50, 50], [b, 10, 3]]);
  checkSame(pre, [[w, -1, 100], [w, 0, 99], [w, 98, 1], [w, 40, 2], [w, 0, 100]]);
  const f = jit(sum), g = jit(pre);
  // past the end, before the start, or a count that never reaches 0: RangeError, never a read
  // outside the array
  for (
    const call of [
      () => f(b, 0, 101),
      () => f(b, 99, 2),
      () => f(b, -1, 5),
      () => f(b, 5, 0),
      () => f(b, 5, -3),
      () => f(b, 2 ** 53 - 2, 4),
      () => f(b, 4, 2 ** 53 - 1),
      () => g(new Int32Array(100), 0, 100),
      () => g(w, -2, 5),
    ]
  ) {
    let err: unknown;
    try {
      call();
    } catch (e) {
      err = e;
    }
    assertEquals(err instanceof RangeError, true, `${call}: ${err}`);
  }
});

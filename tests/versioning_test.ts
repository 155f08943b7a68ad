// Loop versioning must be sound for every value: no offset, bound or stride, however large, may
// let the unchecked copy of a loop touch memory outside its array. Each kernel writes through a
// view in the middle of a larger buffer, so a write outside the view is seen in the margins.
import { jit, prange, range } from "../mod.ts";
import { assert, assertEquals, assertThrows } from "./_assert.ts";
import { checkSameViews } from "./_differential.ts";

const MARGIN = 8;

/** A view of `n` doubles with untouched margins on both sides. */
function view(n: number): { buf: Float64Array; a: Float64Array } {
  const buf = new Float64Array(n + 2 * MARGIN).fill(-1);
  return { buf, a: buf.subarray(MARGIN, MARGIN + n) };
}

function marginsUntouched(buf: Float64Array, n: number): void {
  for (let k = 0; k < MARGIN; k++) {
    assertEquals(buf[k], -1, `element ${k - MARGIN} before the view was written`);
    assertEquals(buf[MARGIN + n + k], -1, `element ${n + k} after the view was written`);
  }
}

/** Calls `f` on a fresh view; the call must throw RangeError and leave the margins alone. */
function refused(n: number, call: (a: Float64Array) => unknown): void {
  const { buf, a } = view(n);
  assertThrows(() => call(a), RangeError);
  marginsUntouched(buf, n);
}

Deno.test("an offset that wraps around int64 does not pass the hoisted check", () => {
  // the case: m * 2^63 - 3 wrapped to 2^63 - 3 made first and last index wrap too
  const f = jit((a: Float64Array, n: number, m: number, v: number) => {
    for (let i = 0; i < n; i++) a[i + (m * 2097152 * 2097152 * 2097152 - 3)] = v;
  });
  for (const m of [1, -1, 3]) refused(8, (a) => f(a, 3, m, 7));
  // an offset doubled into the int64 limits, added and subtracted
  const g = jit((a: Float64Array, n: number, doublings: number, sign: number, v: number) => {
    let k = sign;
    for (let j = 0; j < doublings; j++) k = k + k;
    for (let i = 0; i < n; i++) a[i + k - 1] = v;
    for (let i = 0; i < n; i++) a[i - k] = v;
  });
  for (const d of [61, 62, 63, 64]) {
    for (const s of [1, -1]) refused(8, (a) => g(a, 4, d, s, 7));
  }
});

Deno.test("a <= bound at the int64 limit does not wrap the loop's end", () => {
  const f = jit((a: Float64Array, doublings: number, v: number) => {
    let b = 1;
    for (let j = 0; j < doublings; j++) b = b + b;
    b = b - 1 + b; // 2^63 - 1 when doublings is 62
    for (let i = 0; i <= b; i++) a[i] = v;
  });
  refused(8, (a) => f(a, 62, 5));
  refused(8, (a) => f(a, 40, 5));
});

Deno.test("loop bounds computed in doubles: huge, NaN and infinite ends fall back to checks", () => {
  // n * n * n is a product of products: a double; the hoisted end must stay exact
  const f = jit((a: Float64Array, n: number, v: number) => {
    for (let i = 0; i < n * n * n; i++) a[i] = v;
  });
  const { buf, a } = view(8);
  f(a, 2, 3); // 8 elements: proven, in bounds
  assertEquals([...a], Array(8).fill(3));
  marginsUntouched(buf, 8);
  for (const n of [3, 2 ** 18, 2 ** 21 + 1, 2 ** 22]) refused(8, (a) => f(a, n, 1));
  const g = jit((a: Float64Array, n: number, v: number) => {
    for (let i = 0; i <= n * n * n - 1; i++) a[i + 1] = v;
  });
  refused(8, (a) => g(a, 2, 1));
  for (const n of [2 ** 18, 2 ** 21 + 1]) refused(8, (a) => g(a, n, 1));
  // a double bound from a double argument: not versioned, but still checked
  const h = jit((a: Float64Array, x: number) => {
    let s = 0;
    for (let i = 0; i < x; i++) s += a[i];
    return s;
  });
  for (const x of [Infinity, 2 ** 53, 2 ** 63, 9.5]) refused(8, (a) => h(a, x));
  const { a: a2 } = view(8);
  assertEquals(h(a2.fill(1), NaN), 0);
  assertEquals(h(a2, 7.5), 8);
});

Deno.test("loop-invariant offsets (a[row * n + j]) are checked without wrap-around", () => {
  const f = jit((a: Float64Array, row: number, n: number, w: number, v: number) => {
    for (let j = 0; j < w; j++) a[row * n + j] = v;
  });
  const { buf, a } = view(12);
  f(a, 2, 4, 4, 9);
  assertEquals([...a.subarray(8)], [9, 9, 9, 9]);
  marginsUntouched(buf, 12);
  refused(12, (a) => f(a, 3, 4, 1, 1));
  refused(12, (a) => f(a, -1, 4, 4, 1));
  // an invariant start that wraps int64 (k + j form)
  const g = jit((a: Float64Array, r: number, doublings: number, w: number, v: number) => {
    let row = r;
    for (let k = 0; k < doublings; k++) row = row + row;
    for (let j = 0; j < w; j++) a[row + j] = v;
  });
  for (const r of [1, -1, 3]) {
    for (const d of [62, 63]) refused(12, (a) => g(a, r, d, 4, 1));
  }
});

Deno.test("decreasing, strided and float-indexed loops stay checked", () => {
  const down = jit((a: Float64Array, n: number, v: number) => {
    for (let i = n - 1; i >= 0; i--) a[i] = v;
  });
  refused(8, (a) => down(a, 9, 1));
  refused(8, (a) => down(a, 2 ** 31 - 1, 1));
  const stride = jit((a: Float64Array, n: number, s: number, v: number) => {
    for (let i = 0; i < n; i += s) a[i] = v;
  });
  refused(8, (a) => stride(a, 2 ** 31 - 1, 2 ** 30, 1));
  refused(8, (a) => stride(a, 9, 1, 1));
  const half = jit((a: Float64Array, n: number, v: number) => {
    for (let i = 0; i < n; i++) a[i + 0.5] = v;
  });
  refused(8, (a) => half(a, 1, 1));
});

Deno.test("range() and prange() chunks check their offsets without wrap-around", () => {
  const r = jit((a: Float64Array, lo: number, hi: number, doublings: number, v: number) => {
    let b = 1;
    for (let j = 0; j < doublings; j++) b = b + b;
    for (const i of range(lo, hi)) a[i + b] = v;
    for (const i of range(lo, hi)) a[i - b] = v;
  });
  for (const d of [30, 62, 63]) refused(8, (a) => r(a, 0, 4, d, 1));
  const p = jit((a: Float64Array, lo: number, hi: number, doublings: number, v: number) => {
    let b = 1;
    for (let j = 0; j < doublings; j++) b = b + b;
    for (const i of prange(lo, hi)) a[i + b - 2] = v;
  });
  for (const d of [62, 63]) refused(8, (a) => p(a, 0, 4, d, 1));
  refused(8, (a) => p(a, -(2 ** 31), 2, 1, 1));
});

Deno.test("overlapping views give plain JS's results (streaming and vectorized loops)", () => {
  const inc = (r: Float64Array, x: Float64Array) => {
    for (let i = 0; i < x.length; i++) r[i] = x[i] + 1;
  };
  const axpy = (r: Float64Array, x: Float64Array, y: Float64Array, s: number) => {
    for (let i = 0; i < r.length; i++) r[i] = x[i] * s + y[i];
  };
  const acc = (r: Float64Array, x: Float64Array) => {
    for (let i = 0; i < r.length; i++) r[i] += x[i];
  };
  for (const n of [1000, 2 ** 18 + 37]) {
    for (const shift of [1, -1, 3, 8, -9, 0]) {
      // r and x are the same buffer shifted by `shift` elements
      const views = () => {
        const buf = new Float64Array(n + 40);
        for (let i = 0; i < buf.length; i++) buf[i] = (i * 7) % 13;
        const base = 20;
        return {
          buf,
          r: buf.subarray(base, base + n),
          x: buf.subarray(base + shift, base + shift + n),
        };
      };
      checkSameViews(inc, () => {
        const v = views();
        return { buffers: [v.buf], args: [v.r, v.x] };
      });
      checkSameViews(axpy, () => {
        const v = views();
        return { buffers: [v.buf], args: [v.r, v.x, v.r, 0.5] };
      });
      checkSameViews(acc, () => {
        const v = views();
        return { buffers: [v.buf], args: [v.r, v.x] };
      });
    }
  }
});

Deno.test("no noalias is promised to LLVM for array parameters", () => {
  const f = jit((r: Float64Array, x: Float64Array) => {
    for (let i = 0; i < r.length; i++) r[i] = x[i] + 1;
  });
  f(new Float64Array(4), new Float64Array(4));
  // the context block is the one pointer that is never array memory (it may be noalias)
  const promised = [...f.inspectLLVM().matchAll(/noalias[\w ]*%([\w.]+)/g)].map((m) => m[1]);
  assert(promised.every((p) => p === "ctx"), `the IR promises noalias for ${promised}`);
});

Deno.test("a literal stride (i += 3) checks once, exactly at the array's ends", () => {
  const strided = jit((a: Float64Array, lo: number, n: number, k: number, v: number) => {
    for (let i = lo; i < n; i += 3) a[i + k] = v + i;
  });
  const ok = (n: number, lo: number, hi: number, k: number) => {
    const { buf, a } = view(n);
    const want = new Float64Array(n).fill(-1);
    for (let i = lo; i < hi; i += 3) want[i + k] = 5 + i;
    strided(a, lo, hi, k, 5);
    assertEquals([...a], [...want]);
    marginsUntouched(buf, n);
  };
  ok(9, 0, 9, 0); // last index 6 + 2 = 8
  ok(9, 0, 7, 2);
  ok(9, 1, 9, -1);
  ok(9, 5, 3, 100); // runs no iteration
  refused(9, (a) => strided(a, 0, 10, 0, 1)); // i = 9
  ok(9, 0, 8, 2); // the end test is conservative (8 + 2 > 9): the checked copy runs, right
  refused(9, (a) => strided(a, 0, 8, 3, 1)); // i = 6: a[9]
  refused(9, (a) => strided(a, 0, 2 ** 31 - 1, 0, 1));
  refused(9, (a) => strided(a, -3, 3, 0, 1));
  refused(9, (a) => strided(a, 0, 3, 2 ** 53 - 2, 1));
});

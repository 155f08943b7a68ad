// Nothing internal reaches a user: locals holding arrays compile, too-deep expressions are a
// CompileError (fallback honoured), any unexpected failure inside the compiler is a CompileError
// naming the function, runaway recursion is a catchable RangeError (main thread and pool
// threads), and prange's iteration space is exact over the whole int64 range.
import { CompileError, jit, prange, range } from "../mod.ts";
import { asCompileError } from "../compiler/diagnostics.ts";
import { assert, assertEquals, assertStringIncludes, assertThrows } from "./_assert.ts";
import { checkSame } from "./_differential.ts";

Deno.test("locals holding arrays, and ?: between arrays of one type, work", () => {
  const a = new Float64Array([1, 2, 3, 4]);
  const b = new Float64Array([10, 20]);
  checkSame((x: Float64Array) => {
    const d = x;
    let s = 0;
    for (let i = 0; i < d.length; i++) s += d[i];
    return s;
  }, [[a]]);
  checkSame((x: Float64Array, y: Float64Array) => {
    let p = x;
    let q = y;
    const t = p;
    p = q;
    q = t;
    p[0] += 1;
    return p[0] * 100 + q[0] + p.length;
  }, [[a, b]]);
  checkSame((x: Float64Array, y: Float64Array, c: number) => {
    const d = c > 0 ? x : y;
    d[0] = 5;
    let s = (c > 1 ? x : y)[1];
    for (let i = 0; i < 2; i++) s += (c > 0 ? x : y)[i];
    return s + (c ? x : y).length;
  }, [[a, b, 1], [a, b, 0], [a, b, 2]]);
  const e = assertThrows(
    () =>
      jit((x: Float64Array, y: Int32Array, c: number) => (c ? x : y)[0])(a, new Int32Array(2), 1),
    CompileError,
  );
  assertStringIncludes(e.message, "same type");
});

Deno.test("products of three integers as a loop bound or a flat 3-D index compile", () => {
  const cube = new Float64Array(27).map((_, i) => i * 0.5);
  checkSame((b: Float64Array, n: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) s += b[i * n * n + j * n + k] * k;
    }
    for (let k = 0; k < n * n * n; k++) s += b[k];
    for (const k of range(n * n * n)) s -= b[k] / 2;
    return s;
  }, [[cube, 3], [cube, 2], [cube, 0]]);
});

/** A function whose body returns `expr` (built with new Function, as generated code would be). */
function generated(expr: string): (x: number) => number {
  return new Function("x", `return ${expr};`) as (x: number) => number;
}

Deno.test("deeply nested expressions are a clear CompileError, and fallback runs them", () => {
  const deep = generated("(x + ".repeat(1000) + "1" + ")".repeat(1000));
  const chain = generated(Array.from({ length: 5000 }, (_, i) => `x * ${i % 7}`).join(" + "));
  for (const f of [deep, chain]) {
    let compiled: number | undefined;
    try {
      compiled = jit(f)(2);
    } catch (e) {
      assert(e instanceof CompileError, `not a CompileError: ${e}`);
      assertEquals(e.construct, "deeply nested expression");
      assertStringIncludes(e.message, "split it into smaller parts");
    }
    if (compiled !== undefined) assertEquals(compiled, f(2));
    const warn = console.warn;
    console.warn = () => {};
    try {
      assertEquals(jit(f, { fallback: true })(2), f(2));
    } finally {
      console.warn = warn;
    }
  }
  // the parser is usable afterwards
  assertEquals(jit((x: number) => x + 1)(2), 3);
});

Deno.test("an unexpected failure inside the compiler is a CompileError naming the function", () => {
  const src = { source: "function kernel(x) {\n  return x;\n}", fnName: "kernel" };
  const e = asCompileError(new Error("no conversion f64 → ptr"), src);
  assert(e instanceof CompileError);
  assertEquals(e.construct, "internal error");
  assertStringIncludes(e.message, "kernel");
  assertStringIncludes(e.message, "tsjit bug");
  assertStringIncludes(e.message, "no conversion f64 → ptr");
  const deep = asCompileError(new RangeError("Maximum call stack size exceeded"), src);
  assertEquals(deep.construct, "deeply nested expression");
  const same = new CompileError("x", "y", { start: 0, end: 1 }, src);
  assert(asCompileError(same, src) === same);
});

function depth(n: number): number {
  return n <= 0 ? 0 : 1 + depth(n - 1);
}
function forever(n: number): number {
  return forever(n + 1) + 1;
}
function isEven(n: number): boolean {
  return n === 0 ? true : isOdd(n - 1);
}
function isOdd(n: number): boolean {
  return n === 0 ? false : isEven(n - 1);
}

Deno.test("recursion too deep is a catchable RangeError in the main thread", () => {
  const d = jit(depth);
  assertEquals(d(1000), 1000);
  for (const n of [1e6, 1e8]) {
    assertThrows(() => d(n), RangeError, "Maximum call stack size exceeded");
  }
  assertThrows(() => jit(forever)(0), RangeError, "Maximum call stack size exceeded");
  jit(isOdd);
  const even = jit(isEven);
  assertEquals(even(1000), true);
  assertThrows(() => even(1e7), RangeError, "Maximum call stack size exceeded");
  // the functions stay usable
  assertEquals(d(10), 10);
  assertEquals(even(7), false);
});

Deno.test("recursion too deep is a catchable RangeError inside a parallel region", () => {
  jit(depth);
  const par = jit((out: Float64Array, n: number) => {
    for (const i of prange(out.length)) out[i] = depth(n + i);
  });
  const out = new Float64Array(8);
  assertThrows(() => par(out, 1e7), RangeError, "Maximum call stack size exceeded");
  par(out, 100);
  assertEquals([...out], [100, 101, 102, 103, 104, 105, 106, 107]);
});

Deno.test("prange covers the whole int64 range exactly, or refuses what JS would round", () => {
  const stats = (out: Float64Array, a: number, b: number, c: number) => {
    let n = 0, lo = Infinity, hi = -Infinity, s = 0;
    for (const i of prange(a, b, c)) {
      n++;
      lo = Math.min(lo, i);
      hi = Math.max(hi, i);
      s += i / 1024;
    }
    out[0] = n, out[1] = lo, out[2] = hi, out[3] = s;
  };
  // a prange nested in a region runs serially, over the same exact space: its first values
  const nested = (out: Float64Array, a: number, b: number, c: number) => {
    for (const j of prange(1)) {
      let n = 0;
      for (const i of prange(a, b, c)) {
        if (n < 3) out[j + n] = i;
        n++;
      }
      out[j + 3] = n;
    }
  };
  const exact = [
    [-(2 ** 63), 2 ** 63, 2 ** 62],
    [2 ** 62, -(2 ** 63), -(2 ** 62)],
    [-(2 ** 63), 2 ** 63 - 2048, 2 ** 62],
    [-(2 ** 31), 2 ** 31, 2 ** 30],
    [0, 2 ** 54, 2 ** 52],
    [10, 0, -3],
    [5, 5, 1],
  ];
  for (const f of [stats, nested]) checkSame(f, exact.map((a) => [new Float64Array(4), ...a]));
  const refused = [
    [2 ** 53, 2 ** 53 + 4, 1], // plain JS's i += 1 would not advance
    [2 ** 63, 2 ** 64, 2 ** 62], // values beyond int64
    [0, Infinity, 1],
    [-5, 5, 2.5],
    [NaN, 1, 1],
  ];
  for (const f of [jit(stats), jit(nested)]) {
    for (const [a, b, c] of refused) {
      assertThrows(() => f(new Float64Array(4), a, b, c), RangeError, "prange()");
    }
  }
  // range() with a large step stops at the int64 limit instead of wrapping around
  checkSame((out: Float64Array, n: number) => {
    let b = 1;
    for (let j = 0; j < 62; j++) b = b + b;
    let k = 0;
    for (const i of range(b, b + (b - 1), b + n)) out[k++] = i / b; // the next i is 2^63
    return k;
  }, [[new Float64Array(4), 0]]);
});

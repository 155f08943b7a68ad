// Differential tests of the rest of the numeric subset: calls between jitted functions,
// recursion, globals, every Math function, Number, literals, switch, labels, range, and the
// options fallback, signature and locals.
import { CompileError, jit, range } from "../mod.ts";
import { checkSame, floats, SPECIAL } from "./_differential.ts";
import { assertEquals, assertStrictEquals, assertStringIncludes, assertThrows } from "./_assert.ts";

const ints = [0, 1, 2, 3, 7, -1, -5, 100, 2 ** 30, -(2 ** 31)];
const nums = [...SPECIAL, ...ints];

Deno.test("numeric literals in every spelling, NaN, Infinity, Number constants", () => {
  checkSame(function literals(out: Float64Array) {
    out[0] = 0x1f + 0o17 + 0b101 + 1_000_000 + 1e3 + 2.5e-3 + .5 + 5.;
    out[1] = 0xFFFFFFFF + 0x7fffffff;
    out[2] = NaN;
    out[3] = -Infinity;
    out[4] = Number.MAX_SAFE_INTEGER + Number.MIN_SAFE_INTEGER;
    out[5] = Number.EPSILON + Number.MIN_VALUE;
    out[6] = Number.MAX_VALUE;
    out[7] = Number.POSITIVE_INFINITY + Number.NEGATIVE_INFINITY;
    out[8] = Math.PI + Math.E + Math.LN2 + Math.LN10 + Math.LOG2E + Math.LOG10E + Math.SQRT2 +
      Math.SQRT1_2;
    out[9] = -0;
  }, [[new Float64Array(10)]]);
});

Deno.test("every Math function", () => {
  checkSame(
    function exact(a: number, b: number, out: Float64Array) {
      out[0] = Math.trunc(a);
      out[1] = Math.sign(a);
      out[2] = Math.fround(a);
      out[3] = Math.imul(a, b);
      out[4] = Math.clz32(a);
      out[5] = Math.round(a);
      out[6] = Math.max(a, b, -0, 0);
      out[7] = Math.min();
      out[8] = Math.max();
      out[9] = Math.abs(-a);
      out[10] = Math.hypot();
      out[11] = Math.hypot(a);
    },
    nums.flatMap((
      a,
    ) => [[a, 3, new Float64Array(12)], [a, -0.5, new Float64Array(12)], [
      a,
      NaN,
      new Float64Array(12),
    ]]),
  );
  checkSame(
    function transcendental(a: number, out: Float64Array) {
      out[0] = Math.tan(a);
      out[1] = Math.asin(a / 1000);
      out[2] = Math.acos(a / 1000);
      out[3] = Math.atan(a);
      out[4] = Math.sinh(a / 100);
      out[5] = Math.cosh(a / 100);
      out[6] = Math.tanh(a);
      out[7] = Math.asinh(a);
      out[8] = Math.acosh(a);
      out[9] = Math.atanh(a / 1000);
      out[10] = Math.log2(a);
      out[11] = Math.log10(a);
      out[12] = Math.log1p(a);
      out[13] = Math.expm1(a / 100);
      out[14] = Math.cbrt(a);
      out[15] = Math.atan2(a, 3);
      out[16] = Math.hypot(a, 4, 12);
      out[17] = a ** 0.5;
    },
    nums.map((a) => [a, new Float64Array(18)]),
    { ulps: 2 },
  );
});

Deno.test("Math.hypot gives V8's result to the bit (C's hypot is 1 ulp off for these)", () => {
  const pairs = [
    [1784.484492, 7.4243042],
    [896.544303, 147.4833169],
    [563.613512, 10.1929267],
    [1580.72381, 70.4877633],
    [3, 4],
    [1e-310, 1e308],
    [1e308, 1e308],
    [NaN, Infinity],
    [-0, -0],
    [NaN, 1],
  ];
  checkSame(
    function hypots(a: number, b: number, out: Float64Array) {
      out[0] = Math.hypot(a, b);
      out[1] = Math.hypot(b, a, 12.5);
      out[2] = Math.hypot(a, b, a, b);
    },
    pairs.map(([a, b]) => [a, b, new Float64Array(3)]),
  );
});

Deno.test("Number.isNaN/isFinite/isInteger/isSafeInteger", () => {
  checkSame(function predicates(a: number) {
    let r = 0;
    if (Number.isNaN(a)) r += 1;
    if (Number.isFinite(a)) r += 2;
    if (Number.isInteger(a)) r += 4;
    if (Number.isSafeInteger(a)) r += 8;
    return r;
  }, nums.map((a) => [a]));
});

Deno.test("all compound assignments, on variables and elements", () => {
  checkSame(function compound(a: number, b: number, out: Int32Array) {
    let x = a;
    x += b;
    x -= 1;
    x *= b;
    x /= 3;
    x %= 5;
    x **= 2;
    let y = a;
    y <<= b;
    y >>= 1;
    y >>>= 2;
    y &= 0xff0f;
    y |= 3;
    y ^= b;
    out[0] = a;
    out[0] += b;
    out[1] = a;
    out[1] <<= 3;
    out[2] = a;
    out[2] >>>= 1;
    out[3] = 7;
    out[3] **= 2;
    return x + y;
  }, nums.flatMap((a) => [[a, 3, new Int32Array(4)], [a, -2, new Int32Array(4)]]));
});

Deno.test("prefix/postfix updates on elements, comma, ??, unary + and ~", () => {
  checkSame(function misc(a: Float64Array, k: number) {
    const i = a[0]++;
    const j = ++a[1];
    const c = (a[2]--, --a[3], a[2] + a[3]);
    const d = k ?? 5;
    return i + j + c + d + +k + ~k;
  }, nums.map((k) => [new Float64Array([1.5, -2, 3, 4]), k]));
});

Deno.test("switch on numbers, labeled blocks, var, shadowing, early return from nested loops", () => {
  checkSame(function control(n: number) {
    // deno-lint-ignore no-var
    var acc = 0;
    for (let i = 0; i < n; i++) {
      switch (i % 4) {
        case 0:
          acc += 1;
        // falls through
        case 1:
          acc += 10;
          break;
        case 3: {
          const i = 100;
          acc += i;
          break;
        }
        default:
          acc -= 1;
      }
    }
    block: {
      if (n > 5) break block;
      acc *= 2;
    }
    let x = 1;
    x += 0;
    {
      let x = 2;
      x += 1;
      acc += x;
    }
    for (let i = 0; i < 10; i++) {
      for (let j = 0; j < 10; j++) {
        if (i * j === n) return acc + x + i * 100 + j;
      }
    }
    return acc + x;
  }, [0, 1, 3, 6, 12, 81, 99].map((n) => [n]));
});

Deno.test("for...of range(n), range(a, b), range(a, b, step) with any step", () => {
  checkSame(function ranges(n: number, out: Float64Array) {
    let s = 0;
    for (const i of range(n)) s += i;
    for (const i of range(2, n)) s += i * 2;
    for (const i of range(n, 0, -3)) s -= i;
    for (const i of range(0, 1, 0.25)) s += i;
    for (const i of range(out.length)) out[i] = i * s;
    return s;
  }, [0, 1, 5, 17].map((n) => [n, new Float64Array(4)]));
  const zero = jit((n: number, k: number) => {
    let s = 0;
    for (const i of range(0, n, k)) s += i;
    return s;
  });
  assertThrows(() => zero(5, 0), RangeError, "step must not be 0");
  assertEquals(zero(5, 2), 6);
});

Deno.test("functions returning nothing, a number or a boolean", () => {
  checkSame(function nothing(a: Float64Array) {
    a[0] = 1;
    return;
  }, [[new Float64Array(2)]]);
  checkSame(function isBig(a: number) {
    return a > 10;
  }, nums.map((a) => [a]));
});

// jitted functions calling each other by name
function sq(x: number) {
  return x * x;
}
const sqJit = jit(sq);
function norm(a: Float64Array) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += sq(a[i]);
  return Math.sqrt(s);
}
function fib(n: number): number {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
function isEven(n: number): boolean {
  return n === 0 ? true : isOdd(n - 1);
}
function isOdd(n: number): boolean {
  return n === 0 ? false : isEven(n - 1);
}
function halve(n: number): number {
  return n <= 1 ? n * 0.5 : halve(n - 1) + 0.25;
}

Deno.test("calls between jitted functions compile to native calls, with recursion", () => {
  jit(fib);
  jit(isEven);
  jit(isOdd);
  jit(halve);
  const f = checkSame(norm, [[floats(20, 3)], [new Float64Array([3, 4])]]);
  assertStringIncludes(f.inspectLLVM(), "define");
  checkSame(fib, [[0], [1], [10], [20]]);
  checkSame(isEven, [[0], [7], [10]]);
  checkSame(halve, [[0], [1], [5]]);
  assertEquals(sqJit(3), 9);
});

// names only the compiled code sees (through globals), or that nothing defines
declare const enabled: boolean;
declare const missing: number;

Deno.test("globals: constants captured at compile time, functions by reference", () => {
  const scale = 2.5;
  const helper = jit((x: number) => x + 1);
  const f = jit((x: number) => helper(x) * scale + (enabled ? 1 : 0), {
    globals: { scale, helper, enabled: true },
  });
  assertStrictEquals(f(2), 8.5);
  const g = jit((x: number) => x * missing);
  const e = assertThrows(() => g(1), CompileError, "unresolved name 'missing'");
  assertStringIncludes(e.message, "globals");
});

Deno.test("an error inside a called function points at the callee's line", () => {
  const get = jit(function get(a: Float64Array, i: number) {
    return a[i];
  });
  const sum = jit(function sumTo(a: Float64Array, n: number) {
    let s = 0;
    for (let i = 0; i < n; i++) s += get(a, i);
    return s;
  }, { globals: { get } });
  const e = assertThrows(() => sum(new Float64Array(3), 4), RangeError, "index 3");
  assertStringIncludes(e.message, "in get");
  assertStringIncludes(e.message, "return a[i]");
});

Deno.test("fallback: true runs the plain function, warning once with the reason", () => {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (m: string) => warnings.push(m);
  try {
    const f = jit((n: number) => String(n).length + n, { fallback: true });
    assertEquals(f(123), 126);
    assertEquals(f(5), 6);
    assertEquals(warnings.length, 1);
    assertStringIncludes(
      warnings[0],
      "'String' is a global of JS, which compiled code does not support",
    );
  } finally {
    console.warn = warn;
  }
  const strict = jit((n: number) => String(n).length + n);
  assertThrows(() => strict(1), CompileError);
});

Deno.test("signature: eager compilation, safe conversions only", () => {
  const f = jit((x: Float64Array, n: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i];
    return s;
  }, { signature: "f64(f64[], i64)" });
  assertEquals(f.signatures, ["(f64[], i64) -> f64"]);
  const x = new Float64Array([1, 2, 3]);
  assertEquals(f(x, 3), 6);
  assertEquals(f(x, 2 ** 0), 1);
  assertThrows(() => f(x, 1.5), TypeError, "parameter 'n' must be i64, got 1.5");
  assertThrows(() => f(new Float32Array(3) as never, 1), TypeError);
  const g = jit((a: number) => a * 2, { signature: ["(i64) -> i64", "f64(f64)"] });
  assertEquals(g.signatures.length, 2);
  assertEquals(g(2.5), 5);
  assertThrows(
    () => jit((a: number) => a > 1, { signature: "f64(f64)" }),
    CompileError,
    "declared return type",
  );
  assertThrows(() => jit((a: number) => a, { signature: "f64(str)" }), TypeError, "unknown type");
  assertThrows(() => jit((a: number) => "s" + a, { signature: "f64(f64)" }), CompileError);
});

Deno.test("locals fixes a local's type", () => {
  const f = jit((x: Float64Array) => {
    let s = 0;
    for (let i = 0; i < x.length; i++) s += x[i];
    return s;
  }, { locals: { s: "f32" } });
  const x = new Float64Array([0.1, 0.2, 0.3]);
  let s = 0;
  for (let i = 0; i < x.length; i++) s = Math.fround(s + x[i]);
  assertStrictEquals(f(x), s);
  assertStringIncludes(f.inspectTypes(), "s: f32");
  const g = jit((a: number) => {
    let k = 0;
    k = a / 2;
    return k;
  }, { locals: { k: "i64" } });
  assertThrows(() => g(3), CompileError, "declared i64");
  assertThrows(() => jit((a: number) => a, { locals: { a: "string" } }), TypeError);
});

Deno.test("bad input: detached buffers and sparse misuse give clear errors", () => {
  const f = jit((a: Float64Array) => a.length);
  const buf = new ArrayBuffer(16);
  const a = new Float64Array(buf);
  assertEquals(f(a), 2);
  structuredClone(buf, { transfer: [buf] });
  assertThrows(() => f(a), TypeError, "detached");
  assertThrows(() => (f as (x: unknown) => unknown)(null), TypeError, "got null");
  assertThrows(() => (f as (x: unknown) => unknown)({ length: 2 }), TypeError, "got an object");
});

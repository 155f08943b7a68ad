// Differential tests: each construct of the serial core, plain JS against jit().
import { range } from "../mod.ts";
import { checkSame, floats, rng, SPECIAL } from "./_differential.ts";
import { assert } from "./_assert.ts";

const N = 40;
const xs = floats(N, 7);
const ys = floats(N, 8);
const ints = [0, 1, 2, 3, 7, -1, -5, 100, 2 ** 30, -(2 ** 31)];
const nums = [...SPECIAL, ...ints];

Deno.test("let/const, assignment and compound assignment", () => {
  checkSame(function compound(a: number, b: number) {
    let x = a;
    const y = b;
    x += y;
    x -= 3;
    x *= y;
    x /= 2;
    x %= 7;
    let k = 10;
    k += 5;
    k -= 2;
    k *= 3;
    return x + k;
  }, nums.flatMap((a) => [[a, 3], [a, -2.5], [2, a]]));
});

Deno.test("++ and -- as statements and values", () => {
  checkSame(function updates(n: number) {
    let i = n;
    let j = 0.5;
    const a = i++;
    const b = ++i;
    const c = j--;
    const d = --j;
    return a * 1000 + b * 100 + c * 10 + d + i + j;
  }, nums.map((a) => [a]));
});

Deno.test("arithmetic keeps -0, NaN and float division", () => {
  checkSame(
    function arith(a: number, b: number, out: Float64Array) {
      out[0] = a + b;
      out[1] = a - b;
      out[2] = a * b;
      out[3] = a / b;
      out[4] = a % b;
      out[5] = -a;
      out[6] = +a;
      out[7] = a * 0;
      out[8] = 0 * -b;
      out[9] = -(a - a);
      out[10] = (a * b) % 3;
      out[11] = -b % 4;
    },
    nums.flatMap((
      a,
    ) => [[a, 0, new Float64Array(12)], [a, -3, new Float64Array(12)], [
      -0,
      a,
      new Float64Array(12),
    ], [a, 2.5, new Float64Array(12)]]),
  );
});

Deno.test("integer arithmetic producing -0 is seen as -0", () => {
  checkSame(function negzero(a: number, b: number) {
    const p = a * b;
    return 1 / p + 1 / (a % 5) + 1 / -a;
  }, [[0, -3], [-3, 0], [0, 5], [5, 0], [-5, 3], [-10, 7], [0, 0]]);
  checkSame(function negzeroInt(a: Int32Array, out: Float64Array) {
    for (let i = 0; i < a.length; i++) out[i] = a[i] * a[(i + 1) % a.length];
  }, [[new Int32Array([0, -3, 5, 0, -1]), new Float64Array(5)]]);
});

Deno.test("comparisons, &&, ||, ! and the ternary", () => {
  checkSame(function logic(a: number, b: number) {
    let r = 0;
    if (a < b) r += 1;
    if (a <= b) r += 2;
    if (a > b) r += 4;
    if (a >= b) r += 8;
    if (a == b) r += 16;
    if (a != b) r += 32;
    if (a === b) r += 64;
    if (a !== b) r += 128;
    if (a < b && b > 0) r += 256;
    if (a > 0 || b > 0) r += 512;
    if (!(a < b)) r += 1024;
    if (!a) r += 2048;
    return a < b ? r : -r;
  }, nums.flatMap((a) => [[a, 1], [a, a], [a, NaN], [a, -0]]));
  checkSame(function valueLogic(a: number, b: number) {
    return (a && b) + (a || b) * 2;
  }, nums.flatMap((a) => [[a, 3], [a, 0], [0.5, a]]));
  checkSame(function boolReturn(a: number) {
    return a > 2 && a < 10;
  }, nums.map((a) => [a]));
});

Deno.test("if/else, for, while, do-while, break, continue, return", () => {
  checkSame(function loops(n: number) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      if (i % 3 === 0) continue;
      if (i > 50) break;
      s += i;
    }
    let j = 0;
    while (j < n) {
      j += 2;
      if (j === 10) break;
    }
    let k = 0;
    do {
      k++;
    } while (k < n && k < 5);
    outer: for (let a = 0; a < 5; a++) {
      for (let b = 0; b < 5; b++) {
        if (b > a) continue outer;
        if (a + b > 6) break outer;
        s += a * b;
      }
    }
    if (s > 1000) return -1;
    else if (s > 100) return s * 2;
    return s + j + k;
  }, [0, 1, 5, 10, 20, 100].map((n) => [n]));
});

Deno.test("typed-array reads, writes and .length for every element type", () => {
  const r = rng(3);
  const make = <T>(C: new (n: number) => T & { [i: number]: number }) => {
    const a = new C(16);
    for (let i = 0; i < 16; i++) a[i] = Math.floor((r() - 0.5) * 600);
    return a;
  };
  const kinds = [
    Float64Array,
    Float32Array,
    Int8Array,
    Int16Array,
    Int32Array,
    Uint8Array,
    Uint16Array,
    Uint32Array,
    Uint8ClampedArray,
  ];
  for (const C of kinds) {
    checkSame(function scale(a: Float64Array, k: number) {
      let s = 0;
      for (let i = 0; i < a.length; i++) {
        s += a[i];
        a[i] = a[i] * k + 0.5;
      }
      return s;
      // deno-lint-ignore no-explicit-any
    }, [[make(C as any) as any, 3], [make(C as any) as any, -1.75], [make(C as any) as any, 1e10]]);
  }
});

Deno.test("stores follow JS conversion: wrap, clamp, round to float32", () => {
  const vals = new Float64Array(nums);
  const kinds = [
    Float32Array,
    Int8Array,
    Int16Array,
    Int32Array,
    Uint8Array,
    Uint16Array,
    Uint32Array,
    Uint8ClampedArray,
  ];
  for (const C of kinds) {
    checkSame(function store(src: Float64Array, dst: Float64Array) {
      for (let i = 0; i < src.length; i++) dst[i] = src[i];
      // deno-lint-ignore no-explicit-any
    }, [[vals, new (C as any)(vals.length)]]);
    checkSame(function storeInt(dst: Float64Array, k: number) {
      for (let i = 0; i < dst.length; i++) dst[i] = (i - 10) * k;
      // deno-lint-ignore no-explicit-any
    }, [[new (C as any)(30), 37], [new (C as any)(30), 100000]]);
  }
});

Deno.test("Math functions of the serial core", () => {
  checkSame(
    function math(a: number, b: number, out: Float64Array) {
      out[0] = Math.sqrt(a);
      out[1] = Math.abs(a);
      out[2] = Math.floor(a);
      out[3] = Math.ceil(a);
      out[4] = Math.min(a, b);
      out[5] = Math.max(a, b);
      out[6] = Math.min(a, b, 3);
      out[7] = Math.max(a, -0);
      out[8] = Math.min(0, a);
      out[9] = Math.pow(a, b);
      out[10] = a ** 2;
      out[11] = Math.round(a);
    },
    nums.flatMap((
      a,
    ) => [
      [a, 2, new Float64Array(12)],
      [a, NaN, new Float64Array(12)],
      [1, a, new Float64Array(12)],
      [-1, a, new Float64Array(12)],
      [a, -0, new Float64Array(12)],
      [a, 0.5, new Float64Array(12)],
    ]),
  );
  checkSame(
    function transcendental(a: number, out: Float64Array) {
      out[0] = Math.exp(a);
      out[1] = Math.log(a);
      out[2] = Math.sin(a);
      out[3] = Math.cos(a);
    },
    nums.map((a) => [a, new Float64Array(4)]),
    { ulps: 2 },
  );
  checkSame(function intMath(a: number, b: number) {
    return Math.abs(a) + Math.min(a, b) * 3 + Math.max(a, b, 7) + Math.floor(a) + Math.ceil(b);
  }, ints.flatMap((a) => ints.map((b) => [a, b])));
});

Deno.test("bitwise operators use ToInt32/ToUint32", () => {
  checkSame(
    function bits(a: number, b: number, out: Float64Array) {
      out[0] = a & b;
      out[1] = a | b;
      out[2] = a ^ b;
      out[3] = a << b;
      out[4] = a >> b;
      out[5] = a >>> b;
      out[6] = ~a;
      out[7] = a | 0;
    },
    nums.flatMap((
      a,
    ) => [[a, 3, new Float64Array(8)], [a, 33, new Float64Array(8)], [-7, a, new Float64Array(8)]]),
  );
});

Deno.test("floats and integers mix in one variable", () => {
  checkSame(function mix(x: Float64Array) {
    let m = 0;
    for (let i = 0; i < x.length; i++) if (x[i] > m) m = x[i];
    let c = 0;
    c = c + 0.25;
    return m + c;
  }, [[xs], [ys]]);
});

Deno.test("SharedArrayBuffer-backed arrays are accepted", () => {
  const sab = new Float64Array(new SharedArrayBuffer(8 * N));
  sab.set(xs);
  checkSame(function double(x: Float64Array) {
    for (let i = 0; i < x.length; i++) x[i] *= 2;
  }, [[sab]]);
});

Deno.test("integer expressions that may be -0 keep the sign through +, ?:, comma and Math.sign", () => {
  checkSame(function signs(a: number, b: number, out: Float64Array) {
    out[0] = +(-a);
    out[1] = a > 1 ? a * b : -a;
    out[2] = (out[4] = 1, -a);
    out[3] = Math.sign(-a);
    out[4] = Math.sign(a * b);
  }, [[0, -1, new Float64Array(5)], [0, 3, new Float64Array(5)], [2, 0, new Float64Array(5)], [
    -3,
    0,
    new Float64Array(5),
  ]]);
});

Deno.test("products of non-negative integers are integers; anything that may be negative keeps -0", () => {
  checkSame(function signs(n: number, out: Float64Array) {
    let up = 0;
    let down = 3;
    let back = 0;
    for (let i = 0; i < 4; i++) {
      up++;
      down--;
      back = i - 2;
    }
    let minus = 5;
    minus -= 9;
    const len = out.length;
    out[0] = up * 0;
    out[1] = down * 0; // down ends at -1
    out[2] = back * 0;
    out[3] = minus * 0;
    out[4] = n * 0;
    out[5] = (len * 2) % 3;
    out[6] = -back % 2;
    out[7] = Math.max(back, 0) * -0;
    for (const i of range(3, -1, -1)) out[8] = i * 0 - i;
  }, [[0, new Float64Array(9)], [-4, new Float64Array(9)], [7, new Float64Array(9)]]);
});

Deno.test("integer products that outgrow int64 follow JS (doubles), not wrapping arithmetic", () => {
  checkSame(function wideProducts(a: number, b: number, u: Uint32Array) {
    const p = (a >>> 0) * (b >>> 0) + 1; // up to 2^64: beyond int64
    const q = a * b * a; // three int32 factors: up to 2^93
    let h = 7;
    for (let i = 0; i < u.length; i++) h = h * 31 + u[i]; // grows past 2^63 after 13 rounds
    let g = 1;
    for (let i = 0; i < u.length; i++) g *= u[i] + 3;
    return p + q + h + g + u[0] * u[1];
  }, [[-1, -1, new Uint32Array(40).fill(4294967295)], [
    2 ** 31 - 1,
    -(2 ** 31),
    new Uint32Array(30).map((_, i) => i * 123456789),
  ], [3, 5, new Uint32Array([1, 2])]]);
});

Deno.test("large element-wise loops (streaming stores) give the same elements as plain JS", () => {
  const n = (1 << 18) + 37;
  const x = floats(n, 3);
  const y = floats(n, 4);
  const view = (a: Float64Array, offset: number) => {
    const b = new Float64Array(new ArrayBuffer(8 * (n + 8)), 8 * offset, n);
    b.set(a);
    return b;
  };
  const add = checkSame(function streamAdd(x: Float64Array, y: Float64Array, r: Float64Array) {
    for (let i = 0; i < r.length; i++) r[i] = x[i] + y[i];
  }, [[x, y, new Float64Array(n)], [x, y, view(y, 3)], [x, y, view(x, 7)]]);
  if (Deno.build.arch === "x86_64") {
    assert(/vmovnt/.test(add.inspectAsm()), "the streaming version was not generated");
  }
  checkSame(function streamExpr(x: Float64Array, r: Float64Array, k: number, m: number) {
    let i = 0;
    for (i = 0; i < r.length; i++) r[i] = (x[i] * k - i / 3) / m + -x[i];
    return i;
  }, [[x, new Float64Array(n), 2.5, 7], [x, new Float64Array(n), -3, 0]]);
  checkSame(function streamCompound(r: Float64Array, x: Float64Array) {
    for (let i = 0; i < r.length; i++) r[i] += x[i] * 0.5;
  }, [[view(y, 1), x]]);
  checkSame(function streamInPlace(r: Float64Array) {
    for (let i = 0; i < r.length; i++) r[i] = r[i] * r[i] - 1;
  }, [[view(x, 5)]]);
});

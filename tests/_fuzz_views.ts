// A differential fuzzer for loops over views that share one buffer (and may overlap), aimed at
// loop versioning and vectorization: counted loops with offsets, `<=` bounds, decreasing loops and
// range(), over indexes that may run out of bounds, with offsets and bounds anywhere in int32
// range or computed in doubles. The oracle is the plain function with every access checked the
// way compiled code checks it (an index outside the array, or not an integer, is a RangeError):
// both runs must agree on whether a RangeError is thrown, and on every element of the buffer,
// margins included (an unchecked write outside a view shows there).
import fc from "fast-check";
import { jit, range } from "../mod.ts";

const ARRAYS = ["r", "x", "y"];
const MARGIN = 4;

/** An access `arr[index]`, as jit source or as checked oracle source. */
type Access = { arr: string; index: string };
type Emit = (a: Access) => string;

const jitRead: Emit = (a) => `${a.arr}[${a.index}]`;
const oracleRead: Emit = (a) => `rd(${a.arr}, ${a.index})`;

/** Indexes of the counter `i`: offsets from literals, parameters and invariant products. */
const indexArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant("i") },
  fc.tuple(fc.constantFrom("i + ", "i - ", ""), fc.integer({ min: -3, max: 3 })).map(([f, c]) =>
    f ? `${f}${c < 0 ? `(${c})` : c}` : `${c < 0 ? `(${c})` : c} + i`
  ),
  fc.constantFrom("i + k", "k + i", "i - k", "i + k * k", "k * n + i", "i + (k - 1)"),
  // `big` is k doubled d times: near and past the int64 limits when d is large
  fc.constantFrom("i + big", "big + i", "i - big", "i + (big - 3)"),
);

const accessArb = fc.record({ arr: fc.constantFrom(...ARRAYS), index: indexArb });

/** A value of doubles read from the views: a tree of reads, parameters and literals. */
type Value = { read?: Access; leaf?: string; op?: string; l?: Value; r?: Value };
const valueArb: fc.Arbitrary<Value> = fc.letrec((tie) => ({
  value: fc.oneof(
    { weight: 3, arbitrary: accessArb.map((read) => ({ read })) },
    { weight: 2, arbitrary: fc.constantFrom("s", "i", "1", "0.5", "-2").map((leaf) => ({ leaf })) },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constantFrom("+", "-", "*", "/"),
        l: tie("value") as fc.Arbitrary<Value>,
        r: tie("value") as fc.Arbitrary<Value>,
      }),
    },
  ),
})).value;

function valueSource(v: Value, read: Emit, depth = 0): string {
  if (v.read) return read(v.read);
  if (v.leaf) return v.leaf;
  if (depth > 3) return "1";
  return `(${valueSource(v.l!, read, depth + 1)} ${v.op} ${valueSource(v.r!, read, depth + 1)})`;
}

/** One loop: its head, and one store `target op= value` in its body. */
const loopArb = fc.record({
  head: fc.constantFrom(
    "for (let i = 0; i < n; i++)",
    "for (let i = 0; i <= n; i++)",
    "for (let i = k; i < r.length; i++)",
    "for (let i = 0; i < r.length; i++)",
    "for (let i = 0; i < y.length; i++)",
    "for (let i = 0; i < x.length - k; i++)",
    "for (let i = 1; n >= i; i++)",
    "for (let i = 0; i < n * n * n; i++)",
    "for (let i = 0; i < m; i++)",
    "for (let i = n - 1; i >= 0; i--)",
    "for (const i of range(k, n))",
    "for (const i of range(n))",
  ),
  target: accessArb,
  op: fc.constantFrom("=", "=", "+=", "*="),
  value: valueArb,
});

export const viewProgramArb = fc.array(loopArb, { minLength: 1, maxLength: 2 });
type ViewProgram = typeof viewProgramArb extends fc.Arbitrary<infer P> ? P : never;

/** The body as jitted source (`oracle` false) or as the checked oracle's source. */
export function viewSource(p: ViewProgram, oracle: boolean): string {
  const read = oracle ? oracleRead : jitRead;
  return p.map((l) => {
    const v = valueSource(l.value, read);
    const t = l.target;
    let store: string;
    if (!oracle) store = `${jitRead(t)} ${l.op} ${v};`;
    else if (l.op === "=") store = `wr(${t.arr}, ${t.index}, ${v});`;
    else store = `wr(${t.arr}, ${t.index}, ${oracleRead(t)} ${l.op[0]} ${v});`;
    return `${l.head} { ${store} }`;
  }).join("\n");
}

const INTS = [0, 1, 2, 3, 5, 8, -1, -3, 2 ** 31 - 1, -(2 ** 31), 2 ** 16, 1 << 21];

/**
 * What the body starts with: `big`, the parameter k doubled up to d times, but not past 2^63 in
 * magnitude (whether sums past int64 are exact is the integer tests' business; here `big` only
 * has to reach the limits that the hoisted checks must not wrap around).
 */
const PREAMBLE = "let big = k;\n" +
  "for (let j = 0; j < d && Math.abs(big) < 4611686018427387904; j++) big = big + big;";

/** The buffer, three views into it (often overlapping), and the scalar arguments. */
export const viewInputArb = fc.record({
  length: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 40 }) }, {
    weight: 1,
    arbitrary: fc.integer({ min: 2 ** 18, max: 2 ** 18 + 40 }),
  }),
  // each view skips `at` elements at the start and `cut` at the end of the buffer
  // (mostly a few elements apart: overlaps closer than a vector's width are the hard case)
  views: fc.array(fc.tuple(fc.oneof(fc.nat(9), fc.nat(40)), fc.oneof(fc.nat(9), fc.nat(40))), {
    minLength: 3,
    maxLength: 3,
  }),
  d: fc.oneof(fc.constantFrom(0, 1, 30, 61, 62, 63, 64), fc.nat(70)),
  n: fc.oneof(fc.integer({ min: -2, max: 44 }), fc.constantFrom(...INTS)),
  k: fc.oneof(fc.integer({ min: -4, max: 4 }), fc.constantFrom(...INTS, 0.5, NaN, 2 ** 53)),
  m: fc.constantFrom(3, 40, 2 ** 18, 2.5, Infinity, NaN, 2 ** 53, -0),
  s: fc.double({ min: -4, max: 4, noNaN: true }),
});
type ViewInput = typeof viewInputArb extends fc.Arbitrary<infer I> ? I : never;
type Kernel = (...args: unknown[]) => unknown;

function check(a: Float64Array, i: number): void {
  if (!Number.isInteger(i) || i < 0 || i >= a.length) throw new RangeError(`index ${i}`);
}
const rd = (a: Float64Array, i: number) => (check(a, i), a[i]);
const wr = (a: Float64Array, i: number, v: number) => {
  check(a, i);
  a[i] = v;
};

const cache = new Map<string, Kernel>();

/** Runs one program both ways on identical buffers; returns the first difference. */
export function viewsDiffer(p: ViewProgram, input: ViewInput): string | undefined {
  const src = `${PREAMBLE}\n${viewSource(p, false)}`;
  const params = ["r", "x", "y", "n", "k", "m", "s", "d"];
  const make = () => {
    const n = input.length;
    const buf = new Float64Array(n + 2 * MARGIN);
    for (let i = 0; i < buf.length; i++) buf[i] = ((i * 7) % 11) - 3;
    const views = input.views.map(([at, cut]) => {
      const start = at % n;
      return buf.subarray(MARGIN + start, MARGIN + Math.max(start + 1, n - (cut % n)));
    });
    return { buf, args: [...views, input.n, input.k, input.m, input.s, input.d] };
  };
  const oracle = new Function(
    "rd",
    "wr",
    "range",
    `return (${params}) => {
    ${PREAMBLE}
    ${viewSource(p, true)} }`,
  )(rd, wr, range) as Kernel;
  let jitted = cache.get(src);
  if (!jitted) {
    jitted = jit(new Function(...params, src) as Kernel) as Kernel;
    cache.set(src, jitted);
  }
  const runs = [oracle, jitted].map((f) => {
    const { buf, args } = make();
    try {
      f(...args);
      return { buf, error: "" };
    } catch (e) {
      if (!(e instanceof RangeError)) return { buf, error: `${e}` };
      return { buf, error: "RangeError" };
    }
  });
  const [o, j] = runs;
  const where = `\n${src}\ninputs: ${JSON.stringify(input)}`;
  if (o.error !== j.error) return `plain JS: ${o.error || "ok"}, jit: ${j.error || "ok"}${where}`;
  for (let i = 0; i < o.buf.length; i++) {
    if (!Object.is(o.buf[i], j.buf[i])) {
      return `buffer element ${i - MARGIN} is ${j.buf[i]}, plain JS ${o.buf[i]}${where}`;
    }
  }
  return undefined;
}

/** Checks `runs` random loop programs over overlapping views. */
export function fuzzViews(runs: number, seed?: number): void {
  fc.assert(
    fc.property(viewProgramArb, viewInputArb, (p, input) => {
      const d = viewsDiffer(p, input);
      if (d) throw new Error(d);
    }),
    { numRuns: runs, seed, endOnFailure: false, verbose: 0 },
  );
}

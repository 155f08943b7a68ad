// The oracle: run a function as plain JS and through jit() on identical copies of its
// arguments; return values and every array element must be identical (Object.is).
import { jit, type JitOptions } from "../mod.ts";
import { assert } from "./_assert.ts";

type Arg = number | boolean | ArrayBufferView;

function copy(a: Arg): Arg {
  if (ArrayBuffer.isView(a)) {
    const ta = a as unknown as { slice(): Arg };
    return ta.slice();
  }
  return a;
}

function same(a: unknown, b: unknown): boolean {
  return Object.is(a, b);
}

/** `ulps` allowed between results (only for transcendental Math functions). */
function close(a: unknown, b: unknown, ulps: number): boolean {
  if (same(a, b)) return true;
  if (typeof a !== "number" || typeof b !== "number" || ulps === 0) return false;
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  const f = new Float64Array([a, b]);
  const i = new BigInt64Array(f.buffer);
  const d = i[0] - i[1];
  return (d < 0n ? -d : d) <= BigInt(ulps);
}

/**
 * Runs `fn` plain and jitted over each argument list; throws on the first difference.
 * Returns the jitted function for further checks.
 */
export function checkSame(
  // deno-lint-ignore no-explicit-any
  fn: (...args: any[]) => unknown,
  argLists: Arg[][],
  opts: JitOptions & { ulps?: number } = {},
) {
  const f = jit(fn, opts);
  const ulps = opts.ulps ?? 0;
  for (const args of argLists) {
    const plainArgs = args.map(copy);
    const jitArgs = args.map(copy);
    let expected: unknown, expectedErr: unknown;
    try {
      expected = fn(...plainArgs);
    } catch (e) {
      expectedErr = e;
    }
    if (expectedErr) throw expectedErr;
    const actual = f(...jitArgs);
    const show = (x: unknown) => Object.is(x, -0) ? "-0" : String(x);
    assert(
      close(actual, expected, ulps),
      `${fn.name || "kernel"}(${
        args.map((a) => ArrayBuffer.isView(a) ? a.constructor.name : show(a))
      }) ` +
        `returned ${show(actual)}, plain JS ${show(expected)}`,
    );
    plainArgs.forEach((p, k) => {
      if (!ArrayBuffer.isView(p)) return;
      const pa = p as unknown as ArrayLike<number>;
      const ja = jitArgs[k] as unknown as ArrayLike<number>;
      for (let i = 0; i < pa.length; i++) {
        assert(
          close(ja[i], pa[i], ulps),
          `${fn.name || "kernel"}: argument ${k} element ${i} is ${show(ja[i])}, plain JS ${
            show(pa[i])
          }`,
        );
      }
    });
  }
  return f;
}

/** A deterministic pseudo-random generator (mulberry32) for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Interesting doubles: signed zeros, NaN, infinities, halves, large and tiny values. */
export const SPECIAL = [
  0,
  -0,
  1,
  -1,
  0.5,
  -0.5,
  1.5,
  -1.5,
  2.5,
  -2.5,
  0.49999999999999994,
  NaN,
  Infinity,
  -Infinity,
  255.5,
  256,
  -129,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 32 + 5,
  2 ** 53,
  1e300,
  -1e-300,
  4294967295.7,
  Number.MIN_VALUE,
  3.7,
  -3.7,
  100,
  127.5,
  128,
];

/** A Float64Array of `n` values from `SPECIAL` and random numbers. */
export function floats(n: number, seed = 1): Float64Array {
  const r = rng(seed);
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = r() < 0.4 ? SPECIAL[Math.floor(r() * SPECIAL.length)] : (r() - 0.5) * 1000;
  }
  return a;
}

/**
 * Runs `fn` plain and jitted on arguments that may share memory (views of one buffer): `make`
 * builds a fresh set each time. Results and every element of the underlying buffers must agree.
 */
export function checkSameViews(
  // deno-lint-ignore no-explicit-any
  fn: (...args: any[]) => unknown,
  make: () => { buffers: Float64Array[]; args: Arg[] },
  opts: JitOptions = {},
) {
  const f = jit(fn, opts);
  const plain = make();
  const jitted = make();
  const expected = fn(...plain.args);
  const actual = f(...jitted.args);
  assert(Object.is(actual, expected), `${fn.name} returned ${actual}, plain JS ${expected}`);
  plain.buffers.forEach((p, k) => {
    for (let i = 0; i < p.length; i++) {
      assert(
        Object.is(jitted.buffers[k][i], p[i]),
        `${fn.name}: buffer ${k} element ${i} is ${jitted.buffers[k][i]}, plain JS ${p[i]}`,
      );
    }
  });
  return f;
}

// Attacks on this session's soundness-sensitive changes (relational ranges, 32-bit slots,
// countdown and strided loop versioning, chunked reductions, the unified invoker): each test
// names the promise it keeps — plain JS's numbers, no byte touched outside an array.
import { assertEquals, assertThrows } from "./_assert.ts";
import { jit } from "../mod.ts";
import { checkSame } from "./_differential.ts";

/** `n` elements in the middle of a larger buffer filled with `fill`; `ok()` checks the fence. */
function fenced<T extends Float64Array | Uint8Array>(
  Ctor: new (b: ArrayBuffer, off: number, n: number) => T,
  n: number,
  fill: number,
) {
  const pad = 32;
  const size = (Ctor as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
  const buf = new ArrayBuffer(size * (n + 2 * pad));
  new Ctor(buf, 0, n + 2 * pad).fill(fill);
  const a = new Ctor(buf, size * pad, n);
  a.fill(1);
  const all = new Ctor(buf, 0, n + 2 * pad);
  const ok = () => [...all.subarray(0, pad), ...all.subarray(pad + n)].every((v) => v === fill);
  return { a, ok };
}

Deno.test("red2: a counter held in a 32-bit slot is versioned with its real value (a negative start is a RangeError, not a read before the array)", () => {
  // `i = start | 0` makes i a ToInt32 result; every read of it lies in int32, so it is kept in an
  // i32 slot, and the loop's one check before it read that slot as an i64 (garbage high bits)
  const f = jit((a: Float64Array, start: number) => {
    let i = start | 0;
    let s = 0;
    for (; i < 100; i = i + 1) s += a[i];
    return s;
  });
  const { a } = fenced(Float64Array, 100, 7);
  assertEquals(f(a, 0), 100);
  assertEquals(f(a, 5), 95);
  for (const start of [-5, -1, -(2 ** 31)]) {
    assertThrows(() => f(a, start), RangeError, `index ${start} is out of bounds`);
  }
});

Deno.test("red2: a streaming loop over a counter in a 32-bit slot leaves it at its end (no 8-byte store into a 4-byte slot)", () => {
  checkSame((x: Float64Array, r: Float64Array, start: number) => {
    let i = start | 0;
    for (; i < 300000; i = i + 1) r[i] = x[i] * 2;
    return i;
  }, [[new Float64Array(300000).fill(1.5), new Float64Array(300000), 0]]);
});

// Run by parallel_test.ts with TSJIT_RACECHECK=1: races the compiler cannot prove are caught at
// run time, naming the array, the index and the line; race-free scatters and reductions pass.
import { jit, prange } from "../mod.ts";
import { checkSame } from "./_differential.ts";
import { assert, assertThrows } from "./_assert.ts";

const n = 10_000;
const perm = new Int32Array(n).map((_, i) => (i * 7919) % n); // a permutation: no race
const seeded = perm.slice();
seeded[9_000] = seeded[123]; // two iterations now write the same element

function scatter(idx: Int32Array, out: Float64Array) {
  for (const i of prange(idx.length)) out[idx[i]] = i;
}
checkSame(scatter, [[perm, new Float64Array(n)]]);
const f = jit(scatter);
const e = assertThrows(() => f(seeded, new Float64Array(n)), Error, "TSJIT_RACECHECK");
const element = `element ${seeded[123]} of 'out'`;
assert(e.message.includes(element), e.message);
assert(e.message.includes("out[idx[i]] = i"), e.message);
assert(/iteration (123|9000)\b/.test(e.message), e.message);

// a read of what another iteration writes (a shift the compiler cannot see through `s`)
const shift = jit((a: Float64Array, s: number) => {
  for (const i of prange(a.length)) {
    if (i >= s) a[i] = a[i - s] + 1;
  }
});
const e2 = assertThrows(() => shift(new Float64Array(100), 1), Error, "of 'a' is written");
assert(e2.message.includes("a[i] = a[i - s] + 1"), e2.message);
shift(new Float64Array(100), 100); // no iteration writes: fine

// array reductions are private per chunk: not races
checkSame(function hist(idx: Int32Array, h: Float64Array) {
  for (const i of prange(idx.length)) h[idx[i] % 16] += 1;
}, [[seeded, new Float64Array(16)]]);
console.log("racecheck ok");

// The mid-level IR's passes (compiler/mir/), each on its own: what a loop's attributes are before
// and after the pass, on functions typed by the real compiler, and what inspectIR() prints.
import { jit, prange } from "../mod.ts";
import { assert, assertEquals, assertMatch } from "./_assert.ts";
import { SPECIALIZATIONS } from "../compiler/source.ts";
import type { Specialization } from "../compiler/pipeline.ts";
import type { TypedFunction } from "../compiler/types/infer.ts";
import { buildFunction } from "../compiler/mir/build.ts";
import { loopsOf, type MFunction } from "../compiler/mir/ir.ts";
import { discoverCountedLoops } from "../compiler/mir/counted.ts";
import { versionLoops } from "../compiler/mir/versioning.ts";
import { outlinePranges } from "../compiler/mir/outline.ts";
import { planStreaming } from "../compiler/mir/streaming.ts";
import { compileMIR, PASSES } from "../compiler/mir/passes.ts";
import { printFunction } from "../compiler/mir/print.ts";

/** The typed root function of `f`'s first specialization, compiled by calling it with `args`. */
function typed(f: (...a: never[]) => unknown, ...args: unknown[]): TypedFunction {
  (f as (...a: unknown[]) => unknown)(...args);
  const specs = (f as unknown as Record<symbol, () => Specialization[]>)[SPECIALIZATIONS]();
  return specs[0].program![0];
}

const on = { boundscheck: true };
const a8 = () => new Float64Array(8);

Deno.test("mir build: one loop node per loop form, no attributes before the passes", () => {
  const f = jit((a: Float64Array, n: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i];
    for (let j = 0; j < 2; j++) {
      let k = 0;
      while (k < 2) k++;
      do k--; while (k > 0);
    }
    return s;
  });
  const fn = buildFunction(typed(f, a8(), 4));
  const loops = loopsOf(fn);
  assertEquals(loops.map((l) => l.loop.form), ["for", "for", "while", "doWhile"]);
  for (const { loop } of loops) {
    assertEquals([loop.counted, loop.versioned, loop.parallel, loop.streaming], [
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  }
});

Deno.test("mir counted-loop discovery: innermost loops whose counter only the loop changes", () => {
  const f = jit((a: Float64Array, b: Float64Array, n: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i] + b[i + 1];
    for (let i = 0; i < n; i++) {
      s += a[i];
      i += 0; // the body writes the counter: not counted
    }
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s += a[j]; // only the inner one
    return s;
  });
  const fn = buildFunction(typed(f, a8(), a8(), 4));
  discoverCountedLoops(fn, on);
  const loops = loopsOf(fn).map((l) => l.loop);
  assertEquals(loops.length, 4);
  const first = loops[0].counted!;
  assertEquals(first.variable.name, "i");
  assertEquals(first.accesses.map((x) => (x.array as { name: string }).name), ["a", "b"]);
  assertEquals(first.accesses.map((x) => x.offset), [0, 1]);
  assertEquals(loops[1].counted, undefined);
  assertEquals(loops[2].counted, undefined);
  assertEquals(loops[3].counted?.variable.name, "j");
});

Deno.test("mir counted-loop discovery: range loops and countdowns only with bounds checks", () => {
  const body = (a: Float64Array, n: number) => {
    let s = 0;
    for (const i of prange(n)) s += a[i];
    let p = 0, k = 3;
    do s += a[p++]; while (--k);
    return s;
  };
  const checked = buildFunction(typed(jit(body), a8(), 4));
  discoverCountedLoops(checked, on);
  const [range, countdown] = loopsOf(checked).map((l) => l.loop);
  assertEquals(range.counted?.variable.name, "i");
  assertEquals(countdown.countdown?.counter.name, "k");
  const unchecked = buildFunction(typed(jit(body, { boundscheck: false }), a8(), 4));
  discoverCountedLoops(unchecked, { boundscheck: false });
  assert(loopsOf(unchecked).every((l) => !l.loop.counted && !l.loop.countdown));
});

Deno.test("mir bounds-check versioning: counted loops with a known end, and countdowns", () => {
  const f = jit((a: Float64Array, n: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i];
    for (let i = 1; i < a.length; i++) s += a[i - 1];
    for (let i = 0; i < n; i++) {
      s += a[i];
      i++; // not counted, so not versioned
    }
    let p = 0, k = 3;
    do s += a[p++]; while (--k);
    return s;
  });
  const fn = buildFunction(typed(f, a8(), 4));
  discoverCountedLoops(fn, on);
  assert(loopsOf(fn).every((l) => l.loop.versioned === undefined));
  versionLoops(fn);
  assertEquals(loopsOf(fn).map((l) => !!l.loop.versioned), [true, true, false, true]);
});

Deno.test("mir prange outlining: the outermost prange is parallel, with its reductions", () => {
  const f = jit((a: Float64Array, n: number) => {
    let s = 0;
    for (const i of prange(n)) {
      let t = 0;
      for (const j of prange(2)) t += j; // inside the chunk: serial
      s += a[i] + t;
    }
    return s;
  });
  const fn = buildFunction(typed(f, a8(), 4));
  outlinePranges(fn);
  const [outer, inner] = loopsOf(fn).map((l) => l.loop);
  const p = outer.parallel!;
  assertEquals(p.reductions.map((r) => [r.variable.name, r.op]), [["s", "+"]]);
  assert(p.captured.some((v) => v.name === "a"));
  assertEquals(inner.parallel, undefined);
});

Deno.test("mir streaming: a versioned element-wise store of doubles, step 1 only", () => {
  const f = jit((x: Float64Array, y: Float64Array, k: number) => {
    for (let i = 0; i < x.length; i++) x[i] = y[i] * k + 1;
    for (let i = 0; i < x.length; i += 2) x[i] = y[i];
    for (let i = 0; i < x.length; i++) x[i] = Math.sqrt(y[i]); // a call: not lane-wise here
  });
  const fn = buildFunction(typed(f, a8(), a8(), 2));
  discoverCountedLoops(fn, on);
  planStreaming(fn); // before versioning: nothing is versioned, nothing streams
  assert(loopsOf(fn).every((l) => !l.loop.streaming));
  versionLoops(fn);
  planStreaming(fn);
  const plans = loopsOf(fn).map((l) => l.loop.streaming);
  if (Deno.build.arch === "x86_64") {
    assertEquals(plans[0]?.target.name, "x");
    assertEquals(plans[0]?.counter.name, "i");
  } else assertEquals(plans[0], undefined); // non-temporal stores are x86-64 only
  assertEquals([plans[1], plans[2]], [undefined, undefined]);
});

Deno.test("mir passes run in order; inspectIR prints the IR code is generated from", () => {
  assertEquals(PASSES.map(([name]) => name), [
    "counted loops",
    "bounds-check versions",
    "prange outlining",
    "streaming stores",
  ]);
  const f = jit((a: Float64Array, n: number) => {
    let s = 0;
    for (const i of prange(n)) s += a[i];
    return s;
  });
  const tf = typed(f, a8(), 4);
  const fn: MFunction = compileMIR(tf, on);
  const text = printFunction(fn);
  assertMatch(text, /^function <anonymous>\(a: f64\[\], n: i64\) -> f64$/m);
  assertMatch(text, /let s: f64 = 0 : i64/);
  assertMatch(
    text,
    /loop i of prange\(n\) {2}\[counted\(i; covers a\[i\]\) versioned parallel\(captures .*reduces s by \+\)\]/,
  );
  assertMatch(text, /^ {4}s \+= a\[i\] : f64$/m);
  assertEquals(f.inspectIR(), `; (f64[], i64) -> f64\n${text}`);
});

// Named regressions found by attacking tsjit from outside (a red-team review): each states the
// plain-JS semantics the compiled code must keep.
import { assert, assertEquals, assertStringIncludes, assertThrows } from "./_assert.ts";
import { CompileError, jit, prange, range } from "../mod.ts";
import { checkSame } from "./_differential.ts";
import { denoArgs, denoSync } from "./_subprocess.ts";

Deno.test("Number.isInteger/isFinite/isSafeInteger/isNaN of a boolean are false, as in JS", () => {
  checkSame(
    (x: boolean) =>
      (Number.isInteger(x) ? 1 : 0) + (Number.isFinite(x) ? 2 : 0) +
      (Number.isSafeInteger(x) ? 4 : 0) + (Number.isNaN(x) ? 8 : 0),
    [[true], [false]],
  );
});

Deno.test("arguments past the ones a Math function reads still run, as in JS", () => {
  checkSame((n: number) => {
    let i = 0, s = 0;
    for (let k = 0; k < n; k++) {
      // @ts-expect-error: JS evaluates extra arguments
      s += Math.floor(k + 0.5, i++);
      // @ts-expect-error: JS evaluates extra arguments
      s += Math.abs(-k, i += 2);
      // @ts-expect-error: JS evaluates extra arguments
      s += Math.pow(2, 3, i--);
    }
    return s * 100 + i;
  }, [[0], [1], [5]]);
});

Deno.test("a cache directory that cannot be used costs the cache, never jit(): one warning", () => {
  const state = new URL("../.tsjit/", import.meta.url).pathname;
  Deno.mkdirSync(state, { recursive: true });
  const open = `${state}open-cache-${crypto.randomUUID()}`;
  Deno.mkdirSync(open);
  Deno.chmodSync(open, 0o777); // writable by anyone: refused
  const file = `${state}not-a-dir-${crypto.randomUUID()}`;
  Deno.writeTextFileSync(file, "");
  const prog = `${state}entry-fallback-${crypto.randomUUID()}.ts`;
  Deno.writeTextFileSync(
    prog,
    `import { jit } from "${new URL("../mod.ts", import.meta.url).href}";
const f = jit((a: Float64Array) => { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]; return s; });
console.log(f(new Float64Array([1, 2, 3.5])));`,
  );
  try {
    for (const dir of [open, file]) {
      for (const cache of ["0", "1"]) {
        const o = denoSync(denoArgs(["--allow-run=cc", `--allow-write=${dir},/tmp`, prog]), {
          TSJIT_CACHE_DIR: dir,
          TSJIT_CACHE: cache,
          TMPDIR: "/tmp",
        });
        assert(o.success, o.stderr);
        assertEquals(o.stdout.trim(), "6.5");
        assertStringIncludes(o.stderr, `the cache directory ${dir} is not used`);
        assert(!/\n\s+at /.test(o.stderr), `no stack trace: ${o.stderr}`);
      }
    }
    assertEquals([...Deno.readDirSync(open)].length, 0, "nothing written into a refused dir");
  } finally {
    for (const p of [open, file, prog]) Deno.removeSync(p, { recursive: true });
  }
});

Deno.test("declared f32 parameters receive their value; numbers a float cannot hold are refused", () => {
  checkSame((x: number) => x + 0.1, [[1], [2.5], [-7], [NaN], [-0], [Infinity]], {
    signature: "f64(f32)",
  });
  checkSame((x: number, y: number) => x * y, [[3, 2], [0.5, 1e300]], {
    signature: "f64(f32, f64)",
  });
  const f = jit((x: number) => x + 0.1, { signature: "f64(f32)" });
  assertThrows(() => f(0.1), TypeError, "parameter 'x' must be f32, got 0.1");
});

Deno.test("a declared integer parameter refuses -0 (it would lose its sign)", () => {
  const f = jit((x: number) => 1 / x, { signature: "f64(i64)" });
  assertThrows(() => f(-0), TypeError);
  assertEquals(f(0), Infinity);
  checkSame((x: number) => 1 / x, [[-0], [0], [3]], { signature: ["f64(i64)", "f64(f64)"] });
});

Deno.test("a Math function replaced by user code is refused (fallback runs the user's)", () => {
  const f = (x: number) => Math.hypot(x, 0) + 1;
  const saved = Math.hypot;
  try {
    Math.hypot = () => 42;
    assertThrows(() => jit(f)(4), CompileError, "Math.hypot has been replaced");
    assertEquals(jit(f, { fallback: true })(4), 43);
  } finally {
    Math.hypot = saved;
  }
  assertEquals(jit(f)(4), 5);
});

Deno.test("deep tail recursion throws RangeError as in JS (no tail call turned into a loop)", () => {
  function cnt(n: number, acc: number): number {
    return n === 0 ? acc : cnt(n - 1, acc + 1);
  }
  const f = jit(cnt);
  assertEquals(f(1000, 0), 1000);
  assertThrows(() => f(1e8, 0), RangeError, "recursed too deeply");
  assertThrows(() => cnt(1e8, 0), RangeError); // the oracle
});

Deno.test("a NaN step is refused like 0, by plain range()/prange() and compiled loops alike", () => {
  const ser = (a: number, s: number) => {
    let c = 0;
    for (const _ of range(0, a, s)) c++;
    return c;
  };
  const par = (a: Float64Array, s: number) => {
    for (const i of prange(0, a.length, s)) a[i] = 1;
  };
  for (const a of [-1, 5]) {
    assertThrows(() => ser(a, NaN), RangeError, "range() step must not be 0 or NaN");
    assertThrows(() => jit(ser)(a, NaN), RangeError, "range() step must not be 0 or NaN");
  }
  assertThrows(
    () => par(new Float64Array(4), NaN),
    RangeError,
    "prange() step must not be 0 or NaN",
  );
  // compiled prange bounds must be integers (docs/semantics.md): NaN is refused as such
  assertThrows(() => jit(par)(new Float64Array(4), NaN), RangeError, "prange()");
});

Deno.test("a prange starting at -0 is refused, never run with +0 as its first value", () => {
  const f = (a: Float64Array, n: number) => {
    for (const i of prange(n, 2)) a[i + 0] = 1 / i;
  };
  assertThrows(() => jit(f)(new Float64Array(2), -0), RangeError, "the start not -0");
  checkSame(f, [[new Float64Array(2), 0], [new Float64Array(2), 1]]);
});

// An `export default function` is named "default" (a reserved word) and a method may be named
// `new`: jit() built its wrapper's source from the name and threw an internal SyntaxError.
Deno.test("a function named by a reserved word: compiled, or a CompileError, and keeps its name", async () => {
  const { default: f } = await import("./_default_export.ts");
  const j = jit(f, { fallback: false });
  assertEquals(j.name, "default");
  assertEquals(j(21), f(21));
  const o = {
    new(a: number) {
      return a * 3;
    },
  };
  assertThrows(() => jit(o.new, { fallback: false })(2), CompileError);
  const plain = jit(o.new, { fallback: true }); // runs the plain function
  assertEquals(plain.name, "new");
  assertEquals(plain(2), 6);
});

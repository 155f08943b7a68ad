// The compile cache across processes: hits compile nothing, an edited callee invalidates its
// caller, a corrupted entry is recompiled (never run), concurrent writers leave a valid cache.
// Counters (cacheStats), not timings, say what happened.
import { assert, assertEquals, assertStringIncludes } from "./_assert.ts";
import { denoAsync } from "./_subprocess.ts";
import { mod, program, setup } from "./_cache.ts";

Deno.test("a second process loads the compiled entry and compiles nothing", () => {
  const t = setup();
  try {
    const f = t.file(program("return v * 2;"));
    const first = t.run(f);
    assertEquals([first.r, first.compiles, first.stored, first.hits], [12, 1, 1, 0]);
    const second = t.run(f);
    assertEquals([second.r, second.compiles, second.hits], [12, 0, 1]);
    assert(Deno.statSync(t.dir).mode! & 0o700, "owner-only directory");
    assertEquals(Deno.statSync(t.dir).mode! & 0o077, 0, "cache directory must be owner-only");
  } finally {
    t.cleanup();
  }
});

Deno.test("an edit to a called function invalidates the caller", () => {
  const t = setup();
  try {
    assertEquals(t.run(t.file(program("return v * 2;"))).r, 12);
    const edited = t.run(t.file(program("return v * 3;")));
    assertEquals([edited.r, edited.stale, edited.compiles], [18, 1, 1]);
    const again = t.run(t.file(program("return v * 3;")));
    assertEquals([again.r, again.hits, again.compiles], [18, 1, 0]);
  } finally {
    t.cleanup();
  }
});

Deno.test("a corrupted entry is discarded and recompiled, never executed", () => {
  const t = setup();
  try {
    const f = t.file(program("return v + 1;"));
    assertEquals(t.run(f).r, 9);
    for (const e of Deno.readDirSync(t.dir)) {
      if (e.name.startsWith(".")) continue; // the entry library, not an entry
      const so = `${t.dir}/${e.name}/entry.so`;
      const bytes = Deno.readFileSync(so);
      for (let i = 0x1000; i < bytes.length; i += 7) bytes[i] ^= 0xff; // garble the code
      Deno.writeFileSync(so, bytes);
    }
    const after = t.run(f);
    assertEquals([after.r, after.discarded, after.compiles, after.hits], [9, 1, 1, 0]);
    assertStringIncludes(after.stderr, "discarding cache entry");
    assertStringIncludes(after.stderr, "checksum mismatch");
    assertEquals(t.run(f).hits, 1);
  } finally {
    t.cleanup();
  }
});

Deno.test("two processes compiling the same function at once leave a valid cache", async () => {
  const t = setup();
  try {
    const f = t.file(program("return v - 1;", "racing"));
    const spawn = () => denoAsync(t.args(f), { TSJIT_CACHE_DIR: t.dir });
    const [a, b] = await Promise.all([spawn(), spawn()]);
    assert(a.success && b.success, a.stderr + b.stderr);
    for (const o of [a, b]) assertEquals(JSON.parse(o.stdout.trim()).r, 3);
    const entries = [...Deno.readDirSync(t.dir)].filter((e) => !e.name.startsWith("."));
    assertEquals(entries.length, 1);
    const third = t.run(f);
    assertEquals([third.r, third.hits, third.compiles, third.discarded], [3, 1, 0, 0]);
  } finally {
    t.cleanup();
  }
});

Deno.test("eager signatures compile at import, and with the cache a later import compiles nothing", () => {
  const t = setup();
  try {
    const f = t.file(`import { cacheStats, jit } from "${mod}";
const fns = [1, 2, 3].map((k) => jit(new Function("x", \`let s = 0; for (let i = 0; i < x.length; i++) s += x[i] * \${k}; return s;\`) as (x: Float64Array) => number, { signature: "f64(f64[])", cache: true }));
console.log(JSON.stringify({ r: fns.map((f) => f(new Float64Array([1, 2]))).join(","), ...cacheStats }));`);
    const first = t.run(f);
    assertEquals([first.r, first.compiles, first.stored], ["3,6,9", 3, 3]);
    const second = t.run(f);
    assertEquals([second.r, second.compiles, second.hits], ["3,6,9", 0, 3]);
  } finally {
    t.cleanup();
  }
});

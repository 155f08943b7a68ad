// prange kernels against plain JS for TSJIT_NUM_THREADS = 1, 2 and 3 (3 is more threads than
// cores here), each in a fresh process since the pool is sized once at start-up.
import { assertEquals, assertStringIncludes } from "./_assert.ts";
import { denoArgs, denoSync } from "./_subprocess.ts";

const script = new URL("./_parallel_kernels.ts", import.meta.url).pathname;
const forms = new URL("./_parallel_forms.ts", import.meta.url).pathname;
function runWith(threads: string, file = script) {
  return denoSync(denoArgs([file]), { TSJIT_NUM_THREADS: threads });
}

for (const threads of ["1", "2", "3"]) {
  Deno.test(`prange kernels equal plain JS with TSJIT_NUM_THREADS=${threads}`, () => {
    const r = runWith(threads);
    assertEquals(r.code, 0, r.stderr + r.stdout);
    assertStringIncludes(r.stdout, `ok ${threads}`);
  });
  Deno.test(`reductions, array reductions and last values with TSJIT_NUM_THREADS=${threads}`, () => {
    const r = runWith(threads, forms);
    assertEquals(r.code, 0, r.stderr + r.stdout);
    assertStringIncludes(r.stdout, `forms ok ${threads}`);
    assertStringIncludes(r.stdout, `vectorize ok ${threads}`);
  });
}

Deno.test("TSJIT_RACECHECK=1 catches a seeded race with its array, index and line", () => {
  const file = new URL("./_racecheck.ts", import.meta.url).pathname;
  const r = denoSync(denoArgs([file]), { TSJIT_NUM_THREADS: "2", TSJIT_RACECHECK: "1" });
  assertEquals(r.code, 0, r.stderr + r.stdout);
  assertStringIncludes(r.stdout, "racecheck ok");
});

Deno.test("bad TSJIT_NUM_THREADS values are refused at import, naming variable and value", () => {
  for (const bad of ["0", "-2", "1.5", "two", "1e3"]) {
    const r = runWith(bad);
    assertEquals(r.code !== 0, true, `accepted ${bad}`);
    assertStringIncludes(r.stderr, "TSJIT_NUM_THREADS");
    assertStringIncludes(r.stderr, JSON.stringify(bad));
  }
});

Deno.test("TSJIT_NUM_THREADS above its bound is refused at import with the bound", () => {
  for (const big of ["257", "1000", "1000000000"]) {
    const r = runWith(big);
    assertEquals(r.code !== 0, true, `accepted ${big}`);
    assertStringIncludes(r.stderr, `TSJIT_NUM_THREADS must be at most 256`);
    assertStringIncludes(r.stderr, JSON.stringify(big));
    assertEquals(r.stderr.includes("allocation"), false, r.stderr);
  }
  const r = runWith("256");
  assertEquals(r.code, 0, r.stderr);
  assertStringIncludes(r.stdout, "ok 256");
});

Deno.test("a script that used the pool exits by itself", () => {
  const dir = new URL("../.tsjit/", import.meta.url).pathname;
  Deno.mkdirSync(dir, { recursive: true });
  const file = Deno.makeTempFileSync({ dir, suffix: ".ts" });
  const mod = new URL("../mod.ts", import.meta.url).href;
  Deno.writeTextFileSync(
    file,
    `import { jit, prange } from "${mod}";
     const f = jit((a: Float64Array) => { for (const i of prange(a.length)) a[i] = i; });
     const a = new Float64Array(100000); f(a); console.log("done", a[99999]);`,
  );
  const t = performance.now();
  const r = runWith("2", file);
  Deno.removeSync(file);
  assertEquals(r.code, 0, r.stderr);
  assertStringIncludes(r.stdout, "done 99999");
  assertEquals(performance.now() - t < 20_000, true);
});

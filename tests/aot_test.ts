// Ahead-of-time: exported jitted functions become a shared library and a loader that runs with
// FFI limited to the output directory (so libLLVM cannot be loaded) and TSJIT_LLVM_LIB hidden.
import { assert, assertEquals, assertStringIncludes } from "./_assert.ts";
import { denoArgs, denoSync } from "./_subprocess.ts";
import { cacheDir } from "../compiler/host.ts";

const root = new URL("../", import.meta.url).pathname;

/** Runs `./tsjit aot MODULE --out DIR`. */
function buildAot(module: string, out: string) {
  return denoSync(denoArgs([
    "--allow-run=cc",
    `--allow-write=${out},${cacheDir()}`, // the entry library is built in the cache on first use
    `${root}compiler/aot/build.ts`,
    module,
    "--out",
    out,
  ]));
}

/** The loader is typed: `deno check` accepts a program that uses it. */
function typeChecks(file: string) {
  const o = denoSync(["check", file]);
  assertEquals(o.success, true, o.stderr);
}

Deno.test("./tsjit aot builds a library and loader that run without LLVM", () => {
  const out = `${root}.tsjit/aot-test-${crypto.randomUUID().slice(0, 8)}`;
  try {
    const build = buildAot(`${root}examples/aot/kernels.ts`, out);
    assertEquals(build.success, true, build.stderr);
    assertStringIncludes(build.stdout, "countAbove (f64[], f64) -> i64; (f32[], f64) -> i64");
    const user = `${out}/use.ts`;
    Deno.writeTextFileSync(
      user,
      Deno.readTextFileSync(`${root}examples/aot/use.ts`).replace("./out/mod.ts", "./mod.ts"),
    );
    typeChecks(user);
    const run = denoSync(["run", `--allow-ffi=${out}`, `--allow-read=${out}`, user], {
      TSJIT_LLVM_LIB: "/nonexistent/libLLVM.so",
      LD_LIBRARY_PATH: "/nonexistent",
    });
    assertEquals(run.success, true, run.stderr);
    assertEquals(
      run.stdout.trim().split("\n"),
      [
        "dot 20",
        "scaled 0.5 1 1.5 2",
        "above 1 2 2",
        "index 2 is out of bounds for 'y' (length 2)",
      ],
    );
  } finally {
    Deno.removeSync(out, { recursive: true });
  }
});

Deno.test("./tsjit aot: a default export, hostile arguments and the CPU check", () => {
  const out = `${root}.tsjit/aot-test-${crypto.randomUUID().slice(0, 8)}`;
  try {
    const build = buildAot(`${root}tests/_aot_hostile.ts`, out);
    assertEquals(build.success, true, build.stderr);
    Deno.writeTextFileSync(
      `${out}/attacks.ts`,
      Deno.readTextFileSync(`${root}tests/_aot_attacks.ts`).replace(
        "./_aot_hostile.ts",
        "./mod.ts",
      ),
    );
    typeChecks(`${out}/attacks.ts`);
    const run = denoSync(["run", `--allow-ffi=${out}`, `--allow-read=${out}`, `${out}/attacks.ts`]);
    assertEquals(run.success, true, run.stderr);
    const typeError = "TypeError: total(): parameter 'x' must be f64[], got";
    assertEquals(run.stdout.trim().split("\n"), [
      "subclass 10",
      "fence 12",
      "swapped 44 44 44",
      `proxy ${typeError} an object posing as a Float64Array (a Proxy, or another object given ` +
      `its prototype), not a real typed array`,
      `dataview ${typeError} a DataView`,
      `detached ${typeError} a Float64Array whose buffer is detached`,
      "kind TypeError: fill(): parameter 'x' must be f64[] or u8[], got an Int32Array",
      "clz 31 32 0",
      "name total fill",
    ]);
    // The CPU check covers the features LLVM compiled for, lzcnt (Math.clz32) included.
    const host = denoSync(denoArgs([`${root}tests/_host_features.ts`])).stdout;
    const checked = build.stdout.match(/CPU check: (.*)/)![1].split(" ");
    for (const f of ["lzcnt", "popcnt", "avx2", "bmi", "sse4.2"]) {
      if (host.includes(`+${f},`)) assert(checked.includes(f), `${f} not checked: ${checked}`);
    }
    const check = Deno.readTextFileSync(`${out}/mod.ts`);
    assertEquals(check.includes(root), false, "the loader names an absolute source path");
  } finally {
    Deno.removeSync(out, { recursive: true });
  }
});

Deno.test("./tsjit aot refuses an export that reads a module table by reference", () => {
  const out = `${root}.tsjit/aot-test-${crypto.randomUUID().slice(0, 8)}`;
  const build = buildAot(`${root}tests/_aot_table.ts`, out);
  assertEquals(build.success, false);
  assertStringIncludes(build.stderr, "export 'lookup' reads the typed array 'TABLE'");
  assertStringIncludes(build.stderr, "pass it as an argument instead");
});

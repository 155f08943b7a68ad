// Ahead-of-time: exported jitted functions become a shared library and a loader that runs with
// FFI limited to the output directory (so libLLVM cannot be loaded) and TSJIT_LLVM_LIB hidden.
import { assertEquals, assertStringIncludes } from "@std/assert";
import { denoArgs, denoSync } from "./_subprocess.ts";

const root = new URL("../", import.meta.url).pathname;

Deno.test("./tsjit aot builds a library and loader that run without LLVM", () => {
  const out = `${root}.tsjit/aot-test-${crypto.randomUUID().slice(0, 8)}`;
  try {
    const build = denoSync(denoArgs([
      "--allow-run=cc",
      `--allow-write=${out}`,
      `${root}compiler/aot/build.ts`,
      `${root}examples/aot/kernels.ts`,
      "--out",
      out,
    ]));
    assertEquals(build.success, true, build.stderr);
    assertStringIncludes(build.stdout, "countAbove (f64[], f64) -> i64; (f32[], f64) -> i64");
    const user = `${out}/use.ts`;
    Deno.writeTextFileSync(
      user,
      Deno.readTextFileSync(`${root}examples/aot/use.ts`).replace("./out/mod.ts", "./mod.ts"),
    );
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

// One invoker for JIT and AOT (compiler/runtime/invoke.ts): the same bad call fails with the same
// error, word for word, whether the function runs through jit() or an AOT-built loader. Locations
// differ only in how the file is named (the loader names paths relative to the module).
import { assertEquals } from "./_assert.ts";
import { denoArgs, denoSync } from "./_subprocess.ts";
import { cacheDir } from "../compiler/host.ts";
import * as jitted from "./_invoke_kernels.ts";

const root = new URL("../", import.meta.url).pathname;
type Kernels = typeof jitted;

/** Bad calls, by label: each must throw. */
function cases(k: Kernels): [string, () => unknown][] {
  const f64 = new Float64Array(4);
  const detached = new Float64Array(2);
  structuredClone(detached.buffer, { transfer: [detached.buffer] });
  const call = (f: unknown, ...args: unknown[]) => () =>
    (f as (...a: unknown[]) => unknown)(...args);
  return [
    ["wrong kind", call(k.sum, new Int32Array(2))],
    ["string", call(k.sum, "x")],
    ["null", call(k.sum, null)],
    ["plain array", call(k.sum, [1, 2])],
    ["proxy", call(k.sum, new Proxy(new Float64Array(2), {}))],
    ["dataview", call(k.sum, new DataView(new ArrayBuffer(8)))],
    ["detached", call(k.sum, detached)],
    ["too few", call(k.sum)],
    ["too many", call(k.at, f64, 1, 2)],
    ["one of two kinds", call(k.fill, new Int32Array(1), 1)],
    ["kinds no signature pairs", call(k.copy, f64, new Uint8Array(4))],
    ["fraction for i64", call(k.at, f64, 1.5)],
    ["-0 for i64", call(k.at, f64, -0)],
    ["unsafe integer", call(k.at, f64, 2 ** 60)],
    ["number for bool", call(k.pick, 1, 1)],
    ["inexact f32", call(k.pick, true, 0.1)],
    ["out of bounds", call(k.at, f64, 4)],
    ["negative index", call(k.at, f64, -1)],
    ["fractional index", call(k.atFloat, new Float32Array(2), 0.5)],
    ["too deep", call(k.deep, 1e8)],
  ];
}

/** Each case's error: its class and message, files named by their last component. */
function errors(k: Kernels): string[] {
  return cases(k).map(([label, f]) => {
    try {
      f();
      return `${label}: no error`;
    } catch (e) {
      const text = `${(e as Error).name}: ${(e as Error).message}`;
      return `${label}: ${text.replace(/ at (\S*\/)?([^/\s]+:\d+:\d+)/g, " at $2")}`;
    }
  });
}

Deno.test("JIT and AOT invokers report the same errors for the same bad calls", async () => {
  const out = `${root}.tsjit/invoke-test-${crypto.randomUUID().slice(0, 8)}`;
  try {
    const build = denoSync(denoArgs([
      "--allow-run=cc",
      `--allow-write=${out},${cacheDir()}`,
      `${root}compiler/aot/build.ts`,
      `${root}tests/_invoke_kernels.ts`,
      "--out",
      out,
    ]));
    assertEquals(build.success, true, build.stderr);
    const aot = await import(`file://${out}/mod.ts`) as Kernels;
    const fromJit = errors(jitted);
    assertEquals(errors(aot), fromJit);
    // the cases are errors of the kinds they claim, with a location where one applies
    const kinds = fromJit.map((l) => l.split(": ").slice(0, 2).join(": "));
    assertEquals(kinds.filter((l) => !/: (TypeError|RangeError)$/.test(l)), []);
    assertEquals(fromJit.filter((l) => / at _invoke_kernels\.ts:\d+:\d+/.test(l)).length, 4);
    assertEquals(
      fromJit.find((l) => l.startsWith("kinds no signature pairs")),
      "kinds no signature pairs: TypeError: copy(): no compiled signature accepts (f64[], u8[]); " +
        "declared: (f64[], f64[]) -> void; (u8[], u8[]) -> void",
    );
  } finally {
    Deno.removeSync(out, { recursive: true });
  }
});

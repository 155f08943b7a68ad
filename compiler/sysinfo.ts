// `./tsjit sysinfo` (`deno task sysinfo`): what tsjit runs on, as `numba -s` reports it: versions,
// the CPU as LLVM sees it, libLLVM, threads, the cache and the switches in effect.
import { cacheDir, env } from "./host.ts";
import { listEntries } from "./cache/store.ts";
import { VERSION } from "./version.ts";
import { typescript } from "./frontend/typescript.ts";
import { llvm } from "./llvm/mod.ts";
import { llvmLibrary } from "./llvm/locate.ts";
import { hostTarget } from "./llvm/target.ts";
import { cpuIdentity, entryLibraryPath } from "./runtime/entry.ts";
import { poolSize } from "./runtime/pool.ts";

function section(title: string, rows: [string, unknown][]): void {
  console.log(`__${title}__`);
  for (const [k, v] of rows) console.log(`${k.padEnd(28)}: ${v}`);
  console.log();
}

function attempt(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    return `unavailable (${(e as Error).message.split("\n")[0]})`;
  }
}

section("tsjit", [
  ["tsjit", VERSION],
  ["Deno", Deno.version.deno],
  ["V8", Deno.version.v8],
  ["TypeScript (Deno's checker)", Deno.version.typescript],
  ["TypeScript (tsjit's parser)", attempt(() => typescript().version)],
  ["target", Deno.build.target],
]);

const found = llvmLibrary();
const host = attempt(() => hostTarget()) as ReturnType<typeof hostTarget> | string;
const features = typeof host === "string" ? host : host.features.split(",")
  .filter((f) => f.startsWith("+")).map((f) => f.slice(1)).sort().join(" ")
  .replace(/(.{1,70})(?: |$)/g, `$1\n${" ".repeat(30)}`).trimEnd();
section("Hardware and LLVM", [
  ["CPUs (hardwareConcurrency)", navigator.hardwareConcurrency],
  ["cpuid (cache key)", attempt(cpuIdentity)],
  ["libLLVM", attempt(() => llvm().path)],
  ["libLLVM version (cache key)", found.version],
  ["LLVM triple", typeof host === "string" ? host : host.triple],
  ["LLVM host CPU", typeof host === "string" ? host : host.cpu],
  ["LLVM CPU features", features],
]);

section("Threads", [
  ["TSJIT_NUM_THREADS", env("TSJIT_NUM_THREADS") ?? "(unset)"],
  ["pool size", attempt(poolSize)],
]);

const entries = attempt(() => listEntries()) as { bytes: number }[] | string;
section("Cache and switches", [
  ["cache directory", cacheDir()],
  [
    "cache entries",
    typeof entries === "string"
      ? entries
      : `${entries.length} (${(entries.reduce((s, e) => s + e.bytes, 0) / 1024).toFixed(0)} KiB)`,
  ],
  ["entry library", attempt(entryLibraryPath)],
  ...["TSJIT_CACHE", "TSJIT_DISABLE_JIT", "TSJIT_BOUNDSCHECK", "TSJIT_LLVM_LIB"].map((k) =>
    [k, env(k) ?? "(unset)"] as [string, unknown]
  ),
]);

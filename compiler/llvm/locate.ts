// Where libLLVM is, found without loading it (the cache key and `sysinfo` need its version, and a
// cache hit must not pay for opening LLVM). TSJIT_LLVM_LIB overrides the search.
import { env, needing } from "../host.ts";

function exists(path: string): boolean {
  return needing("to find libLLVM", () => {
    try {
      return Deno.statSync(path).isFile;
    } catch (e) {
      if (e instanceof Deno.errors.NotFound || e instanceof Deno.errors.NotADirectory) return false;
      throw e;
    }
  });
}

/** Supported major versions, newest first. */
export const LLVM_VERSIONS = [19, 18, 17, 16, 15];

const DIRS = [
  "/usr/lib/x86_64-linux-gnu",
  "/usr/lib/aarch64-linux-gnu",
  "/usr/lib64",
  "/usr/lib",
  "/usr/local/lib",
];

/** Candidate libraries in search order: existing files first, then sonames for the loader. */
export function llvmCandidates(): string[] {
  const override = env("TSJIT_LLVM_LIB");
  if (override) return [override];
  const files: string[] = [];
  for (const v of LLVM_VERSIONS) {
    const names = [`libLLVM-${v}.so.1`, `libLLVM.so.${v}.1`, `libLLVM-${v}.so`, `libLLVM.so.1`];
    for (const dir of [...DIRS, `/usr/lib/llvm-${v}/lib`]) {
      for (const name of names) {
        if (name === "libLLVM.so.1" && !dir.endsWith(`llvm-${v}/lib`)) continue;
        if (exists(`${dir}/${name}`)) files.push(`${dir}/${name}`);
      }
    }
  }
  const sonames = LLVM_VERSIONS.flatMap((v) => [`libLLVM-${v}.so.1`, `libLLVM.so.${v}.1`]);
  return [...files, ...sonames];
}

/** The major version in a libLLVM file name (`libLLVM-15.so.1`, `llvm-17/lib/libLLVM.so.1`). */
export function llvmVersionOf(path: string): string {
  const m = path.match(/libLLVM[-.](?:so\.)?(\d+)/) ?? path.match(/llvm-(\d+)\//);
  return m ? m[1] : "unknown";
}

/** The libLLVM the compiler will open first, and its major version (no dlopen). */
export function llvmLibrary(): { path: string; version: string } {
  const path = llvmCandidates()[0];
  return { path, version: llvmVersionOf(path) };
}

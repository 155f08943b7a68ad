// The entry trampolines (entry.c), opened with Deno.dlopen so that every call into compiled code
// takes Deno's fast FFI path. See entry.c for why they exist.

import { fileURLToPath } from "node:url";
import { cacheDir, needing, plainError, sha256, warnOnce } from "../host.ts";
import { checkCacheDir, checkEntry, UntrustedCache } from "../cache/trust.ts";
import { abiDefines, MAX_ARRAYS } from "./abi.ts";

/** A trampoline: the arrays as buffers, then the context block. */
export type Trampoline = (...args: BufferSource[]) => number;

let trampolines: Trampoline[] | undefined;

/**
 * Where the entry library is (built on first use): the cache directory, per entry.c text and
 * target, or a private temporary directory when the cache directory is refused.
 */
export function entryLibraryPath(): string {
  return libraryPath();
}

const entrySource = new URL("./entry.c", import.meta.url);
let path: string | undefined;

/** The library's name under `dir`: one per entry.c text, ABI and target. */
function libraryIn(dir: string): string {
  const c = needing("to read tsjit's entry.c", () => Deno.readFileSync(entrySource));
  const id = sha256(
    JSON.stringify([new TextDecoder().decode(c), abiDefines(), Deno.build.target]),
  );
  return `${dir}/.runtime-${id.slice(0, 16)}/libtsjit_entry.so`;
}

function libraryPath(): string {
  ensureBuilt();
  return path!;
}

/** Builds the trampoline library with the system C compiler (once per cache directory). */
function build(out: string): void {
  const dir = out.slice(0, out.lastIndexOf("/"));
  Deno.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = `${out}.${crypto.randomUUID()}.tmp`;
  const args = [
    "-O2",
    "-shared",
    "-fPIC",
    ...abiDefines(),
    "-o",
    tmp,
    fileURLToPath(entrySource),
    "-ldl",
    "-pthread",
  ];
  let res: Deno.CommandOutput;
  try {
    res = new Deno.Command("cc", { args, stdout: "null", stderr: "piped" }).outputSync();
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      throw plainError(
        "tsjit needs a C compiler (cc) once, to build its entry library " +
          "(Debian: apt-get install gcc)",
      );
    }
    throw e;
  }
  if (!res.success) {
    throw plainError(
      `tsjit: building its entry library failed: ${
        new TextDecoder().decode(res.stderr).split("\n")[0]
      }`,
    );
  }
  Deno.chmodSync(tmp, 0o700); // whatever the umask: writable only by its owner (trust.ts)
  Deno.renameSync(tmp, out); // atomic: concurrent builders each rename a complete library
}

let built = false;

/**
 * The entry library in `dir`, built there if missing; the directory is checked before anything
 * is written into it, and the library before it is loaded (trust.ts).
 */
function prepareIn(dir: string): string {
  try {
    Deno.lstatSync(dir);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
    Deno.mkdirSync(dir, { recursive: true, mode: 0o700 });
  }
  checkCacheDir(dir);
  const out = libraryIn(dir);
  try {
    Deno.statSync(out);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
    build(out);
  }
  checkEntry(out.slice(0, out.lastIndexOf("/")), ["libtsjit_entry.so"], "entry library");
  return out;
}

/**
 * Every call needs the entry library, so a cache directory that cannot be used (refused by
 * trust.ts, not a directory, read-only) must not stop jit(): the library is then built in a
 * private temporary directory of this process, removed when it exits.
 */
function ensureBuilt(): void {
  if (built) return;
  needing("to build and open its entry library", () => {
    const dir = cacheDir();
    try {
      path = prepareIn(dir);
    } catch (e) {
      if (e instanceof Deno.errors.NotCapable) throw e;
      const why = e instanceof UntrustedCache ? e.reason : (e as Error).message.split("\n")[0];
      warnOnce(
        `the cache directory ${dir} is not used (${why}); tsjit's entry library is ` +
          "built in a private temporary directory instead",
      );
      const tmp = Deno.makeTempDirSync({ prefix: "tsjit-runtime-" });
      globalThis.addEventListener("unload", () => {
        try {
          Deno.removeSync(tmp, { recursive: true });
        } catch { /* already gone */ }
      });
      path = prepareIn(tmp);
    }
  });
  built = true;
}

/** The trampoline for a function taking `arrays` typed arrays. */
export function trampoline(arrays: number): Trampoline {
  if (!trampolines) {
    ensureBuilt();
    const defs: Record<string, Deno.ForeignFunction> = {};
    for (let k = 0; k <= MAX_ARRAYS; k++) {
      defs[`tsjit_call${k}`] = { parameters: Array(k + 1).fill("buffer"), result: "f64" };
    }
    const lib = needing("to open its entry library", () => Deno.dlopen(libraryPath(), defs));
    trampolines = [];
    for (let k = 0; k <= MAX_ARRAYS; k++) {
      trampolines.push(lib.symbols[`tsjit_call${k}`] as unknown as Trampoline);
    }
  }
  return trampolines[arrays];
}

let global = false;

/** Makes the entry library's symbols (tsjit_parallel) visible to the JIT's symbol search. */
export function makeEntryLibraryGlobal(): void {
  if (global) return;
  const lib = Deno.dlopen(entryLibraryPath(), {
    tsjit_make_global: { parameters: [], result: "i32" },
  });
  if (!lib.symbols.tsjit_make_global()) {
    throw new Error(
      "tsjit: could not make the entry library's symbols global (dlopen RTLD_GLOBAL)",
    );
  }
  global = true;
}

let cpu: string | undefined;

/** The host CPU (vendor, model and feature bits from cpuid), read without loading LLVM. */
export function cpuIdentity(): string {
  if (cpu === undefined) {
    const lib = Deno.dlopen(entryLibraryPath(), {
      tsjit_cpu_id: { parameters: ["buffer", "i32"], result: "void" },
    });
    const buf = new Uint8Array(256);
    lib.symbols.tsjit_cpu_id(buf, buf.length);
    cpu = new TextDecoder().decode(buf.subarray(0, buf.indexOf(0)));
    lib.close();
  }
  return cpu;
}

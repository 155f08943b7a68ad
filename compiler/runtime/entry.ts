// The entry trampolines (entry.c), opened with Deno.dlopen so that every call into compiled code
// takes Deno's fast FFI path. See entry.c for why they exist.

/** Most typed-array arguments a compiled function may take (trampolines exist for 0..MAX). */
export const MAX_ARRAYS = 12;

/** A trampoline: the arrays as buffers, then the context block. */
export type Trampoline = (...args: BufferSource[]) => number;

let trampolines: Trampoline[] | undefined;

/** Where the entry library is: TSJIT_ENTRY_LIB, or .tsjit/ in the checkout. */
export function entryLibraryPath(): string {
  ensureBuilt();
  return libraryPath();
}

function libraryPath(): string {
  const fromEnv = Deno.env.get("TSJIT_ENTRY_LIB");
  if (fromEnv) return fromEnv;
  return new URL("../../.tsjit/libtsjit_entry.so", import.meta.url).pathname;
}

/** Builds the trampoline library with the system C compiler (when the launcher did not). */
function build(path: string): void {
  const src = new URL("./entry.c", import.meta.url).pathname;
  Deno.mkdirSync(path.slice(0, path.lastIndexOf("/")), { recursive: true });
  const out = new Deno.Command("cc", {
    args: ["-O2", "-shared", "-fPIC", "-o", path, src, "-ldl", "-pthread"],
  })
    .outputSync();
  if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
}

let built = false;

function ensureBuilt(): void {
  if (built) return;
  const path = libraryPath();
  try {
    Deno.statSync(path);
  } catch {
    try {
      build(path);
    } catch (e) {
      throw new Error(
        `tsjit: the entry library ${path} is missing and could not be built (${
          (e as Error).message.split("\n")[0]
        }). Run ./tsjit setup, or run with --allow-run and a C compiler installed.`,
      );
    }
  }
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
    const lib = Deno.dlopen(libraryPath(), defs);
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

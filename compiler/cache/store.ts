// The on-disk compile cache: one directory per entry, `<dir>/<key>/` holding `entry.so` (the
// specialization linked as a shared library, opened with Deno.dlopen: no LLVM, no parsing) and
// `meta.json` (types, error sites, dependencies, the library's SHA-256). Entries are built in a
// temporary directory and renamed into place, so concurrent writers never leave a torn entry.
// Nothing is loaded from a directory or file that someone else could have written (trust.ts).
import { cacheDir, sha256, warnOnce } from "../host.ts";

export { cacheDir };
import { makeEntryLibraryGlobal } from "../runtime/entry.ts";
import type { ErrorSite } from "../lower/lower.ts";
import type { Specialization } from "../pipeline.ts";
import { isArray, type Type, typeOfKey } from "../types/types.ts";
import type { Dependency, EntryRecord } from "./deps.ts";
import { checkCacheDir, checkEntry } from "./trust.ts";

/** Bumped when this format changes (compiler changes change the key: deps.ts). */
const FORMAT = 2;
const FILES = ["meta.json", "entry.so"];

/** What is stored beside the library. */
export interface CacheMeta {
  format: number;
  key: string;
  name: string;
  symbol: string;
  /** the types' keys (types.ts) */
  argTypes: string[];
  returnType: string;
  parallel: boolean;
  /** calls the entry library (absent in entries stored before: then `parallel` says) */
  runtime?: boolean;
  sites: ErrorSite[];
  typesText: string;
  optimizedIR: string;
  deps: Dependency[];
  sitePaths: (string[] | null)[];
  sha256: string;
  created: string;
  compileMs: number;
}

/** Counters of this process's cache traffic (tests read them; nothing is timed). */
export const cacheStats = { compiles: 0, hits: 0, misses: 0, stale: 0, stored: 0, discarded: 0 };

function removeEntry(dir: string): void {
  try {
    Deno.removeSync(dir, { recursive: true });
  } catch { /* already gone */ }
}

/**
 * The entry for `key`, if present, intact and still valid: `adopt` checks its dependencies and
 * gives its error sites as the running program's (undefined: stale). A corrupted entry
 * (checksum mismatch, unloadable library) is discarded with a warning; an entry or cache
 * directory someone else could have written throws UntrustedCache, and nothing of it is read.
 */
export function loadEntry(
  key: string,
  adopt: (meta: CacheMeta) => ErrorSite[] | undefined,
): Specialization | undefined {
  const root = cacheDir();
  const dir = `${root}/${key}`;
  try {
    Deno.lstatSync(dir);
    checkCacheDir(root);
    checkEntry(dir, FILES, key.slice(0, 12));
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
    cacheStats.misses++;
    return undefined;
  }
  let text: string;
  try {
    text = Deno.readTextFileSync(`${dir}/meta.json`);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      cacheStats.misses++;
      return undefined;
    }
    // say what happened (a permission, an I/O error): the entry is left alone, compiled instead
    warnOnce(
      `cannot read cache entry ${key.slice(0, 12)} (${(e as Error).name}: ${
        (e as Error).message.split("\n")[0]
      }); compiling instead`,
    );
    cacheStats.misses++;
    return undefined;
  }
  let meta: CacheMeta;
  try {
    meta = JSON.parse(text);
  } catch {
    warnOnce(`discarding cache entry ${key.slice(0, 12)}: its meta.json is not valid JSON`);
    cacheStats.discarded++;
    removeEntry(dir);
    return undefined;
  }
  if (meta.format !== FORMAT || meta.key !== key) {
    cacheStats.discarded++;
    removeEntry(dir);
    return undefined;
  }
  const argTypes = meta.argTypes.map(typeOfKey);
  const returnType = typeOfKey(meta.returnType);
  const sites = returnType && argTypes.every((t) => t) && adopt(meta);
  if (!sites) {
    cacheStats.stale++;
    return undefined;
  }
  const so = `${dir}/entry.so`;
  try {
    if (sha256(Deno.readFileSync(so)) !== meta.sha256) throw new Error("checksum mismatch");
    const arrays = argTypes.filter((t) => t && isArray(t)).length;
    // tsjit_parallel (and tsjit_stack_limit) are resolved when the library is loaded, from the
    // running checkout's entry library: an entry does not depend on the checkout that stored it
    if (meta.parallel || meta.runtime) makeEntryLibraryGlobal();
    const lib = Deno.dlopen(so, {
      [meta.symbol]: { parameters: Array(arrays + 1).fill("buffer"), result: "f64" },
    } as Record<string, Deno.ForeignFunction>);
    cacheStats.hits++;
    return {
      argTypes: argTypes as Type[],
      returnType: returnType!,
      address: 0n,
      entrySymbol: meta.symbol,
      sites,
      parallel: meta.parallel,
      runtime: meta.parallel || !!meta.runtime,
      typesText: meta.typesText,
      optimizedIR: meta.optimizedIR,
      timings: { front: 0, optimize: 0, codegen: 0 },
      call: lib.symbols[meta.symbol] as unknown as Specialization["call"],
      release: () => lib.close(),
    };
  } catch (e) {
    warnOnce(
      `discarding cache entry ${key.slice(0, 12)} (${meta.name}): ${
        (e as Error).message.split("\n")[0]
      }; recompiling`,
    );
    cacheStats.discarded++;
    removeEntry(dir);
    return undefined;
  }
}

/**
 * Links an object file into a shared library, leaving tsjit_parallel to be resolved by name when
 * it is loaded (the entry library is then global).
 */
function linkSharedLibrary(objects: string[], out: string): void {
  const args = ["-shared", "-o", out, ...objects, "-lm"];
  const o = new Deno.Command("cc", { args, stderr: "piped", stdout: "null" }).outputSync();
  if (!o.success) {
    throw new Error(`linking failed: ${new TextDecoder().decode(o.stderr).split("\n")[0]}`);
  }
}

/** Stores a compiled specialization under `key` (atomically: temporary directory, rename). */
export function storeEntry(
  key: string,
  name: string,
  spec: Specialization,
  object: Uint8Array,
  record: EntryRecord,
): void {
  const root = cacheDir();
  Deno.mkdirSync(root, { recursive: true, mode: 0o700 });
  checkCacheDir(root);
  const tmp = `${root}/.tmp-${crypto.randomUUID()}`;
  Deno.mkdirSync(tmp, { mode: 0o700 });
  try {
    Deno.writeFileSync(`${tmp}/entry.o`, object, { mode: 0o600 });
    linkSharedLibrary([`${tmp}/entry.o`], `${tmp}/entry.so`);
    Deno.chmodSync(`${tmp}/entry.so`, 0o700); // whatever the umask: writable only by its owner
    Deno.removeSync(`${tmp}/entry.o`);
    const meta: CacheMeta = {
      format: FORMAT,
      key,
      name,
      symbol: spec.entrySymbol,
      argTypes: spec.argTypes.map((t) => t.key),
      returnType: spec.returnType.key,
      parallel: spec.parallel,
      runtime: spec.runtime,
      sites: spec.sites,
      typesText: spec.typesText,
      optimizedIR: spec.optimizedIR,
      ...record,
      sha256: sha256(Deno.readFileSync(`${tmp}/entry.so`)),
      created: new Date().toISOString(),
      compileMs: spec.timings.front + spec.timings.optimize + spec.timings.codegen,
    };
    Deno.writeTextFileSync(`${tmp}/meta.json`, JSON.stringify(meta), { mode: 0o600 });
    const dest = `${root}/${key}`;
    removeEntry(dest); // a stale entry (a dependency changed) is replaced
    try {
      Deno.renameSync(tmp, dest);
      cacheStats.stored++;
    } catch {
      removeEntry(tmp); // another process stored the same entry first: theirs is as good
    }
  } catch (e) {
    removeEntry(tmp);
    throw e;
  }
}

/** Every entry's metadata (`./tsjit cache list`). */
export function listEntries(): (CacheMeta & { bytes: number })[] {
  const out: (CacheMeta & { bytes: number })[] = [];
  let entries: Deno.DirEntry[];
  try {
    entries = [...Deno.readDirSync(cacheDir())];
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!e.isDirectory || e.name.startsWith(".")) continue;
    try {
      const dir = `${cacheDir()}/${e.name}`;
      const meta = JSON.parse(Deno.readTextFileSync(`${dir}/meta.json`));
      out.push({ ...meta, bytes: Deno.statSync(`${dir}/entry.so`).size });
    } catch { /* a torn or foreign directory: ignored */ }
  }
  return out;
}

/** Empties the cache (`./tsjit cache clear`); returns how many entries were removed. */
export function clearCache(): number {
  let n = 0;
  try {
    for (const e of Deno.readDirSync(cacheDir())) {
      if (e.isDirectory && !e.name.startsWith(".runtime-")) {
        removeEntry(`${cacheDir()}/${e.name}`), n++;
      }
    }
  } catch { /* no cache */ }
  return n;
}

// Cache keys and dependencies. The key covers what can be read without parsing: the function's
// source, argument types, options, tsjit's own sources, LLVM, target and CPU. What the body refers to (jitted
// callees, transitively, and captured constants) is recorded beside the entry and checked on
// load by resolving the same names again, so an edit to a called function is never missed.
import { JitSource } from "../source.ts";
import { readModule } from "../frontend/scope.ts";
import type { Expr, GlobalValue } from "../frontend/ast.ts";
import type { ErrorSite } from "../lower/lower.ts";
import type { Specialization } from "../pipeline.ts";
import type { Type } from "../types/types.ts";
import { cpuIdentity } from "../runtime/entry.ts";
import { llvmLibrary } from "../llvm/locate.ts";
import type { CacheMeta } from "./store.ts";
import { sha256 } from "../host.ts";

/**
 * A free name a compiled body depended on: reached from the root through `path` (callees). A
 * function found by scope (not `globals`) records the hash of the module text it was looked up
 * in: while that text is unchanged, the name is bound to the same definition.
 */
export type Dependency =
  | { path: string[]; name: string; kind: "const"; value: number | boolean }
  | {
    path: string[];
    name: string;
    kind: "function";
    hash: string;
    module?: string;
    /** found by search (not on the stack): the files searched, `module` hashes their texts */
    files?: string[];
  };

const hashes = new WeakMap<JitSource, string>();

/** The identity of a jitted function's code: source and options. */
export function sourceHash(src: JitSource): string {
  let h = hashes.get(src);
  if (h === undefined) {
    const o = src.options;
    h = sha256(
      JSON.stringify([
        src.text,
        o.boundscheck,
        o.fastmath,
        [...(o.locals ?? [])],
        ...(o.racecheck ? ["racecheck"] : []),
      ]),
    );
    hashes.set(src, h);
  }
  return h;
}

const moduleHashes = new Map<string, string | undefined>();

/** Hashes of the modules on a function's creation stack (read, not parsed). */
function modulesOf(src: JitSource): (string | undefined)[] {
  return [...new Set(src.frames.map((f) => f.file))].map((file) => {
    if (!moduleHashes.has(file)) {
      const text = readModule(file);
      moduleHashes.set(file, text === undefined ? undefined : sha256(text));
    }
    return moduleHashes.get(file);
  });
}

/**
 * A hash of the `.ts`, `.js` (an npm build) and `.c` files under `dirs` of `root` (sorted,
 * recursively): read, never parsed, a few milliseconds for tsjit's compiler.
 */
export function hashSources(root: string, dirs: string[]): string {
  const parts: Uint8Array[] = [];
  const enc = new TextEncoder();
  const visit = (rel: string) => {
    const entries = [...Deno.readDirSync(`${root}/${rel}`)].sort((a, b) =>
      a.name < b.name ? -1 : 1
    );
    for (const e of entries) {
      const path = `${rel}/${e.name}`;
      if (e.isDirectory) visit(path);
      else if (e.isFile && /\.(ts|js|c)$/.test(e.name)) {
        parts.push(enc.encode(`\0${path}\0`), Deno.readFileSync(`${root}/${path}`));
      }
    }
  };
  dirs.forEach(visit);
  // one update: many small ones cost more than the hashing itself on a cold start
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (all.set(p, at), at + p.length), 0);
  return sha256(all);
}

let compiler: string | undefined;

/**
 * tsjit's own identity in cache keys: a hash of its compiler's and runtime's sources, so that any
 * change to them gives new keys (no version to bump by hand). Imported from a URL, the URL.
 */
export function compilerIdentity(): string {
  if (compiler === undefined) {
    const root = new URL("../../", import.meta.url);
    compiler = root.protocol === "file:"
      ? hashSources(root.pathname, ["compiler", "parallel"])
      : sha256(root.href);
  }
  return compiler;
}

/** The cache key of one specialization. */
export function cacheKey(src: JitSource, argTypes: Type[]): string {
  return sha256(JSON.stringify({
    tsjit: compilerIdentity(),
    source: sourceHash(src),
    argTypes,
    llvm: llvmLibrary().version, // the library's major version, not its path
    target: Deno.build.target,
    cpu: cpuIdentity(),
  }));
}

function freeNames(node: unknown, out: (Expr & { kind: "name" })[]): void {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) return node.forEach((n) => freeNames(n, out));
  const n = node as Record<string, unknown>;
  if (n.kind === "name" && n.global) out.push(n as unknown as Expr & { kind: "name" });
  for (const [k, v] of Object.entries(n)) {
    if (k !== "variable" && k !== "global" && k !== "range") freeNames(v, out);
  }
}

/** What is stored with an entry to check and adopt it later: dependencies, sites' functions. */
export interface EntryRecord {
  deps: Dependency[];
  /** per error site, the path (callee names from the root) to the function it points into */
  sitePaths: (string[] | null)[];
}

/** The dependencies of a compiled program (root first), with paths from the root. */
export function dependencies(root: JitSource, spec: Specialization): EntryRecord {
  const program = spec.program!;
  const paths = new Map<number, string[]>([[root.id, []]]);
  const deps: Dependency[] = [];
  const seen = new Set<number>();
  for (let changed = true; changed;) {
    changed = false;
    for (const tf of program) {
      const src = tf.fn as JitSource;
      const path = paths.get(src.id);
      if (!path || seen.has(src.id)) continue;
      seen.add(src.id);
      changed = true;
      const names: (Expr & { kind: "name" })[] = [];
      freeNames(tf.ast.body, names);
      const done = new Set<string>();
      for (const n of names) {
        if (done.has(n.name)) continue;
        done.add(n.name);
        const g = n.global!;
        if (g.kind === "const") deps.push({ path, name: n.name, kind: "const", value: g.value });
        else {
          const callee = g.fn as JitSource;
          const scope = src.hasGlobal(n.name) ? undefined : src.scopeFiles();
          deps.push({
            path,
            name: n.name,
            kind: "function",
            hash: sourceHash(callee),
            ...(scope && { module: textsHash(scope.texts) }),
            ...(scope?.files && { files: scope.files }),
          });
          if (!paths.has(callee.id)) paths.set(callee.id, [...path, n.name]);
        }
      }
    }
  }
  const sitePaths = spec.sites.map((site) => {
    const tf = program.find((f) => f.src === site.src);
    return (tf && paths.get((tf.fn as JitSource).id)) ?? null;
  });
  return { deps, sitePaths };
}

/** The hash recorded for the texts of the modules names were resolved in. */
function textsHash(texts: string[]): string {
  return texts.length === 1 ? sha256(texts[0]) : sha256(JSON.stringify(texts));
}

/**
 * True when the modules a name was resolved in are unchanged (read, not parsed): the module on
 * the stack; or, found by search, every file searched, which cover the current stack's files.
 */
function scopeHolds(src: JitSource, d: Dependency & { kind: "function" }): boolean {
  if (!d.files) return modulesOf(src).includes(d.module!);
  const files = d.files;
  // the search started from the stack's files: the same ones, in the same order
  const start = [...new Set(src.frames.map((f) => f.file))];
  if (start.some((f, i) => files[i] !== f)) return false;
  return textsHash(files.map((f) => readModule(f) ?? "")) === d.module;
}

/**
 * What a recorded name resolves to now, without parsing: through `globals`, or, for a function
 * found by scope, a live jitted function of the same code while the module text is unchanged.
 */
function resolveRecorded(src: JitSource, d: Dependency): GlobalValue | undefined {
  if (src.hasGlobal(d.name)) {
    const g = src.resolveFree(d.name);
    // a typed array read by reference (`hidden`) is never recorded: such code is not cached
    return g && typeof g === "object" && !("error" in g) && !("hidden" in g) ? g : undefined;
  }
  if (d.kind !== "function" || !d.module || !scopeHolds(src, d)) return undefined;
  const found = JitSource.live().filter((s) => sourceHash(s) === d.hash);
  return found.length ? { kind: "function", fn: found[found.length - 1] } : undefined;
}

/** The function `path` leads to from `root`, resolving its names as recorded in `deps`. */
function follow(root: JitSource, path: string[], deps: Dependency[]): JitSource | undefined {
  let src: JitSource | undefined = root;
  for (let i = 0; i < path.length && src; i++) {
    const step = deps.find((d) =>
      d.name === path[i] && d.path.length === i && d.path.every((p, k) => p === path[k])
    );
    const g: GlobalValue | undefined = step && resolveRecorded(src, step);
    src = g?.kind === "function" ? (g.fn as JitSource) : undefined;
  }
  return src;
}

/** True when every dependency still resolves to the same constant or the same code. */
export function dependenciesHold(root: JitSource, deps: Dependency[]): boolean {
  for (const d of deps) {
    const src = follow(root, d.path, deps);
    if (!src) return false;
    const g = resolveRecorded(src, d);
    if (!g || g.kind !== d.kind) return false;
    if (g.kind === "const" && d.kind === "const" && !Object.is(g.value, d.value)) return false;
    if (
      g.kind === "function" && d.kind === "function" && sourceHash(g.fn as JitSource) !== d.hash
    ) {
      return false;
    }
  }
  return true;
}

/**
 * A stored entry's error sites as the running program's: same code (the key and dependencies
 * say so), but named after the running functions and the files that define them, not after
 * those of the process that stored the entry. Undefined when a dependency changed (stale).
 */
export function adoptEntry(root: JitSource, meta: CacheMeta): ErrorSite[] | undefined {
  if (!dependenciesHold(root, meta.deps)) return undefined;
  return meta.sites.map((site, i) => {
    const path = meta.sitePaths[i];
    const running = path && follow(root, path, meta.deps);
    return running
      ? { ...site, src: { ...site.src, fnName: running.name, origin: running.origin } }
      : site;
  });
}

// Cache keys and dependencies. The key covers what can be read without parsing: the function's
// source, argument types, options, tsjit, LLVM, target and CPU. What the body refers to (jitted
// callees, transitively, and captured constants) is recorded beside the entry and checked on
// load by resolving the same names again, so an edit to a called function is never missed.
import type { JitSource } from "../_source.ts";
import type { Expr, GlobalValue } from "../frontend/ast.ts";
import type { TypedFunction } from "../types/infer.ts";
import type { Type } from "../types/types.ts";
import { cpuIdentity } from "../runtime/entry.ts";
import { llvmLibrary } from "../llvm/locate.ts";
import { sha256, TSJIT_VERSION } from "./store.ts";

/** A free name a compiled body depended on: reached from the root through `path` (callees). */
export type Dependency =
  | { path: string[]; name: string; kind: "const"; value: number | boolean }
  | { path: string[]; name: string; kind: "function"; hash: string };

/** The identity of a jitted function's code: source and options. */
export function sourceHash(src: JitSource): string {
  const o = src.options;
  return sha256(
    JSON.stringify([
      src.plain.toString(),
      o.boundscheck,
      o.fastmath,
      [...(o.locals ?? [])],
      ...(o.racecheck ? ["racecheck"] : []),
    ]),
  );
}

/** The cache key of one specialization. */
export function cacheKey(src: JitSource, argTypes: Type[]): string {
  return sha256(JSON.stringify({
    tsjit: TSJIT_VERSION,
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

/** The dependencies of a compiled program (root first), with paths from the root. */
export function dependencies(root: JitSource, program: TypedFunction[]): Dependency[] {
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
          deps.push({ path, name: n.name, kind: "function", hash: sourceHash(callee) });
          if (!paths.has(callee.id)) paths.set(callee.id, [...path, n.name]);
        }
      }
    }
  }
  return deps;
}

/** True when every dependency still resolves to the same constant or the same code. */
export function dependenciesHold(root: JitSource, deps: Dependency[]): boolean {
  for (const d of deps) {
    let src: JitSource | undefined = root;
    for (const step of d.path) {
      const g: GlobalValue | undefined = src.resolveFree(step);
      src = g?.kind === "function" ? (g.fn as JitSource) : undefined;
      if (!src) return false;
    }
    const g = src.resolveFree(d.name);
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

// TypeScript's compiler API, loaded synchronously on the first compile (a jitted call cannot
// await), never at import time: a process that only calls cached code does not pay its ~75-160 ms.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
// An inline npm: specifier: a project that imports tsjit by path resolves it without an import map.
// deno-lint-ignore no-import-prefix
import type * as TS from "npm:typescript@5.9.3";
import { needing, plainError } from "../host.ts";

let tsModule: typeof TS | undefined;

// Never called: names TypeScript in the module graph, so that Deno fetches it with tsjit and
// import.meta.resolve below finds its file (the npm build names the package "typescript").
// deno-lint-ignore no-unused-vars no-import-prefix
const fetchTypeScript = () => import("npm:typescript@5.9.3");

/** TypeScript's CommonJS entry: the package Deno resolved for this graph, else node_modules. */
function loadTypeScript(): typeof TS {
  const requireCjs = createRequire(import.meta.url);
  const resolved = import.meta.resolve("npm:typescript@5.9.3");
  try {
    return requireCjs(resolved.startsWith("file:") ? fileURLToPath(resolved) : "typescript");
  } catch (e) {
    if (!(e instanceof Error) || !/Cannot find module/.test(e.message)) throw e;
    throw plainError(
      "tsjit: TypeScript 5 was not found; add it to your project: deno add npm:typescript@5.9.3",
    );
  }
}

/** The TypeScript compiler API, loaded on first use. */
export function typescript(): typeof TS {
  return (tsModule ??= needing("to load TypeScript", loadTypeScript));
}

// What tsjit asks of the host, in one place: environment settings and the Deno permissions they
// need. A missing permission becomes one line naming the flag to add, not a NotCapable stack.
import { createHash } from "node:crypto";

/** The flags tsjit needs (the compile cache and the entry library live in the cache dir). */
export function permissionFlags(): string {
  let dir = "<cache dir>";
  try {
    dir = cacheDir();
  } catch { /* no --allow-env yet */ }
  return `--allow-env --allow-ffi --allow-read --allow-run=cc --allow-write=${dir}`;
}

/** An Error with no stack of its own: the message is what the user reads. */
export function plainError(message: string): Error {
  const e = new Error(message);
  e.stack = `Error: ${message}`;
  environmentErrors.add(e);
  return e;
}

const environmentErrors = new WeakSet<object>();

/**
 * True for what the environment, not the function, is missing (a permission, a C compiler,
 * TypeScript): reported as it is, never as a CompileError or a tsjit bug.
 */
export function isEnvironmentError(e: unknown): boolean {
  return e instanceof Deno.errors.NotCapable || e instanceof Deno.errors.PermissionDenied ||
    (typeof e === "object" && e !== null && environmentErrors.has(e));
}

/** Deno's permission error as tsjit's one-line message; other errors are returned as they are. */
export function permissionError(e: unknown, purpose: string): unknown {
  if (!(e instanceof Deno.errors.NotCapable || e instanceof Deno.errors.PermissionDenied)) {
    return e;
  }
  const flag = e.message.match(/--allow-[a-z]+/)?.[0] ?? "a permission";
  const what = e.message.split(",")[0];
  return plainError(`tsjit needs ${flag} ${purpose} (${what}); all it uses: ${permissionFlags()}`);
}

/** Runs `f`, turning a missing permission into tsjit's one-line message. */
export function needing<T>(purpose: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw permissionError(e, purpose);
  }
}

/** An environment variable (a TSJIT_* setting, HOME); without --allow-env, one clear line. */
export function env(name: string): string | undefined {
  return needing(`to read ${name}`, () => Deno.env.get(name));
}

/** The cache directory: TSJIT_CACHE_DIR, else $XDG_CACHE_HOME/tsjit or ~/.cache/tsjit. */
export function cacheDir(): string {
  const dir = env("TSJIT_CACHE_DIR");
  if (dir) return dir;
  const base = env("XDG_CACHE_HOME") ?? `${env("HOME") ?? "."}/.cache`;
  return `${base}/tsjit`;
}

/** `e` with its stack starting at the user's call of `boundary` (no tsjit frames). */
export function userFacing<E>(e: E, boundary: unknown): E {
  if (e instanceof Error && typeof boundary === "function") Error.captureStackTrace(e, boundary);
  return e;
}

/** Hex SHA-256. */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

const warned = new Set<string>();

/** A one-line warning, once per message. */
export function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`tsjit: ${message}`);
}

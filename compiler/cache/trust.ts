// The compile cache runs only what this user compiled, as ssh's StrictModes does for keys: the
// cache directory, each entry's directory and each of its files (and the entry library, which is
// built into the cache directory too) must be owned by the current
// user, not writable by group or others, and not symbolic links (lstat); the directories above
// the cache must belong to root or to the user and be writable by no one else (unless sticky,
// as /tmp). The SHA-256 kept beside each library only detects corruption: whoever can write the
// directory can rewrite it too, so these checks are the defence against planted code.

let uid: number | undefined;

/**
 * The process's effective user id: Deno.uid() when --allow-sys allows it, else libc's geteuid()
 * (tsjit has --allow-ffi; its own entry library cannot say, as it is one of the files checked).
 */
export function effectiveUid(): number {
  if (uid === undefined) {
    try {
      uid = Deno.uid() ?? undefined;
    } catch { /* no --allow-sys */ }
    if (uid === undefined) {
      const libc = Deno.dlopen("libc.so.6", { geteuid: { parameters: [], result: "u32" } });
      uid = libc.symbols.geteuid();
      libc.close();
    }
  }
  return uid;
}

/** A cache directory or entry that must not be used; the message is the user's warning. */
export class UntrustedCache extends Error {
  constructor(what: string, readonly reason: string) {
    super(`${what} not used: ${reason}`);
  }
}

const FIX = "the cache and its entries must be yours and writable only by you " +
  "(chmod go-w, chown, or another TSJIT_CACHE_DIR)";

function mode(st: Deno.FileInfo): string {
  return ((st.mode ?? 0) & 0o7777).toString(8).padStart(4, "0");
}

/** Why `path` cannot be trusted as a cache directory or file, if it can't; NotFound throws. */
function problem(path: string, kind: "directory" | "file", uid: number): string | undefined {
  const st = Deno.lstatSync(path);
  if (st.isSymlink) return `${path} is a symbolic link`;
  if (kind === "directory" ? !st.isDirectory : !st.isFile) return `${path} is not a ${kind}`;
  if (st.uid !== uid) return `${path} belongs to user ${st.uid}, not to you (${uid})`;
  if ((st.mode ?? 0) & 0o022) return `${path} is writable by group or others (mode ${mode(st)})`;
  return undefined;
}

/** Why a directory above the cache lets someone else replace it, if it does. */
function ancestorProblem(dir: string, uid: number): string | undefined {
  const real = Deno.realPathSync(`${dir}/..`);
  const parts = real.split("/").filter(Boolean);
  for (let i = parts.length; i >= 0; i--) {
    const p = "/" + parts.slice(0, i).join("/");
    const st = Deno.lstatSync(p);
    if (st.uid !== 0 && st.uid !== uid) return `${p}, above the cache, belongs to user ${st.uid}`;
    if ((st.mode ?? 0) & 0o022 && !((st.mode ?? 0) & 0o1000)) {
      return `${p}, above the cache, is writable by group or others (mode ${mode(st)})`;
    }
  }
  return undefined;
}

const verdicts = new Map<string, string | undefined>();

/**
 * Throws UntrustedCache when the cache directory `dir` (which exists) must not be used; the
 * verdict is kept for the process. Other errors (permissions to read) propagate.
 */
export function checkCacheDir(dir: string): void {
  if (!verdicts.has(dir)) {
    const uid = effectiveUid();
    verdicts.set(dir, problem(dir, "directory", uid) ?? ancestorProblem(dir, uid));
  }
  const why = verdicts.get(dir);
  if (why) throw new UntrustedCache("compile cache", `${why}; ${FIX}`);
}

/**
 * Throws UntrustedCache when the entry directory `dir` or one of its `files` that exists must not
 * be used (a missing file is the caller's business: a torn entry).
 */
export function checkEntry(dir: string, files: string[], label: string): void {
  const uid = effectiveUid();
  let why = problem(dir, "directory", uid);
  for (const f of files) {
    if (why) break;
    try {
      why = problem(`${dir}/${f}`, "file", uid);
    } catch (e) {
      if (!(e instanceof Deno.errors.NotFound)) throw e;
    }
  }
  if (why) throw new UntrustedCache(`compile cache entry ${label}`, `${why}; ${FIX}`);
}

// The compile cache tests' scaffolding: a fresh cache directory and programs under .tsjit/, run
// in child processes (the cache is meant for other processes).
import { denoArgs, denoSync } from "./_subprocess.ts";

const state = new URL("../.tsjit/", import.meta.url).pathname;
export const mod = new URL("../mod.ts", import.meta.url).href;

/** A cached function that calls a jitted helper whose body is `helperBody`. */
export function program(helperBody: string, name = "scaled"): string {
  return `import { cacheStats, jit } from "${mod}";
function helper(v: number) { ${helperBody} }
jit(helper);
const f = jit(function ${name}(x: Float64Array) {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += helper(x[i]);
  return s;
}, { cache: true });
const r = f(new Float64Array([1, 2, 3]));
console.log(JSON.stringify({ r, ...cacheStats }));`;
}

/**
 * A fresh cache directory; `file` writes a program beside it, `run` runs one with the cache
 * (extra environment variables in `env`) and returns its last line's JSON and its stderr.
 */
export function setup() {
  Deno.mkdirSync(state, { recursive: true });
  const dir = `${state}cache-test-${crypto.randomUUID()}`;
  const file = (text: string) => {
    const f = `${dir}.${crypto.randomUUID().slice(0, 8)}.ts`;
    Deno.writeTextFileSync(f, text);
    return f;
  };
  const args = (f: string) =>
    denoArgs(["--allow-run=cc", `--allow-write=${dir},${Deno.env.get("TMPDIR") ?? "/tmp"}`, f]);
  const runRaw = (f: string, env: Record<string, string> = {}) =>
    denoSync(args(f), { TSJIT_CACHE_DIR: dir, ...env });
  const run = (f: string, env: Record<string, string> = {}) => {
    const o = runRaw(f, env);
    if (!o.success) throw new Error(o.stderr);
    const lines = o.stdout.trim().split("\n");
    return { ...JSON.parse(lines.pop() ?? ""), stderr: o.stderr, stdout: o.stdout };
  };
  const cleanup = () => {
    for (const e of Deno.readDirSync(state)) {
      if (e.name.startsWith(dir.split("/").pop()!)) {
        Deno.removeSync(`${state}${e.name}`, { recursive: true });
      }
    }
  };
  return { dir, file, run, runRaw, args, cleanup };
}

// Compiled code is freed when nothing can call it any more (its jitted function collected, or
// redefined at the REPL), through LLVM ORC resource trackers or by closing a cached library;
// code still reachable (a kept reference, a caller's copy of a callee) keeps running.
import { assert, assertEquals } from "./_assert.ts";
import { denoArgs, denoSync } from "./_subprocess.ts";

const script = new URL("./_freeing.ts", import.meta.url).pathname;
const state = new URL("../.tsjit/", import.meta.url).pathname;

function run(mode: string, extra: string[] = [], env: Record<string, string> = {}) {
  const args = denoArgs(["--v8-flags=--expose-gc", "--allow-run=cc", ...extra, script, mode]);
  const o = denoSync(args, env);
  assertEquals(o.code, 0, o.stderr);
  return JSON.parse(o.stdout.trim().split("\n").pop()!);
}

Deno.test("unreachable jitted functions' code is freed; callers' copies and new code run", () => {
  const r = run("jit");
  assertEquals([r.helper, r.callerBefore, r.callerAfter, r.wrong], [6, 3000, 3000, undefined]);
  assertEquals(r.made, 200);
  assert(r.freed >= 200, `freed ${r.freed} modules of ${r.made + 2}`);
  assertEquals(r.afterFreeing, 19998);
});

Deno.test("REPL redefinitions free the old code; a kept reference keeps its code", () => {
  const r = run("repl", ["--allow-write"]);
  assertEquals([r.wrong, r.g], [undefined, 42]);
  assert(r.freed >= 35 && r.freed < r.made, `freed ${r.freed} of ${r.made}`);
});

Deno.test("a cache hit's library is closed when unreachable and reopens on the next hit", () => {
  Deno.mkdirSync(state, { recursive: true });
  const dir = `${state}freeing-${crypto.randomUUID()}`;
  try {
    const r = run("cache", [`--allow-write=${dir}`], { TSJIT_CACHE_DIR: dir });
    assertEquals([r.stored, r.results], [21, [0, 7, 14]]);
    assert(r.freed >= 3, `freed ${r.freed} of ${r.made}`);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

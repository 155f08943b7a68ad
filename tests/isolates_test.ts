// Several isolates importing mod.ts: the main thread and user Workers, each running prange
// kernels on its own pool at the same time (TSJIT_NUM_THREADS=3, more threads than cores here),
// ten Workers in a row; terminated Workers' pool threads end with them (tests/_isolates.ts).
import { assertEquals } from "./_assert.ts";
import { denoSync } from "./_subprocess.ts";

Deno.test("isolates each run prange on their own pool; a Worker's pool ends with it", () => {
  const script = new URL("./_isolates.ts", import.meta.url).pathname;
  // -A: Deno reads /proc/self/task (the thread count) only with every permission
  const r = denoSync(["run", "-A", script], { TSJIT_NUM_THREADS: "3" });
  assertEquals(r.code, 0, r.stderr);
  assertEquals(r.stdout.trim(), "ok", r.stderr);
});

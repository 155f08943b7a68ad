// The runtime ABI (compiler/runtime/abi.ts) is the one source of the numbers compiled code, JS and
// the entry library share: entry.c is built with them as -D definitions, and every status code
// has its message.
import { assert, assertEquals, assertStringIncludes } from "./_assert.ts";
import {
  abiDefines,
  CHUNK_CTX_SLOTS,
  contextError,
  Ctx,
  CTX_HEADER,
  MAX_CHUNKS,
  STACK_MARGIN,
  Status,
} from "../compiler/runtime/abi.ts";

const entryC = new URL("../compiler/runtime/entry.c", import.meta.url).pathname;

/** Compiles `main` (C, after entry.c) with `defines` and runs it: its output, or cc's error. */
function runC(main: string, defines: string[]): { ok: boolean; out: string } {
  const dir = Deno.makeTempDirSync({ prefix: "tsjit-abi-" });
  try {
    Deno.writeTextFileSync(`${dir}/probe.c`, `#include "${entryC}"\n${main}\n`);
    const cc = new Deno.Command("cc", {
      args: [...defines, "-o", `${dir}/probe`, `${dir}/probe.c`, "-ldl", "-pthread"],
      stderr: "piped",
    }).outputSync();
    if (!cc.success) return { ok: false, out: new TextDecoder().decode(cc.stderr) };
    const run = new Deno.Command(`${dir}/probe`, { stdout: "piped" }).outputSync();
    return { ok: run.success, out: new TextDecoder().decode(run.stdout) };
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}

Deno.test("entry.c takes its layout and limits from abi.ts, and does not build without them", () => {
  const probe = `int main(void) {
  tsjit_pool p;
  printf("%zu %zu %d %d\\n", sizeof p.ctx[0] / sizeof(double), sizeof p.ctx[0],
         (int)MAX_CHUNKS, (int)STACK_MARGIN);
  return 0;
}`;
  const built = runC(probe, abiDefines());
  assert(built.ok, built.out);
  // a chunk's block: CHUNK_CTX_SLOTS doubles, one 64-byte cache line, room for the header
  assertEquals(built.out.trim(), `${CHUNK_CTX_SLOTS} 64 ${MAX_CHUNKS} ${STACK_MARGIN}`);
  assert(CHUNK_CTX_SLOTS >= CTX_HEADER);
  const bare = runC(probe, []);
  assertEquals(bare.ok, false);
  assertStringIncludes(bare.out, "build entry.c with the definitions of compiler/runtime/abi.ts");
});

Deno.test("every status code has its own message; the status is cleared once read", () => {
  const seen = new Set<string>();
  for (const [name, code] of Object.entries(Status)) {
    if (code === Status.ok) continue;
    const ctx = new Float64Array(CTX_HEADER);
    ctx[Ctx.status] = code;
    ctx[Ctx.index] = 5;
    ctx[Ctx.length] = 3;
    const e = contextError(ctx, () => ({ array: "a", fn: "f", where: "in f at x.ts:1:1" }));
    assertEquals(ctx[Ctx.status], Status.ok);
    assert(!e.message.includes("unknown runtime status"), `${name} has no message`);
    assertStringIncludes(e.message, "\n  in f at x.ts:1:1");
    seen.add(e.message);
  }
  assertEquals(seen.size, Object.keys(Status).length - 1);
});

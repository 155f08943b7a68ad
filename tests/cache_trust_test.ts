// The compile cache runs only what this user compiled (compiler/cache/trust.ts): an entry
// someone else could have written is not used (one warning, the function is compiled normally)
// even when the planted library's SHA-256 was rewritten to match; a cache directory others can
// write (where tsjit's entry library lives too) is refused with one line; entries do not depend
// on the checkout that stored them; cached code's messages name the running file.
import { assert, assertEquals, assertStringIncludes } from "./_assert.ts";
import { mod, program, setup } from "./_cache.ts";
import type { Outcome } from "./_subprocess.ts";
import { hashSources } from "../compiler/cache/deps.ts";
import { sha256 } from "../compiler/host.ts";
import { effectiveUid } from "../compiler/cache/trust.ts";

const isRoot = effectiveUid() === 0;

/** Replaces every entry's library with one whose constructor prints PLANTED (checksum rewritten). */
function plant(dir: string): void {
  const c = `${dir}.planted.c`, so = `${dir}.planted.so`;
  Deno.writeTextFileSync(
    c,
    `#include <unistd.h>
__attribute__((constructor)) static void planted(void) { write(1, "PLANTED\\n", 8); }`,
  );
  const cc = new Deno.Command("cc", { args: ["-shared", "-fPIC", "-o", so, c] }).outputSync();
  assert(cc.success, new TextDecoder().decode(cc.stderr));
  const bytes = Deno.readFileSync(so);
  for (const e of entries(dir)) {
    Deno.writeFileSync(`${e}/entry.so`, bytes);
    const meta = JSON.parse(Deno.readTextFileSync(`${e}/meta.json`));
    Deno.writeTextFileSync(`${e}/meta.json`, JSON.stringify({ ...meta, sha256: sha256(bytes) }));
  }
}

function entries(dir: string): string[] {
  return [...Deno.readDirSync(dir)].filter((e) => !e.name.startsWith(".")).map((e) =>
    `${dir}/${e.name}`
  );
}

/** The run was compiled normally, warned once with `why`, and ran nothing planted. */
function refused(r: Record<string, unknown> & { stderr: string; stdout: string }, why: string) {
  assertEquals([r.r, r.compiles, r.hits], [12, 1, 0], r.stderr);
  assertEquals(r.stdout.includes("PLANTED"), false, "planted code ran");
  const warnings = r.stderr.split("\n").filter((l) => l.includes("not used"));
  assertEquals(warnings.length, 1, r.stderr);
  assertStringIncludes(warnings[0], why);
}

/**
 * A cache directory others could write is not used at all, not even for tsjit's entry library
 * (built in a private temporary directory instead): one line says why, the function is compiled
 * normally and nothing planted runs.
 */
function untrusted(o: Outcome, why: string) {
  assertEquals(o.success, true, o.stderr);
  assertEquals(o.stdout.includes("PLANTED"), false, "planted code ran");
  assertEquals(JSON.parse(o.stdout.trim().split("\n").pop()!).r, 12);
  assertStringIncludes(o.stderr, "is not used (");
  assertStringIncludes(o.stderr, why);
}

Deno.test("a planted library with a rewritten checksum runs only where the owner could plant it", () => {
  const t = setup();
  try {
    const f = t.file(program("return v * 2;"));
    assertEquals(t.run(f).stored, 1);
    plant(t.dir);
    // the attack works on a trusted entry (the checksum proves nothing): the test can fail
    assertStringIncludes(t.run(f).stdout, "PLANTED");
    const [entry] = entries(t.dir);

    Deno.chmodSync(entry, 0o777); // an entry directory others can write
    refused(t.run(f), "writable by group or others (mode 0777)");
    Deno.chmodSync(entry, 0o700);

    Deno.chmodSync(`${entry}/entry.so`, 0o722); // a library others can write
    refused(t.run(f), "entry.so is writable by group or others");
    Deno.chmodSync(`${entry}/entry.so`, 0o700);

    Deno.chmodSync(t.dir, 0o770); // the cache directory itself, where the entry library is too
    untrusted(t.runRaw(f), `${t.dir} is writable by group or others (mode 0770)`);
    Deno.chmodSync(t.dir, 0o700);

    Deno.renameSync(`${entry}/entry.so`, `${t.dir}.elsewhere.so`); // a symbolic link
    const ln = ["-s", `${t.dir}.elsewhere.so`, `${entry}/entry.so`];
    assert(new Deno.Command("ln", { args: ln }).outputSync().success);
    refused(t.run(f), "entry.so is a symbolic link");
    Deno.removeSync(`${entry}/entry.so`);
    Deno.renameSync(`${t.dir}.elsewhere.so`, `${entry}/entry.so`);

    if (isRoot) { // owned by another user (root can hand files over)
      Deno.chownSync(`${entry}/entry.so`, 65534, 65534);
      refused(t.run(f), "belongs to user 65534");
      Deno.chownSync(`${entry}/entry.so`, 0, 0);
      Deno.chownSync(t.dir, 65534, 65534);
      untrusted(t.runRaw(f), `${t.dir} belongs to user 65534`);
      Deno.chownSync(t.dir, 0, 0);
    }
  } finally {
    t.cleanup();
  }
});

Deno.test("a directory above the cache that others can write (without the sticky bit) is refused", () => {
  const t = setup();
  const parent = `${t.dir}/parent`;
  try {
    Deno.mkdirSync(t.dir, { mode: 0o700 });
    Deno.mkdirSync(`${parent}/cache`, { recursive: true, mode: 0o700 });
    Deno.chmodSync(parent, 0o777);
    const r = t.runRaw(t.file(program("return v * 2;")), { TSJIT_CACHE_DIR: `${parent}/cache` });
    untrusted(r, "above the cache, is writable by group or others (mode 0777)");
    Deno.chmodSync(parent, 0o1777); // as /tmp: others cannot replace what is ours
    const ok = t.run(t.file(program("return v * 2;")), { TSJIT_CACHE_DIR: `${parent}/cache` });
    assertEquals([ok.r, ok.stored], [12, 1], ok.stderr);
  } finally {
    t.cleanup();
  }
});

Deno.test("a cached entry links no entry library: tsjit_parallel is found when it loads", () => {
  const t = setup();
  try {
    const f = t.file(`import { cacheStats, getThreadId, jit, prange } from "${mod}";
const ids = jit((out: Int32Array) => { for (const i of prange(out.length)) out[i] = getThreadId(); }, { cache: true });
const out = new Int32Array(1_000_000);
let others = false;
for (let k = 0; k < 50 && !others; k++) { ids(out); others = out.some((x) => x > 0); }
console.log(JSON.stringify({ others, ...cacheStats }));`);
    const first = t.run(f, { TSJIT_NUM_THREADS: "2" });
    assertEquals([first.stored, first.others], [1, true], first.stderr);
    const [entry] = entries(t.dir);
    const elf = new Deno.Command("readelf", { args: ["-d", `${entry}/entry.so`] }).outputSync();
    if (elf.success) {
      const needed = new TextDecoder().decode(elf.stdout).split("\n").filter((l) =>
        l.includes("NEEDED")
      );
      assertEquals(needed.some((l) => l.includes("tsjit")), false, needed.join("\n"));
    }
    // the entry library the storing process used is gone (another checkout, a cleared runtime)
    for (const e of Deno.readDirSync(t.dir)) {
      if (e.name.startsWith(".runtime-")) {
        Deno.removeSync(`${t.dir}/${e.name}`, { recursive: true });
      }
    }
    const second = t.run(f, { TSJIT_NUM_THREADS: "2" });
    assertEquals([second.hits, second.compiles, second.others], [1, 0, true], second.stderr);
  } finally {
    t.cleanup();
  }
});

Deno.test("a cached entry's RangeError names the running file, not the one that stored it", () => {
  const t = setup();
  try {
    const text = `import { cacheStats, jit } from "${mod}";
const at = jit((x: Float64Array, i: number) => x[i], { cache: true });
let message = "";
try { at(new Float64Array(3), 7); } catch (e) { message = (e as Error).message; }
console.log(JSON.stringify({ message, ...cacheStats }));`;
    const [stored, running] = [t.file(text), t.file(text)];
    const first = t.run(stored);
    assertStringIncludes(first.message, stored);
    const second = t.run(running);
    assertEquals(second.hits, 1);
    assertStringIncludes(second.message, `${running}:2`);
    assertEquals(second.message.includes(stored), false, second.message);
    assertStringIncludes(second.message, "index 7 is out of bounds");
  } finally {
    t.cleanup();
  }
});

Deno.test("the cache key follows tsjit's own sources", () => {
  const dir = Deno.makeTempDirSync({ dir: new URL("../.tsjit/", import.meta.url).pathname });
  try {
    Deno.mkdirSync(`${dir}/compiler/lower`, { recursive: true });
    Deno.writeTextFileSync(`${dir}/compiler/lower/a.ts`, "export const a = 1;");
    Deno.writeTextFileSync(`${dir}/compiler/b.c`, "int b;");
    const before = hashSources(dir, ["compiler"]);
    assertEquals(hashSources(dir, ["compiler"]), before);
    Deno.writeTextFileSync(`${dir}/compiler/lower/a.ts`, "export const a = 2;");
    assert(hashSources(dir, ["compiler"]) !== before, "an edited source changes the key");
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

// tsjit as a dependency of someone else's project, in a folder outside this checkout: imported
// from the `npm pack` tarball and by path, run with plain `deno run` and the documented
// permissions, type-checked with `deno check`, and a CompileError names that project's file,
// line and column.
import { assert, assertEquals } from "./_assert.ts";
import { denoSync } from "./_subprocess.ts";
import { VERSION } from "../compiler/version.ts";

const root = new URL("../", import.meta.url).pathname;
const dec = new TextDecoder();

function run(cmd: string, args: string[], cwd: string): string {
  const o = new Deno.Command(cmd, { args, cwd, stdout: "piped", stderr: "piped" }).outputSync();
  const out = dec.decode(o.stdout) + dec.decode(o.stderr);
  if (!o.success) throw new Error(`${cmd} ${args.join(" ")} failed:\n${out}`);
  return out;
}

/** The user's program: a kernel that compiles, then one that cannot (line 13, column 17). */
const program = (specifier: string) =>
  `import { CompileError, jit } from "${specifier}";

// The user's own comment, and TypeScript annotations the transpiled text does not have.
const sum = jit((x: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
});
console.log(JSON.stringify({ sum: sum(new Float64Array([1, 2, 3.5])) }));

const step = jit((n: number): number => {
  // a comment
  const label = "step";
  return n + label.length;
});
try {
  step(1);
} catch (e) {
  if (!(e instanceof CompileError)) throw e;
  console.log(JSON.stringify({ file: e.file, line: e.line, column: e.column, message: e.message }));
}
`;

/** The permissions the README documents, with the cache in `cache`. */
const permissions = (cache: string) => [
  "--allow-env",
  "--allow-ffi",
  "--allow-read",
  "--allow-run=cc",
  `--allow-write=${cache}`,
];

function useFrom(dir: string, file: string, cache: string) {
  const env = { TSJIT_CACHE_DIR: cache, NO_COLOR: "1" };
  const checked = new Deno.Command(Deno.execPath(), {
    args: ["check", file],
    cwd: dir,
    env,
    stdout: "piped",
    stderr: "piped",
  }).outputSync();
  assert(checked.success, `deno check ${file}:\n${dec.decode(checked.stderr)}`);
  const o = new Deno.Command(Deno.execPath(), {
    args: ["run", ...permissions(cache), file],
    cwd: dir,
    env,
    stdout: "piped",
    stderr: "piped",
  }).outputSync();
  assert(o.success, dec.decode(o.stderr));
  const [sum, error] = dec.decode(o.stdout).trim().split("\n").map((l) => JSON.parse(l));
  assertEquals(sum, { sum: 6.5 });
  assertEquals([error.file, error.line, error.column], [`${dir}/${file}`, 13, 17]);
  assert(error.message.includes(`in step at ${dir}/${file}:13:17`), error.message);
  assert(error.message.includes('    13 |   const label = "step";'), error.message);
}

Deno.test("a project outside the checkout uses tsjit from the npm tarball and by path", () => {
  const tmp = Deno.makeTempDirSync({ prefix: "tsjit-user-" });
  try {
    const cache = `${tmp}/cache`;
    // By path, with no configuration and no node_modules of its own.
    const byPath = `${tmp}/by-path`;
    Deno.mkdirSync(byPath);
    Deno.writeTextFileSync(`${byPath}/main.ts`, program(`${root}mod.ts`));
    const before = run("git", ["status", "--porcelain", "--ignored", "--", "."], root);
    useFrom(byPath, "main.ts", cache);
    const after = run("git", ["status", "--porcelain", "--ignored", "--", "."], root);
    assertEquals(after, before, "running tsjit wrote into its source tree");

    // From the tarball `npm pack` makes, installed as a dependency.
    const packed = `${tmp}/packed`;
    Deno.mkdirSync(packed);
    const tgz = run("npm", ["pack", "--silent", "--pack-destination", tmp], root).trim()
      .split("\n").pop()!;
    Deno.writeTextFileSync(
      `${packed}/package.json`,
      JSON.stringify({ dependencies: { tsjit: `file:${tmp}/${tgz}` } }),
    );
    run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], packed);
    Deno.writeTextFileSync(`${packed}/main.ts`, program("tsjit"));
    useFrom(packed, "main.ts", cache);
  } finally {
    Deno.removeSync(tmp, { recursive: true });
  }
});

Deno.test("a missing permission is one line naming the flag", () => {
  const o = denoSync(["run", `${root}mod.ts`]);
  assert(!o.success);
  const lines = o.stderr.trim().split("\n");
  assertEquals(lines.length, 1, o.stderr);
  assert(/tsjit needs --allow-env/.test(lines[0]), o.stderr);
});

Deno.test("one version: compiler/version.ts, package.json, deno.json and ./tsjit --version", () => {
  const json = (f: string) => JSON.parse(Deno.readTextFileSync(`${root}${f}`)).version;
  assertEquals([json("package.json"), json("deno.json")], [VERSION, VERSION]);
  assertEquals(run(`${root}tsjit`, ["--version"], root).trim(), `tsjit ${VERSION}`);
});

Deno.test("./tsjit sysinfo reports versions, the CPU, libLLVM, threads and the cache", () => {
  const out = run(`${root}tsjit`, ["sysinfo"], root);
  for (const row of ["Deno", "libLLVM version (cache key)", "LLVM host CPU", "pool size"]) {
    assert(new RegExp(`^${row.replace(/[()]/g, "\\$&")} +: \\S`, "m").test(out), out);
  }
  assert(out.includes(`tsjit                       : ${VERSION}`), out);
});

Deno.test("./tsjit test FILE finds a file given relative to the current folder", () => {
  const tmp = Deno.makeTempDirSync({ prefix: "tsjit-user-" });
  try {
    Deno.mkdirSync(`${tmp}/sub`);
    Deno.writeTextFileSync(
      `${tmp}/sub/one_test.ts`,
      `import { jit } from "${root}mod.ts";
Deno.test("user test", () => {
  if (jit((n: number) => n + 1)(1) !== 2) throw new Error("wrong");
});
`,
    );
    const out = run(`${root}tsjit`, ["test", "sub/one_test.ts"], tmp);
    assert(/user test \.\.\. .*ok/.test(out) && /1 passed/.test(out), out);
  } finally {
    Deno.removeSync(tmp, { recursive: true });
  }
});

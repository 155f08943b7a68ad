// Memory of REPL redefinitions: `./tsjit repl` fed one function redefined and called N times
// through stdin, its resident memory read at the prompt before and after. A redefined
// function's compiled code is freed once the old definition is collected (compiler/runtime/invoke.ts,
// repl/session.ts), so memory levels off instead of growing with every definition.
// Run: ./tsjit run --allow-run bench/redefine.ts [N]   (default 2000)
const n = Number(Deno.args[0] ?? 2000);
const define = (i: number) => `function f(x: number) { return x * ${i} + 1; }\nf(2)\n`;
const probe = (tag: string) => `"${tag}:" + Deno.memoryUsage().rss\n`;
let input = "";
for (let i = 0; i < 20; i++) input += define(i); // compiler, LLVM and TypeScript loaded and warm
input += probe("before");
for (let i = 0; i < n; i++) {
  input += define(i);
  if ((i + 1) % 500 === 0) input += probe(`after ${i + 1}`);
}
const launcher = new URL("../tsjit", import.meta.url).pathname;
const t = performance.now();
const child = new Deno.Command(launcher, {
  args: ["repl"],
  stdin: "piped",
  stdout: "piped",
  stderr: "inherit",
  env: { TSJIT_REPL_HISTORY: "/dev/null" },
}).spawn();
const w = child.stdin.getWriter();
await w.write(new TextEncoder().encode(input + ".exit\n"));
await w.close();
const out = new TextDecoder().decode((await child.output()).stdout);
const seconds = (performance.now() - t) / 1000;
const rss = new Map(
  [...out.matchAll(/'([\w ]+):(\d+)'/g)].map((m) => [m[1], Number(m[2]) / 2 ** 20]),
);
const wrong = [...out.matchAll(/^(?:tsjit> )*(\d+)$/gm)].length;
const before = rss.get("before")!;
for (const [tag, mb] of rss) if (tag !== "before") console.log(`  ${tag}: RSS ${mb.toFixed(0)} MB`);
const after = rss.get(`after ${n - (n % 500)}`) ?? NaN;
console.log(
  `${n} redefinitions of one function in ./tsjit repl: RSS ${before.toFixed(0)} MB -> ${
    after.toFixed(0)
  } MB (+${(after - before).toFixed(0)} MB); ${(seconds * 1000 / n).toFixed(1)} ms per input pair`,
);
void wrong;

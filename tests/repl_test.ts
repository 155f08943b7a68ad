// The REPL driven as a user would: through its standard input, and through a pseudo-terminal
// (`script`) for line editing and completion.
import { assert, assertEquals, assertMatch, assertStringIncludes } from "./_assert.ts";

const main = new URL("../repl/main.ts", import.meta.url).pathname;
const state = new URL("../.tsjit/", import.meta.url).pathname;
const denoArgs = [
  "run",
  "--allow-ffi",
  "--allow-read",
  "--allow-env",
  "--allow-write",
];

function session(input: string, history = `${state}repl_history_test`) {
  Deno.mkdirSync(state, { recursive: true });
  const child = new Deno.Command(Deno.execPath(), {
    args: [...denoArgs, main],
    env: { TSJIT_REPL_HISTORY: history, NO_COLOR: "1" },
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const w = child.stdin.getWriter();
  w.write(new TextEncoder().encode(input));
  w.close();
  return child.output().then((o) => ({
    code: o.code,
    out: new TextDecoder().decode(o.stdout) + new TextDecoder().decode(o.stderr),
  }));
}

Deno.test("define a function over a Float64Array, call it, see the signature and timings", async () => {
  const r = await session(
    [
      "function total(x: Float64Array, n: number): number {",
      "  let s = 0;",
      "  for (let i = 0; i < n; i++) s += x[i];",
      "  return s;",
      "}",
      "const x = new Float64Array([1.5, 2, 3, 4]);",
      "total(x, 4)",
      ".sig total",
      ".types total",
      ".timeit total(x, 4)",
      ".timeit total(new Float32Array(8), 8)",
      ".threads",
      "",
    ].join("\n"),
  );
  assertEquals(r.code, 0, r.out);
  assertStringIncludes(r.out, "10.5");
  assertStringIncludes(r.out, "(f64[], i64) -> f64");
  assertStringIncludes(r.out, "s: f64");
  assertMatch(r.out, /first call .* \(nothing new to compile\); .* median, .* min per call/);
  assertMatch(r.out, /first call .* \(includes compiling\); .* median/);
  assertMatch(r.out, /pool of \d+ threads/);
});

Deno.test("a syntax error and an unsupported construct each print one clear message; the session goes on", async () => {
  const r = await session(
    [
      "let = ;",
      "function label(n: number) { return 'n=' + n; }",
      "label(3)",
      "const a = new Float64Array(2);",
      "function at(v: Float64Array, i: number) { return v[i]; }",
      "at(a, 5)",
      "40 + 2",
      "",
    ].join("\n"),
  );
  assertEquals(r.code, 0, r.out);
  assertStringIncludes(r.out, "SyntaxError: Expression expected.");
  assertMatch(
    r.out,
    /tsjit: running label\(\) as plain JS: unsupported construct: string literal\n/,
  );
  assertStringIncludes(r.out, "'n=3'");
  assertStringIncludes(r.out, "RangeError: index 5 is out of bounds for 'v' (length 2)");
  assertStringIncludes(r.out, "42");
  assert(!/^\s+at /m.test(r.out), `a stack trace leaked:\n${r.out}`);
});

Deno.test("free names resolve to the session's constants and functions", async () => {
  const r = await session(
    [
      "const k = 3;",
      "const sq = (v: number) => v * v;",
      "function f(v: number) { return sq(v) * k; }",
      "f(2)",
      ".sig f",
      "",
    ].join("\n"),
  );
  assertStringIncludes(r.out, "12");
  assertStringIncludes(r.out, "(i64) -> f64");
  assert(!r.out.includes("plain JS"), r.out);
});

Deno.test("history is kept across sessions", async () => {
  const file = `${state}repl_history_${crypto.randomUUID()}`;
  await session("const remembered = 1;\n", file);
  assertStringIncludes(Deno.readTextFileSync(file), "const remembered = 1;");
  Deno.removeSync(file);
});

Deno.test("line editing in a terminal: tab completes a session name and properties", async () => {
  const script = "/usr/bin/script";
  try {
    Deno.statSync(script);
  } catch {
    console.log("  skipped: no `script` to provide a pseudo-terminal");
    return;
  }
  const cmd = [Deno.execPath(), ...denoArgs, main].map((a) => `'${a}'`).join(" ");
  const child = new Deno.Command(script, {
    args: ["-qec", cmd, "/dev/null"],
    env: { TSJIT_REPL_HISTORY: `${state}repl_history_test`, NO_COLOR: "1" },
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  // Drive it like a user: wait for what the terminal shows before typing the next keys.
  const w = child.stdin.getWriter();
  let out = "";
  const reading = (async () => {
    for await (const chunk of child.stdout) out += new TextDecoder().decode(chunk);
  })();
  const until = async (text: string, from: number) => {
    for (let waited = 0; out.indexOf(text, from) < 0; waited += 20) {
      if (waited > 20_000) {
        throw new Error(`the REPL did not show ${JSON.stringify(text)}:\n${out}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    return out.indexOf(text, from) + text.length;
  };
  const type = (s: string) => w.write(new TextEncoder().encode(s));
  let at = await until("tsjit> ", 0);
  await type("const uniqueName42 = 7\r");
  at = await until("tsjit> ", at);
  await type("uniqueN\t");
  at = await until("uniqueName42", at);
  await type(" * 6\r");
  // the value on a line of its own, perhaps coloured
  // deno-lint-ignore no-control-regex
  const result = /\n(\x1b\[\d+m)?42(\x1b\[\d+m)?\r?\n/;
  for (let waited = 0; !result.test(out.slice(at)) && waited < 20_000; waited += 20) {
    await new Promise((r) => setTimeout(r, 20));
  }
  assertMatch(out.slice(at), result);
  at = out.length;
  // properties: `obj.zeb` + Tab completes the field, inherited ones too (`.toFi` of a number)
  await type("const obj42 = { zebraField: 5 }\r");
  at = await until("tsjit> ", at);
  await type("obj42.zeb\t");
  at = await until("obj42.zebraField", at);
  await type(".toFi\t");
  at = await until("zebraField.toFixed", at - "zebraField".length);
  await type("(1)\r");
  at = await until("'5.0'", at);
  await type("\x04");
  await w.close();
  await child.status;
  await reading;
  await child.stderr.cancel();
  assertStringIncludes(out, "uniqueName42 * 6");
});

Deno.test("top-level await and import at the prompt", async () => {
  const mod = new URL("../mod.ts", import.meta.url).href;
  const r = await session(
    [
      "const m = await Promise.resolve(41)",
      "m + 1",
      `import { zeros as z, type JitOptions } from "${mod}";`,
      `import type { CompileTimes } from "${mod}";`,
      'z(3, "f64").length + 1000',
      "function sq(v: number) { return v * v; }",
      "const r = await Promise.resolve(sq(3)); r + 2000",
      "",
    ].join("\n"),
  );
  assertEquals(r.code, 0, r.out);
  for (const v of ["42", "1003", "2009"]) assertMatch(r.out, new RegExp(`\\b${v}\\b`), r.out);
  assert(!/Error/.test(r.out), r.out);
});

Deno.test("runaway recursion is a RangeError at the prompt, and the session goes on", async () => {
  const r = await session(
    [
      "function down(n: number): number { return n <= 0 ? 0 : 1 + down(n - 1); }",
      "down(1e8)",
      "function loop(n: number): number { return loop(n + 1) + 1; }",
      "loop(0)",
      "down(12)",
      "",
    ].join("\n"),
  );
  assertEquals(r.code, 0, r.out);
  // compiled code's message (plain JS's would lack "recursed too deeply")
  assertStringIncludes(r.out, "Maximum call stack size exceeded: down() recursed too deeply");
  assertStringIncludes(r.out, "Maximum call stack size exceeded: loop() recursed too deeply");
  assertMatch(r.out, /\b12\b/);
});

Deno.test("redefining a function recompiles its callers, as plain JS would call the new one", async () => {
  const r = await session(
    [
      "function f(x: number) { return x * 3; }",
      "function g(x: number) { return f(x) + 1; }",
      "function h(x: number) { return g(x) * 2; }",
      "function other(x: number) { return x - 1; }",
      "`h=${h(1)}`",
      "function f(x: number) { return x * 10; }",
      "`h=${h(1)} g=${g(1)} other=${other(1)}`",
      "",
    ].join("\n"),
  );
  assertEquals(r.code, 0, r.out);
  assertStringIncludes(r.out, "h=8");
  assertStringIncludes(r.out, "h=22 g=11 other=0");
});

// Run by freeing_test.ts with --v8-flags=--expose-gc: compiled code is freed when its jitted
// function becomes unreachable, never while something can still call it. Prints JSON.
import { jit, prange } from "../mod.ts";
import { codeStats } from "../compiler/runtime/invoke.ts";
import { Session } from "../repl/session.ts";

const gc = (globalThis as unknown as { gc: () => void }).gc;
const collect = async () => {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 0)); // finalizers run between tasks
  }
};
const out: Record<string, unknown> = {};
const mode = Deno.args[0];

if (mode === "jit") {
  // a callee whose own jitted function dies while a caller (with its own copy) lives on
  let helper: ((v: number) => number) | undefined = jit(function helper(v: number) {
    return v * 3;
  });
  out.helper = helper(2);
  const caller = jit((x: Float64Array) => {
    let s = 0;
    for (const i of prange(x.length)) s += helper!(x[i]);
    return s;
  }, { globals: { helper } });
  const x = new Float64Array(1000).fill(1);
  out.callerBefore = caller(x);
  helper = undefined;
  // many functions, distinct code, each called once and dropped
  const made = codeStats.made;
  (() => { // a frame of its own: nothing of it outlives the call
    for (let k = 0; k < 200; k++) {
      const f = jit(new Function("x", `return x * ${k} + 1;`) as (x: number) => number);
      if (f(2) !== 2 * k + 1) out.wrong = k;
    }
  })();
  out.made = codeStats.made - made;
  await collect();
  out.freed = codeStats.freed;
  out.callerAfter = caller(x); // its module holds the helper's code: still runs
  const again = jit((a: Float64Array) => {
    for (const i of prange(a.length)) a[i] = i * 2;
  });
  const a = new Float64Array(10_000);
  again(a);
  out.afterFreeing = a[9999];
} else if (mode === "repl") {
  const session = new Session();
  session.eval("function f(x: number) { return x * 2; }");
  session.eval("f(1)");
  session.eval("const g = f"); // kept: its code must survive redefinitions of f
  for (let i = 0; i < 40; i++) {
    session.eval(`function f(x: number) { return x * ${i} + 1; }`);
    const r = session.eval("f(2)");
    if (r.kind !== "value" || r.value !== 2 * i + 1) out.wrong = i;
  }
  await collect();
  out.freed = codeStats.freed;
  out.made = codeStats.made;
  const g = session.eval("g(21)");
  out.g = g.kind === "value" ? g.value : g;
} else if (mode === "cache") {
  // a cache hit's library is closed once unreachable, and opens again on the next hit
  const src = "return x * 7;";
  const make = () => jit(new Function("x", src) as (x: number) => number, { cache: true });
  out.stored = make()(3);
  const results = [];
  for (let k = 0; k < 3; k++) {
    results.push(make()(k)); // a hit each time
    await collect();
  }
  out.results = results;
  out.freed = codeStats.freed;
  out.made = codeStats.made;
}
console.log(JSON.stringify(out));

// A function jit() is not given by its name (imported, `jit(kernels.norm)`, `jit(f)` in a loop)
// is found by searching the modules on the stack and those they import; its free names resolve
// there as plain JS would, or the compile fails: several definitions of the same code whose names
// mean different things are refused, never guessed between.
import { CompileError, jit } from "../mod.ts";
import { assertStrictEquals, assertStringIncludes, assertThrows } from "./_assert.ts";
import { cube, cubes, fib, norm, sq } from "./_names_lib.ts";
import * as A from "./_names_a.ts";
import * as B from "./_names_b.ts";
import { setup } from "./_cache.ts";

const data = new Float64Array([3, 4, 0.5]);

Deno.test("search: an imported function's recursion and jitted callees resolve in its module", () => {
  assertStrictEquals(jit(fib)(20), fib(20));
  assertStrictEquals(jit(fib, { globals: { fib } })(15), fib(15)); // the fix the messages suggest
  const f = jit(cubes);
  const e = assertThrows(() => f(data), CompileError, "'cube' is the plain function at line 14");
  assertStringIncludes(e.message, "_names_lib.ts");
  assertStringIncludes(e.message, "jit(cube)");
  jit(cube);
  assertStrictEquals(jit(cubes)(data), cubes(data));
});

// The user's own `sq` and `norm`, of the same text as the library's: each resolves where it is.
function sq2(x: number) {
  return x * x + 1;
}
function norm2(a: Float64Array) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += sq2(a[i]);
  return s;
}

Deno.test("search: jit(kernels.norm), jit(f) over an array or a loop", () => {
  jit(sq);
  jit(sq2);
  const kernels = { norm, norm2 };
  assertStrictEquals(jit(kernels.norm)(data), norm(data));
  assertStrictEquals(jit(kernels.norm2)(data), norm2(data));
  const all = [norm, norm2].map((f) => jit(f));
  assertStrictEquals(all[0](data), norm(data));
  assertStrictEquals(all[1](data), norm2(data));
  for (const f of Object.values(kernels)) assertStrictEquals(jit(f)(data), f(data));
});

Deno.test("search: the same code in two modules, its name meaning different things, is refused", () => {
  const incA = jit(A.inc);
  jit(B.inc);
  assertStrictEquals(incA(1), 2);
  for (const twin of [A.twin, B.twin]) {
    const e = assertThrows(() => jit(twin)(1), CompileError, "'inc' is ambiguous");
    assertStringIncludes(e.message, "_names_a.ts");
    assertStringIncludes(e.message, "_names_b.ts");
    assertStringIncludes(e.message, "globals: { inc: jit(inc) }");
  }
  // the suggested fix
  assertStrictEquals(jit(A.twin, { globals: { inc: incA } })(1), A.twin(1));
});

// A module-level jitted `tri`, and an inner function of the same name that shadows it.
function tri(x: number) {
  return 3 * x;
}
jit(tri);
function shadowing(jitInner: boolean) {
  function tri(x: number) {
    return -x;
  }
  if (jitInner) jit(tri);
  return function triSum(a: Float64Array) {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += tri(a[i]);
    return s;
  };
}

Deno.test("search: an inner declaration shadows the module's, as in JS", () => {
  const plain = shadowing(false);
  assertThrows(() => jit(plain)(data), CompileError, "'tri' is the plain function at line 67");
  const inner = shadowing(true);
  assertStrictEquals(jit(inner)(data), inner(data));
  assertStrictEquals(inner(data), -7.5);
});

let halve = (x: number) => x / 2;
halve = (x: number) => x / 4;
function useHalve(x: number) {
  return halve(x);
}

Deno.test("search: a binding assigned again is refused", () => {
  jit(halve);
  const k = { useHalve };
  assertThrows(() => jit(k.useHalve)(8), CompileError, "assigned again");
});

Deno.test("search: a cache hit of a searched function compiles and parses nothing", () => {
  const t = setup();
  try {
    const lib = new URL("./_names_lib.ts", import.meta.url).href;
    const mod = new URL("../mod.ts", import.meta.url).href;
    const f = t.file(`import { createRequire } from "node:module";
import { cacheStats, jit } from "${mod}";
import * as lib from "${lib}";
jit(lib.sq);
const r = jit(lib.norm, { cache: true })(new Float64Array([3, 4]));
const fib = jit(lib.fib, { cache: true })(10);
// TypeScript loaded (the parser): never on a cache hit
const ts = Object.keys(createRequire(import.meta.url).cache).filter((k) => /typescript/.test(k));
console.log(JSON.stringify({ r, fib, ts: ts.length, ...cacheStats }));`);
    const first = t.run(f);
    assertStrictEquals(
      JSON.stringify([first.r, first.fib, first.compiles, first.ts > 0]),
      "[25,55,2,true]",
    );
    const second = t.run(f);
    assertStrictEquals(
      JSON.stringify([second.r, second.fib, second.compiles, second.hits, second.ts]),
      "[25,55,0,2,0]",
    );
  } finally {
    t.cleanup();
  }
});

// Errors are part of the product: compile errors show the construct and a caret, wrong
// arguments are TypeErrors naming the parameter, out-of-bounds access is a RangeError.
import { CompileError, jit } from "../mod.ts";
import {
  assert,
  assertEquals,
  assertMatch,
  assertStringIncludes,
  assertThrows,
} from "./_assert.ts";

Deno.test("an unsupported construct is a CompileError with the line and a caret", () => {
  const f = jit(function greet(n: number) {
    const s = "hello";
    return n + s.length;
  });
  const e = assertThrows(() => f(1), CompileError);
  assertEquals(e.construct, "string literal");
  assertStringIncludes(e.message, "unsupported construct: string literal");
  assertStringIncludes(e.message, 'const s = "hello";');
  const lines = e.message.split("\n");
  const caretLine = lines.findIndex((l) => /^[\s|]+\^+$/.test(l));
  assert(caretLine > 0, e.message);
  const col = lines[caretLine].indexOf("^");
  assertEquals(lines[caretLine - 1].slice(col, col + 7), '"hello"');
  // in this file, at the string's own line and column (types and comments intact)
  const file = new URL(import.meta.url).pathname;
  const line = Deno.readTextFileSync(file).split("\n").indexOf('    const s = "hello";') + 1;
  assertEquals([e.file, e.line, e.column], [file, line, 15]);
  assertStringIncludes(e.message, `in greet at ${file}:${line}:15`);
});

Deno.test("a CompileError names the binding of an anonymous function and has no tsjit frames", () => {
  const step = jit((x: Float64Array): number => {
    let s = 0; // a comment the transpiled text does not have
    for (const v of x) s += v;
    return s;
  });
  const e = assertThrows(() => step(new Float64Array(1)), CompileError);
  assertStringIncludes(e.message, `in step at ${new URL(import.meta.url).pathname}:`);
  assertStringIncludes(e.message, "    for (const v of x) s += v;");
  const frames = e.stack!.split("\n").filter((l) => /^\s+at /.test(l));
  assert(frames.length > 0 && !frames.some((l) => /compiler\/|mod\.ts/.test(l)), e.stack);
  assertStringIncludes(frames[0], "errors_test.ts");
});

Deno.test("classes, objects, closures, try and generators are refused clearly", () => {
  const cases: [(...a: never[]) => unknown, string][] = [
    [(n: number) => ({ n }).n, "object literal"],
    [(n: number) => [n][0], "array literal"],
    [(n: number) => {
      try {
        n = Math.sqrt(n);
      } catch {
        n = 0;
      }
      return n;
    }, "try statement"],
    [(n: number) => {
      const g = (k: number) => k + n;
      return g(1);
    }, "nested function (closure)"],
    [(n: number) => `${n}`, "template string"],
  ];
  for (const [fn, construct] of cases) {
    const e = assertThrows(() => jit(fn)(1 as never), CompileError);
    assertEquals(e.construct, construct, e.message);
  }
  // deno-lint-ignore require-await
  assertThrows(() => jit(async (n: number) => n)(1), CompileError, "async");
  assertThrows(
    () =>
      jit(function* (n: number) {
        yield n;
      })(1),
    CompileError,
    "generator",
  );
});

declare const notDeclaredAnywhere: number;

Deno.test("an unresolved name says how to fix it", () => {
  const k = 3; // a constant: folded
  assertEquals(jit((x: number) => x * k)(2), 6);
  let v = 3;
  v += 1;
  const f = jit((x: number) => x * v);
  const e = assertThrows(() => f(2), CompileError);
  assertMatch(
    e.message,
    /'v' is a variable that is assigned again \(line \d+ of errors_test\.ts\)/,
  );
  assertThrows(() => f(2), CompileError, "pass it as an argument");
  const g = jit((x: number) => x * notDeclaredAnywhere);
  assertThrows(() => g(2), CompileError, "unresolved name 'notDeclaredAnywhere'");
});

Deno.test("wrong argument count or type is a TypeError naming the parameter", () => {
  const f = jit(function total(values: Float64Array, scale: number) {
    let s = 0;
    for (let i = 0; i < values.length; i++) s += values[i] * scale;
    return s;
  });
  const x = new Float64Array([1, 2]);
  assertEquals(f(x, 2), 6);
  assertThrows(
    () => (f as (...a: unknown[]) => unknown)(x),
    TypeError,
    "takes 2 arguments (values, scale), got 1",
  );
  assertThrows(() => (f as (...a: unknown[]) => unknown)(x, 1, 2), TypeError, "got 3");
  assertThrows(
    () => (f as (...a: unknown[]) => unknown)([1, 2], 2),
    TypeError,
    "parameter 'values' must be",
  );
  assertThrows(() => (f as (...a: unknown[]) => unknown)([1, 2], 2), TypeError, "a plain Array");
  assertThrows(() => (f as (...a: unknown[]) => unknown)(x, "2"), TypeError, "parameter 'scale'");
  assertThrows(() => (f as (...a: unknown[]) => unknown)(x, undefined), TypeError, "got undefined");
  assertEquals(f(x, 0.5), 1.5);
});

Deno.test("out-of-bounds reads and writes are RangeErrors naming array, index and line", () => {
  const read = jit(function readPast(x: Float64Array, n: number) {
    let s = 0;
    for (let i = 0; i <= n; i++) s += x[i];
    return s;
  });
  const x = new Float64Array(4);
  const e = assertThrows(() => read(x, 4), RangeError);
  assertMatch(e.message, /index 4 is out of bounds for 'x' \(length 4\)/);
  assertStringIncludes(e.message, "s += x[i]");
  assertEquals(read(x, 3), 0);
  const write = jit((r: Int32Array, i: number) => {
    r[i] = 1;
  });
  const r = new Int32Array(3);
  assertThrows(() => write(r, -1), RangeError, "index -1");
  assertThrows(() => write(r, 3), RangeError, "index 3");
  assertEquals([...r], [0, 0, 0]);
  write(r, 2);
  assertEquals([...r], [0, 0, 1]);
  const frac = jit((a: Float64Array, i: number) => a[i]);
  assertThrows(() => frac(x, 1.5), RangeError, "not an integer");
  assertThrows(() => frac(x, NaN), RangeError, "index NaN into 'a' is not an integer");
  const floored = jit((a: Float64Array, v: number) => a[Math.floor(v)]);
  assertThrows(() => floored(x, NaN), RangeError, "index NaN is out of bounds for 'a'");
  assertThrows(() => floored(x, 4.5), RangeError, "index 4 is out of bounds");
  assertEquals(floored(new Float64Array([5, 6]), 1.9), 6);
  assertEquals(frac(new Float64Array([7, 8]), -0), 7);
});

Deno.test("hoisted bounds checks still throw at the right iteration, after earlier writes", () => {
  const copy = jit((src: Float64Array, dst: Float64Array) => {
    for (let i = 0; i < src.length; i++) dst[i] = src[i];
  });
  const src = new Float64Array([1, 2, 3, 4]);
  const dst = new Float64Array(2);
  assertThrows(() => copy(src, dst), RangeError, "index 2 is out of bounds for 'dst'");
  assertEquals([...dst], [1, 2]);
});

Deno.test("checks hoisted with an invariant offset (a[row * n + j]) throw at the right index", () => {
  const fill = jit((c: Float64Array, row: number, n: number) => {
    for (let j = 0; j < n; j++) c[row * n + j] = j + 1;
  });
  const c = new Float64Array(10);
  fill(c, 1, 4);
  assertEquals([...c], [0, 0, 0, 0, 1, 2, 3, 4, 0, 0]);
  assertThrows(() => fill(c, 2, 4), RangeError, "index 10 is out of bounds for 'c'");
  assertEquals([...c.subarray(8)], [1, 2]);
  assertThrows(() => fill(c, -1, 4), RangeError, "index -4");
});

Deno.test("a failed compile leaves the function usable for other argument types", () => {
  const f = jit((a: number) => {
    let x = a;
    x = x + 1;
    return x;
  });
  assertThrows(() => (f as (...a: unknown[]) => unknown)(true), CompileError, "holds both");
  assertEquals(f(2), 3);
  assertEquals(f(2.5), 3.5);
});

Deno.test("a path that ends without return is reported, not garbage", () => {
  const f = jit((a: number) => {
    if (a > 0) return a;
  });
  assertEquals(f(2), 2);
  assertThrows(() => f(-1), TypeError, "without returning a value");
});

Deno.test("inspection: signatures, types, LLVM IR and assembly per signature", () => {
  type Floats = Float64Array | Float32Array;
  const f = jit(function axpy(a: number, x: Floats, y: Floats) {
    for (let i = 0; i < x.length; i++) y[i] += a * x[i];
  });
  f(2, new Float64Array(3), new Float64Array(3));
  f(2.5, new Float32Array(3), new Float32Array(3));
  assertEquals(f.signatures, ["(i64, f64[], f64[]) -> void", "(f64, f32[], f32[]) -> void"]);
  assertEquals(f.original.name, "axpy");
  assertEquals(f.py_func, f.original); // Numba's name, deprecated
  assertStringIncludes(f.inspectTypes("(i64"), "a: i64");
  assertStringIncludes(f.inspectTypes("(f64"), "x: f32[]");
  assertStringIncludes(f.inspectLLVM("(f64"), "define");
  assertStringIncludes(f.inspectLLVM("(f64"), "float");
  assertMatch(f.inspectAsm("(i64"), /\bv?(mul|add|fmadd)\w*\b/);
  assertThrows(() => f.inspectLLVM("(bool"), Error, "no compiled signature");
});

Deno.test("jit() of a non-function is a TypeError", () => {
  assertThrows(() => jit(3 as never), TypeError, "expects a function");
});

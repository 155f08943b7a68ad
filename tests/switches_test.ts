// Environment switches (TSJIT_DISABLE_JIT, TSJIT_BOUNDSCHECK) and eager signatures read from the
// parameters' TypeScript annotations.
import { assertEquals, assertStringIncludes, assertThrows } from "./_assert.ts";
import { jit } from "../mod.ts";

function withEnv(name: string, value: string, f: () => void) {
  Deno.env.set(name, value);
  try {
    f();
  } finally {
    Deno.env.delete(name);
  }
}

Deno.test("TSJIT_DISABLE_JIT=1 runs every function as plain JS", () => {
  withEnv("TSJIT_DISABLE_JIT", "1", () => {
    const greet = (n: number) => "n" + n; // not compilable: would be a CompileError
    const f = jit(greet, { signature: "f64(f64)" });
    assertEquals(f(2), "n2");
    assertEquals([f.signatures, f.original, f.name], [[], greet, "greet"]);
    assertStringIncludes(f.inspectLLVM(), "TSJIT_DISABLE_JIT");
  });
});

Deno.test("TSJIT_BOUNDSCHECK overrides each function's boundscheck option", () => {
  const read = (x: Float64Array, i: number) => x[i];
  withEnv("TSJIT_BOUNDSCHECK", "1", () => {
    const f = jit(read, { boundscheck: false });
    assertThrows(() => f(new Float64Array(2), 5), RangeError, "out of bounds");
  });
  const unchecked = jit(read, { boundscheck: false });
  unchecked(new Float64Array(2), 1);
  withEnv("TSJIT_BOUNDSCHECK", "0", () => {
    const f = jit(read);
    f(new Float64Array(2), 1);
    const ir = (g: typeof f) => g.inspectLLVM().replace(/tsjit\d+/g, "tsjitN");
    assertEquals(ir(f), ir(unchecked));
  });
  withEnv("TSJIT_BOUNDSCHECK", "yes", () => {
    assertThrows(() => jit(read), TypeError, "TSJIT_BOUNDSCHECK must be 0 or 1");
  });
});

Deno.test("eager: the parameters' annotations are the signatures, compiled at definition", () => {
  const dot = jit((x: Float64Array, y: Float64Array | Float32Array, n: number): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i] * y[i];
    return s;
  }, { eager: true });
  assertEquals(dot.signatures, ["(f64[], f64[], f64) -> f64", "(f64[], f32[], f64) -> f64"]);
  assertEquals(dot(new Float64Array([1, 2]), new Float32Array([3, 4]), 2), 11);
  assertThrows(
    () => jit((x: Float64Array, k) => x[0] * (k as number), { eager: true }),
    TypeError,
    "parameter 'k' has no annotation",
  );
  assertThrows(
    () => jit((x: Float64Array, s: string) => x[0] + s.length, { eager: true }),
    TypeError,
    "parameter 's' has type string",
  );
});

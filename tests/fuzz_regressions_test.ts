// Every mismatch the differential fuzzer found, as a named regression test (tests/_fuzz.ts).
import { differ } from "./_fuzz.ts";
import { assertEquals } from "./_assert.ts";

Deno.test("fuzz #1: `x << (c ? a : b)` parsed as TypeScript type arguments", () => {
  // fn.toString() is JavaScript; the TypeScript parser read `(-0) << ((a > …` as `<…>`.
  assertEquals(
    differ({
      inits: ["Math.abs(a)", "Math.min(0, a)", "(0 + a)"],
      body: ["z[0] = ((-0) << ((a > (-0)) ? a : 0));"],
      ret: "((-0) + ((a < 0) ? a : 0))",
      zKind: "Float64Array",
    }, { a: 0, b: 0, xs: [0] }),
    undefined,
  );
});

Deno.test("fuzz #2: `+(-a)` with a = 0 must store -0 (unary + kept the integer form)", () => {
  assertEquals(
    differ({
      inits: ["(0 + a)", "(-0)", "Math.abs(0)"],
      body: ["for (let i = 0; i < x.length; i++) { x[i] = (+(-a)); }"],
      ret: "v0",
      zKind: "Float64Array",
    }, { a: 0, b: 0, xs: [0] }),
    undefined,
  );
});

Deno.test("fuzz #3: `x % (a & b)` with non-integer operands: ToInt32 makes the divisor 0", () => {
  // the range of `a & m` was m's own range, not [0, m]: `% 0` was taken as never 0
  assertEquals(
    differ({
      inits: ["(a * a * 0 * a)", "((0 < 0) ? a : a)", "Math.min(2147483647, 31)"],
      body: ["v0 = (v0 + (Math.abs(31) * a * (a + 0) * Math.abs(31)));"],
      ret: "(Math.abs(2147483647) % ((-5e-324) & 5e-324))",
      zKind: "Float64Array",
    }, { a: 0, b: 2147483647, xs: [0] }),
    undefined,
  );
  assertEquals(
    differ({
      inits: ["a", "b", "0"],
      body: ["v1 = 7 % (0.5 >>> 0); v2 = 9 % ((-0.5) >> 0);"],
      ret: "v1 + v2 + (5 % (0.75 & 3))",
      zKind: "Int32Array",
    }, { a: 1, b: 2, xs: [0] }),
    undefined,
  );
});

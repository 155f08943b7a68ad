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

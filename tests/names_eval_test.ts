// A function built at run time can have the text of a definition while its names mean something
// else: a module that refers to eval or Function makes a searched definition untrusted (see
// names_search_test.ts), while a function jit() is given by its name still resolves.
import { CompileError, jit } from "../mod.ts";
import { assertStrictEquals, assertStringIncludes, assertThrows } from "./_assert.ts";

function sq(x: number) {
  return x * x;
}
jit(sq);
function norm(a: Float64Array) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += sq(a[i]);
  return s;
}

function rebuilt(): typeof norm {
  const sq = (x: number) => -x; // what the rebuilt norm's `sq` means
  sq(0);
  return eval(`(${norm})`);
}

Deno.test("names: a function of a definition's text built by eval is not taken for it", () => {
  const data = new Float64Array([3, 4]);
  const made = rebuilt();
  assertStrictEquals(made(data), -7);
  const e = assertThrows(() => jit(made)(data), CompileError, "builds code at run time");
  assertStringIncludes(e.message, "names_eval_test.ts:20");
  assertStringIncludes(e.message, "globals: { sq: jit(sq) }");
  assertStrictEquals(jit(norm)(data), 25); // named: found on the stack
  const negate = jit((x: number) => -x);
  assertStrictEquals(jit(made, { globals: { sq: negate } })(data), -7);
});

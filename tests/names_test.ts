// deno-lint-ignore-file no-func-assign -- the module reassigns function declarations on purpose
// Free names resolve as plain JS would resolve them, or not at all: to the jitted function the
// name is bound to where the caller is defined (or given in `globals`), never to another module's
// function that happens to share the name.
import { CompileError, jit } from "../mod.ts";
import { assertStrictEquals, assertStringIncludes, assertThrows } from "./_assert.ts";
import { scale as libraryScale } from "./_lib_scale.ts";

// The user's own `scale`, plain, while the library jitted a function named `scale` too.
function scale(x: number) {
  return x * 2;
}
function offset(x: number) {
  return x + 0.5;
}
const twice = jit(function twice(x: number) {
  return 2 * x;
});

Deno.test("names: a plain function of this module is never replaced by another module's", () => {
  assertStrictEquals(libraryScale(5), 5000);
  const f = jit((x: number) => scale(x) + 1);
  const e = assertThrows(() => f(5), CompileError, "'scale' is the plain function at line 10");
  assertStringIncludes(e.message, "jit(scale)");
  // jitting the user's own function makes the name resolve, to it
  const g = jit((x: number) => offset(x) + 1);
  jit(offset);
  assertStrictEquals(g(5), 6.5);
});

Deno.test("names: an imported jitted function is the library's, followed where it is defined", () => {
  const f = jit((x: number) => libraryScale(x) + 1); // `scale` there, imported as libraryScale
  assertStrictEquals(f(5), 5001);
  const g = jit((x: number) => libraryScale(x) + 1, { globals: { libraryScale } });
  assertStrictEquals(g(5), 5001);
});

Deno.test("names: the innermost declaration wins, as in JS", () => {
  assertStrictEquals(jit((x: number) => twice(x) + 1)(5), 11); // the module's jitted twice
  const inner = () => {
    function twice(x: number) {
      return -x;
    }
    const f = jit((x: number) => twice(x) + 1);
    assertThrows(() => f(5), CompileError, "'twice' is the plain function");
    jit(twice);
    assertStrictEquals(jit((x: number) => twice(x) + 1)(5), -4);
  };
  inner();
  const sq = jit((x: number) => x * x);
  assertStrictEquals(jit((x: number) => sq(x) + 1)(3), 10);
  const fact = jit((n: number): number => n <= 1 ? 1 : n * fact(n - 1));
  assertStrictEquals(fact(10), 3628800);
});

Deno.test("names: a function expression's own name is not bound outside it", () => {
  const a = jit(function triple(x: number) {
    return 3 * x;
  });
  assertStrictEquals(a(2), 6);
  // plain JS: ReferenceError, triple is not defined
  const f = jit((x: number) => (triple as (x: number) => number)(x));
  assertThrows(() => f(1), CompileError, "unresolved name 'triple'");
});

declare const triple: unknown;

Deno.test("names: a name bound to different jitted functions over time is refused", () => {
  const got: (number | string)[] = [];
  for (const k of [1, 2]) {
    const h = jit((x: number) => x * m, { globals: { m: k } });
    const c = jit((x: number) => h(x));
    try {
      got.push(c(1));
    } catch (e) {
      got.push((e as Error).message.split("\n")[0]);
    }
  }
  assertStrictEquals(got[0], 1);
  assertStringIncludes(String(got[1]), "'h' names different jitted functions");
  let v = jit((x: number) => x + 1);
  v = jit((x: number) => x + 2);
  assertThrows(() => jit((x: number) => v(x))(1), CompileError, "assigned again");
  const made = ((f: (x: number) => number) => f)(jit((x: number) => x));
  assertThrows(() => jit((x: number) => made(x))(1), CompileError, "not the result of jit()");
});

declare const m: number;

// Function declarations whose bindings the module writes to (JS allows it: a different function
// is then called), by `=` and by destructuring.
function redefined(x: number) {
  return x;
}
function destructured(x: number) {
  return x;
}
export function redefine() {
  // @ts-expect-error: a function declaration's binding is mutable in JS
  redefined = (x: number) => -x;
  // @ts-expect-error: as above
  [destructured] = [(x: number) => -x];
}

Deno.test("names: a function declaration the module assigns again is refused", () => {
  jit(redefined);
  jit(destructured);
  for (const f of [jit((x: number) => redefined(x)), jit((x: number) => destructured(x))]) {
    assertThrows(() => f(1), CompileError, "a function that is assigned again");
  }
});

// The assertions the tests use, over node:assert/strict (built into Deno): named and shaped like
// jsr:@std/assert's, which is not reachable from every machine tsjit is built on. Tests import
// this file by its path.
import nodeAssert from "node:assert/strict";

/** Asserts that `expr` is truthy. */
export function assert(expr: unknown, msg?: string): asserts expr {
  nodeAssert.ok(expr, msg);
}

/** Deep equality (as @std/assert's assertEquals). */
export function assertEquals<T>(actual: T, expected: T, msg?: string): void {
  nodeAssert.deepStrictEqual(actual, expected, msg);
}

/** Object.is equality. */
export function assertStrictEquals<T>(
  actual: unknown,
  expected: T,
  msg?: string,
): asserts actual is T {
  nodeAssert.ok(
    Object.is(actual, expected),
    msg ?? `expected ${String(expected)}, got ${String(actual)}`,
  );
}

/** Asserts that `s` matches `re`. */
export function assertMatch(s: string, re: RegExp, msg?: string): void {
  nodeAssert.match(s, re, msg);
}

/** Asserts that `s` includes `sub`. */
export function assertStringIncludes(s: string, sub: string, msg?: string): void {
  nodeAssert.ok(
    s.includes(sub),
    msg ?? `expected ${JSON.stringify(s)} to include ${JSON.stringify(sub)}`,
  );
}

/** Asserts that `fn` throws an instance of `Err` whose message includes `includes`. */
export function assertThrows<E extends Error = Error>(
  fn: () => unknown,
  // deno-lint-ignore no-explicit-any
  Err?: new (...args: any[]) => E,
  includes?: string,
): E {
  try {
    fn();
  } catch (e) {
    if (Err && !(e instanceof Err)) {
      throw new nodeAssert.AssertionError({
        message: `expected ${Err.name}, got ${(e as Error)?.name}: ${(e as Error)?.message}`,
      });
    }
    if (includes && !String((e as Error).message).includes(includes)) {
      throw new nodeAssert.AssertionError({
        message: `expected message to include ${JSON.stringify(includes)}: ${(e as Error).message}`,
      });
    }
    return e as E;
  }
  throw new nodeAssert.AssertionError({ message: "expected the function to throw" });
}

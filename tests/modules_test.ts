// Names a jitted function takes from other modules resolve as the module system binds them:
// named and default imports, namespace members (`ns.f`, `ns.K`), re-exports, followed to the
// declaration; jitted helpers are called natively, numeric constants folded where the binding
// can never hold another value. Plain JS is the oracle (Object.is per value).
import { CompileError, jit } from "../mod.ts";
import { assert, assertStrictEquals, assertStringIncludes, assertThrows } from "./_assert.ts";
import * as consts from "./_modules_consts.ts";
import * as helpers from "./_modules_helpers.ts";
import * as other from "./_modules_other.ts";
import * as re from "./_modules_reexport.ts";
import { EPSILON, LIMIT, SIXTEEN, TWO_PI } from "./_modules_consts.ts";
import answer from "./_modules_consts.ts";
import * as cycle from "./_modules_cycle_a.js";
import * as tables from "./_modules_tables.ts";
import { euclid, TAU } from "./_modules_reexport.ts";

const INPUTS = [0, -0, 1, -1, 0.5, -0.5, 2.5, -2.5, 3.75, -7.25, 1e-7, 46.9, 47, 48, -60, 1e300];
INPUTS.push(NaN, Infinity, -Infinity, Math.PI, 100 * Math.PI);

type NumFn = (...xs: number[]) => unknown;

/** Plain and jitted give Object.is-identical results on every input (pair). */
function same(plain: NumFn, jitted: NumFn) {
  for (const a of INPUTS) {
    for (const b of [0, -0, 1, -3.5, 1e-6, NaN]) {
      const args = [a, b].slice(0, plain.length);
      const p = plain(...args), j = jitted(...args);
      assert(Object.is(p, j), `(${a}, ${b}): plain ${String(p)}, jit ${String(j)}`);
    }
  }
}

Deno.test("modules: jit(ns.f) is located in its module, and its imports resolve there", () => {
  const j = {
    nearlyEqual: jit(helpers.nearlyEqual), // eps: a renamed import of a constant
    clampToLimit: jit(helpers.clampToLimit), // LIMIT = BASE * 3 - 1, BASE = 1 << 4
    wrapAngle: jit(helpers.wrapAngle), // consts.TWO_PI = 2 * Math.PI
    density: jit(helpers.density), // consts.SQRT_2PI = Math.sqrt(2 * Math.PI)
    flag: jit(helpers.flag), // a boolean constant
  };
  same(helpers.nearlyEqual, j.nearlyEqual);
  same(helpers.clampToLimit, j.clampToLimit);
  same(helpers.wrapAngle, j.wrapAngle);
  same(helpers.density, j.density);
  same(helpers.flag, j.flag);
  assertStrictEquals(j.nearlyEqual.signatures.length > 0, true);
});

Deno.test("modules: a namespace's jitted function is called natively, its constants folded", () => {
  jit(consts.round); // the callee must be jitted, as any helper
  const roundAll = jit(helpers.roundAll); // consts.round(...) + answer * 0 (a default import)
  const a = new Float64Array(INPUTS), b = new Float64Array(INPUTS);
  helpers.roundAll(a);
  roundAll(b);
  for (let i = 0; i < a.length; i++) assert(Object.is(a[i], b[i]), `element ${i}`);
  // in this module: a namespace member, a named import, a renamed re-export, a default export
  const f = (x: number, y: number) =>
    consts.round(x) * EPSILON + LIMIT + SIXTEEN + TWO_PI * TAU + answer + y;
  same(f, jit(f));
});

Deno.test("modules: names reach the declaration they name, never a same-named other one", () => {
  jit(helpers.norm);
  jit(other.norm); // the same name, other code: both jitted
  const viaEuclid = (x: number, y: number) => euclid(x, y); // re-exported as `euclid`
  const viaOther = (x: number, y: number) => other.norm(x, y) + other.EPSILON;
  const viaStar = (x: number, y: number) => re.norm(x, y) + re.EPSILON; // `export *` of other
  const viaNs = (x: number, y: number) => re.consts.LIMIT + (re.nearlyEqual(x, y) ? 1 : 0);
  jit(helpers.nearlyEqual);
  same(viaEuclid, jit(viaEuclid));
  same(viaOther, jit(viaOther));
  same(viaStar, jit(viaStar));
  same(viaNs, jit(viaNs));
  assertStrictEquals(jit(viaEuclid)(3, 4), 5);
  assertStrictEquals(jit(viaStar)(3, -4), 7.5);
});

Deno.test("modules: a binding that can change, or be read uninitialized, is not folded", async () => {
  const scaled = jit(helpers.scaled); // consts.mutableScale: a `let` the module assigns again
  const e = assertThrows(() => scaled(2), CompileError, "'consts.mutableScale' is a variable");
  assertStringIncludes(e.message, "assigned again");
  // no fix that cannot work: a namespace's member cannot be given through globals
  assert(!e.message.includes("globals"), e.message);
  consts.setMutableScale(3);
  assertStrictEquals(helpers.scaled(2), 6);
  // read before its initialization in plain JS (a ReferenceError): refused, not folded
  const late = await import("./_modules_late.ts").then(() => undefined, (x) => x);
  assert(late instanceof CompileError, String(late));
  assertStringIncludes(late.message, "could call this function before it is initialized");
  // a module in an import cycle: another module of the cycle may run first, so a constant is
  // not folded from its source; an exported one is read once initialized (it cannot change)
  assertThrows(() => jit(cycle.useB)(1), CompileError, "import cycle");
  assertStrictEquals(jit(cycle.useA)(2), cycle.useA(2));
});

Deno.test("modules: a namespace is not a value; messages name only fixes that work", () => {
  const f = jit((x: number) => (consts as unknown as number) + x);
  const e = assertThrows(() => f(1), CompileError, "'consts' is the namespace of");
  assertStringIncludes(e.message, "consts.f(…), consts.K");
  assert(!e.message.includes("globals"), e.message);
  const g = jit((x: number) => (consts as unknown as { nothing: number }).nothing + x);
  assertThrows(() => g(1), CompileError, "exports no 'nothing'");
  // globals of a kind compiled code cannot read are refused, not ignored
  const h = jit((x: number) => x + (aString as unknown as number), {
    globals: { aString: "text" } as never,
  });
  assertThrows(() => h(1), CompileError, "globals.aString is the string");
});
declare const aString: string;
declare const missing: number;

Deno.test("modules: one CompileError names every blocker, each with its line", () => {
  const f = jit((x: number) => {
    const s = "text";
    if (x < 0) throw new Error("negative");
    return consts.mutableScale + missing + s.length;
  });
  const e = assertThrows(() => f(1), CompileError, "unsupported construct: string literal");
  assertStringIncludes(e.message, "3 more constructs block compiling it:");
  assertStringIncludes(e.message, "unsupported construct: throw statement");
  assertStringIncludes(e.message, "'consts.mutableScale' is a variable");
  assertStringIncludes(e.message, "unresolved name 'missing'");
  assertStrictEquals(e.blockers.length, 4);
  assert(e.blockers.every((b) => b.line !== undefined && b.column !== undefined));
  assertStrictEquals(e.blockers[1].construct, "throw statement");
});

Deno.test("modules: a module's typed array is read by reference, on every call", () => {
  const crc = jit(tables.crc32);
  const buf = new Uint8Array(300).map((_, i) => (i * 31 + 7) & 0xff);
  for (const [c, len, pos] of [[0, 300, 0], [-1, 17, 5], [12345, 0, 300], [0x7fffffff, 100, 200]]) {
    assertStrictEquals(crc(c, buf, len, pos), tables.crc32(c, buf, len, pos));
  }
  // by reference: a write to the table is seen by the next call, as in plain JS
  const saved = tables.CRC_TABLE[7];
  tables.CRC_TABLE[7] ^= 0x5555;
  assertStrictEquals(crc(0, buf, 300, 0), tables.crc32(0, buf, 300, 0));
  tables.CRC_TABLE[7] = saved;
  assertStrictEquals(crc.signatures.length, 1);
  // given through globals: the same
  const t = new Float64Array([0.5, -0, 2]);
  const f = jit((i: number) => t[i] * 2 + t.length, { globals: { t } });
  for (const i of [0, 1, 2]) assert(Object.is(f(i), t[i] * 2 + t.length));
  t[1] = -3;
  assertStrictEquals(f(1), -3);
  assertThrows(() => f(3), RangeError); // bounds checked like any array argument
  // the dispatcher passes tables on calls from JS only: a jitted caller is refused, clearly
  const caller = jit((i: number) => f(i) + 1, { globals: { f } });
  assertThrows(() => caller(0), CompileError, "reads 't' by reference");
});

Deno.test("modules: fields of frozen objects are constants; others are refused", () => {
  const frozen = jit(tables.frozenUse);
  same(tables.frozenUse, frozen);
  const C = Object.freeze({ EPS: 1e-6, N: 3 });
  const g = (x: number) => x * C.N + C.EPS;
  same(g, jit(g, { globals: { C } }));
  const open = { k: 2 };
  const h = jit((x: number) => x * open.k, { globals: { open } });
  assertThrows(() => h(1), CompileError, "globals.open.k can change between calls");
  assertThrows(() => jit(tables.openUse)(1), CompileError, "OPEN.SCALE");
  // an unexported table and a plain array: refused, saying what works
  const e = assertThrows(() => jit(tables.privateSum)(1), CompileError, "'PRIVATE'");
  assertStringIncludes(e.message, "export it");
  assertThrows(() => jit(tables.listSum)(1), CompileError, "plain array (number[])");
  const arr = [1, 2];
  const k = jit((x: number) => x + arr[0], { globals: { arr } as never });
  assertThrows(() => k(1), CompileError, "globals.arr is a plain Array");
});

Deno.test("modules: an anonymous function is named by its binding in every message", () => {
  const kernels = { lastPlusOne: jit((a: Float64Array) => a[a.length]) };
  const e = assertThrows(() => kernels.lastPlusOne(new Float64Array(2)), RangeError);
  assertStringIncludes(e.message, "lastPlusOne");
  assert(!e.message.includes("<anonymous>"), e.message);
  const typed = jit((n: number) => n + (aString as unknown as number));
  const c = assertThrows(() => typed(1), CompileError);
  assertStringIncludes(c.message, "in typed at");
  assert(!c.message.includes("<anonymous>"), c.message);
});

Deno.test("modules: a var declared in a nested block is not folded (it is hoisted)", () => {
  const outer = (run: boolean) => {
    const f = jit((x: number) => x + (K as number));
    const before = run ? f(1) : 0; // plain JS: K is undefined here (hoisted `var`), so NaN
    {
      // deno-lint-ignore no-var no-inner-declarations
      var K = 5;
    }
    return [before, K];
  };
  assertThrows(() => outer(true), CompileError, "`var` declared in a nested block");
});

Deno.test("modules: a JS global compiled code lacks is named as such, with no fix that fails", () => {
  const f = jit((a: Float64Array) => (Array.isArray(a) ? 1 : 0) + a.length);
  const e = assertThrows(() => f(new Float64Array(1)), CompileError, "'Array' is a global of JS");
  assert(!e.message.includes("globals"), e.message);
});

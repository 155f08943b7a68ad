// Arguments built to fool the guards: whatever a value claims through properties user code can
// override, compiled code sees its real kind and length, reads and writes only inside it, and
// gives plain JS's result for what the value really is; anything that is not a typed array is a
// TypeError naming the parameter, never a raw V8 message.
import { CompileError, jit } from "../mod.ts";
import {
  assert,
  assertEquals,
  assertStrictEquals,
  assertStringIncludes,
  assertThrows,
} from "./_assert.ts";
import { runInNewContext } from "node:vm";
import { ARRAY_TYPES } from "../compiler/types/types.ts";

const sum = (x: Float64Array) => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
};
const fill = (x: Float64Array, v: number) => {
  for (let i = 0; i < x.length; i++) x[i] = v;
};

/** A 4-element Float64Array in the middle of a larger buffer whose other bytes must not change. */
function fenced<T extends Float64Array>(make: (b: ArrayBuffer, off: number, n: number) => T) {
  const buf = new ArrayBuffer(8 * 64);
  new Float64Array(buf).fill(-7);
  const a = make(buf, 8 * 30, 4);
  a.set([1, 2, 3, 4]);
  const fence = () => {
    const all = new Float64Array(buf);
    return [...all.subarray(0, 30), ...all.subarray(34)].every((v) => v === -7);
  };
  return { a, buf, fence };
}

class LongLength extends Float64Array {
  override get length() {
    return 1 << 20;
  }
}

Deno.test("hostile: a subclass or own property lying about length reads and writes only the array", () => {
  const jsum = jit(sum), jfill = jit(fill);
  const liars: [string, (b: ArrayBuffer, o: number, n: number) => Float64Array][] = [
    ["subclass getter", (b, o, n) => new LongLength(b, o, n)],
    ["own property", (b, o, n) => {
      const a = new Float64Array(b, o, n);
      Object.defineProperty(a, "length", { value: 4096 });
      return a;
    }],
    ["subclass byteOffset/buffer getters", (b, o, n) => {
      class Shifted extends Float64Array {
        override get byteOffset() {
          return 0;
        }
        override get buffer() {
          return new ArrayBuffer(1 << 20);
        }
      }
      return new Shifted(b, o, n);
    }],
  ];
  for (const [what, make] of liars) {
    const { a, buf, fence } = fenced(make);
    assertStrictEquals(jsum(a), 10, what);
    jfill(a, 5);
    assertEquals([...new Float64Array(buf, 8 * 30, 4)], [5, 5, 5, 5], what);
    assert(fence(), `${what}: bytes outside the array changed`);
  }
  // A declared signature takes the same path.
  const dsum = jit(sum, { signature: "f64(f64[])" });
  assertStrictEquals(dsum(fenced((b, o, n) => new LongLength(b, o, n)).a), 10);
});

Deno.test("hostile: length overridden on the prototypes themselves is not seen", () => {
  const jsum = jit(sum);
  const a = new Float64Array([1, 2, 3, 4]);
  const TypedArrayPrototype = Object.getPrototypeOf(Float64Array.prototype);
  const saved = Object.getOwnPropertyDescriptor(TypedArrayPrototype, "length")!;
  const savedTag = Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag)!;
  try {
    Object.defineProperty(Float64Array.prototype, "length", {
      get: () => 4096,
      configurable: true,
    });
    assertStrictEquals(jsum(a), 10);
    Object.defineProperty(TypedArrayPrototype, "length", { get: () => 4096, configurable: true });
    Object.defineProperty(TypedArrayPrototype, Symbol.toStringTag, {
      get: () => "Float64Array",
      configurable: true,
    });
    assertStrictEquals(jsum(a), 10);
    assertThrows(() => jsum({ length: 4 } as never), TypeError, "parameter 'x'");
  } finally {
    delete (Float64Array.prototype as { length?: number }).length;
    Object.defineProperty(TypedArrayPrototype, "length", saved);
    Object.defineProperty(TypedArrayPrototype, Symbol.toStringTag, savedTag);
  }
});

Deno.test("hostile: a typed array is taken for its real kind whatever its prototype says", () => {
  const jfill = jit(fill), jsum = jit(sum);
  // A Uint8Array wearing Float64Array's prototype stores and reads bytes, in plain JS too.
  const make = () => {
    const u = new Uint8Array([10, 20, 30, 40]);
    Object.setPrototypeOf(u, Float64Array.prototype);
    return u as unknown as Float64Array;
  };
  const [plain, compiled] = [make(), make()];
  fill(plain, 300.7), jfill(compiled, 300.7);
  assertEquals([...new Uint8Array(compiled.buffer)], [...new Uint8Array(plain.buffer)]);
  assertStrictEquals(jsum(make()), sum(make()));
  assert(jsum.signatures.some((s) => s.startsWith("(u8[]")), jsum.signatures.join());
  // A toStringTag getter on a subclass does not change what the array is.
  class Claims extends Float64Array {
    override get [Symbol.toStringTag]() {
      return "Uint8Array" as never;
    }
  }
  assertStrictEquals(jsum(new Claims([1.5, 2.5])), 4);
});

Deno.test("hostile: look-alikes are TypeErrors naming the parameter", () => {
  const jsum = jit(sum);
  const saved = Object.getOwnPropertyDescriptor(Float64Array, Symbol.hasInstance);
  Object.defineProperty(Float64Array, Symbol.hasInstance, {
    value: () => true,
    configurable: true,
  });
  try {
    const view = new DataView(new ArrayBuffer(32));
    assertThrows(() => jsum(view as never), TypeError, "parameter 'x' must be");
    assertThrows(() => jsum(view as never), TypeError, "got a DataView");
  } finally {
    if (saved) Object.defineProperty(Float64Array, Symbol.hasInstance, saved);
    else delete (Float64Array as { [Symbol.hasInstance]?: unknown })[Symbol.hasInstance];
  }
  const proxy = new Proxy(new Float64Array(4), {});
  const e = assertThrows(() => jsum(proxy), TypeError, "parameter 'x' must be");
  assert(!/incompatible receiver|Method get/.test(e.message), e.message);
  assertThrows(() => jsum(proxy), TypeError, "not a real typed array");
  const fake = Object.create(Float64Array.prototype);
  assertThrows(() => jsum(fake), TypeError, "parameter 'x'");
  // A Proxy whose traps throw still gives our TypeError.
  const trap = new Proxy({}, {
    get() {
      throw new Error("trap");
    },
    getPrototypeOf() {
      throw new Error("trap");
    },
  });
  assertThrows(() => jsum(trap as never), TypeError, "parameter 'x'");
  assertThrows(() => jsum(new BigInt64Array(2) as never), TypeError, "got a BigInt64Array");
});

Deno.test("hostile: numbers disguised as objects are refused, not converted", () => {
  const add = jit((a: number, b: number) => a + b);
  assertStrictEquals(add(1, 2), 3);
  let calls = 0;
  const sneaky = { valueOf: () => (calls++, 2) };
  assertThrows(() => add(1, sneaky as never), TypeError, "parameter 'b'");
  assertThrows(() => add(new Number(1) as never, 2), TypeError, "parameter 'a'");
  assertThrows(() => add(1n as never, 2), TypeError, "got a bigint");
  assertStrictEquals(calls, 0, "valueOf must not be called");
  const flag = jit((b: boolean) => (b ? 1 : 2));
  assertThrows(() => flag(new Boolean(false) as never), TypeError, "parameter 'b'");
});

Deno.test("hostile: arrays from another realm are accepted for what they are", async () => {
  const jsum = jit(sum);
  const other = runInNewContext("new Float64Array([1, 2, 3.5])") as Float64Array;
  assert(!(other instanceof Float64Array), "the test needs a foreign array");
  assertStrictEquals(jsum(other), 6.5);
  // A Float64Array sent by a Worker.
  const w = new Worker(
    `data:text/javascript,${
      encodeURIComponent("postMessage(new Float64Array([4, 5, 6])); self.close();")
    }`,
    { type: "module" },
  );
  const got = await new Promise<Float64Array>((res) => (w.onmessage = (e) => res(e.data)));
  assertStrictEquals(jsum(got), 15);
});

Deno.test("hostile: detached, resizable and growable buffers", () => {
  const jsum = jit(sum), jfill = jit(fill);
  // Resizable: a length-tracking array is read at its length of the moment, every call.
  const rab = new ArrayBuffer(16, { maxByteLength: 64 });
  const tracking = new Float64Array(rab);
  tracking.set([1, 2]);
  assertStrictEquals(jsum(tracking), 3);
  rab.resize(32);
  tracking.set([3, 4], 2);
  assertStrictEquals(jsum(tracking), 10);
  rab.resize(8);
  assertStrictEquals(jsum(tracking), 1);
  jfill(tracking, 9);
  rab.resize(64);
  assertEquals([...tracking], [9, 0, 0, 0, 0, 0, 0, 0]);
  // A fixed-length view left out of bounds by a shrink has length 0, as in plain JS.
  const fixed = new Float64Array(rab, 32, 2);
  rab.resize(16);
  assertStrictEquals(jsum(fixed), sum(fixed));
  // Growable shared buffers.
  const gsab = new SharedArrayBuffer(8, { maxByteLength: 32 });
  const g = new Float64Array(gsab);
  g[0] = 2;
  assertStrictEquals(jsum(g), 2);
  gsab.grow(24);
  g[2] = 5;
  assertStrictEquals(jsum(g), 7);
  // Detached: a TypeError, before and after the specialization exists.
  const buf = new ArrayBuffer(16);
  const d = new Float64Array(buf);
  structuredClone(buf, { transfer: [buf] });
  assertThrows(() => jsum(d), TypeError, "detached");
  assertThrows(() => jit(sum)(d), TypeError, "detached");
});

Deno.test("hostile: replaced builtins do not change which code runs", () => {
  const kinds = ARRAY_TYPES.map((name) => globalThis[name]);
  const jsum = jit(sum);
  for (const K of kinds) jsum(new K([1, 2, 3]) as never); // more kinds than the inline guards
  const saved = {
    get: Map.prototype.get,
    call: Function.prototype.call,
    apply: Function.prototype.apply,
  };
  try {
    // A get that answers with some other value of the map: the entry of another array kind.
    Map.prototype.get = function (this: Map<unknown, unknown>) {
      return this.values().next().value;
    };
    Function.prototype.call = function () {
      return 4096;
    } as never;
    Function.prototype.apply = function () {
      return 4096;
    } as never;
    for (const K of kinds) {
      const a = new K([1, 2, 3.75]);
      const want = a[0] + a[1] + a[2];
      const got = jsum(a as never);
      if (!Object.is(got, want)) throw new Error(`${K.name}: ${got} !== ${want}`);
    }
  } finally {
    Map.prototype.get = saved.get;
    Function.prototype.call = saved.call;
    Function.prototype.apply = saved.apply;
  }
  assertEquals(jsum.signatures.length, kinds.length);
});

Deno.test("bounded: past maxSpecializations, new argument types run as plain JS", () => {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (m: string) => warnings.push(m);
  try {
    const jsum = jit(sum, { maxSpecializations: 2 });
    assertStrictEquals(jsum(new Float64Array([1.5, 2])), 3.5);
    assertStrictEquals(jsum(new Int32Array([1, 2]) as never), 3);
    assertStrictEquals(jsum(new Uint8Array([3, 4]) as never), 7);
    assertStrictEquals(jsum(new Int8Array([-3, 4]) as never), 1);
    assertStrictEquals(jsum(new Uint8Array([5, 4]) as never), 9);
    assertStrictEquals(jsum(new Float64Array([1, 2])), 3); // still compiled
    assertEquals(jsum.signatures.length, 2);
    assertEquals(warnings.length, 1, warnings.join("\n"));
    assert(
      /sum\(\) has 2 compiled specializations, the limit .*\(u8\[\]\).* plain JS/.test(warnings[0]),
      warnings[0],
    );
  } finally {
    console.warn = warn;
  }
  assertThrows(() => jit(sum, { maxSpecializations: 0 }), TypeError, "positive integer, got 0");
  assertThrows(() => jit(sum, { maxSpecializations: "2" as never }), TypeError, 'got "2"');
});

Deno.test("messages: user values are printed as what they are", async () => {
  const { prange, range, setNumThreads, zeros } = await import("../mod.ts");
  const e1 = assertThrows(() => setNumThreads("2" as never), TypeError);
  assertStringIncludes(e1.message, 'setNumThreads("2")');
  assertStringIncludes(e1.message, "got the string");
  assertThrows(() => setNumThreads(-0 as never), RangeError, "setNumThreads(-0)");
  assertThrows(() => zeros("5" as never, "f64"), TypeError, "got the string");
  assertThrows(() => zeros(3, "f65" as never), TypeError, 'unknown element type "f65"');
  assertThrows(() => jit(sum, { signature: 5 as never }), TypeError, "got 5");
  assertThrows(() => jit(sum, { locals: { s: 5 as never } }), TypeError, "type 5");
  // a zero step names the loop as written, as plain JS's prange/range do; a RangeError
  assertThrows(() => [...prange(0, 4, 0)], RangeError, "prange() step must not be 0");
  assertThrows(() => [...range(0, 4, 0)], RangeError, "range() step must not be 0");
  const par = jit((n: number, k: number) => {
    let s = 0;
    for (const i of prange(0, n, k)) s += i;
    return s;
  });
  const ser = jit((n: number, k: number) => {
    let s = 0;
    for (const i of range(0, n, k)) s += i;
    return s;
  });
  assertStrictEquals(par(10, 2), 20);
  assertThrows(() => par(10, 0), RangeError, "prange() step must not be 0");
  assertThrows(() => ser(10, 0), RangeError, "range() step must not be 0");
});

Deno.test("hostile: a function's own toString or length cannot change what is compiled", () => {
  const f = (x: number) => x * 2;
  f.toString = () => "(x) => x * 1000";
  assertStrictEquals(jit(f)(5), 10);
  const g = (a: Float64Array, i: number) => a[i];
  Object.defineProperty(g, "length", { value: 1 });
  const jg = jit(g) as unknown as (a: Float64Array) => number;
  assertThrows(() => jg(new Float64Array(4)), CompileError, "declares 2 parameters");
  const h = (a: Float64Array) => a[0];
  Object.defineProperty(h, "length", { get: () => 2 ** 40 });
  assertThrows(() => jit(h), TypeError, "not a parameter count");
});

Deno.test("bounded: one dispatch-table class never mixes arguments the guards tell apart", () => {
  // Past the inline guards, entries are remembered by argument class: -0 must not reuse the
  // choice made for another safe integer, nor 0.1 the choice made for a float-exact 0.5.
  const inv = (x: number, y: number) => 1 / x + (y ? 0 : 0);
  const filler = ["f64(i64, bool)", "f64(i64, i64)", "f64(bool, bool)", "f64(bool, i64)"];
  const f = jit(inv, { signature: [...filler, "f64(i64, f64)", "f64(f64, f64)"] });
  assertStrictEquals(f(2 ** 40, 0.5), inv(2 ** 40, 0.5));
  assertStrictEquals(f(-0, 0.5), -Infinity);
  assertStrictEquals(f(2 ** 40 + 2, 0.5), inv(2 ** 40 + 2, 0.5));
  const id = (x: number, y: number) => x + (y ? 0 : 0);
  const g = jit(id, { signature: [...filler, "f64(f32, f64)", "f64(f64, f64)"] });
  assertStrictEquals(g(0.5, 0.5), 0.5);
  assertStrictEquals(g(0.1, 0.5), 0.1);
  assertStrictEquals(g(0.25, 0.5), 0.25);
});

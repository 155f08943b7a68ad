// What a JS argument really is, read from the engine's internal slots rather than from
// properties user code can override. `instanceof`, `.length`, `.buffer` and `.constructor` can
// all be faked (a subclass getter, an own property, a prototype swap, Symbol.hasInstance, a
// Proxy); the %TypedArray%.prototype getters, called on the object itself, cannot: they read
// [[TypedArrayName]], [[ArrayLength]] and [[ViewedArrayBuffer]] (ECMA-262 §23.2.3), work for
// arrays of any realm, and the tag getter returns undefined for anything that is not a typed
// array (§23.2.3.38). They are captured when this module loads, uncurried through a bound
// Function.prototype.call, so later changes to the prototypes or to `call` change nothing.
import { ARRAY_TYPES, type Type, typeOfKey } from "./types/types.ts";

/**
 * JS statements defining `kindOf` (the real element kind, "Float64Array", or undefined for anything
 * that is not a typed array), `lengthOf` (the real length: 0 once detached or out of bounds;
 * typed arrays only) and `isLive` (not detached). Evaluated here, and copied into AOT loaders,
 * which must not depend on tsjit.
 */
export const GUARD_PRELUDE = `
const call = Function.prototype.call;
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const getter = (proto, key) => call.bind(Object.getOwnPropertyDescriptor(proto, key).get);
const kindOf = getter(TypedArrayPrototype, Symbol.toStringTag);
const lengthOf = getter(TypedArrayPrototype, "length");
const bufferOf = getter(TypedArrayPrototype, "buffer");
const detachedOf = getter(ArrayBuffer.prototype, "detached");
const isDetached = (a) => {
  try {
    return detachedOf(bufferOf(a));
  } catch {
    return false; // the detached getter throws for a SharedArrayBuffer, which never detaches
  }
};
const isLive = (a) => lengthOf(a) !== 0 || !isDetached(a);
const fround = Math.fround;
`;

const prelude = new Function(
  `${GUARD_PRELUDE}return { kindOf, lengthOf, isLive, isDetached, fround };`,
)();
/** The real element kind of a typed array ("Float64Array", ...); undefined for anything else. */
export const kindOf: (v: unknown) => string | undefined = prelude.kindOf;
/** The real length of a typed array (0 once detached or out of bounds). Typed arrays only. */
export const lengthOf: (a: unknown) => number = prelude.lengthOf;
/** True when a typed array can be passed to native code: its buffer is not detached. */
export const isLive: (a: unknown) => boolean = prelude.isLive;
/** True when a typed array's buffer is detached. */
export const isDetached: (a: unknown) => boolean = prelude.isDetached;
/** Math.fround as it was when tsjit loaded (a replaced Math.fround changes nothing). */
export const fround: (x: number) => number = prelude.fround;
const isArrayIntrinsic = Array.isArray;
const isViewIntrinsic = ArrayBuffer.isView;

/**
 * The key (types.ts) of the type a JS argument value specializes on: integers in int32 range
 * become `int` (not -0), other numbers `f64`; a live typed array its real kind; undefined for
 * values tsjit cannot take (objects with a `valueOf`, boxed numbers and Proxies included).
 * Self-contained but for the prelude's names: the AOT loader embeds its source.
 */
export function typeKeyOfValue(v: unknown): string | undefined {
  if (typeof v === "number") {
    return (v | 0) === v && (v !== 0 || 1 / v > 0) ? "int" : "f64";
  }
  if (typeof v === "boolean") return "bool";
  const kind = kindOf(v);
  if (kind !== undefined && (ARRAY_TYPES as readonly string[]).includes(kind) && isLive(v)) {
    return kind;
  }
  return undefined;
}

/** The type a JS argument value specializes on (see typeKeyOfValue). */
export function typeOfValue(v: unknown): Type | undefined {
  const key = typeKeyOfValue(v);
  return key === undefined ? undefined : typeOfKey(key);
}

/**
 * Describes a JS value for error messages: "a string", "undefined", "a plain Array", "a
 * BigInt64Array", "a DataView". Reads only internal slots for typed arrays and views; for other
 * objects the constructor's name is read defensively (a Proxy trap or getter may throw).
 */
export function describeValue(v: unknown): string {
  if (v === undefined) return "undefined";
  if (v === null) return "null";
  if (typeof v === "string") return `the string ${quote(v)}`;
  if (typeof v !== "object") return `a ${typeof v}`;
  if (isArrayIntrinsic(v)) return "a plain Array";
  const kind = kindOf(v);
  if (kind !== undefined) {
    return `${article(kind)} ${kind}${isDetached(v) ? " whose buffer is detached" : ""}`;
  }
  if (isViewIntrinsic(v)) return "a DataView";
  try {
    const name = (v as { constructor?: { name?: unknown } }).constructor?.name;
    if (typeof name === "string" && /^[\w$]{1,40}$/.test(name) && name !== "Object") {
      return (ARRAY_TYPES as readonly string[]).includes(name)
        ? `an object posing as a ${name} (a Proxy, or another object given its prototype), ` +
          `not a real typed array`
        : `${article(name)} ${name} object, not a typed array`;
    }
  } catch { /* a Proxy trap or getter threw: say nothing more */ }
  return "an object that is not a typed array";
}

/** "a" or "an" before a word, as it is spelled (type names: "an Int32Array"). */
export function article(word: string): "a" | "an" {
  return /^[AEIOUaeiou]/.test(word) ? "an" : "a";
}

/** A user-given string as it would be written in JS: quoted and escaped, cut when long. */
export function quote(s: string, max = 60): string {
  const q = JSON.stringify(s.length > max ? s.slice(0, max) : s);
  return s.length > max ? `${q.slice(0, -1)}…"` : q;
}

/** A user value printed unambiguously: strings quoted, -0 as -0, others as JS prints them. */
export function show(v: unknown): string {
  if (typeof v === "string") return quote(v);
  if (Object.is(v, -0)) return "-0";
  if (typeof v === "number" || typeof v === "boolean" || v == null) return String(v);
  if (typeof v === "bigint") return `${v}n`;
  return describeValue(v);
}

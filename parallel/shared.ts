// Typed arrays over SharedArrayBuffer, which jitted code, pool workers and plain JS workers can
// all read and write without copies.
import { describeValue, show } from "../compiler/values.ts";

const KINDS: { [K in ElementName]: TypedArrayConstructor } = {
  f64: Float64Array,
  f32: Float32Array,
  i8: Int8Array,
  i16: Int16Array,
  i32: Int32Array,
  u8: Uint8Array,
  u16: Uint16Array,
  u32: Uint32Array,
  u8c: Uint8ClampedArray,
};

/** The typed array of each element type name, as in signatures (`f64`, `i32`, `u8c`, …). */
export interface ElementTypes {
  /** Float64Array */
  f64: Float64Array;
  /** Float32Array */
  f32: Float32Array;
  /** Int8Array */
  i8: Int8Array;
  /** Int16Array */
  i16: Int16Array;
  /** Int32Array */
  i32: Int32Array;
  /** Uint8Array */
  u8: Uint8Array;
  /** Uint16Array */
  u16: Uint16Array;
  /** Uint32Array */
  u32: Uint32Array;
  /** Uint8ClampedArray */
  u8c: Uint8ClampedArray;
}

/** Element type names, as in signatures (`f64`, `i32`, `u8c`, …). */
export type ElementName = keyof ElementTypes;

/** A typed-array constructor `zeros()` and `empty()` accept. */
export type TypedArrayConstructor =
  | Float64ArrayConstructor
  | Float32ArrayConstructor
  | Int8ArrayConstructor
  | Int16ArrayConstructor
  | Int32ArrayConstructor
  | Uint8ArrayConstructor
  | Uint16ArrayConstructor
  | Uint32ArrayConstructor
  | Uint8ClampedArrayConstructor;

/**
 * A zero-filled typed array of `n` elements backed by a SharedArrayBuffer.
 *
 * @example
 * ```ts
 * import { zeros } from "./mod.ts";
 * const a = zeros(1000, "f64"); // Float64Array over a SharedArrayBuffer
 * const b = zeros(16, Int32Array);
 * ```
 */
export function zeros<K extends ElementName | TypedArrayConstructor>(
  n: number,
  type: K,
): K extends ElementName ? ElementTypes[K]
  : K extends TypedArrayConstructor ? InstanceType<K>
  : never {
  const C = (typeof type === "string" ? KINDS[type as ElementName] : type) as
    | TypedArrayConstructor
    | undefined;
  if (!C || !Object.values(KINDS).includes(C)) {
    throw new TypeError(
      `zeros(): unknown element type ${
        typeof type === "function" ? `${type.name || "an anonymous class"}` : show(type)
      }; use a typed-array class or one of ${Object.keys(KINDS).map((k) => show(k)).join(", ")}`,
    );
  }
  if (typeof n !== "number") {
    throw new TypeError(`zeros(): the length must be a number, got ${describeValue(n)}`);
  }
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`zeros(): the length must be a non-negative integer, got ${show(n)}`);
  }
  const make = C as unknown as new (b: SharedArrayBuffer) => unknown;
  return new make(new SharedArrayBuffer(n * C.BYTES_PER_ELEMENT)) as never;
}

/**
 * Like `zeros` (a SharedArrayBuffer's memory always starts zeroed): for code that will write
 * every element.
 *
 * @example
 * ```ts
 * import { empty } from "./mod.ts";
 * const out = empty(1024, "u8");
 * ```
 */
export const empty: typeof zeros = zeros;

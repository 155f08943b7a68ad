// Typed arrays over SharedArrayBuffer, which jitted code, pool workers and plain JS workers can
// all read and write without copies.

const KINDS = {
  f64: Float64Array,
  f32: Float32Array,
  i8: Int8Array,
  i16: Int16Array,
  i32: Int32Array,
  u8: Uint8Array,
  u16: Uint16Array,
  u32: Uint32Array,
  u8c: Uint8ClampedArray,
} as const;

/** Element type names, as in signatures (`f64`, `i32`, `u8c`, …). */
export type ElementName = keyof typeof KINDS;
type Ctor = (typeof KINDS)[ElementName];

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
export function zeros<K extends ElementName | Ctor>(
  n: number,
  type: K,
): InstanceType<K extends ElementName ? (typeof KINDS)[K] : K> {
  const C = (typeof type === "string" ? KINDS[type as ElementName] : type) as Ctor | undefined;
  if (!C || !Object.values(KINDS).includes(C)) {
    throw new TypeError(
      `zeros(): unknown element type ${String((type as { name?: string }).name ?? type)}`,
    );
  }
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`zeros(): the length must be a non-negative integer, got ${n}`);
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

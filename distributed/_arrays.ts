// Typed arrays as MPI buffers: their kind and length read from internal slots (compiler/values.ts:
// a subclass, an own `length` or a Proxy cannot lie about them), and the argument checks every
// call makes before reaching MPI.
import { describeValue, isLive, kindOf, lengthOf, show } from "../compiler/values.ts";

/**
 * Every typed-array kind that can be sent or received (all but Float16Array can be reduced).
 *
 * @example
 * ```ts
 * import { bcast, type NumericArray } from "./distributed/mod.ts";
 * const share = (a: NumericArray) => bcast(a, 0);
 * share(new Int32Array(4));
 * ```
 */
export type NumericArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float16Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

/**
 * A reduction operator.
 *
 * @example
 * ```ts
 * import { allreduce, type Op } from "./distributed/mod.ts";
 * const op: Op = "max";
 * allreduce(new Float64Array([1.5]), op);
 * ```
 */
export type Op = "sum" | "min" | "max" | "prod";

// `buffer` and `resizable` read through the intrinsic getters captured now (see compiler/values.ts).
const call = Function.prototype.call;
const bufferOf = call.bind(
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), "buffer")!.get!,
) as (x: unknown) => ArrayBufferLike;
const resizableOf = call.bind(
  Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "resizable")!.get!,
) as (x: unknown) => boolean;
const isSafeInteger = Number.isSafeInteger, isArray = Array.isArray;

/** Byte size and MPI datatype symbol of each kind; `float` kinds reduce with Math.min/max rules. */
export const KINDS: Record<string, { bytes: number; type: string; float?: boolean }> = {
  Int8Array: { bytes: 1, type: "ompi_mpi_int8_t" },
  Uint8Array: { bytes: 1, type: "ompi_mpi_uint8_t" },
  Uint8ClampedArray: { bytes: 1, type: "ompi_mpi_uint8_t" },
  Int16Array: { bytes: 2, type: "ompi_mpi_int16_t" },
  Uint16Array: { bytes: 2, type: "ompi_mpi_uint16_t" },
  Int32Array: { bytes: 4, type: "ompi_mpi_int32_t" },
  Uint32Array: { bytes: 4, type: "ompi_mpi_uint32_t" },
  // Moved as its bits; MPI has no half-precision arithmetic, so it is refused by reductions.
  Float16Array: { bytes: 2, type: "ompi_mpi_uint16_t" },
  Float32Array: { bytes: 4, type: "ompi_mpi_float", float: true },
  Float64Array: { bytes: 8, type: "ompi_mpi_double", float: true },
  BigInt64Array: { bytes: 8, type: "ompi_mpi_int64_t" },
  BigUint64Array: { bytes: 8, type: "ompi_mpi_uint64_t" },
};

/** MPI counts are C ints. */
const MAX_COUNT = 0x7fffffff;

/** What the MPI layer needs of a checked array: its kind and its length in elements. */
export interface Checked {
  kind: string;
  length: number;
}

/** Checks that `x` (the parameter `name` of `fn`) is a typed array MPI can use. */
export function checkArray(fn: string, name: string, x: unknown): Checked {
  const kind = kindOf(x);
  if (kind === undefined || !(kind in KINDS) || !isLive(x)) {
    throw new TypeError(
      `${fn}: ${name} must be a typed array (Float64Array, Int32Array, ...); got ${
        describeValue(x)
      }`,
    );
  }
  const length = lengthOf(x);
  if (length > MAX_COUNT) {
    throw new RangeError(`${fn}: ${name} has ${length} elements, more than MPI's count limit`);
  }
  return { kind, length };
}

/** Checks that `y` has the same kind as `x` (MPI would otherwise reinterpret the bytes). */
export function checkSameKind(fn: string, name: string, y: Checked, x: Checked, xName: string) {
  if (y.kind !== x.kind) {
    throw new TypeError(`${fn}: ${name} is a ${y.kind} but ${xName} is a ${x.kind}`);
  }
}

/** Checks a non-blocking call's array: memory MPI will use later must not move or shrink. */
export function checkPinnable(fn: string, name: string, x: unknown): void {
  let resizable;
  try {
    resizable = resizableOf(bufferOf(x));
  } catch {
    resizable = false; // a SharedArrayBuffer: it can grow but never shrink or move
  }
  if (resizable) {
    throw new TypeError(
      `${fn}: ${name} is on a resizable ArrayBuffer, which could shrink while the request is pending`,
    );
  }
}

/** Checks the reduction operator `op` for arrays of `kind`. */
export function checkOp(fn: string, op: unknown, kind: string): Op {
  if (op !== "sum" && op !== "min" && op !== "max" && op !== "prod") {
    throw new TypeError(`${fn}: op must be "sum", "min", "max" or "prod"; got ${show(op)}`);
  }
  if (kind === "Float16Array") {
    throw new TypeError(`${fn}: array is a Float16Array, which MPI cannot reduce`);
  }
  if (kind === "Uint8ClampedArray" && (op === "sum" || op === "prod")) {
    throw new TypeError(
      `${fn}: "${op}" on a Uint8ClampedArray would wrap instead of clamping; use a wider array`,
    );
  }
  return op;
}

/** Checks that `x` (parameter `name`) is an integer in [lo, hi), or one of `special`. */
export function checkInt(
  fn: string,
  name: string,
  x: unknown,
  lo: number,
  hi: number,
  special: Record<number, string> = {},
): number {
  if (typeof x !== "number" || !isSafeInteger(x)) {
    throw new TypeError(`${fn}: ${name} must be an integer; got ${show(x)}`);
  }
  if ((x < lo || x >= hi) && !(x in special)) {
    const names = Object.values(special);
    throw new RangeError(
      `${fn}: ${name} is ${x}, outside 0..${hi - 1}${
        names.length ? ` (or ${names.join(", ")})` : ""
      }`,
    );
  }
  return x;
}

/**
 * Checks per-rank `counts` (and `displs`, defaulting to the running sum) against the length of
 * the root's array `big`: one entry per rank, each non-negative, every block inside `big`.
 */
export function checkCounts(
  fn: string,
  counts: unknown,
  displs: unknown,
  size: number,
  big: Checked,
  bigName: string,
): { counts: Int32Array; displs: Int32Array } {
  const c = intList(fn, "counts", counts, size);
  let d: Int32Array;
  if (displs === undefined) {
    d = new Int32Array(size);
    let at = 0;
    for (let i = 0; i < size; i++) {
      d[i] = Math.min(at, MAX_COUNT);
      at += c[i];
    }
  } else {
    d = intList(fn, "displs", displs, size);
  }
  for (let i = 0; i < size; i++) {
    if (d[i] + c[i] > big.length) {
      throw new RangeError(
        `${fn}: rank ${i}'s block (${c[i]} elements at ${d[i]}) goes past the end of ${bigName} ` +
          `(${big.length} elements)`,
      );
    }
  }
  return { counts: c, displs: d };
}

/** A copy of a list of `size` non-negative C ints (a plain array or a typed array). */
function intList(fn: string, name: string, x: unknown, size: number): Int32Array {
  const kind = kindOf(x);
  if (!isArray(x) && kind === undefined) {
    throw new TypeError(
      `${fn}: ${name} must be an array of integers, one per rank; got ${describeValue(x)}`,
    );
  }
  const list = x as ArrayLike<number>;
  const n = kind === undefined ? (list as unknown[]).length : lengthOf(list);
  if (n !== size) {
    throw new RangeError(`${fn}: ${name} has ${n} entries but there are ${size} ranks`);
  }
  const out = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const v = list[i];
    if (typeof v !== "number" || !isSafeInteger(v) || v < 0 || v > MAX_COUNT) {
      throw new RangeError(`${fn}: ${name}[${i}] must be a non-negative integer; got ${show(v)}`);
    }
    out[i] = v;
  }
  return out;
}

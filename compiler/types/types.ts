// The types tsjit compiles with: interned objects (one per type, so `===` compares types), and
// the one table of typed-array kinds. How each type is laid out in LLVM is in layout.ts.

/**
 * One typed-array kind: its constructor's name, its name in signatures, and how an element is
 * stored. Adding a kind is one entry in ARRAY_KINDS (the runtime checks an argument's kind by its
 * constructor name, _values.ts).
 */
export interface ArrayKind {
  /** the constructor's name: `Float64Array` */
  readonly name: string;
  /** the name in signatures: `f64[]` */
  readonly short: string;
  /** the LLVM type of one element in memory */
  readonly ir: "double" | "float" | "i8" | "i16" | "i32";
  readonly bytes: number;
  readonly signed: boolean;
  readonly float: boolean;
  /** stores clamp to [0, 255] and round to even (Uint8ClampedArray) */
  readonly clamped: boolean;
  /** the values an element of an integer kind holds */
  readonly lo: number;
  readonly hi: number;
}

/**
 * A value type. `int` is an integer held in an i64 that is never -0 (JS's numbers are doubles;
 * an `int` is one whose value is integral). `intz` is an integer-valued expression that may be
 * -0 in JS (a product, a negation, a remainder): used where the sign of zero cannot be seen, and
 * recomputed in floating point where it can. `f32` is a Float32Array element before widening.
 * `never` is the result of a recursive call whose return type is not known yet (inference
 * then runs again with the type found). An `array` is a typed array of one kind.
 *
 * `key` is the type's stable identifier (`int`, `Float64Array`): dispatch keys, cache keys and
 * cached metadata hold it (`String(t)` and `JSON.stringify(t)` give it too).
 */
export type Type = ScalarType | ArrayType;

/** The kinds of the scalar types. */
export type ScalarKind = "f64" | "f32" | "int" | "intz" | "bool" | "void" | "never";

interface TypeBase {
  readonly key: string;
  /** the name in signatures (`f64`, `i64`, `f64[]`) */
  readonly text: string;
}
export interface ScalarType extends TypeBase {
  readonly kind: ScalarKind;
}
export interface ArrayType extends TypeBase {
  readonly kind: "array";
  readonly elem: ArrayKind;
}

const proto = {
  toString(this: TypeBase): string {
    return this.key;
  },
  toJSON(this: TypeBase): string {
    return this.key;
  },
};

function make<T extends Type>(fields: Omit<T, never>): T {
  return Object.freeze(Object.assign(Object.create(proto), fields)) as T;
}

const scalar = (kind: ScalarKind, text: string): ScalarType => make({ kind, key: kind, text });

export const F64: ScalarType = scalar("f64", "f64");
export const F32: ScalarType = scalar("f32", "f32");
export const INT: ScalarType = scalar("int", "i64");
export const INTZ: ScalarType = scalar("intz", "i64");
export const BOOL: ScalarType = scalar("bool", "bool");
export const VOID: ScalarType = scalar("void", "void");
export const NEVER: ScalarType = scalar("never", "never");

const kind = <N extends string>(
  name: N,
  short: string,
  ir: ArrayKind["ir"],
  bytes: number,
  signed: boolean,
  float = false,
  clamped = false,
): ArrayKind & { readonly name: N } => {
  const bits = bytes * 8;
  const lo = float ? -Infinity : signed ? -(2 ** (bits - 1)) : 0;
  const hi = float ? Infinity : signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
  return Object.freeze({ name, short, ir, bytes, signed, float, clamped, lo, hi });
};

/** Every typed-array kind tsjit accepts. */
export const ARRAY_KINDS = [
  kind("Float64Array", "f64[]", "double", 8, true, true),
  kind("Float32Array", "f32[]", "float", 4, true, true),
  kind("Int8Array", "i8[]", "i8", 1, true),
  kind("Int16Array", "i16[]", "i16", 2, true),
  kind("Int32Array", "i32[]", "i32", 4, true),
  kind("Uint8Array", "u8[]", "i8", 1, false),
  kind("Uint16Array", "u16[]", "i16", 2, false),
  kind("Uint32Array", "u32[]", "i32", 4, false),
  kind("Uint8ClampedArray", "u8c[]", "i8", 1, false, false, true),
] as const;

/** The constructor name of a typed-array kind tsjit accepts. */
export type ArrayKindName = typeof ARRAY_KINDS[number]["name"];

/** The typed-array classes tsjit accepts, by constructor name. */
export const ARRAY_TYPES: readonly ArrayKindName[] = ARRAY_KINDS.map((k) => k.name);

const ARRAYS = new Map<string, ArrayType>(
  ARRAY_KINDS.map((
    elem,
  ) => [elem.name, make({ kind: "array", key: elem.name, text: elem.short, elem })]),
);

/** The array type of kind `name` (a constructor name); undefined for other names. */
export function arrayType(name: string): ArrayType | undefined {
  return ARRAYS.get(name);
}

const BY_KEY = new Map<string, Type>(
  [F64, F32, INT, INTZ, BOOL, VOID, NEVER, ...ARRAYS.values()].map((t) => [t.key, t]),
);

/** The type whose `key` is `key` (from cached metadata); undefined if unknown. */
export function typeOfKey(key: string): Type | undefined {
  return BY_KEY.get(key);
}

/** True for the typed-array types. */
export function isArray(t: Type): t is ArrayType {
  return t.kind === "array";
}

/** True for the integer types held in an i64 (int, intz). */
export function isInt(t: Type | undefined): boolean {
  return t === INT || t === INTZ;
}

/** True for the float types (f64, f32). */
export function isFloat(t: Type | undefined): boolean {
  return t === F64 || t === F32;
}

/** True for the number types (int, intz, f32, f64). */
export function isNumeric(t: Type): boolean {
  return isInt(t) || isFloat(t);
}

/** The type an element read from an array of type `a` has. */
export function elementType(a: ArrayType): Type {
  return !a.elem.float ? INT : a.elem.bytes === 8 ? F64 : F32;
}

/** The name a type has in signatures (`f64`, `i64`, `f64[]`, `u8c[]`, ...). */
export function typeName(t: Type): string {
  return t.text;
}

/** Parses a name from `typeName` back into a type; undefined if unknown. */
export function parseTypeName(s: string): Type | undefined {
  const t = s.trim();
  if (t === "i32" || t === "i64" || t === "int") return INT;
  if (t === "number" || t === "float" || t === "f64") return F64;
  if (t === "boolean" || t === "bool") return BOOL;
  if (t === "f32") return F32;
  if (t === "void") return VOID;
  const k = ARRAY_KINDS.find((k) => k.short === t || k.name === t);
  return k && ARRAYS.get(k.name);
}

/**
 * Parses a signature, Numba style `"f64(f64[], i64)"` or as tsjit prints it
 * `"(f64[], i64) -> f64"`; throws a TypeError on an unknown type.
 */
export function parseSignature(text: string): { args: Type[]; returns?: Type } {
  const m = text.match(/^\s*([\w\[\]]*)\s*\(([^)]*)\)\s*(?:->\s*([\w\[\]]+))?\s*$/);
  if (!m) throw new TypeError(`cannot read the signature ${JSON.stringify(text)}`);
  const one = (s: string) => {
    const t = parseTypeName(s);
    if (!t) {
      throw new TypeError(
        `unknown type ${JSON.stringify(s.trim())} in signature ${JSON.stringify(text)}`,
      );
    }
    return t;
  };
  const args = m[2].trim() ? m[2].split(",").map(one) : [];
  const ret = m[1] || m[3];
  return { args, returns: ret ? one(ret) : undefined };
}

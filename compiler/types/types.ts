// The types tsjit compiles with, and how JS values map onto them.

/** Typed-array classes tsjit accepts, by constructor name. */
export const ARRAY_TYPES = [
  "Float64Array",
  "Float32Array",
  "Int8Array",
  "Int16Array",
  "Int32Array",
  "Uint8Array",
  "Uint16Array",
  "Uint32Array",
  "Uint8ClampedArray",
] as const;

/** One of the typed-array type names. */
export type ArrayType = typeof ARRAY_TYPES[number];

/**
 * A value type. `int` is an integer held in an i64 that is never -0 (JS's numbers are doubles;
 * an `int` is one whose value is integral). `intz` is an integer-valued expression that may be
 * -0 in JS (a product, a negation, a remainder): used where the sign of zero cannot be seen, and
 * recomputed in floating point where it can. `f32` is a Float32Array element before widening.
 * `never` is the result of a recursive call whose return type is not known yet (inference
 * then runs again with the type found).
 */
export type Type = "f64" | "f32" | "int" | "intz" | "bool" | "void" | "never" | ArrayType;

/** True for the typed-array types. */
export function isArray(t: Type): t is ArrayType {
  return t.endsWith("Array");
}

/** True for the number types (int, intz, f32, f64). */
export function isNumeric(t: Type): boolean {
  return t === "f64" || t === "f32" || t === "int" || t === "intz";
}

/** Element storage of each typed-array type: LLVM type, width in bytes, signedness. */
export const ELEMENT: Record<
  ArrayType,
  { ir: "double" | "float" | "i8" | "i16" | "i32"; bytes: number; signed: boolean; float: boolean }
> = {
  Float64Array: { ir: "double", bytes: 8, signed: true, float: true },
  Float32Array: { ir: "float", bytes: 4, signed: true, float: true },
  Int8Array: { ir: "i8", bytes: 1, signed: true, float: false },
  Int16Array: { ir: "i16", bytes: 2, signed: true, float: false },
  Int32Array: { ir: "i32", bytes: 4, signed: true, float: false },
  Uint8Array: { ir: "i8", bytes: 1, signed: false, float: false },
  Uint16Array: { ir: "i16", bytes: 2, signed: false, float: false },
  Uint32Array: { ir: "i32", bytes: 4, signed: false, float: false },
  Uint8ClampedArray: { ir: "i8", bytes: 1, signed: false, float: false },
};

/** The type an element read from an array of type `a` has. */
export function elementType(a: ArrayType): Type {
  if (a === "Float64Array") return "f64";
  if (a === "Float32Array") return "f32";
  return "int";
}

/** Short names used in signatures, as Numba prints them. */
const SHORT: Record<string, string> = {
  f64: "f64",
  f32: "f32",
  int: "i64",
  intz: "i64",
  bool: "bool",
  void: "void",
  Float64Array: "f64[]",
  Float32Array: "f32[]",
  Int8Array: "i8[]",
  Int16Array: "i16[]",
  Int32Array: "i32[]",
  Uint8Array: "u8[]",
  Uint16Array: "u16[]",
  Uint32Array: "u32[]",
  Uint8ClampedArray: "u8c[]",
};

/** The name a type has in signatures (`f64`, `i64`, `f64[]`, `u8c[]`, ...). */
export function typeName(t: Type): string {
  return SHORT[t] ?? t;
}

/** Parses a name from `typeName` back into a type; undefined if unknown. */
export function parseTypeName(s: string): Type | undefined {
  const t = s.trim();
  if (t === "i32" || t === "i64" || t === "int") return "int";
  for (const [k, v] of Object.entries(SHORT)) if (v === t && k !== "intz") return k as Type;
  if ((ARRAY_TYPES as readonly string[]).includes(t)) return t as Type;
  if (t === "number" || t === "float" || t === "f64") return "f64";
  if (t === "boolean") return "bool";
  return undefined;
}

/** The LLVM type that holds a scalar of type `t`. */
export function irType(t: Type): "double" | "float" | "i64" | "i1" | "void" | "ptr" {
  switch (t) {
    case "f64":
      return "double";
    case "f32":
      return "float";
    case "int":
    case "intz":
      return "i64";
    case "bool":
      return "i1";
    case "void":
      return "void";
    default:
      return "ptr";
  }
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

// The data model: how a value of each type is laid out in LLVM. A scalar is one value; an array
// is a `{ptr, len}` pair passed and stored as two parts (tuples and structs will add entries).
import { assertNever } from "../diagnostics.ts";
import type { IRType } from "../ir/mod.ts";
import type { Type } from "./types.ts";

/** One part of a value's layout: its LLVM type and the suffix of its IR names (`.data`). */
export interface Part {
  ir: IRType;
  suffix: string;
}

const ARRAY_PARTS: readonly Part[] = [{ ir: "ptr", suffix: ".data" }, {
  ir: "i64",
  suffix: ".len",
}];

/** The LLVM type that holds a scalar of type `t` (a pointer for an aggregate). */
export function irType(t: Type): "double" | "float" | "i64" | "i1" | "void" | "ptr" {
  switch (t.kind) {
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
    case "never":
    case "array":
      return "ptr";
    default:
      return assertNever(t);
  }
}

/** The parts a value of type `t` is passed and stored as, in order (none for void). */
export function partsOf(t: Type): readonly Part[] {
  if (t.kind === "array") return ARRAY_PARTS;
  if (t.kind === "void") return [];
  return [{ ir: irType(t), suffix: "" }];
}

// A jitted export that reads a module table by reference (through globals): `./tsjit aot` refuses
// it, since a library cannot keep this process's array.
import { jit } from "../mod.ts";

const TABLE = new Int32Array(256).map((_, i) => i * 3);

export const lookup = jit(function lookup(x: Int32Array) {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += TABLE[x[i] & 255];
  return s;
}, { signature: "f64(i32[])", globals: { TABLE } });

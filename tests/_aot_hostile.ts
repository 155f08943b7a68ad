// Built by aot_test.ts: a default export, an export named like the loader's own helpers, and
// Math.clz32 (lzcnt where the CPU has it, which the loader's CPU check must then cover).
import { jit } from "../mod.ts";

export default jit(function total(x: Float64Array) {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}, { signature: "f64(f64[])" });

export const failure = jit(function fill(x: Float64Array, v: number) {
  for (let i = 0; i < x.length; i++) x[i] = v;
}, { signature: ["void(f64[], f64)", "void(u8[], f64)"] });

export const clz = jit((n: number) => Math.clz32(n), { signature: "i64(i64)" });

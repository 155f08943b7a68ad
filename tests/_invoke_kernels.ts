// Built ahead of time by invoke_test.ts and also run by the JIT: the same functions, called with
// the same bad arguments, must fail with the same errors both ways.
import { jit } from "../mod.ts";

export const sum = jit(function sum(x: Float64Array) {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}, { signature: "f64(f64[])" });

export const fill = jit(function fill(x: Float64Array, v: number) {
  for (let i = 0; i < x.length; i++) x[i] = v;
}, { signature: ["void(f64[], f64)", "void(u8[], f64)"] });

export const at = jit(function at(x: Float64Array, i: number) {
  return x[i];
}, { signature: "f64(f64[], i64)" });

export const atFloat = jit(function atFloat(x: Float32Array, i: number) {
  return x[i];
}, { signature: "f64(f32[], f64)" });

function depth(n: number): number {
  return n === 0 ? 0 : 1 + depth(n - 1);
}
export const deep = jit(depth, { signature: "i64(i64)" });

export const pick = jit(function pick(flag: boolean, k: number) {
  return flag ? k : -k;
}, { signature: "f64(bool, f32)" });

export const copy = jit(function copy(a: Float64Array, b: Float64Array) {
  for (let i = 0; i < a.length; i++) b[i] = a[i];
}, { signature: ["void(f64[], f64[])", "void(u8[], u8[])"] });

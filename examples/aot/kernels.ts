// Kernels compiled ahead of time: each has a declared signature, so importing this module
// compiles them, and `./tsjit aot` links them into a library that needs no LLVM to run.
// Build: ./tsjit aot examples/aot/kernels.ts --out examples/aot/out
import { jit, prange } from "../../mod.ts";

export const dot = jit(function dot(x: Float64Array, y: Float64Array) {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}, { signature: "f64(f64[], f64[])" });

export const scale = jit(function scale(x: Float64Array, k: number) {
  for (let i = 0; i < x.length; i++) x[i] *= k;
}, { signature: "void(f64[], f64)" });

export const countAbove = jit(function countAbove(x: Float64Array, t: number) {
  let n = 0;
  for (const i of prange(x.length)) if (x[i] > t) n++;
  return n;
}, { signature: ["i64(f64[], f64)", "i64(f32[], f64)"] });

// Run in a fresh process by bench/core.ts: time of the first jitted call, compiler import
// included, then of a second, different function's first call.
const t0 = performance.now();
const { jit } = await import("../mod.ts");
const sum = jit((x: Float64Array, n: number) => {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  return s;
});
sum(new Float64Array(4), 4);
const t1 = performance.now();
const scale = jit((x: Float64Array, k: number) => {
  for (let i = 0; i < x.length; i++) x[i] = x[i] * k + 1;
});
scale(new Float64Array(4), 2);
const t2 = performance.now();
const dot = jit((x: Float64Array, y: Float64Array) => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
});
dot(new Float64Array(4), new Float64Array(4));
const t3 = performance.now();
console.log(JSON.stringify({ first: t1 - t0, second: t2 - t1, third: t3 - t2 }));

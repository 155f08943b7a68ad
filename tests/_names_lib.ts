// Plain functions jitted by a test module that imports them (names_search_test.ts): their free
// names resolve here, where they are defined.
export function fib(n: number): number {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
export function sq(x: number) {
  return x * x;
}
export function norm(a: Float64Array) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += sq(a[i]);
  return s;
}
export function cube(x: number) {
  return x * x * x;
}
export const cubes = (a: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += cube(a[i]);
  return s;
};

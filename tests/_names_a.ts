// One of two modules defining a function of the same text whose free name means different things
// here and in the other (names_search_test.ts).
export function inc(x: number) {
  return x + 1;
}
export function twin(x: number) {
  return inc(x) * 10;
}

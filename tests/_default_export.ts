export default function (a: number): number {
  return a * 2 - 1;
}

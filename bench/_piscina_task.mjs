// piscina task for bench/region.ts: the same trivial work as the jitted region's chunk.
export default function ({ a, i }) {
  a[i] += 1;
  return 0;
}

// Uses the ahead-of-time library built from kernels.ts. Needs only --allow-ffi (and --allow-read
// for the library): no LLVM, no TypeScript compiler, no tsjit compiler modules.
// Run: ./tsjit aot examples/aot/kernels.ts --out examples/aot/out
//      ./tsjit deno run --allow-ffi --allow-read examples/aot/use.ts
import { countAbove, dot, scale } from "./out/mod.ts";

const x = new Float64Array([1, 2, 3, 4]);
const y = new Float64Array([4, 3, 2, 1]);
console.log("dot", dot(x, y));
scale(x, 0.5);
console.log("scaled", Array.from(x).join(" "));
console.log("above 1", countAbove(x, 1), countAbove(new Float32Array([0.5, 2, 3]), 1));
try {
  dot(x, new Float64Array(2));
} catch (e) {
  console.log((e as Error).message.split("\n")[0]);
}

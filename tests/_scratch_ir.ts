import * as m from "../bench/integers.ts";
import { jit } from "../mod.ts";
const u = new Uint8Array(1000).fill(7);
const f = jit((m as any)[Deno.args[0]]);
if (Deno.args[0] === "adler32") f(1, u, u.length, 0);
else f(u);
console.log(f.inspectLLVM());

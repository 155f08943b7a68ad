// Prints the CPU features LLVM compiles for on this host ("+a,-b,...,"), for aot_test.ts.
import { hostTarget } from "../compiler/llvm/mod.ts";
console.log(hostTarget().features + ",");

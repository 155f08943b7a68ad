// The optimization pipeline: the new pass manager at O3 for the host CPU, vectorizers on.
import { check, cstr, llvm } from "./_ffi.ts";
import type { ModuleRef } from "./module.ts";
import { createTargetMachine } from "./target.ts";

let passTM: Deno.PointerValue | undefined;
let options: Deno.PointerValue | undefined;

/** Runs `default<O3>` (or `level`) over the module, tuned for the host CPU and its features. */
export function optimizeModule(m: ModuleRef, level = "default<O3>"): void {
  const L = llvm().lib.symbols;
  passTM ??= createTargetMachine();
  if (!options) {
    options = L.LLVMCreatePassBuilderOptions();
    L.LLVMPassBuilderOptionsSetLoopVectorization(options, 1);
    L.LLVMPassBuilderOptionsSetSLPVectorization(options, 1);
    L.LLVMPassBuilderOptionsSetLoopUnrolling(options, 1);
  }
  check(L.LLVMRunPasses(m.ptr, cstr(level), passTM, options), "passes");
}

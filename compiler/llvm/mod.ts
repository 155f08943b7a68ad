/**
 * tsjit's binding to libLLVM's C API, in the manner of llvmlite.binding: target, module, passes
 * and JIT are separate modules; this is the only part of tsjit that calls into libLLVM.
 *
 * @module
 */
export { llvm } from "./_ffi.ts";
export { type HostTarget, hostTarget } from "./target.ts";
export {
  disposeModule,
  emitAssembly,
  emitObject,
  type ModuleRef,
  printModule,
  verifyModule,
} from "./module.ts";
export { optimizeModule } from "./passes.ts";
export { addModule, type CodeRef, lookup, parseForJit, removeCode } from "./jit.ts";

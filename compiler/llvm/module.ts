// LLVM modules: parsing IR text into a context, verifying, printing and emitting assembly.
import { cstr, llvm, OutPtr, takeMessage } from "./_ffi.ts";
import { createTargetMachine, hostTarget } from "./target.ts";

/** An LLVM module owned by the caller until handed to the JIT. */
export interface ModuleRef {
  readonly ptr: Deno.PointerValue;
  /** the module's own thread-safe context, when it has one (parsed for the JIT) */
  readonly tsc?: Deno.PointerValue;
}

/** Parses textual IR into `context`; throws with LLVM's diagnostic on a syntax error. */
export function parseIR(context: Deno.PointerValue, text: string, name: string): ModuleRef {
  const L = llvm().lib.symbols;
  const bytes = cstr(text);
  const buf = L.LLVMCreateMemoryBufferWithMemoryRangeCopy(
    bytes,
    BigInt(bytes.length - 1),
    cstr(name),
  );
  const mod = new OutPtr();
  const err = new OutPtr();
  // LLVMParseIRInContext takes ownership of the memory buffer.
  if (L.LLVMParseIRInContext(context, buf, mod.buf, err.buf)) {
    throw new Error(`LLVM IR parse error: ${takeMessage(err.value)}`);
  }
  const h = hostTarget();
  L.LLVMSetTarget(mod.value, cstr(h.triple));
  L.LLVMSetDataLayout(mod.value, cstr(h.dataLayout));
  return { ptr: mod.value };
}

/** Throws with LLVM's verifier report if the module is malformed. */
export function verifyModule(m: ModuleRef): void {
  const msg = new OutPtr();
  // LLVMReturnStatusAction = 2
  const bad = llvm().lib.symbols.LLVMVerifyModule(m.ptr, 2, msg.buf);
  const text = takeMessage(msg.value);
  if (bad) throw new Error(`LLVM verifier: ${text}`);
}

/** The module as IR text. */
export function printModule(m: ModuleRef): string {
  return takeMessage(llvm().lib.symbols.LLVMPrintModuleToString(m.ptr));
}

/** Frees a module the caller still owns (and its own context). */
export function disposeModule(m: ModuleRef): void {
  const L = llvm().lib.symbols;
  L.LLVMDisposeModule(m.ptr);
  if (m.tsc) L.LLVMOrcDisposeThreadSafeContext(m.tsc);
}

/** Host assembly for a module (runs the code generator; the module is not consumed). */
export function emitAssembly(m: ModuleRef): string {
  return new TextDecoder().decode(emit(m, 0, createTargetMachine()));
}

/**
 * A position-independent ELF object for the module (for a shared library: the compile cache
 * and ahead-of-time builds), for the host's CPU features or for `features` (LLVM's "+a,-b"
 * spelling: ahead-of-time builds leave out those their loader cannot test). The module is not
 * consumed.
 */
export function emitObject(m: ModuleRef, features?: string): Uint8Array {
  const h = hostTarget() as Parameters<typeof createTargetMachine>[0];
  return emit(m, 1, createTargetMachine(features === undefined ? h : { ...h!, features }, true));
}

/** Runs the code generator with `tm` (then freed): 0 = assembly, 1 = object file. */
function emit(m: ModuleRef, kind: 0 | 1, tm: Deno.PointerValue): Uint8Array {
  const L = llvm().lib.symbols;
  const err = new OutPtr();
  const out = new OutPtr();
  const failed = L.LLVMTargetMachineEmitToMemoryBuffer(tm, m.ptr, kind, err.buf, out.buf);
  L.LLVMDisposeTargetMachine(tm);
  if (failed) throw new Error(`LLVM codegen: ${takeMessage(err.value)}`);
  const start = L.LLVMGetBufferStart(out.value);
  const size = Number(L.LLVMGetBufferSize(out.value));
  const bytes = new Uint8Array(Deno.UnsafePointerView.getArrayBuffer(start!, size)).slice();
  L.LLVMDisposeMemoryBuffer(out.value);
  return bytes;
}

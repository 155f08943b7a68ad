// The libLLVM C API symbols tsjit uses, opened once. Nothing outside compiler/llvm/ touches FFI
// to libLLVM; this file is the single place that names C symbols.

import { env, permissionError } from "../host.ts";
import { llvmCandidates } from "./locate.ts";

const P = "pointer" as const;
const B = "buffer" as const;

const symbols = {
  LLVMContextDispose: { parameters: [P], result: "void" },
  LLVMCreateMemoryBufferWithMemoryRangeCopy: { parameters: [B, "usize", B], result: P },
  LLVMParseIRInContext: { parameters: [P, P, B, B], result: "i32" },
  LLVMVerifyModule: { parameters: [P, "i32", B], result: "i32" },
  LLVMDisposeModule: { parameters: [P], result: "void" },
  LLVMPrintModuleToString: { parameters: [P], result: P },
  LLVMDisposeMessage: { parameters: [P], result: "void" },
  LLVMSetTarget: { parameters: [P, B], result: "void" },
  LLVMSetDataLayout: { parameters: [P, B], result: "void" },
  LLVMGetDefaultTargetTriple: { parameters: [], result: P },
  LLVMGetHostCPUName: { parameters: [], result: P },
  LLVMGetHostCPUFeatures: { parameters: [], result: P },
  LLVMGetTargetFromTriple: { parameters: [B, B, B], result: "i32" },
  LLVMCreateTargetMachine: {
    parameters: [P, B, B, B, "i32", "i32", "i32"],
    result: P,
  },
  LLVMCreateTargetDataLayout: { parameters: [P], result: P },
  LLVMDisposeTargetMachine: { parameters: [P], result: "void" },
  LLVMCopyStringRepOfTargetData: { parameters: [P], result: P },
  LLVMTargetMachineEmitToMemoryBuffer: { parameters: [P, P, "i32", B, B], result: "i32" },
  LLVMGetBufferStart: { parameters: [P], result: P },
  LLVMGetBufferSize: { parameters: [P], result: "usize" },
  LLVMDisposeMemoryBuffer: { parameters: [P], result: "void" },
  LLVMCreatePassBuilderOptions: { parameters: [], result: P },
  LLVMPassBuilderOptionsSetLoopVectorization: { parameters: [P, "i32"], result: "void" },
  LLVMPassBuilderOptionsSetSLPVectorization: { parameters: [P, "i32"], result: "void" },
  LLVMPassBuilderOptionsSetLoopUnrolling: { parameters: [P, "i32"], result: "void" },
  LLVMRunPasses: { parameters: [P, B, P, P], result: P },
  LLVMGetErrorMessage: { parameters: [P], result: P },
  LLVMDisposeErrorMessage: { parameters: [P], result: "void" },
  LLVMOrcCreateLLJITBuilder: { parameters: [], result: P },
  LLVMOrcJITTargetMachineBuilderCreateFromTargetMachine: { parameters: [P], result: P },
  LLVMOrcLLJITBuilderSetJITTargetMachineBuilder: { parameters: [P, P], result: "void" },
  LLVMOrcCreateLLJIT: { parameters: [B, P], result: P },
  LLVMOrcCreateNewThreadSafeContext: { parameters: [], result: P },
  LLVMOrcThreadSafeContextGetContext: { parameters: [P], result: P },
  LLVMOrcDisposeThreadSafeContext: { parameters: [P], result: "void" },
  LLVMOrcCreateNewThreadSafeModule: { parameters: [P, P], result: P },
  LLVMOrcLLJITGetMainJITDylib: { parameters: [P], result: P },
  LLVMOrcLLJITGetGlobalPrefix: { parameters: [P], result: "i8" },
  LLVMOrcJITDylibCreateResourceTracker: { parameters: [P], result: P },
  LLVMOrcLLJITAddLLVMIRModuleWithRT: { parameters: [P, P, P], result: P },
  LLVMOrcResourceTrackerRemove: { parameters: [P], result: P },
  LLVMOrcReleaseResourceTracker: { parameters: [P], result: "void" },
  LLVMOrcLLJITLookup: { parameters: [P, B, B], result: P },
  LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess: {
    parameters: [B, "i8", P, P],
    result: P,
  },
  LLVMOrcJITDylibAddGenerator: { parameters: [P, P], result: "void" },
} as const;

/** Per-architecture target initializers (LLVMInitializeNativeTarget is a header macro). */
const targetInit = (arch: string) => ({
  [`LLVMInitialize${arch}TargetInfo`]: { parameters: [], result: "void" },
  [`LLVMInitialize${arch}Target`]: { parameters: [], result: "void" },
  [`LLVMInitialize${arch}TargetMC`]: { parameters: [], result: "void" },
  [`LLVMInitialize${arch}AsmPrinter`]: { parameters: [], result: "void" },
  [`LLVMInitialize${arch}AsmParser`]: { parameters: [], result: "void" },
} as const);

/** Architecture name as LLVM spells it in its initializer symbols. */
export const LLVM_ARCH = Deno.build.arch === "aarch64" ? "AArch64" : "X86";

function open() {
  const override = env("TSJIT_LLVM_LIB");
  const paths = llvmCandidates();
  const errors: string[] = [];
  for (const path of paths) {
    try {
      const lib = Deno.dlopen(path, { ...symbols, ...targetInit(LLVM_ARCH) });
      return { lib, path };
    } catch (e) {
      const p = permissionError(e, "to open libLLVM");
      if (p !== e) throw p;
      errors.push(`${path}: ${(e as Error).message.split("\n")[0]}`);
    }
  }
  throw new Error(
    `tsjit: no usable libLLVM (15 to 19) was found${override ? " at TSJIT_LLVM_LIB" : ""}.\n` +
      `Install one (Debian: apt-get install libllvm15) or set TSJIT_LLVM_LIB.\n  ` +
      errors.slice(0, 3).join("\n  "),
  );
}

let opened: ReturnType<typeof open> | undefined;

/** The opened libLLVM: its symbols and the path it came from. Opened on first use. */
export function llvm() {
  return (opened ??= open());
}

const enc = new TextEncoder();

/** A NUL-terminated C string for a `buffer` parameter. */
export function cstr(s: string): Uint8Array<ArrayBuffer> {
  return enc.encode(s + "\0") as Uint8Array<ArrayBuffer>;
}

/** Reads a C string owned by LLVM (not freed). */
export function readCString(p: Deno.PointerValue): string {
  return p ? Deno.UnsafePointerView.getCString(p) : "";
}

/** Reads and disposes a string LLVM allocated with its message allocator. */
export function takeMessage(p: Deno.PointerValue): string {
  const s = readCString(p);
  if (p) llvm().lib.symbols.LLVMDisposeMessage(p);
  return s;
}

/** A one-pointer out-parameter cell. */
export class OutPtr {
  readonly cell = new BigUint64Array(1);
  get buf(): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.cell.buffer);
  }
  get value(): Deno.PointerValue {
    return Deno.UnsafePointer.create(this.cell[0]);
  }
  get address(): bigint {
    return this.cell[0];
  }
}

/** Throws if an LLVMErrorRef is set, with its message. */
export function check(err: Deno.PointerValue, what: string): void {
  if (!err) return;
  const S = llvm().lib.symbols;
  const msgPtr = S.LLVMGetErrorMessage(err);
  const msg = readCString(msgPtr);
  S.LLVMDisposeErrorMessage(msgPtr);
  throw new Error(`LLVM ${what}: ${msg}`);
}

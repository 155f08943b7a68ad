// The host target: triple, CPU name and features, and target machines for it.
import { cstr, llvm, LLVM_ARCH, OutPtr, takeMessage } from "./_ffi.ts";

/** What the host is, as LLVM names it. */
export interface HostTarget {
  triple: string;
  cpu: string;
  features: string;
  /** The data layout string of a target machine for the host. */
  dataLayout: string;
}

let host: (HostTarget & { target: Deno.PointerValue }) | undefined;

/** Initializes LLVM's native target once and describes the host. */
export function hostTarget(): HostTarget {
  if (host) return host;
  const S = llvm().lib.symbols as unknown as Record<string, () => void>;
  for (const part of ["TargetInfo", "Target", "TargetMC", "AsmPrinter", "AsmParser"]) {
    S[`LLVMInitialize${LLVM_ARCH}${part}`]();
  }
  const L = llvm().lib.symbols;
  const triple = takeMessage(L.LLVMGetDefaultTargetTriple());
  const cpu = takeMessage(L.LLVMGetHostCPUName());
  const features = takeMessage(L.LLVMGetHostCPUFeatures());
  const t = new OutPtr();
  const err = new OutPtr();
  if (L.LLVMGetTargetFromTriple(cstr(triple), t.buf, err.buf)) {
    throw new Error(`LLVM target for ${triple}: ${takeMessage(err.value)}`);
  }
  const partial = { triple, cpu, features, dataLayout: "", target: t.value };
  const tm = createTargetMachine(partial);
  const td = L.LLVMCreateTargetDataLayout(tm);
  partial.dataLayout = takeMessage(L.LLVMCopyStringRepOfTargetData(td));
  host = partial;
  return host;
}

/** A new target machine for the host at the highest optimization level (caller owns it). */
export function createTargetMachine(
  h: HostTarget & { target: Deno.PointerValue } = hostTarget() as typeof host & HostTarget,
  pic = false,
): Deno.PointerValue {
  const L = llvm().lib.symbols;
  // LLVMCodeGenLevelAggressive = 3; LLVMRelocDefault = 0, LLVMRelocPIC = 2;
  // LLVMCodeModelJITDefault = 1, LLVMCodeModelDefault = 0
  const tm = L.LLVMCreateTargetMachine(
    h.target,
    cstr(h.triple),
    cstr(h.cpu),
    cstr(h.features),
    3,
    pic ? 2 : 0,
    pic ? 0 : 1,
  );
  if (!tm) throw new Error(`LLVM: cannot create a target machine for ${h.triple}`);
  return tm;
}

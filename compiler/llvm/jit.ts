// The in-process JIT: one ORC LLJIT per process, with the process's own symbols (libm) visible.
import { check, cstr, llvm, OutPtr } from "./_ffi.ts";
import { type ModuleRef, parseIR } from "./module.ts";
import { createTargetMachine } from "./target.ts";

interface Jit {
  jit: Deno.PointerValue;
  dylib: Deno.PointerValue;
  tsc: Deno.PointerValue;
  context: Deno.PointerValue;
}

let state: Jit | undefined;

function create(): Jit {
  const L = llvm().lib.symbols;
  const builder = L.LLVMOrcCreateLLJITBuilder();
  // The builder takes ownership of the JIT target machine builder, which owns the machine.
  L.LLVMOrcLLJITBuilderSetJITTargetMachineBuilder(
    builder,
    L.LLVMOrcJITTargetMachineBuilderCreateFromTargetMachine(createTargetMachine()),
  );
  const out = new OutPtr();
  check(L.LLVMOrcCreateLLJIT(out.buf, builder), "LLJIT creation");
  const jit = out.value;
  const dylib = L.LLVMOrcLLJITGetMainJITDylib(jit);
  const gen = new OutPtr();
  check(
    L.LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess(
      gen.buf,
      L.LLVMOrcLLJITGetGlobalPrefix(jit),
      null,
      null,
    ),
    "process symbol generator",
  );
  L.LLVMOrcJITDylibAddGenerator(dylib, gen.value);
  const tsc = L.LLVMOrcCreateNewThreadSafeContext();
  return { jit, dylib, tsc, context: L.LLVMOrcThreadSafeContextGetContext(tsc) };
}

function jitState(): Jit {
  return (state ??= create());
}

/** Parses IR text into the JIT's context (the module can then be optimized and added). */
export function parseForJit(text: string, name: string): ModuleRef {
  return parseIR(jitState().context, text, name);
}

/** Hands a module to the JIT (which takes ownership); its symbols become available to lookup. */
export function addModule(m: ModuleRef): void {
  const L = llvm().lib.symbols;
  const s = jitState();
  const tsm = L.LLVMOrcCreateNewThreadSafeModule(m.ptr, s.tsc);
  check(L.LLVMOrcLLJITAddLLVMIRModule(s.jit, s.dylib, tsm), "adding a module");
}

/** The address of a JIT-compiled symbol; compiles its module on first lookup. */
export function lookup(name: string): bigint {
  const out = new OutPtr();
  check(llvm().lib.symbols.LLVMOrcLLJITLookup(jitState().jit, out.buf, cstr(name)), "lookup");
  return out.address;
}

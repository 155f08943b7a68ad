// The in-process JIT: one ORC LLJIT per process, with the process's own symbols (libm) visible.
import { check, cstr, llvm, OutPtr } from "./_ffi.ts";
import { type ModuleRef, parseIR } from "./module.ts";
import { createTargetMachine } from "./target.ts";

interface Jit {
  jit: Deno.PointerValue;
  dylib: Deno.PointerValue;
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
  return { jit, dylib };
}

function jitState(): Jit {
  return (state ??= create());
}

/**
 * Parses IR text into a context of its own (the module can then be optimized and added). One
 * context per module: types, constants and metadata interned in a context are freed only with
 * it, so a shared one would grow with every module ever compiled, freed or not.
 */
export function parseForJit(text: string, name: string): ModuleRef {
  const L = llvm().lib.symbols;
  const tsc = L.LLVMOrcCreateNewThreadSafeContext();
  try {
    return { ...parseIR(L.LLVMOrcThreadSafeContextGetContext(tsc), text, name), tsc };
  } catch (e) {
    L.LLVMOrcDisposeThreadSafeContext(tsc);
    throw e;
  }
}

/** A module's code in the JIT: its resource tracker, which frees it (removeCode). */
export type CodeRef = { tracker: Deno.PointerValue };

/**
 * Hands a module to the JIT (which takes ownership); its symbols become available to lookup.
 * The module gets a resource tracker of its own, so that its code can be freed on its own: tsjit's
 * modules are self-contained (a specialization and every function it calls, as internal
 * functions), so no other module's code refers to it.
 */
export function addModule(m: ModuleRef): CodeRef {
  const L = llvm().lib.symbols;
  const s = jitState();
  const tracker = L.LLVMOrcJITDylibCreateResourceTracker(s.dylib);
  // the module keeps its context alive; this handle on it is no longer needed
  const tsm = L.LLVMOrcCreateNewThreadSafeModule(m.ptr, m.tsc!);
  L.LLVMOrcDisposeThreadSafeContext(m.tsc!);
  try {
    check(L.LLVMOrcLLJITAddLLVMIRModuleWithRT(s.jit, tracker, tsm), "adding a module");
  } catch (e) {
    L.LLVMOrcReleaseResourceTracker(tracker);
    throw e;
  }
  return { tracker };
}

/** Frees a module's code and symbols; nothing may call into it any more. */
export function removeCode(code: CodeRef): void {
  const L = llvm().lib.symbols;
  check(L.LLVMOrcResourceTrackerRemove(code.tracker), "removing a module");
  L.LLVMOrcReleaseResourceTracker(code.tracker);
}

/** The address of a JIT-compiled symbol; compiles its module on first lookup. */
export function lookup(name: string): bigint {
  const out = new OutPtr();
  check(llvm().lib.symbols.LLVMOrcLLJITLookup(jitState().jit, out.buf, cstr(name)), "lookup");
  return out.address;
}

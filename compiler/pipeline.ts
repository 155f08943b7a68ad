// One specialization from syntax tree to machine code: infer, lower, verify, optimize, JIT.
import type { CompilableFunction } from "./frontend/ast.ts";
import { asCompileError, CompileError } from "./diagnostics.ts";
import { isEnvironmentError } from "./host.ts";
import * as llvm from "./llvm/mod.ts";
import type { ErrorSite } from "./lower/lower.ts";
import { lowerProgram } from "./lower/program.ts";
import type { TypedFunction } from "./types/infer.ts";
import { inferProgram } from "./types/session.ts";
import { makeEntryLibraryGlobal } from "./runtime/entry.ts";
import { isArray, type Type, typeName } from "./types/types.ts";

/** A compiled specialization: where its entry is and what is known about it. */
export interface Specialization {
  argTypes: Type[];
  returnType: Type;
  /** address of the entry wrapper (double entry(ptr arrays..., ptr ctx)) in the JIT */
  address: bigint;
  /** the entry wrapper's symbol */
  entrySymbol: string;
  sites: ErrorSite[];
  /** starts parallel regions (the pool must be running) */
  parallel: boolean;
  /** calls the entry library (tsjit_parallel, tsjit_stack_limit): it must be made global */
  runtime: boolean;
  /** every variable's type, as text (inspectTypes) */
  typesText: string;
  /** the functions compiled into the module, root first (absent when loaded from the cache) */
  program?: TypedFunction[];
  /** what each prange loop became (absent when loaded from the cache) */
  parallelReport?: string[];
  /** the mid-level IR after its passes, as text (absent when loaded from the cache) */
  mirText?: string;
  /** IR after the O3 pipeline */
  optimizedIR: string;
  /** milliseconds spent: inference + lowering, LLVM optimization, machine code */
  timings: { front: number; optimize: number; codegen: number };
  /** the entry as a dlopen'd symbol, when it comes from a shared library (the cache) */
  call?: (...args: BufferSource[]) => number;
  /** frees the machine code; called once nothing can call it (its context block is collected) */
  release?: () => void;
}

let counter = 0;

/**
 * Compiles one tuple of argument types of a jitted function (and what it calls). Every failure
 * is a CompileError (diagnostics.ts: asCompileError).
 */
export function compileSpecialization(fn: CompilableFunction, argTypes: Type[]): Specialization {
  try {
    return compile(fn, argTypes);
  } catch (e) {
    if (e instanceof CompileError || isEnvironmentError(e)) throw e;
    const p = fn.parsed(); // parsed already: compile() starts with it
    throw asCompileError(e, p.src, p.ast.range);
  }
}

function compile(fn: CompilableFunction, argTypes: Type[]): Specialization {
  const t0 = performance.now();
  const { root: typed, all } = inferProgram(fn, argTypes);
  const symbol = `tsjit${counter++}.${(typed.ast.name || "anonymous").replace(/[^\w$]/g, "_")}`;
  const lowered = lowerProgram(typed, all, symbol);
  const t1 = performance.now();
  const mod = llvm.parseForJit(lowered.ir, symbol);
  try {
    llvm.verifyModule(mod);
    llvm.optimizeModule(mod);
  } catch (e) {
    llvm.disposeModule(mod);
    throw e;
  }
  const optimizedIR = llvm.printModule(mod);
  const t2 = performance.now();
  if (lowered.runtime) makeEntryLibraryGlobal(); // compiled code calls tsjit_parallel, ...
  const code = llvm.addModule(mod);
  const address = llvm.lookup(lowered.entryName);
  const t3 = performance.now();
  return {
    argTypes,
    returnType: typed.returnType,
    address,
    entrySymbol: lowered.entryName,
    sites: lowered.sites,
    parallel: lowered.parallel,
    runtime: lowered.runtime,
    parallelReport: lowered.parallelReport,
    mirText: lowered.mirText,
    typesText: typesReport(typed, argTypes),
    program: [typed, ...all.filter((f) => f !== typed)],
    optimizedIR,
    timings: { front: t1 - t0, optimize: t2 - t1, codegen: t3 - t2 },
    release: () => llvm.removeCode(code),
  };
}

/** Runs the code generator over a specialization's optimized IR (parsed anew, then freed). */
function fromOptimizedIR<T>(spec: Specialization, emit: (m: llvm.ModuleRef) => T): T {
  const mod = llvm.parseForJit(spec.optimizedIR, "codegen");
  try {
    return emit(mod);
  } finally {
    llvm.disposeModule(mod);
  }
}

/** Machine code for a specialization, as assembly text. */
export function assemblyOf(spec: Specialization): string {
  return fromOptimizedIR(spec, llvm.emitAssembly);
}

/** A position-independent object file of a specialization's optimized module. */
export function objectOf(spec: Specialization, features?: string): Uint8Array {
  return fromOptimizedIR(spec, (m) => llvm.emitObject(m, features));
}

/** `(f64[], i64) -> f64` */
export function signatureText(argTypes: Type[], returnType: Type): string {
  return `(${argTypes.map(typeName).join(", ")}) -> ${typeName(returnType)}`;
}

/** A listing of every variable's type in a specialization. */
function typesReport(t: TypedFunction, argTypes: Type[]): string {
  const lines = [`${t.ast.name || "<anonymous>"} ${signatureText(argTypes, t.returnType)}`];
  for (const v of t.resolved.variables) {
    const ty = t.varTypes.get(v)!;
    const kind = v.kind === "param" ? "parameter" : v.kind;
    lines.push(`  ${v.name}: ${typeName(ty)}${isArray(ty) ? ` (${ty.elem.name})` : ""}  [${kind}]`);
  }
  // narrower tiers (types/tiers.ts): the variables typed differently there
  for (const tier of t.tiers ?? []) {
    lines.push(`  with integer arguments in [${tier.args.lo}, ${tier.args.hi}]:`);
    for (const v of t.resolved.variables) {
      const ty = tier.tf.varTypes.get(v)!;
      if (ty !== t.varTypes.get(v)) lines.push(`    ${v.name}: ${typeName(ty)}`);
    }
  }
  return lines.join("\n");
}

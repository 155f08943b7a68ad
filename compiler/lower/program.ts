// Lowering a whole program: each specialization (and its size tiers) an internal function of one
// module, the entry wrapper, and the IR text with the JS-semantics helpers it calls.
import { IRModule } from "../ir/mod.ts";
import type { TypedFunction } from "../types/infer.ts";
import { type ErrorSite, FunctionLowering } from "./lower.ts";
import { JSOPS_DECLS, JSOPS_IR } from "./_jsops.ts";
import { recursiveKeys } from "./_stack.ts";
import { emitEntry, FAIL_IR } from "./_entry.ts";
import { calleeKeys, emitTierDispatch, tierSymbol } from "./_tiers.ts";
import { needsPool } from "./_parallel.ts";
import { parallelReport } from "./_pardiag.ts";
import { compileMIR } from "../mir/passes.ts";
import { printFunction } from "../mir/print.ts";

/** The result of lowering one specialization. */
export interface LoweredModule {
  ir: string;
  entryName: string;
  sites: ErrorSite[];
  /** true when the function starts parallel regions (its entry then calls back into JS) */
  parallel: boolean;
  /** what each prange loop became (f.parallelDiagnostics()) */
  parallelReport: string[];
  /** true when compiled code calls the entry library (parallel regions, the stack limit) */
  runtime: boolean;
  /** the IR (mir/) of every function in the module after the passes, as text (f.inspectIR()) */
  mirText: string;
}

/**
 * Lowers one specialization and every jitted function it calls (`all`, from inferProgram) to a
 * module of internal functions, plus an entry wrapper for the root that the trampolines call:
 * `double entry(ptr array0, ..., ptr ctx)`.
 */
export function lowerProgram(
  root: TypedFunction,
  all: TypedFunction[],
  prefix: string,
): LoweredModule {
  const mod = new IRModule();
  const sites: ErrorSite[] = [];
  const program = new Map<string, { tf: TypedFunction; symbol: string }>();
  all.forEach((f, i) => {
    const name = (f.ast.name || "anonymous").replace(/[^\w$]/g, "_");
    program.set(f.key, { tf: f, symbol: f === root ? prefix : `${prefix}.${i}.${name}` });
  });
  const recursive = recursiveKeys(all);
  const texts: string[] = [];
  for (const { tf: f, symbol } of program.values()) {
    const lower = (t: TypedFunction, name: string, tier?: string) => {
      const mir = compileMIR(t, f.fn.options);
      texts.push(printFunction(mir, tier));
      new FunctionLowering(t, mod, name, sites, { ...f.fn.options, program, recursive }).lower(mir);
    };
    if (!f.tiers?.length) lower(f, symbol);
    else {
      f.tiers.forEach((t, k) => {
        lower(t.tf, tierSymbol(symbol, k), `integer arguments in [${t.args.lo}, ${t.args.hi}]`);
      });
      lower(f, tierSymbol(symbol, f.tiers.length));
      const fromJsOnly = f === root && !f.fn.options.declared &&
        !all.some((g) => calleeKeys(g).includes(f.key));
      emitTierDispatch(mod, f, symbol, fromJsOnly);
    }
  }
  const entryName = emitEntry(mod, root, prefix, recursive.size > 0);
  const parallel = mod.functions.some((f) => f.name.includes(".prange")) || needsPool(mod);
  const ir = JSOPS_DECLS + mod.render() + JSOPS_IR + FAIL_IR;
  return {
    ir,
    entryName,
    sites,
    parallel,
    parallelReport: parallelReport(mod),
    runtime: parallel || recursive.size > 0,
    mirText: texts.join("\n\n"),
  };
}

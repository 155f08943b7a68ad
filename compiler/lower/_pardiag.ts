// f.parallelDiagnostics(): what the compiler did with each prange loop, as readable text
// (Numba's parallel_diagnostics): parallel or serial and why, reductions and how they combine,
// private and last-value variables, what was hoisted, what TSJIT_RACECHECK watches.
import { eachStmt } from "../frontend/walk.ts";
import type { Stmt } from "../frontend/ast.ts";
import type { IRModule } from "../ir/mod.ts";
import { findCountedLoop } from "../mir/loops.ts";
import { opText, type PrangeInfo, whereIs } from "../mir/prange.ts";
import type { FunctionLowering } from "./lower.ts";

const reports = new WeakMap<IRModule, string[]>();

/** Records the description of one loop of the module being lowered. */
export function noteLoop(L: FunctionLowering, text: string): void {
  const list = reports.get(L.mod) ?? [];
  list.push(text);
  reports.set(L.mod, list);
}

/** Every loop description recorded for `mod`, in source order per function. */
export function parallelReport(mod: IRModule): string[] {
  return reports.get(mod) ?? [];
}

const COMBINE: Record<string, string> = {
  "+": "summed",
  "*": "multiplied",
  min: "combined with Math.min",
  max: "combined with Math.max",
};

/** The description of one prange loop. */
export function describeLoop(
  L: FunctionLowering,
  s: Stmt & { kind: "forOf" },
  info: PrangeInfo,
): string {
  const src = L.tf.src;
  const at = (r: { start: number; end: number }) => whereIs(src, r);
  const fn = src.fnName || "<anonymous>";
  const v = s.decl.name;
  const lines = [
    `prange loop over '${v}' in ${fn} at ${at(s.range)}: parallel. ${
      info.arrayReductions.length
        ? "Iterations are split into contiguous chunks that the threads claim as they finish " +
          "the previous one: four per thread, or of setChunkSize(n) iterations, but fewer " +
          "(down to a single one) where the array reductions' private copies would cost more " +
          "than the iterations"
        : "Iterations are split into contiguous chunks that the threads claim as they finish " +
          "the previous one: four per thread, or of setChunkSize(n) iterations"
    }; with one thread, or nested in another prange, it runs serially.`,
  ];
  for (const r of info.reductions) {
    lines.push(
      `  reduction '${r.variable.name}' (${opText(r.op)}): each chunk keeps a partial, the ` +
        `first starting from the value before the loop; partials are ${
          COMBINE[r.op]
        } in chunk order.`,
    );
  }
  for (const r of info.arrayReductions) {
    lines.push(
      `  array reduction '${r.variable.name}' (${opText(r.op)}): the first chunk updates ` +
        `'${r.variable.name}' itself, each other chunk a private copy filled with the identity; ` +
        `the copies are ${COMBINE[r.op]} into '${r.variable.name}' element by element in chunk ` +
        `order, then freed.`,
    );
  }
  for (const x of info.lastValues) {
    lines.push(
      `  private '${x.name}': written before it is read in each iteration; after the loop it ` +
        `holds the value of the last iteration that wrote it, as in a serial loop.`,
    );
  }
  const captured = info.captured.filter((c) =>
    !info.reductions.some((r) => r.variable === c) &&
    !info.arrayReductions.some((r) => r.variable === c) && !info.lastValues.includes(c)
  );
  if (captured.length) {
    lines.push(
      `  hoisted: ${
        captured.map((c) => `'${c.name}'`).join(", ")
      } read once before the loop and passed to every chunk by value (arrays as data and length).`,
    );
  }
  const counted = findCountedLoop(
    { kind: "forOf", variable: s.decl.variable!, body: s.body },
    L.tf,
  );
  if (counted?.accesses.length && L.opts.boundscheck) {
    const names = [
      ...new Set(
        counted.accesses.map((a) => src.source.slice(a.index.range.start, a.index.range.end)),
      ),
    ];
    lines.push(
      `  hoisted: bounds checks of ${names.join(", ")} are done once per chunk, before its ` +
        `iterations (the loop then runs unchecked and can be vectorized).`,
    );
  }
  if (info.watched.length) {
    lines.push(
      `  shared arrays written: ${
        info.watched.map((w) => `'${w.name}'`).join(", ")
      } at indexes each iteration owns; ${
        L.opts.racecheck
          ? "TSJIT_RACECHECK is on: every access to them is checked for two iterations touching the same element."
          : "run with TSJIT_RACECHECK=1 to check at run time that no two iterations touch the same element."
      }`,
    );
  }
  eachStmt(s.body, (x) => {
    if (x.kind === "forOf" && x.iter === "prange") {
      lines.push(
        `  nested prange over '${x.decl.name}' at ${at(x.range)}: serial, inside each chunk of ` +
          `this loop (one level of parallelism).`,
      );
    }
  });
  return lines.join("\n");
}

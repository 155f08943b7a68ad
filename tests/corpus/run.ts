// The real-code corpus: third-party numeric functions as their authors wrote them, each run as
// plain JS and jitted (see harness.ts). Usage:
//   ./tsjit run tests/corpus/run.ts [--sets N] [--project NAME]... [--json FILE]
// Projects are imported dynamically, so that each project's cases file (which calls jit()) is
// the only one whose imports tsjit searches when it resolves a corpus function's free names.
import { type Project, type Result, runProject } from "./harness.ts";
import { report } from "./report.ts";

/** Every corpus project (a folder with LICENSE, the sources and cases.ts). */
export const PROJECTS = [
  "gl-matrix",
  "pako",
  "earcut",
  "simple-statistics",
  "bryc",
  "fft.js",
  "d3-array",
  "kdbush",
  "delaunator",
  "robust-predicates",
  "flatbush",
  "flatqueue",
  "ml-distance",
  "stackblur",
  "simplex-noise",
  "bezier-easing",
  "color-convert",
  "crc-32",
  "fastest-levenshtein",
  "murmurhash-js",
  "three.js",
  "pngjs",
  "biquad-coeffs",
];

export async function loadProject(name: string): Promise<Project> {
  const m = await import(`./${name}/cases.ts`);
  return m.project as Project;
}

/** Runs the named projects (default: all) with `sets` input sets per function (default 4). */
export async function runCorpus(names = PROJECTS, sets?: number): Promise<Result[]> {
  const results: Result[] = [];
  for (const name of names) results.push(...runProject(await loadProject(name), sets));
  return results;
}

if (import.meta.main) {
  const args = [...Deno.args];
  const names: string[] = [];
  let sets: number | undefined, json: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--sets") sets = Number(args[++i]);
    else if (args[i] === "--project") names.push(args[++i]);
    else if (args[i] === "--json") json = args[++i];
    else throw new Error(`unknown argument ${args[i]}; see the usage at the top of run.ts`);
  }
  const t0 = performance.now();
  const results = await runCorpus(names.length ? names : PROJECTS, sets);
  console.log(report(results));
  console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  if (json) Deno.writeTextFileSync(json, JSON.stringify(results, null, 1));
}

// `./tsjit bench`: the suite of bench/suite.ts run by every contender, each kernel in its own
// process per contender: plain JS (Deno/V8), tsjit on 1 thread and on all threads, C
// (gcc -O3 -march=native, with -fopenmp for the prange kernels) and Numba (njit, parallel=True
// for the prange kernels), each written as its users write it (2-D arrays in C and Numba where
// the data is 2-D). Each time is the median of the runs, with half their range as the spread. Prints a table of times and ratios with geometric means, writes
// bench/results/latest.json and bench/results/ratios.svg. Usage: ./tsjit bench [KERNEL ...]
import { parseArgs } from "node:util";
import { getNumThreads, jit } from "../mod.ts";
import { hostTarget } from "../compiler/llvm/mod.ts";
import { ratioChart } from "./_chart.ts";
import { nsPerCall } from "./_stats.ts";
import { SUITE } from "./suite.ts";

interface Result {
  /** median of the runs */
  ms: number;
  /** fastest and slowest run */
  min: number;
  max: number;
  check: number;
  firstMs?: number;
}

const here = new URL("./", import.meta.url).pathname;
const threads = getNumThreads();
const runs = 7;
const dec = new TextDecoder();

function run(cmd: string, args: string[], env: Record<string, string> = {}): Result | string {
  try {
    const o = new Deno.Command(cmd, { args, env, stdout: "piped", stderr: "piped" }).outputSync();
    const text = dec.decode(o.stdout).trim().split("\n").pop() ?? "";
    if (!o.success) return `failed: ${dec.decode(o.stderr).trim().split("\n").slice(-1)[0]}`;
    return JSON.parse(text);
  } catch (e) {
    return `failed: ${(e as Error).message}`;
  }
}

const denoArgs = [
  "run",
  "--allow-ffi",
  "--allow-read",
  "--allow-env",
  `${here}_run_js.ts`,
];
const js = (kernel: string, mode: string, n?: number) =>
  run(
    Deno.execPath(),
    [...denoArgs, kernel, mode, String(runs)],
    n ? { TSJIT_NUM_THREADS: String(n) } : {},
  );

// C: build once, serial and OpenMP
const cc = ["cc", "gcc"].find((c) => {
  try {
    return new Deno.Command(c, { args: ["--version"], stdout: "null", stderr: "null" }).outputSync()
      .success;
  } catch {
    return false;
  }
});
const cBin = `${here}../.tsjit/bench_kernels`;
let cSkip: string | undefined = cc ? undefined : "skipped: no C compiler (apt-get install gcc)";
if (cc) {
  Deno.mkdirSync(`${here}../.tsjit`, { recursive: true });
  for (const [out, extra] of [[cBin, []], [`${cBin}_omp`, ["-fopenmp"]]] as const) {
    const o = new Deno.Command(cc, {
      args: ["-O3", "-march=native", ...extra, "-o", out, `${here}contenders/kernels.c`, "-lm"],
      stderr: "piped",
    }).outputSync();
    if (!o.success) cSkip = `skipped: C build failed: ${dec.decode(o.stderr).split("\n")[0]}`;
  }
}
const c = (kernel: string, omp: boolean) =>
  cSkip ??
    run(omp ? `${cBin}_omp` : cBin, [kernel, String(runs)], {
      OMP_NUM_THREADS: String(omp ? threads : 1),
    });

// Numba: Debian's python3-numba lives under Debian's own Python
const python = "/usr/bin/python3";
const numbaOk = (() => {
  try {
    return new Deno.Command(python, {
      args: ["-c", "import numba"],
      stdout: "null",
      stderr: "null",
    }).outputSync().success;
  } catch {
    return false;
  }
})();
const numbaSkip = numbaOk
  ? undefined
  : "skipped: Numba not found (apt-get install python3-numba, or ./tsjit bench --install)";
const numba = (kernel: string, parallel: boolean) =>
  numbaSkip ??
    run(python, [
      `${here}contenders/kernels_numba.py`,
      kernel,
      String(runs),
      parallel ? "parallel" : "serial",
    ], {
      NUMBA_NUM_THREADS: String(parallel ? threads : 1),
    });

const { positionals: names } = parseArgs({ args: Deno.args, allowPositionals: true });
const unknown = names.filter((n) => !SUITE.some((k) => k.name === n));
if (unknown.length) {
  console.error(`unknown kernel ${unknown.join(", ")}; the suite: ${SUITE.map((k) => k.name)}`);
  Deno.exit(2);
}
const wanted = names.length ? SUITE.filter((k) => names.includes(k.name)) : SUITE;
const cpu = (() => {
  // Deno refuses /proc/cpuinfo without --allow-all; lscpu says the same, and LLVM names the core
  let model = "unknown CPU";
  try {
    const o = new Deno.Command("lscpu", { stdout: "piped", stderr: "null" }).outputSync();
    model = dec.decode(o.stdout).match(/Model name:\s*(.*)/)?.[1]?.trim() ?? model;
  } catch { /* no lscpu */ }
  return `${model} (LLVM host CPU ${hostTarget().cpu})`;
})();
console.log(
  `tsjit bench, ${
    new Date().toISOString().slice(0, 10)
  }, ${cpu}, ${threads} threads; each time is the median of ${runs} runs ±half their range`,
);
if (cSkip) console.log(`C: ${cSkip}`);
if (numbaSkip) console.log(`Numba: ${numbaSkip}`);

type Row = {
  kernel: string;
  parallel: boolean;
  js?: Result;
  tsjit1?: Result;
  tsjitN?: Result;
  c?: Result;
  cN?: Result;
  numba?: Result;
  numbaN?: Result;
  mismatches: string[];
  skipped: string[];
};
const rows: Row[] = [];
/** "12.34±5%": the median and half the min–max range, relative to it. */
const spread = (r: Result) => Math.round(((r.max - r.min) / 2 / r.ms) * 100);
const fmt = (
  r?: Result,
) => (r ? `${r.ms.toFixed(2)}±${spread(r)}%`.padStart(13) : "-".padStart(13));
console.log(
  `${"kernel".padEnd(15)}${
    ["JS", "tsjit 1t", `tsjit ${threads}t`, "C", "C OpenMP", "Numba", "Numba par"].map((h) =>
      h.padStart(13)
    ).join("")
  }  C/tsjit  Nb/tsjit  JS/tsjit`,
);
for (const k of wanted) {
  const row: Row = { kernel: k.name, parallel: k.parallel, mismatches: [], skipped: [] };
  const take = (name: keyof Row, r: Result | string) => {
    if (typeof r === "string") return row.skipped.push(`${name} ${r}`), undefined;
    (row as Record<string, unknown>)[name] = r;
    return r;
  };
  const ref = take("js", js(k.name, "plain"));
  take("tsjit1", js(k.name, "jit", 1));
  if (k.parallel) take("tsjitN", js(k.name, "jit", threads));
  take("c", c(k.name, false));
  if (k.parallel) take("cN", c(k.name, true));
  take("numba", numba(k.name, false));
  if (k.parallel) take("numbaN", numba(k.name, true));
  for (const key of ["tsjit1", "tsjitN", "c", "cN", "numba", "numbaN"] as const) {
    const r = row[key];
    if (!r || !ref) continue;
    const tol = ["blackscholes"].includes(k.name) ? 1e-9 : 0;
    const diff = Math.abs(r.check - ref.check) / Math.max(1, Math.abs(ref.check));
    if (diff > tol) row.mismatches.push(`${key} checksum ${r.check} != plain JS ${ref.check}`);
  }
  rows.push(row);
  const t = row.tsjit1?.ms,
    ratio = (a?: number, b?: number) => (a && b ? (a / b).toFixed(2).padStart(8) : "       -");
  console.log(
    `${k.name.padEnd(15)}${fmt(row.js)}${fmt(row.tsjit1)}${fmt(row.tsjitN)}${fmt(row.c)}${
      fmt(row.cN)
    }${fmt(row.numba)}${fmt(row.numbaN)} ${ratio(row.c?.ms, t)}  ${ratio(row.numba?.ms, t)}  ${
      ratio(row.js?.ms, t)
    }`,
  );
  for (const m of row.mismatches) console.log(`  MISMATCH ${m}`);
  for (const s of row.skipped) if (!s.includes("skipped:")) console.log(`  ${s}`);
}

const geo = (
  xs: number[],
) => (xs.length ? Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length) : NaN);
const ratios = (f: (r: Row) => number | undefined, only?: (r: Row) => boolean) =>
  rows.filter((r) => !only || only(r)).map(f).filter((x): x is number =>
    x !== undefined && Number.isFinite(x)
  );
const g = {
  cOverTsjit: geo(ratios((r) => r.tsjit1 && r.c && r.c.ms / r.tsjit1.ms)),
  numbaOverTsjit: geo(ratios((r) => r.tsjit1 && r.numba && r.numba.ms / r.tsjit1.ms)),
  jsOverTsjit: geo(ratios((r) => r.js && r.tsjit1 && r.js.ms / r.tsjit1.ms)),
  parallelCOverTsjit: geo(
    ratios((r) => r.tsjitN && r.cN && r.cN.ms / r.tsjitN.ms, (r) => r.parallel),
  ),
  parallelNumbaOverTsjit: geo(
    ratios((r) => r.tsjitN && r.numbaN && r.numbaN.ms / r.tsjitN.ms, (r) => r.parallel),
  ),
  parallelSpeedup: geo(
    ratios((r) => r.tsjit1 && r.tsjitN && r.tsjit1.ms / r.tsjitN.ms, (r) => r.parallel),
  ),
};
console.log(
  `geometric means (contender time / tsjit time, >1: tsjit faster), 1 thread: C/tsjit ${
    g.cOverTsjit.toFixed(2)
  }, Numba/tsjit ${g.numbaOverTsjit.toFixed(2)}, ` +
    `JS/tsjit ${g.jsOverTsjit.toFixed(2)}; prange kernels on ${threads} threads: C OpenMP/tsjit ` +
    `${g.parallelCOverTsjit.toFixed(2)}, Numba parallel/tsjit ${
      g.parallelNumbaOverTsjit.toFixed(2)
    }, ` +
    `speed-up over 1 thread ${g.parallelSpeedup.toFixed(2)}`,
);

// compile time and call overhead
const compile = rows.map((r) => ({
  kernel: r.kernel,
  tsjitFirstCallMs: r.tsjit1?.firstMs,
  numbaFirstCallMs: r.numba?.firstMs,
}));
console.log("first call (compile included), ms:");
for (const x of compile) {
  console.log(
    `  ${x.kernel.padEnd(15)} tsjit ${x.tsjitFirstCallMs?.toFixed(1) ?? "-"}  Numba ${
      x.numbaFirstCallMs?.toFixed(1) ?? "-"
    }`,
  );
}
const tiny = jit((x: Float64Array, n: number) => x[0] + n);
const x4 = new Float64Array(4);
const tsjitCallNs = nsPerCall(() => tiny(x4, 4));
const numbaCall = numbaSkip
  ? undefined
  : (run(python, [`${here}contenders/kernels_numba.py`, "call"]) as unknown as { ns: number });
console.log(
  `call overhead, (x: Float64Array, n) => x[0] + n: tsjit ${tsjitCallNs.toFixed(1)} ns, Numba ${
    numbaCall?.ns?.toFixed(1) ?? "-"
  } ns`,
);

const date = new Date().toISOString();
if (wanted.length !== SUITE.length) {
  console.log("a subset of the suite ran: bench/results/ keeps the last full run");
  Deno.exit(0);
}
Deno.mkdirSync(`${here}results`, { recursive: true });
Deno.writeTextFileSync(
  `${here}results/latest.json`,
  JSON.stringify(
    {
      date,
      cpu,
      threads,
      runs,
      rows,
      geometricMeans: g,
      compile,
      callOverheadNs: { tsjit: tsjitCallNs, numba: numbaCall?.ns },
    },
    null,
    2,
  ) + "\n",
);
const chart = ratioChart(
  "tsjit's speed-up over each contender (contender time / tsjit time)",
  `${date.slice(0, 10)}, ${cpu}; medians of ${runs} runs per contender`,
  [
    "plain JS, 1 thread",
    "C gcc -O3, 1 thread",
    "Numba, 1 thread",
    `faster of C OpenMP and Numba parallel, ${threads} threads (prange kernels)`,
  ],
  rows.map((r) => ({
    label: r.kernel,
    values: {
      "plain JS, 1 thread": r.js && r.tsjit1 && r.js.ms / r.tsjit1.ms,
      "C gcc -O3, 1 thread": r.c && r.tsjit1 && r.c.ms / r.tsjit1.ms,
      "Numba, 1 thread": r.numba && r.tsjit1 && r.numba.ms / r.tsjit1.ms,
      [`faster of C OpenMP and Numba parallel, ${threads} threads (prange kernels)`]: r.cN &&
        r.tsjitN && r.numbaN && Math.min(r.cN.ms, r.numbaN.ms) / r.tsjitN.ms,
    },
  })),
);
Deno.writeTextFileSync(`${here}results/ratios.svg`, chart + "\n");
console.log("wrote bench/results/latest.json and bench/results/ratios.svg");

// MPI figures in one run: allreduce latency (8 bytes) and bandwidth (8 MB) of distributed/ against
// mpi4py (python3-mpi4py from Debian) on the same 2 ranks and the same mpirun settings, and the
// heat example at 1 rank x 2 threads against 2 ranks x 1 thread (and 1 x 1 for reference).
// Configurations run in turns, ROUNDS times; medians. Writes bench/results/mpi.json.
//
// Run: ./tsjit run --allow-run --allow-write bench/mpi.ts [ROUNDS]
import { median } from "./_stats.ts";

const root = new URL("..", import.meta.url).pathname;
const rounds = Number(Deno.args[0] ?? 3);
const dec = new TextDecoder();

function run(cmd: string, args: string[], env: Record<string, string> = {}): string {
  const o = new Deno.Command(cmd, { args, cwd: root, env, stdout: "piped", stderr: "piped" })
    .outputSync();
  const out = dec.decode(o.stdout);
  if (!o.success) {
    throw new Error(`${cmd} ${args.join(" ")} failed:\n${out}${dec.decode(o.stderr)}`);
  }
  return out;
}

const tsjit = (args: string[]) => run(`${root}tsjit`, args);
// mpi4py under mpirun as ./tsjit mpirun runs ranks: same binding, oversubscription and yielding.
const mpi4py = () =>
  run("mpirun", [
    "-n",
    "2",
    "--oversubscribe",
    "--bind-to",
    "none",
    "/usr/bin/python3",
    "bench/contenders/allreduce_mpi4py.py",
  ], {
    OMPI_ALLOW_RUN_AS_ROOT: "1",
    OMPI_ALLOW_RUN_AS_ROOT_CONFIRM: "1",
    OMPI_MCA_mpi_yield_when_idle: Deno.env.get("OMPI_MCA_mpi_yield_when_idle") ?? "1",
  });

try {
  run("/usr/bin/python3", ["-c", "import mpi4py"]);
} catch {
  console.error("bench/mpi.ts needs mpi4py: apt-get install python3-mpi4py");
  Deno.exit(1);
}

const heatSize = ["1024", "1024", "200", "0"];
const layouts = [["1", "1"], ["1", "2"], ["2", "1"]];
const lat: Record<string, number[]> = { tsjit: [], mpi4py: [] };
const bw: Record<string, number[]> = { tsjit: [], mpi4py: [] };
const heat: number[][] = layouts.map(() => []);
const hashes = new Set<string>();

for (let k = 0; k < rounds; k++) {
  for (
    const [name, f] of [["tsjit", () => tsjit(["mpirun", "-n", "2", "bench/_mpi_allreduce.ts"])], [
      "mpi4py",
      mpi4py,
    ]] as const
  ) {
    const r = JSON.parse(f().trim().split("\n").pop()!);
    lat[name].push(r.latencyUs);
    bw[name].push(r.bandwidthGBs);
  }
  layouts.forEach(([n, t], i) => {
    const out = tsjit(["mpirun", "-n", n, "--threads", t, "examples/heat.ts", ...heatSize]);
    hashes.add(/sha256 (\w+)/.exec(out)![1]);
    heat[i].push(Number(/time: ([\d.]+) ms per step/.exec(out)![1]));
  });
}
if (hashes.size !== 1) throw new Error(`the heat layouts disagree: ${[...hashes].join(", ")}`);

const m = (xs: number[]) => median(xs);
const result = {
  date: new Date().toISOString().slice(0, 10),
  rounds,
  allreduce2Ranks: {
    latencyUs: { tsjit: m(lat.tsjit), mpi4py: m(lat.mpi4py) },
    bandwidth8MBGBs: { tsjit: m(bw.tsjit), mpi4py: m(bw.mpi4py) },
  },
  heat1024x1024MsPerStep: Object.fromEntries(
    layouts.map(([n, t], i) => [`${n} rank x ${t} thread`, m(heat[i])]),
  ),
};
Deno.writeTextFileSync(`${root}bench/results/mpi.json`, JSON.stringify(result, null, 2) + "\n");
const f = (x: number) => x.toFixed(2);
console.log(`| what (2 ranks, medians of ${rounds} runs) | tsjit | mpi4py | tsjit/mpi4py |`);
console.log(`| --- | --- | --- | --- |`);
const { latencyUs: l, bandwidth8MBGBs: b } = result.allreduce2Ranks;
console.log(
  `| allreduce 8 B, latency (µs) | ${f(l.tsjit)} | ${f(l.mpi4py)} | ${f(l.tsjit / l.mpi4py)} |`,
);
console.log(
  `| allreduce 8 MB, bandwidth (GB/s) | ${f(b.tsjit)} | ${f(b.mpi4py)} | ${
    f(b.tsjit / b.mpi4py)
  } |`,
);
console.log(`\n| heat 1024x1024, 200 steps | ms per step |`);
console.log(`| --- | --- |`);
for (const [k, v] of Object.entries(result.heat1024x1024MsPerStep)) {
  console.log(`| ${k} | ${f(v)} |`);
}
console.log(`(the three layouts give the same grid: sha256 ${[...hashes][0].slice(0, 16)}...)`);

// distributed/ under `./tsjit mpirun` with 1, 2 and 3 ranks (3 is more than this machine's
// cores): every call against expected arrays, the heat example against the single-process
// plain-JS run, the Monte Carlo example against plain JS, and a failing rank ending the job.
// The launcher installs Open MPI when it is missing (as root); if it cannot, these tests fail.
import { assert, assertEquals, assertStringIncludes } from "./_assert.ts";
import { countInside } from "../examples/montecarlo_mpi.ts";

const root = new URL("..", import.meta.url).pathname;
const dec = new TextDecoder();

/** Runs `./tsjit ARGS`, killed after `limitMs`; the outcome and how long it took. */
async function tsjit(args: string[], limitMs = 60_000, env: Record<string, string> = {}) {
  const t0 = performance.now();
  const child = new Deno.Command(`${root}tsjit`, {
    args,
    cwd: root,
    env,
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const timer = setTimeout(() => child.kill("SIGKILL"), limitMs);
  const o = await child.output();
  clearTimeout(timer);
  const out = { code: o.code, stdout: dec.decode(o.stdout), stderr: dec.decode(o.stderr) };
  return { ...out, ms: performance.now() - t0, all: `${out.stdout}\n${out.stderr}` };
}

for (const n of [1, 2, 3]) {
  Deno.test(`mpirun -n ${n}: every call gives the expected arrays`, async () => {
    const r = await tsjit(["mpirun", "-n", `${n}`, "tests/_mpi_calls.ts"]);
    assertEquals(r.code, 0, r.all);
    for (let q = 0; q < n; q++) assertStringIncludes(r.stdout, `ok rank ${q} of ${n}: `);
  });
}

Deno.test("TSJIT_MPI_CHECK=1: ranks that disagree on a collective's arguments all throw", async () => {
  const env = { TSJIT_MPI_CHECK: "1" };
  const r = await tsjit(["mpirun", "-n", "3", "tests/_mpi_calls.ts"], 60_000, env);
  assertEquals(r.code, 0, r.all);
  for (let q = 0; q < 3; q++) {
    assertStringIncludes(r.stdout, `agreement checks ran on rank ${q}`);
    assertStringIncludes(r.stdout, `ok rank ${q} of 3: `);
  }
});

Deno.test("the heat example on 1, 2 and 3 ranks equals the single-process plain-JS run", async () => {
  // The tolerance stops the run before 300 steps, so the ranks must agree on when to stop.
  const size = ["96", "64", "300", "0.002"];
  const line = (s: string) => s.split("\n").find((l) => l.startsWith("heat "));
  const oracle = await tsjit(["run", "examples/heat.ts", "--serial", "--plain", ...size]);
  assertEquals(oracle.code, 0, oracle.all);
  const expected = line(oracle.stdout)!;
  const steps = Number(/: (\d+) steps/.exec(expected)![1]);
  assert(steps > 100 && steps < 300, expected);
  for (const n of [1, 2, 3]) {
    const r = await tsjit(["mpirun", "-n", `${n}`, "examples/heat.ts", ...size]);
    assertEquals(r.code, 0, r.all);
    assertEquals(line(r.stdout), expected, `${n} ranks`);
  }
});

Deno.test("the Monte Carlo example counts what plain JS counts, on 2 and 3 ranks", async () => {
  const expected = countInside(0, 200_000, 12345);
  for (const n of [2, 3]) {
    const r = await tsjit(["mpirun", "-n", `${n}`, "examples/montecarlo_mpi.ts", "200000"]);
    assertEquals(r.code, 0, r.all);
    assertStringIncludes(r.stdout, `200000 samples: ${expected} inside`);
  }
});

for (
  const [mode, n, message] of [
    ["throw", 3, "Error: rank 2 failed on purpose"],
    ["reject", 2, "RangeError: rank 1 rejected on purpose"],
    ["exit", 2, ""],
  ] as const
) {
  Deno.test(`a rank that fails (${mode}) ends the job with its message, within 30 s`, async () => {
    const r = await tsjit(["mpirun", "-n", `${n}`, "tests/_mpi_fail.ts", mode], 30_000);
    assert(r.ms < 30_000, `still running after ${r.ms} ms`);
    assert(r.code !== 0, r.all);
    if (mode === "exit") assertEquals(r.code, 3, r.all);
    else assertStringIncludes(r.stderr, `rank ${n - 1} of ${n}: uncaught ${message}`);
    assert(!r.stdout.includes("unreachable"), r.all);
  });
}

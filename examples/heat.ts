// 2-D heat diffusion: an explicit 5-point stencil on an NX × NY grid with fixed boundary values,
// iterated until the largest change of a step falls below TOL (or STEPS steps). The grid is split
// into blocks of rows, one per MPI rank; each step exchanges one ghost row with each neighbour
// (sendrecv) and agrees on the residual (allreduce "max"); inside a rank the rows run on the
// thread pool (prange). Every cell is computed from the same values by the same operations
// whatever the split, and a maximum does not depend on the order it is taken in, so the final
// grid is bitwise the single-process one: the printed SHA-256 is the same for any number of ranks
// and threads.
//
// Run: ./tsjit mpirun -n 2 examples/heat.ts [NX NY STEPS TOL]
//      ./tsjit run examples/heat.ts --serial [--plain] [NX NY STEPS TOL]   (one process, no MPI;
//      --plain runs the kernel as plain JS: the oracle)
import { createHash } from "node:crypto";
import { getNumThreads, jit, prange } from "../mod.ts";
import {
  allreduce,
  barrier,
  gatherv,
  PROC_NULL,
  rank,
  sendrecv,
  size,
} from "../distributed/mod.ts";

/**
 * One step on a block of rows stored with a ghost row above and below (`rows` + 2 rows of `nx`):
 * rows lo..hi-1 of `u` are updated into `v` (columns 0 and nx-1 are fixed). Returns the largest
 * change.
 */
export function step(u: Float64Array, v: Float64Array, nx: number, lo: number, hi: number) {
  let change = 0;
  for (const i of prange(lo, hi)) {
    for (let j = 1; j < nx - 1; j++) {
      const k = i * nx + j;
      const c = u[k];
      const next = c + 0.2 * (u[k - nx] + u[k + nx] + u[k - 1] + u[k + 1] - 4 * c);
      v[k] = next;
      change = Math.max(change, Math.abs(next - c));
    }
  }
  return change;
}

/** The starting temperature of global cell (g, j): a hot top edge and a hot square inside. */
function initial(g: number, j: number, nx: number, ny: number): number {
  if (g === 0) return 1;
  const inside = Math.abs(g - ny / 2) < ny / 8 && Math.abs(j - nx / 2) < nx / 8;
  return inside ? 2 : 0;
}

/** What a run needs from its surroundings: the halo exchange and the residual agreement. */
interface Comm {
  first: number; // global index of this block's first row
  rows: number;
  exchange(u: Float64Array): void;
  agree(change: number): number;
}

/** Iterates on this block until the agreed change is below `tol`; returns steps and residual. */
function solve(
  nx: number,
  ny: number,
  maxSteps: number,
  tol: number,
  kernel: typeof step,
  comm: Comm,
) {
  const { first, rows } = comm;
  let u = new Float64Array(nx * (rows + 2));
  for (let i = 1; i <= rows; i++) {
    for (let j = 0; j < nx; j++) u[i * nx + j] = initial(first + i - 1, j, nx, ny);
  }
  let v = u.slice();
  // The global first and last rows are boundary values: never updated.
  const lo = first === 0 ? 2 : 1, hi = first + rows === ny ? rows : rows + 1;
  let steps = 0, residual = Infinity, t0 = 0;
  while (steps < maxSteps && residual >= tol) {
    if (steps === 1) t0 = performance.now(); // the first step includes compiling the kernel
    comm.exchange(u);
    residual = comm.agree(kernel(u, v, nx, lo, hi));
    [u, v] = [v, u];
    steps++;
  }
  const ms = performance.now() - t0;
  return { grid: u.subarray(nx, nx * (rows + 1)), steps, residual, msPerStep: ms / (steps - 1) };
}

const serial = (rows: number): Comm => ({
  first: 0,
  rows,
  exchange() {},
  agree: (c) => c,
});

/** This rank's block of rows, its neighbours, and the MPI calls of a step. */
function distributed(nx: number, ny: number): Comm & { counts: number[] } {
  const r = rank(), n = size();
  const bound = (q: number) => Math.floor((ny * q) / n);
  const counts = Array.from({ length: n }, (_, q) => (bound(q + 1) - bound(q)) * nx);
  const first = bound(r), rows = bound(r + 1) - first;
  const up = r > 0 ? r - 1 : PROC_NULL, down = r < n - 1 ? r + 1 : PROC_NULL;
  const change = new Float64Array(1);
  return {
    first,
    rows,
    counts,
    exchange(u) {
      const row = (i: number) => u.subarray(i * nx, (i + 1) * nx);
      sendrecv(row(1), up, row(rows + 1), down, 1); // first row up, ghost below from below
      sendrecv(row(rows), down, row(0), up, 2); // last row down, ghost above from above
    },
    agree(c) {
      change[0] = c;
      return allreduce(change, "max")[0];
    },
  };
}

if (import.meta.main) {
  const flags = Deno.args.filter((a) => a.startsWith("--"));
  const [nx, ny, maxSteps, tol] = [
    ...Deno.args.filter((a) => !a.startsWith("--")).map(Number),
    ...[512, 512, 2000, 1e-4].slice(Deno.args.filter((a) => !a.startsWith("--")).length),
  ];
  const kernel = flags.includes("--plain") ? step : jit(step);
  let out;
  let layout;
  if (flags.includes("--serial")) {
    out = solve(nx, ny, maxSteps, tol, kernel, serial(ny));
    layout = `1 process x ${flags.includes("--plain") ? "plain JS" : `${getNumThreads()} threads`}`;
  } else {
    const comm = distributed(nx, ny);
    barrier();
    out = solve(nx, ny, maxSteps, tol, kernel, comm);
    const whole = rank() === 0 ? new Float64Array(nx * ny) : null;
    gatherv(out.grid, whole, rank() === 0 ? comm.counts : null, 0);
    out.grid = whole!;
    layout = `${size()} ranks x ${getNumThreads()} threads`;
  }
  if (flags.includes("--serial") || rank() === 0) {
    const bytes = new Uint8Array(out.grid.buffer, out.grid.byteOffset, out.grid.byteLength);
    const sha = createHash("sha256").update(bytes).digest("hex");
    console.log(
      `heat ${nx}x${ny}: ${out.steps} steps, residual ${out.residual}, grid sha256 ${sha}`,
    );
    console.log(`time: ${out.msPerStep.toFixed(3)} ms per step (${layout})`);
  }
}

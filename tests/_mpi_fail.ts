// One rank fails while the others wait for it in a collective; mpi_test.ts checks that the job
// ends within seconds with that rank's message and a non-zero exit. Modes (first argument):
// "throw" (an uncaught exception), "reject" (an unhandled rejection), "exit" (Deno.exit(3)).
import { allreduce, rank, size } from "../distributed/mod.ts";

const failing = size() - 1, mode = Deno.args[0];
const x = new Float64Array([rank()]);
allreduce(x, "sum"); // every rank is up
if (rank() === failing) {
  await new Promise((ok) => setTimeout(ok, 200)); // the others are blocked in allreduce by now
  if (mode === "throw") throw new Error(`rank ${failing} failed on purpose`);
  if (mode === "reject") Promise.reject(new RangeError(`rank ${failing} rejected on purpose`));
  if (mode === "exit") Deno.exit(3);
} else {
  allreduce(x, "sum"); // never completes: the failing rank does not take part
  console.log("unreachable: allreduce completed without the failing rank");
}

// Pass 4, prange outlining: an outermost prange loop gets `parallel`, the analysis its chunk
// function is built from (captured variables, reductions, last values; races refused:
// lower/_prange.ts). A prange inside another one's body runs serially in that chunk.
import { analyzePrange } from "./prange.ts";
import { childrenOf, type MFunction, type MStmt } from "./ir.ts";

export function outlinePranges(fn: MFunction): void {
  const visit = (m: MStmt): void => {
    if (m.op === "loop" && m.src.kind === "forOf" && m.src.iter === "prange") {
      m.loop.parallel = analyzePrange(m.src, fn.tf);
      return; // what it contains runs inside the chunk
    }
    childrenOf(m).forEach(visit);
  };
  fn.body.forEach(visit);
}

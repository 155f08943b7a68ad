// flatqueue (ISC): a binary heap priority queue over two plain arrays on `this`.
import { jit } from "../../../mod.ts";
import { fn, type Gen, type Project } from "../harness.ts";
import FlatQueue from "./index.js";

const queue = (g: Gen) => {
  const q = new FlatQueue();
  const n = g.edge ? g.pick([0, 1]) : g.int(1, 200);
  for (let i = 0; i < n; i++) q.push(i, g.edge ? g.int(0, 2) : g.num(0, 100));
  return q;
};
const P = FlatQueue.prototype;

export const project: Project = {
  name: "flatqueue",
  repo: "https://github.com/mourner/flatqueue",
  license: "ISC",
  jit: (f) => jit(f, { fallback: false }),
  cases: [
    fn("push", P.push, ["this", "number[]-arg"], (g) => [g.int(0, 1000), g.num(0, 100)], {
      self: queue,
    }),
    fn("pop", P.pop, ["this", "number[]-arg"], () => [], { self: queue }),
    fn("peek", P.peek, ["this", "number[]-arg"], () => [], { self: queue }),
    fn("peekValue", P.peekValue, ["this", "number[]-arg"], () => [], { self: queue }),
    fn("clear", P.clear, ["this"], () => [], { self: queue }),
    fn("shrink", P.shrink, ["this", "number[]-arg"], () => [], { self: queue }),
  ],
};

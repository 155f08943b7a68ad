// A pool worker: claims chunks of each region and runs them through the dlopen'd tsjit_chunk.
import { workerData } from "node:worker_threads";
import { DESC_OFFSET, DONE, GEN, NCHUNKS, REMAIN, SLEEPERS } from "./_layout.ts";

const { control, id, lib, spin } = workerData as {
  control: SharedArrayBuffer;
  id: number;
  lib: string;
  spin: number;
};
const ctl = new Int32Array(control);
const desc = new BigInt64Array(control, DESC_OFFSET, 8);
const { tsjit_chunk } = Deno.dlopen(lib, {
  tsjit_chunk: { parameters: ["buffer", "i32", "i32"], result: "void" },
}).symbols;

let seen = Atomics.load(ctl, GEN);
for (;;) {
  // A claim made after the main thread reset REMAIN belongs to the region whose descriptor was
  // written before that reset, so chunk index and descriptor always agree.
  for (;;) {
    const k = Atomics.sub(ctl, REMAIN, 1) - 1;
    if (k < 0) break;
    tsjit_chunk(desc, k, id);
    if (Atomics.add(ctl, DONE, 1) + 1 >= Atomics.load(ctl, NCHUNKS)) Atomics.notify(ctl, DONE);
  }
  let spins = spin;
  while (Atomics.load(ctl, GEN) === seen && spins-- > 0);
  if (Atomics.load(ctl, GEN) === seen) {
    Atomics.add(ctl, SLEEPERS, 1);
    Atomics.wait(ctl, GEN, seen);
    Atomics.sub(ctl, SLEEPERS, 1);
  }
  seen = Atomics.load(ctl, GEN);
}

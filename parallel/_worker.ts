// A pool worker: enters the native worker loop (compiler/runtime/entry.c) and stays there,
// running chunks of each parallel region and sleeping on a futex between regions.
import { workerData } from "node:worker_threads";
import { DESC_OFFSET } from "./_layout.ts";

const { control, id, lib, spin } = workerData as {
  control: SharedArrayBuffer;
  id: number;
  lib: string;
  spin: number;
};
const { tsjit_worker } = Deno.dlopen(lib, {
  tsjit_worker: { parameters: ["buffer", "buffer", "i32", "i32"], result: "void" },
}).symbols;
tsjit_worker(new Int32Array(control), new BigInt64Array(control, DESC_OFFSET, 8), id, spin);

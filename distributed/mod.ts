/**
 * MPI for tsjit programs: the ranks of `./tsjit mpirun -n N FILE` exchange typed arrays through
 * Open MPI (libmpi, called through Deno FFI). Arrays of every kind, SharedArrayBuffer-backed ones
 * and subarrays included, are passed to MPI where they are, without a copy. MPI is initialized by
 * the first call and finalized at exit; an uncaught error on any rank ends the whole job
 * (MPI_Abort). Importing this module costs nothing until a function is called. Wrong arguments
 * throw a TypeError or RangeError naming the parameter before MPI is reached. See
 * docs/distributed.md.
 *
 * @example
 * ```ts
 * // ./tsjit mpirun -n 4 sum.ts
 * import { allreduce, rank, size } from "./distributed/mod.ts";
 *
 * const x = new Float64Array([rank(), 1]);
 * allreduce(x, "sum"); // on every rank: [0 + 1 + ... + (size - 1), size]
 * console.log(`rank ${rank()} of ${size()}:`, x);
 * ```
 *
 * @module
 */
import { show } from "../compiler/values.ts";
import {
  checkArray,
  type Checked,
  checkOp,
  checkPinnable,
  checkSameKind,
  type NumericArray,
  type Op,
} from "./_arrays.ts";
import {
  agree,
  ANY_SOURCE,
  ANY_TAG,
  check,
  checkDest,
  checkRecvTag,
  checkRoot,
  checkSendTag,
  checkSource,
  IN_PLACE,
  mpi,
  opHandle,
  PROC_NULL,
  type Status,
  statusOf,
} from "./_mpi.ts";

export type { NumericArray, Op, Status };
export { ANY_SOURCE, ANY_TAG, PROC_NULL };

/**
 * This process's rank in the job, 0 to `size() - 1`.
 *
 * @example
 * ```ts
 * import { rank } from "./distributed/mod.ts";
 * if (rank() === 0) console.log("I print the results");
 * ```
 */
export function rank(): number {
  return mpi().rank;
}

/**
 * The number of ranks in the job (1 outside `mpirun`).
 *
 * @example
 * ```ts
 * import { rank, size } from "./distributed/mod.ts";
 * const rows = 1000, mine = Math.floor((rows * (rank() + 1)) / size()) - Math.floor((rows * rank()) / size());
 * ```
 */
export function size(): number {
  return mpi().size;
}

/**
 * The name of the node this rank runs on (MPI_Get_processor_name).
 *
 * @example
 * ```ts
 * import { processorName, rank } from "./distributed/mod.ts";
 * console.log(`rank ${rank()} on ${processorName()}`);
 * ```
 */
export function processorName(): string {
  const m = mpi(), buf = new Uint8Array(256), len = new Int32Array(1);
  check(m.lib, "MPI_Get_processor_name", m.lib.MPI_Get_processor_name(buf, len));
  return new TextDecoder().decode(buf.subarray(0, len[0]));
}

/**
 * Waits until every rank has called it.
 *
 * @example
 * ```ts
 * import { barrier } from "./distributed/mod.ts";
 * barrier(); // every rank has finished the previous phase
 * ```
 */
export function barrier(): void {
  const m = mpi();
  check(m.lib, "barrier", m.lib.MPI_Barrier(m.world));
}

/**
 * Copies `array` from rank `root` into `array` on every rank (same kind and length everywhere).
 *
 * @example
 * ```ts
 * import { bcast, rank } from "./distributed/mod.ts";
 * const params = new Float64Array(3);
 * if (rank() === 0) params.set([0.1, 200, 1e-6]);
 * bcast(params, 0); // every rank now has rank 0's values
 * ```
 */
export function bcast<T extends NumericArray>(array: T, root: number): T {
  const m = mpi(), a = checkArray("bcast", "array", array);
  const r = checkRoot(m, "bcast", root);
  agree(m, "bcast", { kind: a.kind, length: a.length, root: r });
  check(m.lib, "bcast", m.lib.MPI_Bcast(array, a.length, m.type[a.kind], r, m.world));
  return array;
}

/**
 * Combines `array` element-wise across ranks with `op`; the result replaces `array` on rank
 * `root` (the other ranks' arrays are unchanged). Integers wrap like C's (sum and prod modulo
 * 2^bits); floating-point min and max follow `Math.min`/`Math.max` (NaN wins, -0 < +0).
 *
 * @example
 * ```ts
 * import { rank, reduce } from "./distributed/mod.ts";
 * const hits = new Float64Array([rank() + 1]);
 * reduce(hits, "sum", 0); // on rank 0: 1 + 2 + ... + size()
 * ```
 */
export function reduce<T extends NumericArray>(array: T, op: Op, root: number): T {
  const m = mpi(), a = checkArray("reduce", "array", array);
  const o = opHandle(m, checkOp("reduce", op, a.kind), a.kind);
  const r = checkRoot(m, "reduce", root), t = m.type[a.kind];
  agree(m, "reduce", { kind: a.kind, length: a.length, root: r, op });
  const code = m.rank === r
    ? m.lib.reduceRoot(IN_PLACE, array, a.length, t, o, r, m.world)
    : m.lib.reduceLeaf(array, null, a.length, t, o, r, m.world);
  check(m.lib, "reduce", code);
  return array;
}

/**
 * Like {@linkcode reduce}, with the result in `array` on every rank.
 *
 * @example
 * ```ts
 * import { allreduce } from "./distributed/mod.ts";
 * const residual = new Float64Array([0.25]);
 * allreduce(residual, "max"); // the largest residual of all ranks, everywhere
 * ```
 */
export function allreduce<T extends NumericArray>(array: T, op: Op): T {
  const m = mpi(), a = checkArray("allreduce", "array", array);
  const o = opHandle(m, checkOp("allreduce", op, a.kind), a.kind);
  agree(m, "allreduce", { kind: a.kind, length: a.length, op });
  check(
    m.lib,
    "allreduce",
    m.lib.allreduceInPlace(IN_PLACE, array, a.length, m.type[a.kind], o, m.world),
  );
  return array;
}

/**
 * Sends `array` to rank `dest` (blocking until the array may be reused).
 *
 * @example
 * ```ts
 * import { rank, recv, send } from "./distributed/mod.ts";
 * const x = new Int32Array(4);
 * if (rank() === 0) send(x.fill(7), 1, 5);
 * else if (rank() === 1) recv(x, 0, 5); // x is [7, 7, 7, 7]
 * ```
 */
export function send(array: NumericArray, dest: number, tag = 0): void {
  const m = mpi(), a = checkArray("send", "array", array);
  const d = checkDest(m, "send", dest), t = checkSendTag(m, "send", tag);
  check(m.lib, "send", m.lib.MPI_Send(array, a.length, m.type[a.kind], d, t, m.world));
}

/**
 * Receives into `array` from rank `source` (or `ANY_SOURCE`) a message with tag `tag` (or
 * `ANY_TAG`, the default); a longer message than `array` is a RangeError.
 *
 * @example
 * ```ts
 * import { ANY_SOURCE, recv } from "./distributed/mod.ts";
 * const buf = new Float64Array(100);
 * const { source, count } = recv(buf, ANY_SOURCE); // buf[0 .. count) came from `source`
 * ```
 */
export function recv(array: NumericArray, source: number, tag = ANY_TAG): Status {
  const m = mpi(), a = checkArray("recv", "array", array);
  const s = checkSource(m, "recv", source), t = checkRecvTag(m, "recv", tag);
  check(m.lib, "recv", m.lib.MPI_Recv(array, a.length, m.type[a.kind], s, t, m.world, m.status));
  return statusOf(m, a);
}

/**
 * Sends `sendArray` to `dest` and receives `recvArray` from `source` at once, without deadlock:
 * the halo exchange. `PROC_NULL` as `dest` or `source` skips that half (a domain's edge).
 *
 * @example
 * ```ts
 * import { PROC_NULL, rank, sendrecv, size } from "./distributed/mod.ts";
 * const nx = 64, u = new Float64Array(nx * 10); // rows 1..8 are mine, 0 and 9 are ghosts
 * const up = rank() > 0 ? rank() - 1 : PROC_NULL, down = rank() < size() - 1 ? rank() + 1 : PROC_NULL;
 * sendrecv(u.subarray(nx, 2 * nx), up, u.subarray(9 * nx, 10 * nx), down); // first row up, ghost from below
 * ```
 */
export function sendrecv(
  sendArray: NumericArray,
  dest: number,
  recvArray: NumericArray,
  source: number,
  tag = 0,
): Status {
  const f = "sendrecv", m = mpi();
  const a = checkArray(f, "sendArray", sendArray), b = checkArray(f, "recvArray", recvArray);
  checkSameKind(f, "recvArray", b, a, "sendArray");
  const d = checkDest(m, f, dest), s = checkSource(m, f, source), t = checkSendTag(m, f, tag);
  const ta = m.type[a.kind];
  check(
    m.lib,
    f,
    m.lib.MPI_Sendrecv(
      sendArray,
      a.length,
      ta,
      d,
      t,
      recvArray,
      b.length,
      ta,
      s,
      t,
      m.world,
      m.status,
    ),
  );
  return statusOf(m, b);
}

const made = Symbol("made by isend or irecv");

/**
 * A pending {@linkcode isend} or {@linkcode irecv}; {@linkcode wait} completes it. Only those
 * two make one (MPI_Wait on a handle that MPI did not create would crash the process).
 *
 * @example
 * ```ts
 * import { irecv, type Request, wait } from "./distributed/mod.ts";
 * const req: Request = irecv(new Float64Array(4), 0);
 * wait(req);
 * console.log(req.done); // true
 * ```
 */
export class Request {
  #handle = new BigUint64Array(1);
  #array: NumericArray | undefined; // kept alive (and so its memory) until the request completes
  #checked: Checked;
  #status: Status | undefined;
  /** @internal */
  constructor(
    key: symbol,
    array: NumericArray,
    checked: Checked,
    start: (handle: BigUint64Array) => number,
  ) {
    if (key !== made) throw new TypeError("Request: only isend and irecv make requests");
    this.#array = array;
    this.#checked = checked;
    check(mpi().lib, "isend/irecv", start(this.#handle));
  }
  /** @internal Completes the request (once) and returns its status. */
  static complete(r: Request): Status {
    if (typeof r !== "object" || r === null || !(#handle in r)) {
      throw new TypeError(`wait: request must be a Request from isend or irecv; got ${show(r)}`);
    }
    if (r.#status) return r.#status;
    const m = mpi();
    check(m.lib, "wait", m.lib.MPI_Wait(r.#handle, m.status));
    r.#status = statusOf(m, r.#checked);
    r.#array = undefined;
    return r.#status;
  }
  /** Whether {@linkcode wait} has completed this request. */
  get done(): boolean {
    return this.#status !== undefined;
  }
}

/**
 * Starts sending `array` to `dest`; the array must not be changed until {@linkcode wait}.
 * Arrays on resizable ArrayBuffers are refused (the memory must stay put while pending).
 *
 * @example
 * ```ts
 * import { irecv, isend, rank, wait } from "./distributed/mod.ts";
 * const out = new Float64Array([rank()]), got = new Float64Array(1);
 * const peer = rank() ^ 1; // 0 <-> 1, 2 <-> 3 ...
 * const reqs = [irecv(got, peer), isend(out, peer)];
 * reqs.forEach(wait); // got[0] is the peer's rank
 * ```
 */
export function isend(array: NumericArray, dest: number, tag = 0): Request {
  const m = mpi(), a = checkArray("isend", "array", array);
  checkPinnable("isend", "array", array);
  const d = checkDest(m, "isend", dest), t = checkSendTag(m, "isend", tag), ty = m.type[a.kind];
  return new Request(made, array, a, (h) => m.lib.MPI_Isend(array, a.length, ty, d, t, m.world, h));
}

/**
 * Starts receiving into `array` from `source`; its contents are defined after {@linkcode wait}.
 *
 * @example
 * ```ts
 * import { irecv, wait } from "./distributed/mod.ts";
 * const halo = new Float64Array(512);
 * const req = irecv(halo, 1, 7);
 * // ... compute the interior meanwhile ...
 * const { count } = wait(req);
 * ```
 */
export function irecv(array: NumericArray, source: number, tag = ANY_TAG): Request {
  const m = mpi(), a = checkArray("irecv", "array", array);
  checkPinnable("irecv", "array", array);
  const s = checkSource(m, "irecv", source), t = checkRecvTag(m, "irecv", tag), ty = m.type[a.kind];
  return new Request(made, array, a, (h) => m.lib.MPI_Irecv(array, a.length, ty, s, t, m.world, h));
}

/**
 * Waits for a request to complete and returns its status (a second wait returns it again).
 *
 * @example
 * ```ts
 * import { isend, wait } from "./distributed/mod.ts";
 * const req = isend(new Int32Array([1, 2]), 0);
 * wait(req);
 * ```
 */
export function wait(request: Request): Status {
  return Request.complete(request);
}

export { allgather, allgatherv, gather, gatherv, scatter, scatterv } from "./_collectives.ts";

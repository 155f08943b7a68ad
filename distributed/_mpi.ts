// The binding to Open MPI's libmpi (Deno.dlopen), opened and initialized on the first call that
// needs it, finalized at exit. Open MPI's handles (MPI_COMM_WORLD, MPI_DOUBLE, MPI_SUM, ...) are
// the addresses of global objects in libmpi (`ompi_mpi_comm_world`, ...); a Deno FFI static of
// type "pointer" is exactly that address, so no C shim is needed to obtain them.
import { isMainThread } from "node:worker_threads";
import { type Checked, checkInt, KINDS, type Op } from "./_arrays.ts";
import { entryLibraryPath } from "../compiler/runtime/entry.ts";

const P = "pointer", B = "buffer", I = "i32";
const h = { type: P } as const;
const fn = <const A extends Deno.NativeType[]>(parameters: A, name?: string) =>
  ({ name, parameters, result: I }) as const;

// Variants of one C function differ only in which arguments are typed arrays ("buffer") and
// which are MPI_IN_PLACE or NULL ("pointer").
const SYMBOLS = {
  ompi_mpi_comm_world: h,
  ompi_mpi_errors_return: h,
  ompi_mpi_op_sum: h,
  ompi_mpi_op_min: h,
  ompi_mpi_op_max: h,
  ompi_mpi_op_prod: h,
  ompi_mpi_int8_t: h,
  ompi_mpi_uint8_t: h,
  ompi_mpi_int16_t: h,
  ompi_mpi_uint16_t: h,
  ompi_mpi_int32_t: h,
  ompi_mpi_uint32_t: h,
  ompi_mpi_int64_t: h,
  ompi_mpi_uint64_t: h,
  ompi_mpi_float: h,
  ompi_mpi_double: h,
  MPI_Initialized: fn([B]),
  MPI_Finalized: fn([B]),
  MPI_Init_thread: fn([P, P, I, B]),
  MPI_Finalize: fn([]),
  MPI_Abort: fn([P, I]),
  MPI_Comm_rank: fn([P, B]),
  MPI_Comm_size: fn([P, B]),
  MPI_Comm_set_errhandler: fn([P, P]),
  MPI_Comm_get_attr: fn([P, I, B, B]),
  MPI_Error_string: fn([I, B, B]),
  MPI_Error_class: fn([I, B]),
  MPI_Get_processor_name: fn([B, B]),
  MPI_Get_count: fn([B, P, B]),
  MPI_Op_create: fn([P, I, B]),
  MPI_Barrier: fn([P]),
  MPI_Bcast: fn([B, I, P, I, P]),
  // (sendbuf, recvbuf, count, type, op, [root,] comm)
  allreduceInPlace: fn([P, B, I, P, P, P], "MPI_Allreduce"),
  reduceRoot: fn([P, B, I, P, P, I, P], "MPI_Reduce"),
  reduceLeaf: fn([B, P, I, P, P, I, P], "MPI_Reduce"),
  // (buf, count, type, peer, tag, comm[, status | request])
  MPI_Send: fn([B, I, P, I, I, P]),
  MPI_Recv: fn([B, I, P, I, I, P, B]),
  MPI_Isend: fn([B, I, P, I, I, P, B]),
  MPI_Irecv: fn([B, I, P, I, I, P, B]),
  MPI_Wait: fn([B, B]),
  MPI_Sendrecv: fn([B, I, P, I, I, B, I, P, I, I, P, B]),
  // (sendbuf, scount, stype, recvbuf, rcount(s)[, displs], rtype, [root,] comm): NULL where unused
  MPI_Gather: fn([B, I, P, B, I, P, I, P]),
  MPI_Gatherv: fn([B, I, P, B, B, B, P, I, P]),
  MPI_Allgather: fn([B, I, P, B, I, P, P]),
  MPI_Allgatherv: fn([B, I, P, B, B, B, P, P]),
  MPI_Scatter: fn([B, I, P, B, I, P, I, P]),
  // (sendbuf, scounts, displs, stype, recvbuf, rcount, rtype, root, comm)
  MPI_Scatterv: fn([B, B, B, P, B, I, P, I, P]),
} as const;

type Lib = Deno.DynamicLibrary<typeof SYMBOLS>["symbols"];

/**
 * `recv(array, ANY_SOURCE)` takes a message from any rank (its status says which).
 *
 * @example
 * ```ts
 * import { ANY_SOURCE, recv } from "./distributed/mod.ts";
 * const { source } = recv(new Float64Array(8), ANY_SOURCE);
 * ```
 */
export const ANY_SOURCE: number = -1;
/**
 * `recv(array, source, ANY_TAG)` takes a message with any tag (the default).
 *
 * @example
 * ```ts
 * import { ANY_TAG, recv } from "./distributed/mod.ts";
 * const { tag } = recv(new Float64Array(8), 0, ANY_TAG);
 * ```
 */
export const ANY_TAG: number = -1;
/**
 * The null process: sending to it or receiving from it does nothing (a domain's edge).
 *
 * @example
 * ```ts
 * import { PROC_NULL, rank, sendrecv, size } from "./distributed/mod.ts";
 * const up = rank() > 0 ? rank() - 1 : PROC_NULL;
 * const down = rank() < size() - 1 ? rank() + 1 : PROC_NULL;
 * const row = new Float64Array(8), ghost = new Float64Array(8);
 * sendrecv(row, up, ghost, down); // the first and last rank skip the missing neighbour
 * ```
 */
export const PROC_NULL: number = -2;
// Open MPI's mpi.h: thread level, the MPI_TAG_UB attribute key, the truncation error class.
const THREAD_FUNNELED = 1, TAG_UB_KEY = 0, ERR_TRUNCATE = 15;
const IN_PLACE = Deno.UnsafePointer.create(1n);

/** The opened library, the world communicator and per-kind datatypes; set by `mpi()`. */
export interface Mpi {
  lib: Lib;
  world: Deno.PointerValue;
  rank: number;
  size: number;
  tagUb: number;
  /** TSJIT_MPI_CHECK=1: collectives first check that the ranks' arguments agree. */
  agree: boolean;
  type: Record<string, Deno.PointerValue>;
  /** A status block (MPI_Status is 24 bytes in Open MPI). */
  status: Int32Array;
}

let state: Mpi | undefined;
let finalized = false;

/** The library's path: TSJIT_MPI_LIB, else Open MPI's soname. */
function libraryName(): string {
  return Deno.env.get("TSJIT_MPI_LIB") || "libmpi.so.40";
}

/** MPI, initialized on first use (MPI_THREAD_FUNNELED: only the main thread calls it). */
export function mpi(): Mpi {
  if (state) return state;
  if (finalized) throw new Error("distributed: MPI was already finalized (the program is exiting)");
  if (!isMainThread) {
    throw new Error("distributed: MPI is called from the main thread only, not from a worker");
  }
  let dl: Deno.DynamicLibrary<typeof SYMBOLS>;
  try {
    dl = Deno.dlopen(libraryName(), SYMBOLS);
  } catch (e) {
    throw new Error(
      `distributed: cannot open Open MPI's ${libraryName()} (${(e as Error).message}). ` +
        "Run the program with ./tsjit mpirun, which installs it (Debian: openmpi-bin), " +
        "or set TSJIT_MPI_LIB to its path.",
    );
  }
  const lib = dl.symbols;
  const flag = new Int32Array(1);
  lib.MPI_Initialized(flag);
  if (flag[0]) throw new Error("distributed: MPI was initialized by someone else in this process");
  check(lib, "MPI_Init_thread", lib.MPI_Init_thread(null, null, THREAD_FUNNELED, flag));
  const world = lib.ompi_mpi_comm_world;
  // Errors come back as return codes and become exceptions (the default would abort the job).
  lib.MPI_Comm_set_errhandler(world, lib.ompi_mpi_errors_return);
  lib.MPI_Comm_rank(world, flag);
  const rank = flag[0];
  lib.MPI_Comm_size(world, flag);
  const size = flag[0];
  const type: Record<string, Deno.PointerValue> = {};
  for (const [kind, { type: sym }] of Object.entries(KINDS)) {
    type[kind] = lib[sym as keyof Lib] as unknown as Deno.PointerValue;
  }
  state = {
    lib,
    world,
    rank,
    size,
    tagUb: tagUpperBound(lib, world),
    type,
    status: new Int32Array(8),
    agree: Deno.env.get("TSJIT_MPI_CHECK") === "1",
  };
  addEventListener("unload", finalize);
  addEventListener("error", abortOnUncaught);
  addEventListener("unhandledrejection", abortOnUncaught);
  return state;
}

/** The largest tag this MPI accepts (the MPI_TAG_UB attribute; at least 32767). */
function tagUpperBound(lib: Lib, world: Deno.PointerValue): number {
  const out = new BigUint64Array(1), flag = new Int32Array(1);
  lib.MPI_Comm_get_attr(world, TAG_UB_KEY, out, flag);
  if (!flag[0] || out[0] === 0n) return 32767;
  return new Deno.UnsafePointerView(Deno.UnsafePointer.create(out[0])!).getInt32();
}

/** At exit: MPI_Finalize, or MPI_Abort when the exit code is non-zero (the others may wait). */
function finalize(): void {
  if (!state || finalized) return;
  finalized = true;
  const code = Deno.exitCode;
  if (code !== 0) state.lib.MPI_Abort(state.world, code);
  else state.lib.MPI_Finalize();
}

/**
 * An uncaught error on one rank ends the whole job: the error is printed with the rank, then
 * MPI_Abort kills every rank (the others may be waiting for this one forever). A handler the
 * program registered earlier that calls preventDefault() keeps the process alive instead.
 */
function abortOnUncaught(e: ErrorEvent | PromiseRejectionEvent): void {
  if (!state || finalized || e.defaultPrevented) return;
  const err = e instanceof ErrorEvent ? e.error : e.reason;
  let text;
  try {
    text = err instanceof Error ? (err.stack ?? String(err)) : String(err);
  } catch {
    text = "(a value that cannot be printed)"; // a throwing toString or stack getter
  }
  console.error(`rank ${state.rank} of ${state.size}: uncaught ${text}`);
  finalized = true;
  state.lib.MPI_Abort(state.world, 1);
}

/**
 * What a receive got: the sender's rank, the tag and the number of elements.
 *
 * @example
 * ```ts
 * import { ANY_SOURCE, recv, type Status } from "./distributed/mod.ts";
 * const buf = new Float64Array(16);
 * const st: Status = recv(buf, ANY_SOURCE);
 * const got = buf.subarray(0, st.count); // from rank st.source, with tag st.tag
 * ```
 */
export interface Status {
  /** The sender's rank. */
  source: number;
  /** The message's tag. */
  tag: number;
  /** How many elements arrived. */
  count: number;
}

/** The status block's contents after a receive of `a`'s kind. */
export function statusOf(m: Mpi, a: Checked): Status {
  const count = new Int32Array(1);
  m.lib.MPI_Get_count(m.status, m.type[a.kind], count);
  return { source: m.status[0], tag: m.status[1], count: count[0] };
}

/** A rank that must take part: 0..size-1. */
export const checkRoot = (m: Mpi, f: string, r: unknown) => checkInt(f, "root", r, 0, m.size);
/** A destination rank, or PROC_NULL. */
export const checkDest = (m: Mpi, f: string, r: unknown) =>
  checkInt(f, "dest", r, 0, m.size, { [PROC_NULL]: "PROC_NULL" });
/** A source rank, ANY_SOURCE or PROC_NULL. */
export const checkSource = (m: Mpi, f: string, r: unknown) =>
  checkInt(f, "source", r, 0, m.size, { [ANY_SOURCE]: "ANY_SOURCE", [PROC_NULL]: "PROC_NULL" });
/** A send tag: 0..MPI_TAG_UB. */
export const checkSendTag = (m: Mpi, f: string, t: unknown) =>
  checkInt(f, "tag", t, 0, m.tagUb + 1);
/** A receive tag: 0..MPI_TAG_UB or ANY_TAG. */
export const checkRecvTag = (m: Mpi, f: string, t: unknown) =>
  checkInt(f, "tag", t, 0, m.tagUb + 1, { [ANY_TAG]: "ANY_TAG" });

const KIND_NAMES = Object.keys(KINDS), OPS = ["sum", "min", "max", "prod"];

/**
 * With TSJIT_MPI_CHECK=1, checks that every rank passed the same value of each field (the array
 * kind, a length, the root, the op) to collective `f`, at the cost of one more allreduce: a
 * mismatch, which MPI would turn into a truncated message, a silently short result or a hang,
 * throws on every rank alike. Without it, this is free.
 */
export function agree(m: Mpi, f: string, fields: Record<string, string | number>): void {
  if (!m.agree) return;
  const names = Object.keys(fields);
  const code = (name: string, x: string | number) =>
    name === "kind"
      ? KIND_NAMES.indexOf(x as string)
      : name === "op"
      ? OPS.indexOf(x as string)
      : x as number;
  const v = new Float64Array(2 * names.length);
  names.forEach((name, i) => (v[2 * i] = -(v[2 * i + 1] = code(name, fields[name]))));
  check(
    m.lib,
    f,
    m.lib.allreduceInPlace(
      IN_PLACE,
      v,
      v.length,
      m.type.Float64Array,
      m.lib.ompi_mpi_op_min,
      m.world,
    ),
  );
  names.forEach((name, i) => {
    const lo = v[2 * i + 1], hi = -v[2 * i];
    if (lo === hi) return;
    const [a, b] = name === "kind"
      ? [KIND_NAMES[lo], KIND_NAMES[hi]]
      : name === "op"
      ? [OPS[lo], OPS[hi]]
      : [lo, hi];
    const Err = name === "kind" || name === "op" ? TypeError : RangeError;
    throw new Err(
      `${f}: ranks disagree on ${
        name === "kind" ? "the array kind" : name
      } (${a} and ${b}; TSJIT_MPI_CHECK)`,
    );
  });
}

/** Throws for a non-zero MPI return code: its class and message (RangeError for truncation). */
export function check(lib: Lib, what: string, code: number): void {
  if (code === 0) return;
  const buf = new Uint8Array(512), len = new Int32Array(1), cls = new Int32Array(1);
  lib.MPI_Error_string(code, buf, len);
  lib.MPI_Error_class(code, cls);
  const text = new TextDecoder().decode(buf.subarray(0, len[0]));
  if (cls[0] === ERR_TRUNCATE) {
    throw new RangeError(`${what}: the message is longer than the receiving array (${text})`);
  }
  throw new Error(`${what} failed: ${text}`);
}

const builtinOps: Record<Op, keyof Lib> = {
  sum: "ompi_mpi_op_sum",
  min: "ompi_mpi_op_min",
  max: "ompi_mpi_op_max",
  prod: "ompi_mpi_op_prod",
};
let jsOps: Record<string, Deno.PointerValue> | undefined;

/** The MPI_Op for `op` on `kind`: floating-point min/max follow Math.min/Math.max (entry.c). */
export function opHandle(m: Mpi, op: Op, kind: string): Deno.PointerValue {
  if (!KINDS[kind].float || op === "sum" || op === "prod") {
    return m.lib[builtinOps[op]] as unknown as Deno.PointerValue;
  }
  if (!jsOps) {
    const names = [
      "tsjit_mpi_min_f64",
      "tsjit_mpi_max_f64",
      "tsjit_mpi_min_f32",
      "tsjit_mpi_max_f32",
    ];
    const entry = Deno.dlopen(
      entryLibraryPath(),
      Object.fromEntries(names.map((n) => [n, { type: "pointer" }])) as Record<
        string,
        { type: "pointer" }
      >,
    );
    jsOps = {};
    const out = new BigUint64Array(1);
    for (const n of names) {
      check(m.lib, "MPI_Op_create", m.lib.MPI_Op_create(entry.symbols[n], 1, out));
      jsOps[n] = Deno.UnsafePointer.create(out[0]);
    }
  }
  return jsOps[`tsjit_mpi_${op}_${kind === "Float64Array" ? "f64" : "f32"}`];
}

export { IN_PLACE };

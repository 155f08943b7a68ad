// gather/scatter/allgather and their `v` forms (per-rank counts). The root's big array holds one
// block per rank, in rank order; the checks run on the ranks whose arrays MPI will read or write.
import {
  checkArray,
  checkCounts,
  type Checked,
  checkSameKind,
  type NumericArray,
} from "./_arrays.ts";
import { agree, check, checkRoot, mpi } from "./_mpi.ts";

/** The per-rank blocks of the big array: equal blocks of `small` elements, or counts/displs. */
interface Layout {
  counts: Int32Array;
  displs: Int32Array;
}

/**
 * Checks a collective's two arrays: `small` (this rank's block) and `big` (size() blocks, on the
 * root, or everywhere for the all- forms): same kind, and either size() blocks of `small`'s
 * length or, for the `v` forms, `counts`/`displs` inside `big` with this rank's count equal to
 * `small`'s length.
 */
function checkBlocks(
  f: string,
  size: number,
  rank: number,
  [smallName, smallArray]: [string, unknown],
  [bigName, bigArray]: [string, unknown],
  v?: { counts: unknown; displs: unknown },
): { small: Checked; layout?: Layout } {
  const small = checkArray(f, smallName, smallArray), big = checkArray(f, bigName, bigArray);
  checkSameKind(f, bigName, big, small, smallName);
  if (!v) {
    if (big.length !== small.length * size) {
      throw new RangeError(
        `${f}: ${bigName} has ${big.length} elements; it must hold ${size} blocks of ` +
          `${small.length} (${small.length * size})`,
      );
    }
    return { small };
  }
  const layout = checkCounts(f, v.counts, v.displs, size, big, bigName);
  if (layout.counts[rank] !== small.length) {
    throw new RangeError(
      `${f}: counts[${rank}] is ${layout.counts[rank]} but this rank's ${smallName} has ` +
        `${small.length} elements`,
    );
  }
  return { small, layout };
}

/**
 * Collects every rank's `sendArray` on rank `root`, in rank order, into `recvArray` (which needs
 * `size()` times as many elements; on the other ranks it is not used and may be null).
 *
 * @example
 * ```ts
 * import { gather, rank, size } from "./distributed/mod.ts";
 * const mine = new Float64Array([rank(), rank() * 10]);
 * const all = rank() === 0 ? new Float64Array(2 * size()) : null;
 * gather(mine, all, 0); // on rank 0: [0, 0, 1, 10, 2, 20, ...]
 * ```
 */
export function gather<T extends NumericArray>(
  sendArray: T,
  recvArray: T | null,
  root: number,
): T | null {
  const f = "gather", m = mpi(), r = checkRoot(m, f, root);
  const small = checkArray(f, "sendArray", sendArray), t = m.type[small.kind];
  if (m.rank === r) checkBlocks(f, m.size, r, ["sendArray", sendArray], ["recvArray", recvArray]);
  agree(m, f, { kind: small.kind, length: small.length, root: r });
  const code = m.rank === r
    ? m.lib.MPI_Gather(sendArray, small.length, t, recvArray, small.length, t, r, m.world)
    : m.lib.MPI_Gather(sendArray, small.length, t, null, 0, t, r, m.world);
  check(m.lib, f, code);
  return recvArray;
}

/**
 * Splits rank `root`'s `sendArray` into `size()` equal blocks; rank i receives block i into
 * `recvArray` (`sendArray` is not used on the other ranks and may be null).
 *
 * @example
 * ```ts
 * import { rank, scatter, size } from "./distributed/mod.ts";
 * const all = rank() === 0 ? Float64Array.from({ length: 3 * size() }, (_, i) => i) : null;
 * const mine = new Float64Array(3);
 * scatter(all, mine, 0); // rank i gets [3i, 3i + 1, 3i + 2]
 * ```
 */
export function scatter<T extends NumericArray>(
  sendArray: T | null,
  recvArray: T,
  root: number,
): T {
  const f = "scatter", m = mpi(), r = checkRoot(m, f, root);
  const small = checkArray(f, "recvArray", recvArray), t = m.type[small.kind];
  if (m.rank === r) checkBlocks(f, m.size, r, ["recvArray", recvArray], ["sendArray", sendArray]);
  agree(m, f, { kind: small.kind, length: small.length, root: r });
  const code = m.rank === r
    ? m.lib.MPI_Scatter(sendArray, small.length, t, recvArray, small.length, t, r, m.world)
    : m.lib.MPI_Scatter(null, 0, t, recvArray, small.length, t, r, m.world);
  check(m.lib, f, code);
  return recvArray;
}

/**
 * Like {@linkcode gather}, with the result on every rank.
 *
 * @example
 * ```ts
 * import { allgather, rank, size } from "./distributed/mod.ts";
 * const all = allgather(new Int32Array([rank()]), new Int32Array(size())); // [0, 1, 2, ...]
 * ```
 */
export function allgather<T extends NumericArray>(sendArray: T, recvArray: T): T {
  const f = "allgather", m = mpi();
  const { small } = checkBlocks(f, m.size, m.rank, ["sendArray", sendArray], [
    "recvArray",
    recvArray,
  ]);
  const n = small.length, t = m.type[small.kind];
  agree(m, f, { kind: small.kind, length: n });
  check(m.lib, f, m.lib.MPI_Allgather(sendArray, n, t, recvArray, n, t, m.world));
  return recvArray;
}

/**
 * Collects blocks of different lengths: rank i's `sendArray` (counts[i] elements) lands in
 * the root's `recvArray` at displs[i] (default: the blocks one after another). `counts`,
 * `displs` and `recvArray` are used on the root only.
 *
 * @example
 * ```ts
 * import { gatherv, rank, size } from "./distributed/mod.ts";
 * const counts = Array.from({ length: size() }, (_, i) => i + 1); // rank i sends i + 1 values
 * const mine = new Float64Array(rank() + 1).fill(rank());
 * const all = rank() === 0 ? new Float64Array(counts.reduce((a, b) => a + b)) : null;
 * gatherv(mine, all, counts, 0); // on rank 0: [0, 1, 1, 2, 2, 2, ...]
 * ```
 */
export function gatherv<T extends NumericArray>(
  sendArray: T,
  recvArray: T | null,
  counts: ArrayLike<number> | null,
  root: number,
  displs?: ArrayLike<number>,
): T | null {
  const f = "gatherv", m = mpi(), r = checkRoot(m, f, root), v = { counts, displs };
  const small = checkArray(f, "sendArray", sendArray), t = m.type[small.kind];
  const c = m.rank === r
    ? checkBlocks(f, m.size, r, ["sendArray", sendArray], ["recvArray", recvArray], v).layout!
    : { counts: null, displs: null };
  agree(m, f, { kind: small.kind, root: r });
  const into = m.rank === r ? recvArray : null;
  check(
    m.lib,
    f,
    m.lib.MPI_Gatherv(sendArray, small.length, t, into, c.counts, c.displs, t, r, m.world),
  );
  return recvArray;
}

/**
 * Sends blocks of different lengths: rank i receives counts[i] elements of the root's
 * `sendArray` from displs[i] (default: the blocks one after another) into its `recvArray`,
 * which must be exactly that long. `sendArray`, `counts` and `displs` are used on the root only.
 *
 * @example
 * ```ts
 * import { rank, scatterv, size } from "./distributed/mod.ts";
 * const counts = Array.from({ length: size() }, (_, i) => i + 1);
 * const all = rank() === 0 ? new Float64Array(counts.reduce((a, b) => a + b)).fill(1) : null;
 * const mine = new Float64Array(rank() + 1);
 * scatterv(all, mine, counts, 0);
 * ```
 */
export function scatterv<T extends NumericArray>(
  sendArray: T | null,
  recvArray: T,
  counts: ArrayLike<number> | null,
  root: number,
  displs?: ArrayLike<number>,
): T {
  const f = "scatterv", m = mpi(), r = checkRoot(m, f, root), v = { counts, displs };
  const small = checkArray(f, "recvArray", recvArray), t = m.type[small.kind];
  const c = m.rank === r
    ? checkBlocks(f, m.size, r, ["recvArray", recvArray], ["sendArray", sendArray], v).layout!
    : { counts: null, displs: null };
  agree(m, f, { kind: small.kind, root: r });
  const from = m.rank === r ? sendArray : null;
  check(
    m.lib,
    f,
    m.lib.MPI_Scatterv(from, c.counts, c.displs, t, recvArray, small.length, t, r, m.world),
  );
  return recvArray;
}

/**
 * Like {@linkcode gatherv}, with the result on every rank: `counts` (and `displs`) are needed
 * everywhere, and counts[rank()] must be this rank's `sendArray` length.
 *
 * @example
 * ```ts
 * import { allgatherv, rank, size } from "./distributed/mod.ts";
 * const counts = Array.from({ length: size() }, (_, i) => i + 1);
 * const all = new Int32Array(counts.reduce((a, b) => a + b));
 * allgatherv(new Int32Array(rank() + 1).fill(rank()), all, counts); // [0, 1, 1, 2, 2, 2, ...]
 * ```
 */
export function allgatherv<T extends NumericArray>(
  sendArray: T,
  recvArray: T,
  counts: ArrayLike<number>,
  displs?: ArrayLike<number>,
): T {
  const f = "allgatherv", m = mpi(), v = { counts, displs };
  const arrays = [["sendArray", sendArray], ["recvArray", recvArray]] as const;
  const { small, layout } = checkBlocks(f, m.size, m.rank, [...arrays[0]], [...arrays[1]], v);
  const c = layout!, t = m.type[small.kind];
  agree(m, f, { kind: small.kind });
  check(
    m.lib,
    f,
    m.lib.MPI_Allgatherv(sendArray, small.length, t, recvArray, c.counts, c.displs, t, m.world),
  );
  return recvArray;
}

// Every call of distributed/ checked against the arrays it must produce, on every rank; run by
// mpi_test.ts as `./tsjit mpirun -n N tests/_mpi_calls.ts` for N = 1, 2 and 3. Prints
// "ok rank R of N: K checks" when every check held; any failure throws, which ends the job.
import {
  allgather,
  allgatherv,
  allreduce,
  ANY_SOURCE,
  barrier,
  bcast,
  gather,
  gatherv,
  irecv,
  isend,
  type NumericArray,
  PROC_NULL,
  rank,
  recv,
  reduce,
  scatter,
  scatterv,
  send,
  sendrecv,
  size,
  wait,
} from "../distributed/mod.ts";

const r = rank(), n = size();
let checks = 0;

function same(actual: ArrayLike<unknown>, expected: ArrayLike<unknown>, what: string): void {
  checks++;
  const ok = actual.length === expected.length &&
    Array.from(actual).every((v, i) => Object.is(v, expected[i]));
  if (!ok) {
    throw new Error(
      `${what}: got [${Array.from(actual).join(", ")}], expected [${
        Array.from(expected).join(", ")
      }]`,
    );
  }
}

function throws(f: () => unknown, type: ErrorConstructor, words: string[], what: string) {
  checks++;
  try {
    f();
  } catch (e) {
    if (!(e instanceof type) || !words.every((w) => (e as Error).message.includes(w))) {
      throw new Error(`${what}: threw ${e}, expected a ${type.name} naming ${words.join(", ")}`);
    }
    return;
  }
  throw new Error(`${what}: did not throw`);
}

type Ctor = { new (n: number | ArrayBufferLike): NumericArray; name: string };
const KINDS: Ctor[] = [
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float16Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
];
const big = (C: Ctor) => C === BigInt64Array || C === BigUint64Array;

/** An array of kind C from plain numbers (converted as a store converts them). */
function of(C: Ctor, values: number[]): NumericArray {
  const a = new C(values.length);
  values.forEach((v, i) => (a[i] = big(C) ? BigInt(Math.trunc(v)) : v));
  return a;
}

/** Rank q's contribution to the reductions: values whose sums and products are exact in the
 * kind's floating-point type (so the order MPI combines them in does not matter), large enough
 * to wrap the integer kinds. */
const contribution = (
  q: number,
  C: Ctor,
) => [q + 1, 100 + q, 3 - 2 * q, C === Float32Array ? 70 + q : 70000 + q, 7, 0.5 * q];

// --- every kind: bcast, allreduce and reduce (in place) ---
for (const C of KINDS) {
  const name = C.name;
  const root = n - 1;
  const b = of(C, r === root ? [1, 2, 3, 4] : [9, 9, 9, 9]);
  same(bcast(b, root), of(C, [1, 2, 3, 4]), `bcast ${name}`);
  if (C === Float16Array) continue; // refused by reductions (checked below)
  for (const op of ["sum", "min", "max", "prod"] as const) {
    if (C === Uint8ClampedArray && (op === "sum" || op === "prod")) continue;
    const expected = of(C, contribution(0, C));
    for (let q = 1; q < n; q++) {
      const c = of(C, contribution(q, C));
      for (let i = 0; i < expected.length; i++) {
        const [x, y] = [expected[i], c[i]] as [number, number];
        if (big(C)) {
          const v = op === "sum"
            ? BigInt(x) + BigInt(y)
            : op === "prod"
            ? BigInt(x) * BigInt(y)
            : op === "min"
            ? (x < y ? x : y)
            : (x > y ? x : y);
          expected[i] = C === BigInt64Array
            ? BigInt.asIntN(64, BigInt(v))
            : BigInt.asUintN(64, BigInt(v));
        } else {
          expected[i] = op === "sum"
            ? x + y
            : op === "prod"
            ? x * y
            : op === "min"
            ? Math.min(x, y)
            : Math.max(x, y);
        }
      }
    }
    same(allreduce(of(C, contribution(r, C)), op), expected, `allreduce ${op} ${name}`);
    const mine = of(C, contribution(r, C));
    same(
      reduce(mine, op, 0),
      r === 0 ? expected : of(C, contribution(r, C)),
      `reduce ${op} ${name}`,
    );
  }
}

// --- floating-point min/max follow Math.min/Math.max: NaN wins, -0 is below +0 ---
for (const C of [Float32Array, Float64Array]) {
  const values = (q: number) => [q === 0 ? -0 : 0, q === n - 1 ? NaN : q, q === 0 ? 0 : -0, q];
  for (const op of ["min", "max"] as const) {
    const expected = values(0);
    for (let q = 1; q < n; q++) {
      const v = values(q);
      for (let i = 0; i < v.length; i++) expected[i] = Math[op](expected[i], v[i]);
    }
    same(allreduce(of(C, values(r)), op), of(C, expected), `allreduce ${op} ${C.name} NaN/-0`);
  }
}

// --- arrays on a SharedArrayBuffer, and subarrays: only the view's elements move ---
{
  const shared = new Float64Array(new SharedArrayBuffer(8 * 10)).fill(r + 1);
  allreduce(shared.subarray(3, 6), "sum");
  const total = (n * (n + 1)) / 2;
  same(
    shared,
    [r + 1, r + 1, r + 1, total, total, total, r + 1, r + 1, r + 1, r + 1],
    "SAB subarray",
  );
}

// --- point to point: a ring (send/recv ordered to avoid deadlock), then ANY_SOURCE ---
{
  const next = (r + 1) % n, prev = (r + n - 1) % n;
  const out = new Int32Array([r, r * r, 7 - r]);
  const into = new Int32Array(8).fill(-7);
  if (n === 1) {
    const req = isend(out, 0, 11);
    const st = recv(into.subarray(2, 5), 0, 11);
    wait(req);
    same([st.source, st.tag, st.count], [0, 11, 3], "self send status");
  } else if (r % 2 === 0) {
    send(out, next, 11);
    const st = recv(into.subarray(2, 5), prev, 11);
    same([st.source, st.tag, st.count], [prev, 11, 3], "ring status");
  } else {
    const st = recv(into.subarray(2, 5), prev, 11);
    send(out, next, 11);
    same([st.source, st.tag, st.count], [prev, 11, 3], "ring status");
  }
  same(into, [-7, -7, prev, prev * prev, 7 - prev, -7, -7, -7], "ring data into a subarray");

  if (r === 0) {
    const seen = new Set<number>();
    for (let q = 1; q < n; q++) {
      const got = new Float64Array(4);
      const st = recv(got, ANY_SOURCE, 12);
      seen.add(st.source);
      same(got.subarray(0, st.count), [st.source, 0.5], "ANY_SOURCE data");
    }
    same([...seen].sort(), Array.from({ length: n - 1 }, (_, i) => i + 1), "ANY_SOURCE senders");
  } else {
    send(new Float64Array([r, 0.5]), 0, 12);
  }
}

// --- a message longer than the receiving array is a RangeError, and MPI stays usable ---
if (n >= 2) {
  if (r === 1) send(new Float64Array(5), 0, 13);
  if (r === 0) throws(() => recv(new Float64Array(3), 1, 13), RangeError, ["longer"], "truncation");
  barrier();
}

// --- halo exchange: rows [1, h] are mine, rows 0 and h + 1 are ghosts ---
{
  const w = 5, h = 3, u = new Float64Array(w * (h + 2)).fill(-1);
  for (let i = 1; i <= h; i++) for (let j = 0; j < w; j++) u[i * w + j] = 100 * r + 10 * i + j;
  const up = r > 0 ? r - 1 : PROC_NULL, down = r < n - 1 ? r + 1 : PROC_NULL;
  const row = (i: number) => u.subarray(i * w, (i + 1) * w);
  sendrecv(row(1), up, row(h + 1), down, 3); // my first row up, the ghost below from below
  sendrecv(row(h), down, row(0), up, 4); // my last row down, the ghost above from above
  const expectRow = (q: number, i: number) =>
    Array.from({ length: w }, (_, j) => 100 * q + 10 * i + j);
  same(row(0), up === PROC_NULL ? Array(w).fill(-1) : expectRow(r - 1, h), "ghost above");
  same(row(h + 1), down === PROC_NULL ? Array(w).fill(-1) : expectRow(r + 1, 1), "ghost below");
}

// --- gather, scatter, allgather and the v forms ---
for (const C of [Uint8Array, Int32Array, Float64Array, BigInt64Array]) {
  const mine = of(C, [r, r + 10]);
  const all = of(C, Array.from({ length: n }, (_, q) => [q, q + 10]).flat());
  const root = n > 1 ? 1 : 0;
  const g = gather(mine, r === root ? new C(2 * n) : null, root);
  if (r === root) same(g!, all, `gather ${C.name}`);
  same(allgather(mine, new C(2 * n)), all, `allgather ${C.name}`);
  const part = new C(2);
  same(scatter(r === root ? all : null, part, root), of(C, [r, r + 10]), `scatter ${C.name}`);

  // rank q has q + 1 values q; the root's array has a gap of one element before each block
  const counts = Array.from({ length: n }, (_, q) => q + 1);
  const displs = counts.map((_, q) => (q * (q + 1)) / 2 + q + 1);
  const total = displs[n - 1] + counts[n - 1];
  const spaced = of(C, Array(total).fill(99));
  counts.forEach((c, q) => {
    for (let k = 0; k < c; k++) spaced[displs[q] + k] = big(C) ? BigInt(q) : q;
  });
  const v = gatherv(
    of(C, Array(r + 1).fill(r)),
    r === root ? of(C, Array(total).fill(99)) : null,
    r === root ? counts : null,
    root,
    displs,
  );
  if (r === root) same(v!, spaced, `gatherv ${C.name}`);
  same(
    allgatherv(of(C, Array(r + 1).fill(r)), of(C, Array(total).fill(99)), counts, displs),
    spaced,
    `allgatherv ${C.name}`,
  );
  same(
    scatterv(r === root ? spaced : null, new C(r + 1), r === root ? counts : null, root, displs),
    of(C, Array(r + 1).fill(r)),
    `scatterv ${C.name}`,
  );
  const packed = counts.flatMap((c, q) => Array(c).fill(q));
  same(
    allgatherv(of(C, Array(r + 1).fill(r)), new C(packed.length), counts),
    of(C, packed),
    `allgatherv packed ${C.name}`,
  );
}

// --- non-blocking: every rank sends to every rank (itself included) at once ---
{
  const got = Array.from({ length: n }, () => new Float32Array(3));
  const reqs = [];
  for (let q = 0; q < n; q++) reqs.push(irecv(got[q], q, 20 + r));
  for (let q = 0; q < n; q++) reqs.push(isend(new Float32Array([r, q, 0.25]), q, 20 + q));
  const status = reqs.map(wait);
  for (let q = 0; q < n; q++) {
    same(got[q], [q, r, 0.25], `irecv from ${q}`);
    same([status[q].source, status[q].tag, status[q].count], [q, 20 + r, 3], `irecv status ${q}`);
  }
  same([reqs.every((q) => q.done), wait(reqs[0]).source], [true, 0], "wait twice");
}

// --- wrong calls: TypeError or RangeError naming the argument, before MPI is reached ---
throws(() => allreduce([1, 2] as unknown as Float64Array, "sum"), TypeError, [
  "allreduce",
  "array",
  "plain Array",
], "plain array");
throws(() => bcast(new DataView(new ArrayBuffer(8)) as unknown as Uint8Array, 0), TypeError, [
  "bcast",
  "array",
], "DataView");
throws(
  () => allreduce(new Float64Array(2), "avg" as "sum"),
  TypeError,
  ["op", '"avg"'],
  "unknown op",
);
throws(() => allreduce(new Float16Array(2), "sum"), TypeError, ["Float16Array"], "Float16 reduce");
throws(
  () => allreduce(new Uint8ClampedArray(2), "sum"),
  TypeError,
  ["Uint8ClampedArray"],
  "clamped sum",
);
throws(() => bcast(new Float64Array(2), n), RangeError, ["root", `${n}`], "root out of range");
throws(() => bcast(new Float64Array(2), 0.5), TypeError, ["root", "integer"], "fractional root");
throws(() => reduce(new Float64Array(2), "sum", -1), RangeError, ["root"], "negative root");
throws(() => send(new Float64Array(2), -5), RangeError, ["dest", "-5"], "bad dest");
throws(() => recv(new Float64Array(2), n + 3), RangeError, ["source"], "bad source");
throws(() => send(new Float64Array(2), 0, -3), RangeError, ["tag"], "bad tag");
throws(
  () => send(new Float64Array(2), 0, "1" as unknown as number),
  TypeError,
  ["tag"],
  "string tag",
);
throws(() => allgather(new Float64Array(2), new Float64Array(2 * n + 1)), RangeError, [
  "recvArray",
  `${2 * n + 1}`,
], "allgather size");
throws(
  () => allgather(new Float64Array(2), new Float32Array(2 * n) as unknown as Float64Array),
  TypeError,
  [
    "recvArray",
    "Float32Array",
  ],
  "allgather kind",
);
throws(
  () => sendrecv(new Int32Array(1), 0, new Uint32Array(1), 0),
  TypeError,
  ["recvArray"],
  "sendrecv kind",
);
if (n === 1) {
  throws(
    () => gather(new Float64Array(2), null, 0),
    TypeError,
    ["recvArray", "null"],
    "gather without recvArray",
  );
}
throws(
  () => allgatherv(new Float64Array(1), new Float64Array(n), Array(n + 1).fill(1)),
  RangeError,
  ["counts", `${n + 1}`],
  "counts length",
);
throws(
  () => allgatherv(new Float64Array(1), new Float64Array(n), Array(n).fill(1), Array(n).fill(n)),
  RangeError,
  ["past the end", "recvArray"],
  "displs out of range",
);
throws(
  () => allgatherv(new Float64Array(2), new Float64Array(2 * n), Array(n).fill(1)),
  RangeError,
  ["counts[", "sendArray"],
  "own count",
);
throws(() => isend(new Float64Array(new ArrayBuffer(16, { maxByteLength: 64 })), 0), TypeError, [
  "resizable",
], "resizable isend");
{
  const ab = new ArrayBuffer(16), detached = new Float64Array(ab);
  ab.transfer();
  throws(() => bcast(detached, 0), TypeError, ["array", "detached"], "detached buffer");
  const proxy = new Proxy(new Float64Array(2), {});
  throws(() => allreduce(proxy, "sum"), TypeError, ["array", "not a real typed array"], "Proxy");
}
{
  const req = irecv(new Float64Array(1), r, 30);
  send(new Float64Array([r]), r, 30);
  const Forged = Object.getPrototypeOf(req).constructor;
  throws(
    () => new Forged(Symbol(), new Float64Array(1), {}, () => 0),
    TypeError,
    ["isend"],
    "forged Request",
  );
  throws(() => wait({} as typeof req), TypeError, ["request"], "wait on a plain object");
  same(new Float64Array([wait(req).source]), [r], "self message");
}

// TSJIT_MPI_CHECK=1: ranks that disagree on a collective's arguments all get the same error.
if (Deno.env.get("TSJIT_MPI_CHECK") === "1" && n > 1) {
  const ranksDisagree = ["ranks disagree", "TSJIT_MPI_CHECK"];
  throws(() => allreduce(new Float64Array(2 + r), "sum"), RangeError, [
    ...ranksDisagree,
    "length",
    "2 and",
  ], "lengths differ");
  throws(() => bcast(new Int32Array(2), r), RangeError, ["root", "0 and"], "roots differ");
  const kinds = r === 0 ? new Float64Array(2) : new Float32Array(2) as unknown as Float64Array;
  throws(
    () => allreduce(kinds, "max"),
    TypeError,
    ["array kind", "Float32Array and Float64Array"],
    "kinds differ",
  );
  throws(() => reduce(new Int32Array(1), r === 0 ? "sum" : "max", 0), TypeError, [
    "op",
    "sum and max",
  ], "ops differ");
  throws(() => gather(new Int8Array(1 + r), r === 0 ? new Int8Array(n) : null, 0), RangeError, [
    "length",
  ], "gather lengths differ");

  console.log(`agreement checks ran on rank ${r}`);
}

// A subclass whose `length` lies moves its real elements, never more.
class Liar extends Float64Array {
  override get length() {
    return 1 << 20;
  }
}
same(new Float64Array(bcast(new Liar([r === 0 ? 5 : 0, 6]), 0).buffer), [5, 6], "a lying length");

barrier();
console.log(`ok rank ${r} of ${n}: ${checks} checks`);

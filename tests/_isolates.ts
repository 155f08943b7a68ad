// Two isolates (the main thread and user Workers) importing mod.ts and running prange kernels at
// the same time (tests/isolates_test.ts). Run as a script: it prints "ok" or what went wrong. As
// a Worker (the `worker` query), it runs the same kernels and reports each round to its parent.
import { getNumThreads, getThreadId, jit, prange, setNumThreads } from "../mod.ts";

const sum = jit((a: Float64Array) => {
  let s = 0;
  for (const i of prange(a.length)) s += a[i];
  return s;
});
const fill = jit((a: Float64Array, v: number) => {
  for (const i of prange(a.length)) a[i] = v + i;
});
const ids = jit((out: Int32Array) => {
  for (const i of prange(out.length)) out[i] = getThreadId();
});

/**
 * Fills and sums of `n` elements, `rounds` times and then until `until[0]` is set (by the other
 * isolate); the first wrong result, or undefined.
 */
function work(tag: string, n: number, rounds: number, until?: Int32Array): string | undefined {
  const a = new Float64Array(n);
  for (let r = 0; r < rounds || (until && Atomics.load(until, 0) === 0); r++) {
    fill(a, r);
    const expect = n * r + (n * (n - 1)) / 2;
    const got = sum(a);
    if (got !== expect) return `${tag}: round ${r}: sum ${got}, expected ${expect}`;
  }
  return undefined;
}

/** This process's OS threads, by name (/proc/self/task/N/comm). */
function threads(): Map<string, number> {
  const count = new Map<string, number>();
  for (const t of Deno.readDirSync("/proc/self/task")) {
    let name: string;
    try {
      name = Deno.readTextFileSync(`/proc/self/task/${t.name}/comm`).trim();
    } catch {
      continue; // the thread ended meanwhile
    }
    count.set(name, (count.get(name) ?? 0) + 1);
  }
  return count;
}

/**
 * The threads Workers and pools account for: pool threads ("tsjit-pool") and Workers' own
 * ("worker-N"). Deno's helper threads (its blocking-I/O pool, a thread it starts with the first
 * Worker) come and go by themselves and are not counted.
 */
function poolThreads(): { pool: number; workers: number } {
  let pool = 0, workers = 0;
  for (const [name, n] of threads()) {
    if (name === "tsjit-pool") pool += n;
    if (name.startsWith("worker-")) workers += n;
  }
  return { pool, workers };
}

const self = globalThis as unknown as {
  onmessage: ((e: MessageEvent) => void) | null;
  postMessage(m: unknown): void;
};

if (new URL(import.meta.url).searchParams.has("worker")) {
  self.onmessage = (e: MessageEvent) => {
    const { id, n, rounds, done } = e.data;
    const error = work(`worker ${id}`, n, rounds);
    Atomics.store(done, 0, 1);
    self.postMessage({ error: error ?? null });
  };
  work("worker warm-up", 1000, 1); // compiles and starts this isolate's pool
  self.postMessage({ ready: true });
} else {
  const url = new URL("?worker", import.meta.url).href;
  const start = () => {
    const w = new Worker(url, { type: "module" });
    const ready = new Promise<void>((ok) => w.onmessage = () => ok());
    return { w, ready };
  };
  const ask = (w: Worker, m: unknown) =>
    new Promise<string | null>((ok, fail) => {
      w.onmessage = (e) => ok(e.data.error);
      w.onerror = (e) => fail(e.message);
      w.postMessage(m);
    });
  const errors: string[] = [];
  if (work("main warm-up", 1000, 1)) errors.push("main warm-up failed");

  const settled = async (ok: () => boolean) => {
    for (let t = 0; t < 200 && !ok(); t++) await new Promise((r) => setTimeout(r, 50));
  };
  const mainPool = getNumThreads() - 1;
  const gone = () => {
    const now = poolThreads();
    return now.pool === mainPool && now.workers === 0;
  };

  // ten times: regions in the main isolate and in a new Worker at the same time, each on its
  // own pool, from the Worker's start to its end
  for (let run = 0; run < 10; run++) {
    const one = start();
    await one.ready;
    const done = new Int32Array(new SharedArrayBuffer(4));
    const pending = ask(one.w, { id: run, n: 100_003, rounds: 60, done });
    const mine = work(`main, run ${run}`, 99_991, 20, done);
    if (mine) errors.push(mine);
    const theirs = await pending;
    if (theirs) errors.push(theirs);
    one.w.terminate();
  }
  await settled(gone);

  // five more Workers, each with a pool, terminated: their threads end with them
  const five = Array.from({ length: 5 }, start);
  await Promise.all(five.map((x) => x.ready));
  const during = poolThreads();
  for (const x of five) x.w.terminate();
  await settled(gone);
  if (during.pool !== mainPool * 6 || !gone()) {
    errors.push(
      `threads: ${JSON.stringify(during)} with five Workers, ${
        JSON.stringify(poolThreads())
      } after they ended; the main pool has ${mainPool} besides the main thread`,
    );
  }

  // the main isolate's pool still works and obeys setNumThreads
  const more = work("main after", 50_000, 20);
  if (more) errors.push(more);
  setNumThreads(1);
  const out = new Int32Array(10_000).fill(-1);
  ids(out);
  if (out.some((x) => x !== 0)) errors.push(`setNumThreads(1): ids ${[...new Set(out)]}`);
  console.log(errors.length ? errors.join("\n") : "ok");
}

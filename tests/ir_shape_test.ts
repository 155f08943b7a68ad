// IR shapes: optimizations that would stop working without any result changing. Each test reads
// the optimized LLVM IR (inspectLLVM) of a small kernel and checks the shape the optimization
// leaves; each also checks a counterpart where the shape must be absent, so that the reading
// itself is shown to tell the two apart.
import { assert, assertEquals } from "./_assert.ts";
import { checksEachIteration, failBlocks, functions, isVectorLoop, loops } from "./_ir.ts";
import { jit, prange } from "../mod.ts";

const f64 = (n: number) => new Float64Array(n);

/** The IR functions of `f`'s only compiled signature. */
function compiled(f: { inspectLLVM(): string }) {
  return functions(f.inspectLLVM());
}

Deno.test("a counted loop's unchecked copy is vectorized and has no check per iteration", () => {
  // n is not x.length: every access needs a check, which versioning hoists out of the loop
  const scale = jit((x: Float64Array, r: Float64Array, n: number, k: number) => {
    for (let i = 0; i < n; i++) r[i] = x[i] * k;
  });
  scale(f64(8), f64(8), 8, 2);
  const fns = compiled(scale);
  const all = fns.flatMap((fn) => loops(fn).map((loop) => ({ fn, loop })));
  // the checked copy is still there (out-of-bounds calls must throw) ...
  assert(fns.some((fn) => failBlocks(fn).size > 0), "no bounds check left at all");
  assert(all.some(({ fn, loop }) => checksEachIteration(fn, loop)), "no checked copy");
  // ... and the fast copy is a vector loop without a check
  assert(
    all.some(({ fn, loop }) => isVectorLoop(loop) && !checksEachIteration(fn, loop)),
    "no unchecked vector loop",
  );
});

Deno.test("hoisted bounds checks leave a loop without a check; an unprovable index keeps it", () => {
  // a float sum is not vectorized (the order of additions is kept): only the hoisting is seen
  const sum = jit((x: Float64Array, n: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i];
    return s;
  });
  sum(f64(8), 8);
  const fns = compiled(sum);
  assert(fns.some((fn) => failBlocks(fn).size > 0), "no bounds check left at all");
  assert(
    fns.some((fn) => loops(fn).some((loop) => !checksEachIteration(fn, loop))),
    "every loop checks each iteration",
  );
  // an index read from memory cannot be checked before the loop: every loop keeps its check
  const gather = jit((x: Float64Array, idx: Int32Array) => {
    let s = 0;
    for (let i = 0; i < idx.length; i++) s += x[idx[i]];
    return s;
  });
  gather(f64(8), new Int32Array(4));
  const g = compiled(gather).flatMap((fn) => loops(fn).map((loop) => ({ fn, loop })));
  assert(g.length > 0, "no loop found");
  assertEquals(g.filter(({ fn, loop }) => !checksEachIteration(fn, loop)).length, 0);
});

Deno.test("a prange body is outlined into a function of its own, handed to the pool", () => {
  const rows = jit((out: Float64Array, w: number) => {
    for (const y of prange(out.length)) out[y] = y * w;
  });
  rows(f64(8), 2);
  const fns = compiled(rows);
  const outlined = new Set(
    fns.flatMap((fn) =>
      fn.blocks.flatMap((b) =>
        b.lines.flatMap((l) => [...l.matchAll(/@tsjit_parallel_chunks\(ptr [^@]*@([\w.$-]+)/g)])
      )
    ).map((m) => m[1]),
  );
  assert(outlined.size > 0, "no region is started");
  for (const name of outlined) {
    const body = fns.find((fn) => fn.name === name);
    assert(body, `${name} is not defined in the module`);
    assert(loops(body).length > 0, `${name} has no loop`);
    assert(
      body.blocks.some((b) =>
        b.lines.some((l) => /store double/.test(l) || /store <\d+ x double>/.test(l))
      ),
    );
  }
  // a plain loop starts no region
  const serial = jit((out: Float64Array, w: number) => {
    for (let y = 0; y < out.length; y++) out[y] = y * w;
  });
  serial(f64(8), 2);
  assertEquals(serial.inspectLLVM().includes("@tsjit_parallel_chunks("), false);
});

Deno.test({
  name: "large element-wise loops store with non-temporal vector stores (x86-64)",
  ignore: Deno.build.arch !== "x86_64",
  fn() {
    const add = jit((x: Float64Array, y: Float64Array, r: Float64Array) => {
      for (let i = 0; i < r.length; i++) r[i] = x[i] + y[i];
    });
    add(f64(8), f64(8), f64(8));
    assert(/store <\d+ x double> [^\n]*!nontemporal/.test(add.inspectLLVM()), "no streaming store");
    // a reduction writes no array: no streaming path
    const dot = jit((x: Float64Array, y: Float64Array) => {
      let s = 0;
      for (let i = 0; i < x.length; i++) s += x[i] * y[i];
      return s;
    });
    dot(f64(8), f64(8));
    assertEquals(dot.inspectLLVM().includes("!nontemporal"), false);
  },
});

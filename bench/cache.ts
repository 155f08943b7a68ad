// The compile cache: the first call of a kernel in a fresh process with an empty cache (a cold
// compile) against the same in a fresh process that finds it cached. Timed inside each process,
// so Deno's own start-up is excluded; tsjit's import is reported apart.
// Run: ./tsjit run --allow-run --allow-write bench/cache.ts
import { median } from "./_stats.ts";

const dir = await Deno.makeTempDir({ prefix: "tsjit-cache-bench-" });
const script = `${dir}/kernel.ts`;
Deno.writeTextFileSync(
  script,
  `const t0 = performance.now();
const { cacheStats, jit } = await import("${new URL("../mod.ts", import.meta.url).href}");
const t1 = performance.now();
const blur = jit(function blur(img: Float64Array, out: Float64Array, w: number, h: number) {
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const p = y * w + x;
      out[p] = (img[p - w] + img[p - 1] + img[p] + img[p + 1] + img[p + w]) / 5;
    }
  }
}, { cache: true });
blur(new Float64Array(64), new Float64Array(64), 8, 8);
const t2 = performance.now();
console.log(JSON.stringify({ importMs: t1 - t0, firstCallMs: t2 - t1, ...cacheStats }));`,
);
function run() {
  const o = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-ffi",
      "--allow-read",
      "--allow-env",
      "--allow-run=cc",
      `--allow-write=${dir}`,
      script,
    ],
    env: { TSJIT_CACHE_DIR: `${dir}/cache` },
    stdout: "piped",
    stderr: "inherit",
  }).outputSync();
  return JSON.parse(new TextDecoder().decode(o.stdout));
}
const cold: { importMs: number; firstCallMs: number }[] = [];
const warm: { importMs: number; firstCallMs: number; hits: number }[] = [];
for (let k = 0; k < 5; k++) {
  try {
    Deno.removeSync(`${dir}/cache`, { recursive: true });
  } catch { /* first round: no cache yet */ }
  cold.push(run());
  warm.push(run());
}
Deno.removeSync(dir, { recursive: true });
const m = (xs: number[]) => median(xs).toFixed(1);
console.log(
  `compile cache (${new Date().toISOString().slice(0, 10)}), medians of 5 fresh processes each`,
);
console.log(
  `  cold (empty cache; compile, link and store): first call ${
    m(cold.map((c) => c.firstCallMs))
  } ms`,
);
console.log(
  `  cached: first call ${m(warm.map((c) => c.firstCallMs))} ms (hits: ${
    warm.map((w) => w.hits).join(",")
  })`,
);
console.log(`  importing mod.ts: ${m([...cold, ...warm].map((c) => c.importMs))} ms`);

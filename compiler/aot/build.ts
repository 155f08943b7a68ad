// `./tsjit aot MODULE.ts --out DIR`: the exported jitted functions of a module, compiled for
// their declared signatures (jit(fn, { signature })), linked into one shared library with a
// small TypeScript loader that needs neither LLVM nor the compiler at run time.
import { pathToFileURL } from "node:url";
import { SPECIALIZATIONS } from "../_source.ts";
import { formatLocation } from "../diagnostics.ts";
import { hostTarget } from "../llvm/mod.ts";
import { CTX_HEADER, Status } from "../lower/lower.ts";
import { objectOf, signatureText, type Specialization } from "../pipeline.ts";
import { isArray } from "../types/types.ts";
import { guardSource } from "../_invoke.ts";

/** CPU features gcc's __builtin_cpu_supports knows, as LLVM spells them. */
const CHECKABLE = [
  "sse3",
  "ssse3",
  "sse4.1",
  "sse4.2",
  "popcnt",
  "avx",
  "avx2",
  "fma",
  "bmi",
  "bmi2",
  "f16c",
  "avx512f",
  "avx512dq",
  "avx512bw",
  "avx512vl",
  "avx512cd",
  "avx512vbmi",
  "avx512ifma",
];

function usage(msg?: string): never {
  if (msg) console.error(`tsjit aot: ${msg}`);
  console.error("usage: ./tsjit aot MODULE.ts --out DIR");
  Deno.exit(2);
}

const args = [...Deno.args];
const outAt = args.indexOf("--out");
if (outAt < 0 || !args[outAt + 1]) usage("--out DIR is required");
const out = args[outAt + 1];
args.splice(outAt, 2);
if (args.length !== 1) usage();
const modulePath = await Deno.realPath(args[0]);

const mod = await import(pathToFileURL(modulePath).href);
type Jitted = { [SPECIALIZATIONS]?: () => Specialization[] };
const exported: { name: string; specs: Specialization[] }[] = [];
for (const [name, value] of Object.entries(mod)) {
  const specs = (value as Jitted)?.[SPECIALIZATIONS]?.();
  if (!specs) continue;
  if (!specs.length) {
    usage(`export '${name}' has no compiled signature: give it jit(fn, { signature: "..." })`);
  }
  exported.push({ name, specs });
}
if (!exported.length) usage(`${args[0]} exports no jitted function`);

Deno.mkdirSync(out, { recursive: true });
const objects: string[] = [];
for (const { specs } of exported) {
  for (const spec of specs) {
    const o = `${out}/${spec.entrySymbol.replace(/[^\w]/g, "_")}.o`;
    Deno.writeFileSync(o, objectOf(spec));
    objects.push(o);
  }
}

// a check the loader runs first: the CPU must have the features the code was compiled for
const features = hostTarget().features.split(",").filter((f) => f.startsWith("+")).map((f) =>
  f.slice(1)
)
  .filter((f) => CHECKABLE.includes(f));
const checkC = `${out}/cpu_check.c`;
Deno.writeTextFileSync(
  checkC,
  `#include <string.h>\n/* Writes the first required CPU feature this CPU lacks into buf ("" if none). */\n` +
    `void tsjit_aot_missing(char* buf) {\n  __builtin_cpu_init();\n  buf[0] = 0;\n${
      features.map((f) => `  if (!__builtin_cpu_supports("${f}")) { strcpy(buf, "${f}"); return; }`)
        .join("\n")
    }\n}\n`,
);
const entryC = new URL("../runtime/entry.c", import.meta.url).pathname;
const lib = `${out}/libtsjit_aot.so`;
const link = new Deno.Command("cc", {
  args: ["-O2", "-shared", "-fPIC", "-o", lib, ...objects, checkC, entryC, "-lm", "-ldl"],
  stderr: "piped",
}).outputSync();
if (!link.success) usage(`linking failed: ${new TextDecoder().decode(link.stderr)}`);
for (const o of [...objects, checkC]) Deno.removeSync(o);

// the loader
const messages: Record<number, string> = {
  [Status.outOfBounds]: "index ${i} is out of bounds for '${a}' (length ${n})",
  [Status.nonIntegerIndex]: "index ${i} into '${a}' is not an integer",
  [Status.zeroStep]: "range() step must not be 0",
  [Status.nonIntegerBound]: "prange() bounds and step must be integers",
  [Status.noReturnValue]: "the function reached its end without returning a value",
};
const symbols: string[] = [];
const functions: string[] = [];
for (const { name, specs } of exported) {
  const arity = specs[0].argTypes.length;
  const params = Array.from({ length: arity }, (_, i) => `a${i}`);
  const branches = specs.map((spec, k) => {
    const arrays = spec.argTypes.map((t, i) => (isArray(t) ? `a${i}` : "")).filter(Boolean);
    symbols.push(
      `  "${spec.entrySymbol}": { parameters: ${
        JSON.stringify(Array(arrays.length + 1).fill("buffer"))
      }, result: "f64" },`,
    );
    const ctx = `ctx_${name}_${k}`;
    const sites = spec.sites.map((s) => `${s.array ?? ""}\u0000${formatLocation(s.src, s.range)}`);
    const fills = spec.argTypes.map((t, i) =>
      `${ctx}[${CTX_HEADER + i}] = ${
        isArray(t) ? `a${i}.length` : t === "bool" ? `a${i} ? 1 : 0` : `a${i}`
      };`
    ).join(" ");
    const ret = spec.returnType === "bool"
      ? "r !== 0"
      : spec.returnType === "void"
      ? "undefined"
      : "r";
    return `  if (${guardSource(spec.argTypes, true)}) {
    ${fills}
    const r = lib.symbols["${spec.entrySymbol}"](${[...arrays, ctx].join(", ")});
    if (${ctx}[1] !== 0) throw failure(${ctx}, ${JSON.stringify(sites)});
    return ${ret};
  }`;
  });
  const ctxDecls = specs.map((spec, k) =>
    `const ctx_${name}_${k} = new Float64Array(${CTX_HEADER + spec.argTypes.length});`
  );
  functions.push(`${ctxDecls.join("\n")}
/** ${specs.map((s) => signatureText(s.argTypes, s.returnType)).join("; ")} */
export function ${name}(${params.join(", ")}) {
  if (arguments.length === ${arity}) {
${branches.join("\n")}
  }
  throw new TypeError(${
    JSON.stringify(`${name}() accepts ${
      specs.map((s) => signatureText(s.argTypes, s.returnType)).join(" or ")
    }`)
  });
}`);
}

const loader = `// Generated by \`./tsjit aot ${args[0]}\`: ${
  exported.map((e) => e.name).join(", ")
}.
// Loads libtsjit_aot.so (compiled for ${hostTarget().cpu}); needs --allow-ffi, no LLVM, no compiler.
// deno-lint-ignore-file
const lib = Deno.dlopen(new URL("./libtsjit_aot.so", import.meta.url), {
  tsjit_aot_missing: { parameters: ["buffer"], result: "void" },
${symbols.join("\n")}
} as const);
const buf = new Uint8Array(64);
lib.symbols.tsjit_aot_missing(buf);
const missing = new TextDecoder().decode(buf.subarray(0, buf.indexOf(0)));
if (missing) {
  throw new Error(\`this library was compiled for a CPU with \${missing}, which this CPU lacks; rebuild it here with ./tsjit aot\`);
}
const messages: Record<number, string> = ${JSON.stringify(messages)};
function failure(ctx: Float64Array, sites: string[]): Error {
  const [a, where] = (sites[ctx[3]] ?? "\\u0000").split("\\u0000");
  const text = (messages[ctx[1]] ?? "runtime error").replace("\${i}", String(ctx[2])).replace("\${a}", a).replace("\${n}", String(ctx[4]));
  const status = ctx[1];
  ctx[1] = 0;
  const msg = \`\${text}\${where ? "\\n  " + where : ""}\`;
  return status === ${Status.noReturnValue} ? new TypeError(msg) : new RangeError(msg);
}

${functions.join("\n\n")}
`;
Deno.writeTextFileSync(`${out}/mod.ts`, loader);
console.log(
  `tsjit aot: ${
    exported.map((e) =>
      `${e.name} ${e.specs.map((s) => signatureText(s.argTypes, s.returnType)).join("; ")}`
    ).join(", ")
  }` +
    `\n  → ${lib}\n  → ${out}/mod.ts (import it; it needs --allow-ffi and no LLVM)`,
);

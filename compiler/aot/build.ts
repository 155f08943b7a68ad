// `./tsjit aot MODULE.ts --out DIR`: the exported jitted functions of a module, compiled for
// their declared signatures (jit(fn, { signature })), linked into one shared library with a
// small TypeScript loader that needs neither LLVM nor the compiler at run time.
import { basename, dirname, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { type JitSource, SOURCE, SPECIALIZATIONS } from "../source.ts";
import { formatLocation, sourceLocation } from "../diagnostics.ts";
import { hostTarget } from "../llvm/mod.ts";
import { abiDefines, CTX_HEADER } from "../runtime/abi.ts";
import { objectOf, signatureText, type Specialization } from "../pipeline.ts";
import { BOOL, isArray, type Type, VOID } from "../types/types.ts";
import {
  acceptedSource,
  callSource,
  errorPlace,
  guardSource,
  invokerPrelude,
} from "../runtime/invoke.ts";

/**
 * Features every x86-64 CPU has (the System V psABI's baseline, which the triple implies): the
 * loader need not test them.
 */
const X86_64_BASELINE = ["64bit", "cx8", "fxsr", "mmx", "sse", "sse2", "cmov", "x87"];

/**
 * The CPU features the code may use, split by whether the C compiler's __builtin_cpu_supports
 * can test them: derived from the features LLVM compiles for (every "+name"), probing the
 * compiler with one test per line; those it rejects are named by its error lines.
 */
function testableFeatures(dir: string): { testable: string[]; untestable: string[] } {
  const wanted = hostTarget().features.split(",").filter((f) => f.startsWith("+"))
    .map((f) => f.slice(1)).filter((f) => !X86_64_BASELINE.includes(f));
  if (!/^x86_64/.test(hostTarget().triple)) return { testable: [], untestable: [] };
  const probe = `${dir}/cpu_probe.c`;
  Deno.writeTextFileSync(
    probe,
    wanted.map((f, i) => `int p${i}(void) { return __builtin_cpu_supports("${f}"); }`).join("\n"),
  );
  const o = new Deno.Command("cc", { args: ["-c", "-o", "/dev/null", probe], stderr: "piped" })
    .outputSync();
  Deno.removeSync(probe);
  const bad = new Set<number>();
  for (const m of new TextDecoder().decode(o.stderr).matchAll(/cpu_probe\.c:(\d+):\d+: error/g)) {
    bad.add(+m[1] - 1);
  }
  if (!o.success && !bad.size) usage(`cannot test CPU features with cc: ${o.stderr}`);
  return {
    testable: wanted.filter((_, i) => !bad.has(i)),
    untestable: wanted.filter((_, i) => bad.has(i)),
  };
}

/** The TypeScript type of a value of type `t` at the loader's boundary. */
function tsType(t: Type): string {
  return isArray(t) ? t.elem.name : t === BOOL ? "boolean" : t === VOID ? "void" : "number";
}

function usage(msg?: string): never {
  if (msg) console.error(`tsjit aot: ${msg}`);
  console.error("usage: ./tsjit aot MODULE.ts --out DIR");
  Deno.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    args: Deno.args,
    options: { out: { type: "string" } },
    allowPositionals: true,
  });
} catch (e) {
  usage((e as Error).message);
}
const args = parsed.positionals;
const out = parsed.values.out ?? usage("--out DIR is required");
if (args.length !== 1) usage();
const modulePath = await Deno.realPath(args[0]);

const mod = await import(pathToFileURL(modulePath).href);
type Jitted = { [SPECIALIZATIONS]?: () => Specialization[]; [SOURCE]?: JitSource };
const exported: { name: string; specs: Specialization[]; source: JitSource }[] = [];
for (const [name, value] of Object.entries(mod)) {
  const specs = (value as Jitted)?.[SPECIALIZATIONS]?.();
  const source = (value as Jitted)?.[SOURCE];
  if (!specs || !source) continue;
  if (!specs.length) {
    usage(`export '${name}' has no compiled signature: give it jit(fn, { signature: "..." })`);
  }
  // a module table read by reference is this process's object: a library cannot capture it
  const tables = source.parsed().ast.params.filter((p) => p.hidden).map((p) => `'${p.name}'`);
  if (tables.length) {
    usage(
      `export '${name}' reads the typed array ${tables.join(", ")} of its module by reference, ` +
        `which an ahead-of-time library cannot keep: pass it as an argument instead`,
    );
  }
  exported.push({ name, specs, source });
}
if (!exported.length) usage(`${args[0]} exports no jitted function`);

Deno.mkdirSync(out, { recursive: true });
// The code is compiled for the features the loader can test; any other is turned off, so that no
// instruction the check does not cover can be emitted.
const { testable, untestable } = testableFeatures(out);
const aotFeatures = hostTarget().features.split(",").map((f) =>
  untestable.includes(f.slice(1)) ? `-${f.slice(1)}` : f
).join(",");
const objects: string[] = [];
for (const { specs } of exported) {
  for (const spec of specs) {
    const o = `${out}/${spec.entrySymbol.replace(/[^\w]/g, "_")}.o`;
    Deno.writeFileSync(o, objectOf(spec, aotFeatures));
    objects.push(o);
  }
}

// a check the loader runs first: the CPU must have the features the code was compiled for
const features = testable;
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
  args: [
    "-O2",
    "-shared",
    "-fPIC",
    ...abiDefines(),
    "-o",
    lib,
    ...objects,
    checkC,
    entryC,
    "-lm",
    "-ldl",
    "-pthread",
  ],
  stderr: "piped",
}).outputSync();
if (!link.success) usage(`linking failed: ${new TextDecoder().decode(link.stderr)}`);
for (const o of [...objects, checkC]) Deno.removeSync(o);

// the loader: its invokers come from the JIT's generator (runtime/invoke.ts), their helpers and
// messages are the JIT's own, embedded as source
const symbols: string[] = [];
const functions: string[] = [];
const exports: string[] = [];
for (const [j, { name, specs, source }] of exported.entries()) {
  const arity = specs[0].argTypes.length;
  const params = Array.from({ length: arity }, (_, i) => `a${i}`);
  // internal names: an export may be called `default`, or like a name of the loader's own
  const fname = `f${j}`;
  const paramNames = source.parsed().ast.params.map((p) => p.name);
  const info = `params_${j}`;
  const branches = specs.map((spec, k) => {
    const arrays = spec.argTypes.filter(isArray).length;
    symbols.push(
      `  "${spec.entrySymbol}": { parameters: ${
        JSON.stringify(Array(arrays + 1).fill("buffer"))
      }, result: "f64" },`,
    );
    const places = spec.sites.map((s) =>
      errorPlace(s, (src, range) => {
        // paths relative to the module's folder: the loader names no absolute path
        const rel = (f: string) => relative(dirname(modulePath), f);
        const at = sourceLocation(src, range);
        const origin = src.origin?.replace(/^(\/.*)(:\d+:\d+)$/, (_, f, p) => rel(f) + p);
        return formatLocation({ ...src, origin }, range, at && { ...at, file: rel(at.file) });
      })
    );
    const body = callSource(spec.argTypes, spec.returnType, {
      ctx: `ctx_${j}_${k}`,
      call: `lib.symbols["${spec.entrySymbol}"]`,
      detached: `detached_${j}`,
      fail: `contextError(ctx, (i: number) => sites_${j}_${k}[i])`,
    });
    return {
      decl: `const ctx_${j}_${k} = new Float64Array(${CTX_HEADER + arity});\n` +
        `const sites_${j}_${k} = ${JSON.stringify(places)};`,
      branch: `    if (${guardSource(spec.argTypes, true)}) {\n${
        body.replace(/^/gm, "      ")
      }\n    }`,
    };
  });
  const overloads = specs.map((spec) =>
    `function ${fname}(${
      spec.argTypes.map((t, i) => `${paramNames[i]}: ${tsType(t)}`).join(", ")
    }): ${tsType(spec.returnType)};`
  );
  const signatures = specs.map((s) => signatureText(s.argTypes, s.returnType));
  const fnName = source.displayName();
  functions.push(`${branches.map((b) => b.decl).join("\n")}
const ${info} = {
  fn: ${JSON.stringify(fnName)},
  names: ${JSON.stringify(paramNames)},
  accepted: ${acceptedSource(specs.map((s) => s.argTypes), true)},
  signatures: ${JSON.stringify(signatures)},
};
const detached_${j} = (args: unknown[], _at: number) => argumentError(${info}, args);
/** ${name}: ${signatures.join("; ")} */
${overloads.join("\n")}
function ${fname}(${params.map((p) => `${p}: any`).join(", ")}): any {
  if (arguments.length === ${arity}) {
${branches.map((b) => b.branch).join("\n")}
  }
  throw argumentError(${info}, [...arguments]);
}
Object.defineProperty(${fname}, "name", { value: ${JSON.stringify(fnName)} });`);
  exports.push(
    /^[A-Za-z_$][\w$]*$/.test(name) ? `${fname} as ${name}` : `${fname} as ${JSON.stringify(name)}`,
  );
}

const loader = `// Generated by \`./tsjit aot\` from ${basename(modulePath)}: ${
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
// Argument guards read typed arrays' real kind and length from internal slots (see tsjit's
// compiler/values.ts): no subclass, own property, prototype swap or Proxy can fake them. The
// guards and error messages are tsjit's own (compiler/runtime/invoke.ts).
const { kindOf, lengthOf, isDetached, fround, argumentError, contextError } = new Function(
  ${JSON.stringify(invokerPrelude())},
)();

${functions.join("\n\n")}

export { ${exports.join(", ")} };
`;
Deno.writeTextFileSync(`${out}/mod.ts`, loader);
console.log(
  `tsjit aot: ${
    exported.map((e) =>
      `${e.name} ${e.specs.map((s) => signatureText(s.argTypes, s.returnType)).join("; ")}`
    ).join(", ")
  }` +
    `\n  → ${lib}\n  → ${out}/mod.ts (import it; it needs --allow-ffi and no LLVM)` +
    `\n  CPU check: ${testable.join(" ") || "none"}` +
    (untestable.length ? `\n  not tested by cc, so not used: ${untestable.join(" ")}` : ""),
);

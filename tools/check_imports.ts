// The module rules CI checks (.ci/run): among the repository's own .ts files,
// 1. no import cycle: static imports that stay in the JavaScript (not `import type`, not an
//    import whose names are all `type`, which TypeScript erases) form no cycle, so every module
//    is fully evaluated before any module that imports it runs;
// 2. `_` means private to its folder: a file whose name starts with `_` is imported only by
//    files in the same folder.
// Dynamic import() is not an edge (it runs later, on demand). Prints each violation; exits 1 if
// any. Usage: ./tsjit deno run --allow-read --allow-env tools/check_imports.ts [--types]
// (--types: type-only imports count too, to see the cycles TypeScript alone resolves).
// deno-lint-ignore no-import-prefix
import type * as TS from "npm:typescript@5.9.3";
import { typescript } from "../compiler/frontend/typescript.ts";
import { dirname, join, relative, resolve } from "node:path";

const ts = typescript();
const root = resolve(dirname(new URL(import.meta.url).pathname), "..");
const SKIP = new Set(["node_modules", "dist", ".tsjit", ".git", "out", "results"]);

function* sources(dir: string): Generator<string> {
  for (const e of Deno.readDirSync(dir)) {
    if (e.name.startsWith(".") && e.name !== ".ci") continue;
    const p = join(dir, e.name);
    if (e.isDirectory && !SKIP.has(e.name)) yield* sources(p);
    else if (e.isFile && /\.(ts|mts)$/.test(e.name) && !e.name.endsWith(".d.ts")) yield p;
  }
}

interface Edge {
  to: string;
  /** erased by TypeScript: no run-time dependency */
  typeOnly: boolean;
}

/** The repository files `file` imports or re-exports statically. */
function importsOf(file: string): Edge[] {
  const text = Deno.readTextFileSync(file);
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const edges: Edge[] = [];
  for (const s of sf.statements) {
    let spec: TS.Expression | undefined;
    let typeOnly = false;
    if (ts.isImportDeclaration(s)) {
      spec = s.moduleSpecifier;
      const c = s.importClause;
      if (c) {
        const named = c.namedBindings;
        typeOnly = c.isTypeOnly ||
          (!c.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 &&
            named.elements.every((e) => e.isTypeOnly));
      }
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier) {
      spec = s.moduleSpecifier;
      const named = s.exportClause;
      typeOnly = s.isTypeOnly ||
        (!!named && ts.isNamedExports(named) && named.elements.length > 0 &&
          named.elements.every((e) => e.isTypeOnly));
    }
    if (!spec || !ts.isStringLiteral(spec) || !spec.text.startsWith(".")) continue;
    edges.push({ to: resolve(dirname(file), spec.text), typeOnly });
  }
  return edges;
}

const withTypes = Deno.args.includes("--types");
const files = [...sources(root)];
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const rel = (f: string) => relative(root, f);
const problems: string[] = [];

// `_` privacy
for (const [file, edges] of graph) {
  for (const { to } of edges) {
    const name = to.slice(to.lastIndexOf("/") + 1);
    if (name.startsWith("_") && dirname(to) !== dirname(file)) {
      problems.push(`${rel(file)} imports ${rel(to)}, private to ${rel(dirname(to))}/`);
    }
  }
}

// cycles among run-time edges: depth-first search, reporting each cycle found once
const state = new Map<string, "open" | "done">();
const path: string[] = [];
function visit(f: string): void {
  state.set(f, "open");
  path.push(f);
  for (const { to, typeOnly } of graph.get(f) ?? []) {
    if ((typeOnly && !withTypes) || !graph.has(to)) continue;
    if (state.get(to) === "open") {
      const cycle = path.slice(path.indexOf(to)).concat(to).map(rel);
      problems.push(`import cycle: ${cycle.join(" -> ")}`);
    } else if (!state.has(to)) visit(to);
  }
  path.pop();
  state.set(f, "done");
}
for (const f of files) if (!state.has(f)) visit(f);

for (const p of problems) console.log(p);
console.log(
  `check_imports: ${files.length} modules, ${problems.length} problem${
    problems.length === 1 ? "" : "s"
  }`,
);
if (problems.length) Deno.exit(1);

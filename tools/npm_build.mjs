// `npm pack` runs this (prepack): tsjit's TypeScript sources as JavaScript and declarations in
// dist/, since neither Node nor Deno strips types under node_modules. Needs the pinned Deno (a
// dev dependency) for the Deno namespace's declarations, and TypeScript.
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
// a private scratch folder: node_modules may be shared between checkouts building at once
const tmp = mkdtempSync(join(tmpdir(), "tsjit-npm-build-"));
rmSync(dist, { recursive: true, force: true });

const deno = join(root, "node_modules", ".bin", "deno");
writeFileSync(join(tmp, "lib.deno.d.ts"), execFileSync(deno, ["types"], { maxBuffer: 1 << 26 }));
const config = {
  compilerOptions: {
    target: "ES2022",
    module: "ESNext",
    moduleResolution: "Bundler",
    lib: ["ES2024", "ESNext.Collection"],
    types: [],
    allowImportingTsExtensions: true,
    rewriteRelativeImportExtensions: true,
    declaration: true,
    noCheck: true,
    skipLibCheck: true,
    rootDir: root,
    outDir: dist,
    paths: { "npm:typescript@5.9.3": [join(root, "node_modules/typescript/lib/typescript.d.ts")] },
  },
  files: [
    join(root, "mod.ts"),
    join(tmp, "lib.deno.d.ts"),
  ],
};
writeFileSync(join(tmp, "tsconfig.json"), JSON.stringify(config));
execFileSync(join(root, "node_modules", ".bin", "tsc"), ["-p", join(tmp, "tsconfig.json")], {
  stdio: "inherit",
});
rmSync(tmp, { recursive: true, force: true });

// Under node_modules TypeScript is the package "typescript", a dependency of this one.
function rewrite(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) rewrite(p);
    else if (/\.(js|d\.ts)$/.test(e.name)) {
      const text = readFileSync(p, "utf8");
      // declarations keep the sources' `./x.ts` specifiers: they name the emitted `./x.js`
      const out = text.replaceAll('"npm:typescript@5.9.3"', '"typescript"')
        .replace(/(["'])(\.\.?\/[^"']*)\.ts\1/g, "$1$2.js$1");
      if (out !== text) writeFileSync(p, out);
    }
  }
}
rewrite(dist);
copyFileSync(join(root, "compiler/runtime/entry.c"), join(dist, "compiler/runtime/entry.c"));
console.log("tsjit: built dist/ for the npm package");

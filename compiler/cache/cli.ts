// `./tsjit cache list|clear`: what the compile cache holds, and emptying it.
import { parseArgs } from "node:util";
import { cacheDir, clearCache, listEntries } from "./store.ts";

const { positionals: [cmd] } = parseArgs({
  args: Deno.args,
  allowPositionals: true,
  strict: false,
});
if (cmd === "list") {
  const entries = listEntries();
  console.log(`${cacheDir()}: ${entries.length} entr${entries.length === 1 ? "y" : "ies"}`);
  for (const e of entries.sort((a, b) => a.created.localeCompare(b.created))) {
    const sig = `(${e.argTypes.join(", ")}) -> ${e.returnType}`;
    console.log(
      `  ${e.key.slice(0, 12)}  ${e.name}${sig}  ${(e.bytes / 1024).toFixed(1)} KiB  ` +
        `compiled in ${e.compileMs.toFixed(1)} ms  ${e.created}`,
    );
  }
} else if (cmd === "clear") {
  console.log(`removed ${clearCache()} entries from ${cacheDir()}`);
} else {
  console.error("usage: ./tsjit cache list|clear");
  Deno.exit(2);
}

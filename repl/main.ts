// `./tsjit repl`: an interactive session on node:repl. TypeScript in; every function defined at
// the prompt is compiled on its first call. Commands: .sig .types .llvm .asm .timeit .threads.
import repl from "node:repl";
import { inspect } from "node:util";
import { getNumThreads } from "../mod.ts";
import { poolSize } from "../compiler/runtime/pool.ts";
import { Session, shortError } from "./session.ts";
import { timeit } from "./timeit.ts";

const session = new Session();
const historyFile = Deno.env.get("TSJIT_REPL_HISTORY") ??
  `${Deno.env.get("HOME") ?? "."}/.tsjit_repl_history`;

console.log(
  `tsjit REPL: functions you define compile to native code on their first call. ` +
    `.help lists the commands; Ctrl-D leaves.`,
);

let pending: Promise<void> | undefined;

function evaluate(cmd: string, done: (e: Error | null, v?: unknown) => void): Promise<void> | void {
  const r = session.eval(cmd);
  if (r.kind === "incomplete") return done(new repl.Recoverable(new Error("incomplete")));
  if (r.kind === "error") {
    console.log(r.message);
    return done(null);
  }
  if (r.kind === "async") {
    const settled: Promise<void> = r.value.then((v) => done(null, v), (e) => {
      console.log(shortError(e));
      done(null);
    }).finally(() => {
      if (pending === settled) pending = undefined;
    });
    return pending = settled;
  }
  done(null, r.value);
}

const server = repl.start({
  prompt: "tsjit> ",
  terminal: Deno.stdin.isTerminal() && Deno.stdout.isTerminal(),
  ignoreUndefined: true,
  writer: (v: unknown) => inspect(v, { colors: Deno.stdout.isTerminal() }),
  eval(
    cmd: string,
    _context: unknown,
    _file: string,
    done: (e: Error | null, v?: unknown) => void,
  ) {
    // while an input with top-level await runs, later inputs wait their turn
    if (!pending) return void evaluate(cmd, done);
    const turn: Promise<void> = pending.then(() => evaluate(cmd, done)).finally(() => {
      if (pending === turn) pending = undefined;
    });
    pending = turn;
  },
  completer(line: string): [string[], string] {
    if (line.startsWith(".")) {
      const names = Object.keys(server.commands).map((c) => "." + c);
      return [names.filter((n) => n.startsWith(line)).sort(), line];
    }
    // `x.le` completes x's properties; a plain word, the session's names
    const dotted = line.match(/([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\.([\w$]*)$/);
    if (dotted) {
      const props = session.properties(dotted[1]).filter((n) => n.startsWith(dotted[2]));
      return [props.sort(), dotted[2]];
    }
    const word = line.match(/[\w$]*$/)![0];
    return [session.names().filter((n) => n.startsWith(word)).sort(), word];
  },
});

// history across sessions
try {
  const lines = Deno.readTextFileSync(historyFile).split("\n").filter(Boolean);
  (server as unknown as { history: string[] }).history = lines.slice(-1000).reverse();
} catch { /* no history yet */ }
server.on("line", (line: string) => {
  if (!line.trim()) return;
  try {
    Deno.writeTextFileSync(historyFile, line.replace(/\n/g, " ") + "\n", {
      append: true,
      mode: 0o600,
    });
  } catch { /* read-only home: no history */ }
});

const fnArg = (name: string) => {
  const f = session.functions.get(name.trim());
  if (!f) throw new Error(`'${name.trim()}' is not a function defined in this session`);
  return f;
};

function command(name: string, help: string, action: (arg: string) => string) {
  server.defineCommand(name, {
    help,
    action(arg: string) {
      try {
        console.log(action(arg));
      } catch (e) {
        console.log(shortError(e));
      }
      this.displayPrompt();
    },
  });
}

command("sig", "Compiled signatures of a function: .sig f", (a) => {
  const s = fnArg(a).signatures;
  return s.length
    ? s.join("\n")
    : `${a.trim()} has not been compiled yet (it compiles on its first call)`;
});
command("types", "Types of a function's variables: .types f", (a) => fnArg(a).inspectTypes());
command("llvm", "Optimized LLVM IR of a function: .llvm f", (a) => fnArg(a).inspectLLVM());
command("asm", "Host assembly of a function: .asm f", (a) => fnArg(a).inspectAsm());
command(
  "timeit",
  "Time an expression: .timeit f(x) (first call reported apart, as the compile)",
  (a) => timeit(session, a),
);
command(
  "threads",
  "Pool size and threads in use",
  () =>
    `pool of ${poolSize()} threads (TSJIT_NUM_THREADS), ${getNumThreads()} in use (setNumThreads)`,
);

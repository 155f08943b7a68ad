// A small reader of LLVM IR text (f.inspectLLVM()): functions, their blocks and the control flow
// between them, and loops as strongly connected blocks, for the IR-shape tests.

/** One basic block: its label, its lines, the labels it branches to. */
export interface IRBlock {
  label: string;
  lines: string[];
  successors: string[];
}

/** One function definition. */
export interface IRFunctionText {
  name: string;
  header: string;
  blocks: IRBlock[];
}

const LABEL = /^(?:"((?:[^"\\]|\\.)*)"|([\w.$-]+)):/;
const TARGET = /label %(?:"((?:[^"\\]|\\.)*)"|([\w.$-]+))/g;

/** The function definitions of a module's IR text. */
export function functions(ir: string): IRFunctionText[] {
  const out: IRFunctionText[] = [];
  let fn: IRFunctionText | undefined;
  for (const line of ir.split("\n")) {
    if (line.startsWith("define ")) {
      const name = line.match(/@("(?:[^"\\]|\\.)*"|[\w.$-]+)\(/)![1].replace(/^"|"$/g, "");
      fn = { name, header: line, blocks: [{ label: "", lines: [], successors: [] }] };
      out.push(fn);
      continue;
    }
    if (!fn) continue;
    if (line === "}") {
      fn.blocks = fn.blocks.filter((b) => b.label !== "" || b.lines.length);
      fn = undefined;
      continue;
    }
    const m = line.match(LABEL);
    if (m) {
      fn.blocks.push({ label: m[1] ?? m[2], lines: [], successors: [] });
      continue;
    }
    const block = fn.blocks[fn.blocks.length - 1];
    block.lines.push(line);
    for (const t of line.matchAll(TARGET)) block.successors.push(t[1] ?? t[2]);
  }
  return out;
}

/**
 * The loops of a function: its strongly connected sets of blocks that have a cycle (Tarjan's
 * algorithm), innermost and outermost alike merged into one set per component.
 */
export function loops(fn: IRFunctionText): IRBlock[][] {
  const byLabel = new Map(fn.blocks.map((b) => [b.label, b]));
  const index = new Map<string, number>(), low = new Map<string, number>();
  const stack: string[] = [], onStack = new Set<string>();
  const found: IRBlock[][] = [];
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter), low.set(v, counter++), stack.push(v), onStack.add(v);
    for (const w of byLabel.get(v)?.successors ?? []) {
      if (!index.has(w)) visit(w), low.set(v, Math.min(low.get(v)!, low.get(w)!));
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      const cyclic = scc.length > 1 || byLabel.get(v)!.successors.includes(v);
      if (cyclic) found.push(scc.map((l) => byLabel.get(l)!));
    }
  };
  for (const b of fn.blocks) if (!index.has(b.label)) visit(b.label);
  return found;
}

/** Blocks that report a runtime error (they call tsjit.fail). */
export function failBlocks(fn: IRFunctionText): Set<string> {
  return new Set(
    fn.blocks.filter((b) => b.lines.some((l) => /call [^@]*@tsjit\.fail\(/.test(l))).map((b) =>
      b.label
    ),
  );
}

/** True when some block of `loop` branches to a block that reports an error: a check per iteration. */
export function checksEachIteration(fn: IRFunctionText, loop: IRBlock[]): boolean {
  const fail = failBlocks(fn);
  return loop.some((b) => b.successors.some((s) => fail.has(s)));
}

/** True when the loop computes with vectors of doubles (`<N x double>`). */
export function isVectorLoop(loop: IRBlock[]): boolean {
  return loop.some((b) => b.lines.some((l) => /<\d+ x double>/.test(l)));
}

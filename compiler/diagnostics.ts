// Source ranges and CompileError: every diagnostic shows the line and a caret under the construct,
// in the user's own file when it can be read (compiler/frontend/locate.ts).
import { locate, type Located } from "./frontend/locate.ts";

/** A half-open span of character offsets into a function's source text. */
export interface Range {
  /** offset of the first character */
  start: number;
  /** offset just past the last character */
  end: number;
}

/** Where the function came from, for messages. */
export interface SourceInfo {
  /** the function's text as the compiler parsed it (the transpiled `fn.toString()`) */
  source: string;
  /** its name, or "<anonymous>" */
  fnName: string;
  /** "path:line:column" of the `jit()` call, when known */
  origin?: string;
}

/** Where a range is, in the user's file when possible; else in the function's own text. */
export function sourceLocation(src: SourceInfo, range: Range): Located | undefined {
  try {
    return locate(src, range);
  } catch {
    return undefined; // locating is a courtesy: never let it hide the error itself
  }
}

/** Renders where a construct is, with carets under `range`. */
export function formatLocation(src: SourceInfo, range: Range, at = sourceLocation(src, range)) {
  if (at) {
    const name = src.fnName !== "<anonymous>" ? src.fnName : at.name ?? src.fnName;
    const n = String(at.line);
    const pad = " ".repeat(n.length);
    const caret = at.lineText.slice(0, at.column - 1).replace(/[^\t]/g, " ");
    return `in ${name} at ${at.file}:${at.line}:${at.column}\n` +
      `    ${n} | ${at.lineText}\n    ${pad} | ${caret}${"^".repeat(at.width)}`;
  }
  const text = src.source;
  const before = text.slice(0, range.start);
  const line = before.split("\n").length;
  const lineStart = before.lastIndexOf("\n") + 1;
  let lineEnd = text.indexOf("\n", lineStart);
  if (lineEnd < 0) lineEnd = text.length;
  const lineText = text.slice(lineStart, lineEnd);
  const col = range.start - lineStart;
  const width = Math.max(1, Math.min(range.end, lineEnd) - range.start);
  const origin = src.origin?.replace(/:\d+$/, "");
  const where = `in ${src.fnName || "<anonymous>"}${origin ? ` (${origin})` : ""}, ` +
    `line ${line} of its source:`;
  const indent = lineText.match(/^\s*/)![0].length;
  return `${where}\n    ${lineText.slice(indent)}\n    ${" ".repeat(col - indent)}${
    "^".repeat(width)
  }`;
}

/** One reason a function cannot be compiled, and where. */
export interface Blocker {
  message: string;
  construct: string;
  range: Range;
}

/**
 * Thrown when a function cannot be compiled: names the construct and shows the source line, in
 * the user's file (file, line, column) when tsjit can read it.
 *
 * @example
 * ```ts
 * import { CompileError, jit } from "./mod.ts";
 * const f = jit((s: number) => String(s));
 * try { f(1); } catch (e) { console.log(e instanceof CompileError); } // true
 * ```
 */
export class CompileError extends Error {
  /** The unsupported or ill-typed construct, e.g. "string literal". */
  readonly construct: string;
  /** The offending range within the function's (transpiled) source. */
  readonly range: Range;
  /** The user's file, when found (else undefined). */
  readonly file?: string;
  /** The 1-based line in that file. */
  readonly line?: number;
  /** The 1-based column in that file. */
  readonly column?: number;
  /**
   * Every construct found that blocks compiling the function, this one first (one compile
   * attempt names them all), each with its 1-based line and column in the user's file if known.
   */
  readonly blockers: { message: string; construct: string; line?: number; column?: number }[];
  /**
   * A compile error at `range` of `src` (tsjit's compiler throws these; programs catch them).
   *
   * @param message what is wrong
   * @param construct the construct's name
   * @param range where it is in `src.source`
   * @param src the function it belongs to
   * @param more further blockers of the same function, listed after this one
   */
  constructor(
    message: string,
    construct: string,
    range: Range,
    src: SourceInfo,
    more: Blocker[] = [],
  ) {
    const at = sourceLocation(src, range);
    const others = more.map((b) => ({ ...b, at: sourceLocation(src, b.range) }));
    const also = others.map((b) => `\n- ${b.message}\n  ${formatLocation(src, b.range, b.at)}`);
    super(
      `${message}\n  ${formatLocation(src, range, at)}` +
        (also.length
          ? `\n${also.length} more construct${also.length > 1 ? "s" : ""} block${
            also.length > 1 ? "" : "s"
          } compiling it:${also.join("")}`
          : ""),
    );
    this.name = "CompileError";
    this.construct = construct;
    this.range = range;
    if (at) {
      this.file = at.file;
      this.line = at.line;
      this.column = at.column;
    }
    this.blockers = [{ message, construct, at }, ...others].map((b) => ({
      message: b.message,
      construct: b.construct,
      ...(b.at && { line: b.at.line, column: b.at.column }),
    }));
  }
}

/** One CompileError naming every blocker (in source order, repeats dropped). */
export function blockersError(blockers: Blocker[], src: SourceInfo): CompileError {
  const seen = new Set<string>();
  const all = blockers.filter((b) => {
    const key = `${b.range.start}:${b.range.end}:${b.message}`;
    return !seen.has(key) && (seen.add(key), true);
  }).sort((a, b) => a.range.start - b.range.start);
  const [first, ...more] = all;
  return new CompileError(first.message, first.construct, first.range, src, more);
}

/** True for V8's "Maximum call stack size exceeded" (the compiler recursed too deeply). */
function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/**
 * The last-resort net of the compile pipeline: any exception other than a CompileError becomes
 * one, so that a user never sees a compiler stack trace and `fallback: true` still runs the plain
 * function. A too-deep expression (the parser or a pass ran out of stack) is refused as such;
 * anything else is reported as a tsjit bug, naming the function.
 */
export function asCompileError(e: unknown, src: SourceInfo, range?: Range): CompileError {
  if (e instanceof CompileError) return e;
  const at = range ?? { start: 0, end: Math.max(1, src.source.indexOf("\n")) };
  if (isStackOverflow(e)) {
    return new CompileError(
      "expression nested too deeply for the compiler (it ran out of stack): split it into " +
        "smaller parts held in local variables",
      "deeply nested expression",
      at,
      src,
    );
  }
  const what = e instanceof Error ? e.message.split("\n")[0] : String(e);
  return new CompileError(
    `tsjit internal error while compiling ${src.fnName || "<anonymous>"}: ${what}. This is a ` +
      "tsjit bug (please report it with the function); `fallback: true` runs the plain function",
    "internal error",
    at,
    src,
  );
}

/**
 * The `default` of a switch that covers every kind of a union: the type checker then rejects the
 * switch when a kind is added and not handled.
 */
export function assertNever(x: never): never {
  const what = (x as { kind?: unknown })?.kind ?? x;
  throw new Error(`tsjit internal error: unhandled ${JSON.stringify(what)}`);
}

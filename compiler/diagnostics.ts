// Source ranges and CompileError: every diagnostic shows the line and a caret under the construct.

/** A half-open span of character offsets into a function's source text. */
export interface Range {
  start: number;
  end: number;
}

/** Where the function came from, for messages. */
export interface SourceInfo {
  source: string;
  fnName: string;
  /** "file:line" of the `jit()` call, when known */
  origin?: string;
}

/** Renders `line N: text` with carets under `range`. */
export function formatLocation(src: SourceInfo, range: Range): string {
  const text = src.source;
  const before = text.slice(0, range.start);
  const line = before.split("\n").length;
  const lineStart = before.lastIndexOf("\n") + 1;
  let lineEnd = text.indexOf("\n", lineStart);
  if (lineEnd < 0) lineEnd = text.length;
  const lineText = text.slice(lineStart, lineEnd);
  const col = range.start - lineStart;
  const width = Math.max(1, Math.min(range.end, lineEnd) - range.start);
  const where = `in ${src.fnName || "<anonymous>"}${src.origin ? ` (${src.origin})` : ""}, ` +
    `line ${line} of its source:`;
  const indent = lineText.match(/^\s*/)![0].length;
  return `${where}\n    ${lineText.slice(indent)}\n    ${" ".repeat(col - indent)}${
    "^".repeat(width)
  }`;
}

/**
 * Thrown when a function cannot be compiled: names the construct and shows the source line.
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
  /** The offending range within the function's source. */
  readonly range: Range;
  constructor(message: string, construct: string, range: Range, src: SourceInfo) {
    super(`${message}\n  ${formatLocation(src, range)}`);
    this.name = "CompileError";
    this.construct = construct;
    this.range = range;
  }
}

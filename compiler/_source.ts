// A jitted function's source as the compiler sees it: parsed and resolved once, on demand, and
// findable by name from other jitted functions' bodies (a registry), or through `globals`.
import { asCompileError, CompileError, sourceLocation } from "./diagnostics.ts";
import type { CompilableFunction, GlobalValue, ParsedFunction } from "./frontend/ast.ts";
import { parseFunction } from "./frontend/parse.ts";
import { resolveNames } from "./frontend/resolve.ts";
import type { Type } from "./types/types.ts";

/** The property under which a jitted function carries its JitSource. */
export const SOURCE: unique symbol = Symbol("tsjit.source");

/** The property under which a jitted function lists its compiled specializations (AOT). */
export const SPECIALIZATIONS: unique symbol = Symbol("tsjit.specializations");

/** Per-function compile options (what reaches code generation and inference). */
export interface FunctionOptions {
  boundscheck: boolean;
  /** TSJIT_RACECHECK=1 when the function was defined: prange loops check for races */
  racecheck?: boolean;
  fastmath: boolean;
  /** fixed types of locals, by name */
  locals: Map<string, Type>;
}

const byName = new Map<string, JitSource[]>();
let nextId = 0;

/** One jit() call's function: its source, options and free-name resolution. */
export class JitSource implements CompilableFunction {
  readonly id = nextId++;
  private result?: ParsedFunction | CompileError;

  constructor(
    readonly plain: (...args: never[]) => unknown,
    readonly name: string,
    readonly options: FunctionOptions,
    readonly origin: string | undefined,
    private readonly globals: Record<string, unknown> | undefined,
  ) {
    if (plain.name) {
      const list = byName.get(plain.name) ?? [];
      list.push(this);
      byName.set(plain.name, list);
    }
  }

  /** The parsed and resolved function; throws the CompileError of a failed parse, every time. */
  parsed(): ParsedFunction {
    if (!this.result) {
      try {
        const info = { fnName: this.name, origin: this.origin };
        const ast = parseFunction(this.plain.toString(), info);
        const resolved = resolveNames(ast, this.origin, (n) => this.resolveFree(n));
        this.result = { ast, resolved, src: { source: ast.source, ...info } };
      } catch (e) {
        const info = { source: this.plain.toString(), fnName: this.name, origin: this.origin };
        this.result = asCompileError(e, info);
      }
    }
    if (this.result instanceof CompileError) throw this.result;
    return this.result;
  }

  /** The function's name for messages: its own, else the name it is bound to in the user's file. */
  displayName(): string {
    if (this.name !== "<anonymous>") return this.name;
    try {
      const p = this.parsed();
      return sourceLocation(p.src, p.ast.range)?.name ?? this.name;
    } catch {
      return this.name;
    }
  }

  /** A free name: from `globals` first, then a jitted function of that name (no parsing). */
  resolveFree(name: string): GlobalValue | undefined {
    if (this.globals && Object.hasOwn(this.globals, name)) {
      const v = this.globals[name];
      if (typeof v === "number" || typeof v === "boolean") return { kind: "const", value: v };
      const src = typeof v === "function" ? (v as { [SOURCE]?: JitSource })[SOURCE] : undefined;
      if (src) return { kind: "function", fn: src };
      return undefined;
    }
    const found = byName.get(name);
    if (found && found.every((s) => s.plain === found[0].plain)) {
      return { kind: "function", fn: found[0] };
    }
    return undefined;
  }
}

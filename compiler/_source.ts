// A jitted function's source as the compiler sees it: parsed and resolved once, on demand. Free
// names resolve through `globals`, or to the jitted function the name is bound to where the
// function is defined (frontend/scope.ts), never to another module's function of that name.
import { asCompileError, CompileError, sourceLocation } from "./diagnostics.ts";
import { isEnvironmentError } from "./_host.ts";
import type {
  CompilableFunction,
  FunctionAST,
  GlobalValue,
  ParsedFunction,
} from "./frontend/ast.ts";
import { bindingOf, type Frame, locate, type Location } from "./frontend/scope.ts";
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

/**
 * A function's source text from the engine (Function.prototype.toString, captured now): an own or
 * inherited `toString` of the function cannot make tsjit compile other code than it runs.
 */
const functionText = Function.prototype.call.bind(Function.prototype.toString) as (
  f: unknown,
) => string;

/** Every live JitSource, by the files on its creation stack (for resolution by scope). */
const byFile = new Map<string, WeakRef<JitSource>[]>();
let nextId = 0;

function liveIn(file: string): JitSource[] {
  const refs = (byFile.get(file) ?? []).filter((r) => r.deref());
  byFile.set(file, refs);
  return refs.map((r) => r.deref()!);
}

/** One jit() call's function: its source, options and free-name resolution. */
export class JitSource implements CompilableFunction {
  readonly id = nextId++;
  private result?: ParsedFunction | CompileError;
  /** where the function is defined (null: not found, names resolve through globals only) */
  private location?: Location | null;
  /** the function's source text, as the engine has it */
  readonly text: string;

  constructor(
    readonly plain: (...args: never[]) => unknown,
    readonly name: string,
    readonly options: FunctionOptions,
    readonly origin: string | undefined,
    private readonly globals: Record<string, unknown> | undefined,
    /** the call sites of the jit() call, innermost first */
    readonly frames: Frame[] = [],
  ) {
    this.text = functionText(plain);
    for (const file of new Set(frames.map((f) => f.file))) {
      const refs = byFile.get(file) ?? [];
      refs.push(new WeakRef(this));
      byFile.set(file, refs);
    }
  }

  /** The parsed and resolved function; throws the CompileError of a failed parse, every time. */
  parsed(): ParsedFunction {
    if (!this.result) {
      try {
        const info = { fnName: this.name, origin: this.origin };
        const ast = parseFunction(this.text, info);
        const resolved = resolveNames(ast, this.origin, (n) => this.resolveFree(n, ast));
        this.result = { ast, resolved, src: { source: ast.source, ...info } };
      } catch (e) {
        if (isEnvironmentError(e)) throw e; // not the function's fault: not kept as its result
        const info = { source: this.text, fnName: this.name, origin: this.origin };
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

  /** True when the function was given `globals` (its names may then differ from its text's). */
  hasGlobalsObject(): boolean {
    return this.globals !== undefined;
  }

  /** True when `globals` gives `name` a value (read without parsing). */
  hasGlobal(name: string): boolean {
    return !!this.globals && Object.hasOwn(this.globals, name);
  }

  /**
   * A free name: from `globals` first; otherwise what the name is bound to where the function is
   * defined, as JS resolves it, which must be a jitted function (see frontend/scope.ts). Without
   * `ast`, only `globals` are consulted (nothing is parsed).
   */
  resolveFree(name: string, ast?: FunctionAST): GlobalValue | { error: string } | undefined {
    if (this.hasGlobal(name)) {
      const v = this.globals![name];
      if (typeof v === "number" || typeof v === "boolean") return { kind: "const", value: v };
      const src = typeof v === "function" ? (v as { [SOURCE]?: JitSource })[SOURCE] : undefined;
      if (src) return { kind: "function", fn: src };
      return undefined;
    }
    if (!ast) return undefined;
    const loc = this.locate(ast);
    if (!loc) {
      return this.frames.length
        ? {
          error: `unresolved name '${name}': tsjit could not find where ${this.name}() is ` +
            `defined to look '${name}' up as JS would; pass it as jit(fn, { globals: { ${name} } })`,
        }
        : undefined;
    }
    return resolveByScope(this, loc, name);
  }

  /** Where the function is defined (found once, from its parsed parameters). */
  locate(ast: FunctionAST): Location | undefined {
    if (this.location === undefined) {
      const params = ast.params.map((p) => p.name);
      this.location = locate(this.frames, ast.name, params, this.text) ?? null;
    }
    return this.location ?? undefined;
  }

  /** Where the function is defined, parsing it (without resolving names) if need be. */
  located(): Location | undefined {
    if (this.location !== undefined) return this.location ?? undefined;
    try {
      const ast = parseFunction(this.text, { fnName: this.name, origin: this.origin });
      return this.locate(ast);
    } catch {
      this.location = null;
      return undefined;
    }
  }

  /** The module text the function was located in (the cache records its hash). */
  moduleText(): string | undefined {
    return this.location ? this.location.module.text : undefined;
  }

  /** Every live JitSource (for dependency checks of cached code). */
  static live(): JitSource[] {
    return [...new Set([...byFile.keys()].flatMap(liveIn))];
  }
}

/** Equivalent jitted functions: the same code, the same options, no `globals` of their own. */
function equivalent(a: JitSource, b: JitSource): boolean {
  return a.plain === b.plain ||
    (a.text === b.text && !a.hasGlobalsObject() &&
      !b.hasGlobalsObject() && JSON.stringify(optionsOf(a)) === JSON.stringify(optionsOf(b)));
}

function optionsOf(s: JitSource) {
  return [s.options.boundscheck, s.options.fastmath, [...s.options.locals]];
}

/** The jitted function `name` names from `caller`'s definition, or why there is none. */
function resolveByScope(
  caller: JitSource,
  loc: Location,
  name: string,
): GlobalValue | { error: string } | undefined {
  const b = bindingOf(loc, name);
  if (!b) return undefined; // not declared in the module: the usual "unresolved name"
  const file = loc.module.path.split("/").pop();
  const at = `line ${b.line} of ${file}`;
  const fix = `pass the jitted function as jit(fn, { globals: { ${name} } })`;
  if (b.kind === "import") {
    return {
      error: `'${name}' is imported from ${JSON.stringify(b.from)}; a free name resolves by ` +
        `itself only to a function this module defines: ${fix}`,
    };
  }
  if (b.kind === "other") {
    return {
      error: `'${name}' is ${b.what} (${at}), which compiled code cannot read: pass ` +
        `'${name}' as an argument, or as jit(fn, { globals: { ${name} } }) for a constant or a ` +
        `jitted function`,
    };
  }
  const candidates = liveIn(loc.module.path).filter((s) => {
    const l = s === caller ? loc : s.located();
    if (!l || l.module !== loc.module) return false;
    return b.kind === "function" ? l.node === b.node : l.call === b.call && l.frame === 0;
  });
  if (!candidates.length) {
    return {
      error: b.kind === "function"
        ? `'${name}' is the plain function at ${at}; compiled code calls only jitted functions: ` +
          `jit it (jit(${name})) before this call, or ${fix}`
        : `'${name}' holds what the call at ${at} returns, which is not the result of jit() ` +
          `there; ${fix}`,
    };
  }
  const last = candidates[candidates.length - 1];
  if (!candidates.every((c) => equivalent(c, last))) {
    return {
      error: `'${name}' names different jitted functions (made at ${at} each time that code ` +
        `runs); ${fix}`,
    };
  }
  return { kind: "function", fn: last };
}

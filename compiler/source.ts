// A jitted function's source as the compiler sees it: parsed and resolved once, on demand. Free
// names resolve through `globals`, or to the jitted function the name is bound to where the
// function is defined (frontend/scope.ts), never to another module's function of that name.
import { asCompileError, CompileError, sourceLocation } from "./diagnostics.ts";
import { isEnvironmentError } from "./host.ts";
import type {
  CompilableFunction,
  FunctionAST,
  GlobalValue,
  ParsedFunction,
} from "./frontend/ast.ts";
import {
  bindingOf,
  dynamicCodeIn,
  type Frame,
  locate,
  type Location,
  readModule,
  search,
  searchedFiles,
} from "./frontend/scope.ts";
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
  /** a declared signature: called from JS with any safe integer, not only int32 */
  declared?: boolean;
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
  /** where the function is defined (none found: names resolve through globals only) */
  private locations?: Location[];
  /** the files searched for the definition, when no call on the stack named it */
  private searched?: string[];
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
      // the function being jitted itself, by its plain value: `jit(fib, { globals: { fib } })`
      if (v === this.plain) return { kind: "function", fn: this };
      if (typeof v === "function") {
        return {
          error: `globals.${name} is a plain function; compiled code calls only jitted ` +
            `functions: pass { ${name}: jit(${name}) }`,
        };
      }
      return undefined;
    }
    if (!ast) return undefined;
    const locs = this.locate(ast);
    if (!locs.length) {
      return this.frames.length
        ? {
          error: `unresolved name '${name}': tsjit could not find where ${this.name}() is ` +
            `defined to look '${name}' up as JS would; pass it as ${this.globalsFix(name)}`,
        }
        : undefined;
    }
    const dynamic = this.searched && dynamicCodeIn(this.searched);
    if (dynamic) {
      return {
        error: `'${name}': jit() was not given ${this.name}() by its name, and ${dynamic} builds ` +
          `code at run time (eval or Function), which could have made a function of the same ` +
          `text where '${name}' means something else; pass it as ${this.globalsFix(name)}, or ` +
          `call jit(${this.name}) on the function's own name`,
      };
    }
    const found = locs.map((loc) => resolveByScope(this, loc, name));
    if (found.length === 1 || found.every((g) => sameResolution(g, found[0]))) return found[0];
    const where = locs.map((l) => `line ${lineOf(l)} of ${fileName(l)}`).join(", ");
    return {
      error: `'${name}' is ambiguous: jit() was not given ${this.name}() by its name, and ` +
        `functions of the same code are defined at ${where}, where '${name}' means different ` +
        `things; pass it as ${this.globalsFix(name)}`,
    };
  }

  /** How to give `name` explicitly, for messages: itself (recursion), or its jitted function. */
  private globalsFix(name: string): string {
    return name === this.name
      ? `jit(${name}, { globals: { ${name} } })`
      : `jit(fn, { globals: { ${name}: jit(${name}) } })`;
  }

  /**
   * Where the function is defined (found once, from its parsed parameters): the argument of a
   * call on the jit() stack that names it, else every definition of the same name, parameters
   * and code in the stack's files and the modules they import (several: see resolveFree).
   */
  locate(ast: FunctionAST): Location[] {
    if (this.locations === undefined) {
      const params = ast.params.map((p) => p.name);
      const one = locate(this.frames, ast.name, params, this.text);
      this.searched = one ? undefined : searchedFiles(this.frames);
      this.locations = one ? [one] : search(this.searched!, ast.name, params, this.text);
    }
    return this.locations;
  }

  /** Where the function is defined, parsing it (without resolving names) if need be. */
  located(): Location[] {
    if (this.locations !== undefined) return this.locations;
    try {
      const ast = parseFunction(this.text, { fnName: this.name, origin: this.origin });
      return this.locate(ast);
    } catch {
      this.locations = [];
      return [];
    }
  }

  /**
   * What the names found by scope depend on, for the cache: the text of the module the function
   * was located in (found on the stack), or of every file searched (found by search).
   */
  scopeFiles(): { files?: string[]; texts: string[] } | undefined {
    const locs = this.locations;
    if (!locs?.length) return undefined;
    if (!this.searched) return { texts: [locs[0].module.text] };
    const texts = this.searched.map((f) => readModule(f) ?? "");
    return { files: this.searched, texts };
  }

  /** Every live JitSource (for dependency checks of cached code). */
  static live(): JitSource[] {
    return [...new Set([...byFile.keys()].flatMap(liveIn))];
  }
}

function fileName(loc: Location): string {
  return loc.module.path.split("/").pop()!;
}

function lineOf(loc: Location): number {
  return loc.module.sf.getLineAndCharacterOfPosition(loc.node.getStart(loc.module.sf)).line + 1;
}

/** Two resolutions of a name that reach the same function or constant (or fail alike). */
function sameResolution(
  a: GlobalValue | { error: string } | undefined,
  b: GlobalValue | { error: string } | undefined,
): boolean {
  if (!a || !b) return a === b;
  if ("error" in a || "error" in b) return false;
  if (a.kind === "const" && b.kind === "const") return Object.is(a.value, b.value);
  return a.kind === "function" && b.kind === "function" && a.fn === b.fn;
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
  const at = `line ${b.line} of ${fileName(loc)}`;
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
  // a jitted function defined there: found on the stack or by search, with no other definition
  const candidates = JitSource.live().filter((s) => {
    const ls = s === caller ? [loc] : s.located();
    if (ls.length !== 1 || ls[0].module !== loc.module) return false;
    const l = ls[0];
    return b.kind === "function"
      ? l.node === b.node
      : !!l.call && l.call === b.call && l.frame === 0;
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

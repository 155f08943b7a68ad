// A jitted function's source as the compiler sees it: parsed and resolved once, on demand. Free
// names resolve through `globals`, or to the jitted function the name is bound to where the
// function is defined (frontend/scope.ts), never to another module's function of that name.
import {
  asCompileError,
  type Blocker,
  blockersError,
  CompileError,
  sourceLocation,
} from "./diagnostics.ts";
import { isEnvironmentError } from "./host.ts";
import type { CompilableFunction, FunctionAST, ParsedFunction } from "./frontend/ast.ts";
import {
  bindingOf,
  dynamicCodeIn,
  type Frame,
  locate,
  type Location,
  type Module,
  readModule,
  search,
  searchedFiles,
} from "./frontend/scope.ts";
import { type Definition, exported, follow, namedFunction } from "./frontend/exports.ts";
import {
  asValue,
  frozenPath,
  NOT_A_NAMESPACE,
  objectMember,
  type Resolution,
  tableCalls,
  valueOf,
} from "./frontend/captured.ts";
import { describeValue } from "./values.ts";
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
  private parsing = false;
  /** where the function is defined (none found: names resolve through globals only) */
  private locations?: Location[];
  /** the files searched for the definition, when no call on the stack named it */
  private searched?: string[];
  /** the function's source text, as the engine has it */
  readonly text: string;
  /** modules other than its own that its names were resolved in (imports followed) */
  private readonly followed = new Set<string>();

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
      this.parsing = true; // displayName() must not parse again meanwhile
      try {
        const info = { fnName: this.name, origin: this.origin };
        const blockers: Blocker[] = []; // every construct and name in the way, in one error
        const ast = parseFunction(this.text, info, "js", blockers);
        const resolved = resolveNames(ast, this.origin, (n, member) => {
          const g = this.resolveFree(n, ast, member);
          return g === NOT_A_NAMESPACE ? undefined : g;
        }, blockers);
        blockers.push(...tableCalls(this, ast));
        const src = { source: ast.source, ...info };
        // messages (runtime errors too) name an anonymous function by its binding: `const f = …`
        if (this.name === "<anonymous>") src.fnName = sourceLocation(src, ast.range)?.name ?? "";
        src.fnName ||= this.name;
        if (blockers.length) throw blockersError(blockers, src);
        this.result = { ast, resolved, src };
      } catch (e) {
        if (isEnvironmentError(e)) throw e; // not the function's fault: not kept as its result
        const info = { source: this.text, fnName: this.name, origin: this.origin };
        this.result = asCompileError(e, info);
      } finally {
        this.parsing = false;
      }
    }
    if (this.result instanceof CompileError) throw this.result;
    return this.result;
  }

  /** The function's name for messages: its own, else the name it is bound to in the user's file. */
  displayName(): string {
    if (this.name !== "<anonymous>" || this.parsing) return this.name;
    try {
      return this.parsed().src.fnName;
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
   * A free name (or `name.member`, a namespace's member): from `globals` first; otherwise what
   * the name is bound to where the function is defined, as JS resolves it, which must be a
   * jitted function or a constant (see frontend/scope.ts). Without `ast`, only `globals` are
   * consulted (nothing is parsed). NOT_A_NAMESPACE: `name` is no namespace, resolve it alone.
   */
  resolveFree(
    name: string,
    ast?: FunctionAST,
    member?: string,
  ): Resolution | typeof NOT_A_NAMESPACE {
    if (this.hasGlobal(name)) return this.fromGlobals(name, member);
    if (!ast) return undefined;
    const shown = member === undefined ? name : `${name}.${member}`;
    const locs = this.locate(ast);
    if (!locs.length) {
      return this.frames.length
        ? {
          error: `unresolved name '${shown}': tsjit could not find where ${this.displayName()}() ` +
            `is defined to look '${name}' up as JS would; ${this.globalsFix(name, member)}`,
        }
        : undefined;
    }
    const dynamic = this.searched && dynamicCodeIn(this.searched);
    if (dynamic) {
      return {
        error: `'${shown}': jit() was not given ${this.name}() by its name, and ${dynamic} ` +
          `builds code at run time (eval or Function), which could have made a function of the ` +
          `same text where '${name}' means something else; call jit(${this.name}) on the ` +
          `function's own name, or ${this.globalsFix(name, member)}`,
      };
    }
    const found = locs.map((loc) => resolveByScope(this, loc, name, member));
    if (found.length === 1 || found.every((g) => sameResolution(g, found[0]))) return found[0];
    const where = locs.map((l) => `line ${lineOf(l)} of ${fileName(l)}`).join(", ");
    return {
      error: `'${shown}' is ambiguous: jit() was not given ${this.name}() by its name, and ` +
        `functions of the same code are defined at ${where}, where '${name}' means different ` +
        `things; ${this.globalsFix(name, member)}`,
    };
  }

  /**
   * `globals[name]` (or a member path of it: the fields of frozen objects): a number or boolean
   * (captured now), a typed array (read by reference on every call), a jitted function.
   */
  private fromGlobals(name: string, member?: string): Resolution | typeof NOT_A_NAMESPACE {
    const parts = member?.split(".") ?? [];
    const shown = ["globals", name, ...parts].join(".");
    const r = frozenPath(this.globals![name], parts, shown, name);
    if (typeof r !== "object" || "error" in r) return r;
    const v = r.value;
    const known = asValue(v);
    if (known) return known;
    if (member === undefined) {
      const src = typeof v === "function" ? (v as { [SOURCE]?: JitSource })[SOURCE] : undefined;
      if (src) return { kind: "function", fn: src };
      // the function being jitted itself, by its plain value: `jit(fib, { globals: { fib } })`
      if (v === this.plain) return { kind: "function", fn: this };
    }
    if (typeof v === "function") {
      return {
        error: `${shown} is a plain function; compiled code calls only jitted functions` +
          (member === undefined ? `: pass { ${name}: jit(${name}) }` : ""),
      };
    }
    if (Array.isArray(v)) {
      return {
        error: `${shown} is a plain Array; compiled code reads typed arrays: give a ` +
          `Float64Array (or another typed array) instead`,
      };
    }
    if (v !== null && typeof v === "object" && Object.isFrozen(v)) {
      return {
        error: `${shown} is an object: compiled code reads its fields (${
          [name, ...(member?.split(".") ?? [])].join(".")
        }.x), not the object itself`,
      };
    }
    return {
      error: `${shown} is ${describeValue(v)}; globals give compiled code numbers, booleans, ` +
        `typed arrays, jitted functions and the fields of frozen objects: pass it as an argument`,
    };
  }

  /** The names of its hidden parameters, when it has been parsed (else undefined). */
  hiddenNames(): string[] | undefined {
    const r = this.result;
    return r && !(r instanceof CompileError)
      ? r.ast.params.filter((p) => p.hidden).map((p) => p.name)
      : undefined;
  }

  /** How to give `name` explicitly, for messages: only fixes that work. */
  private globalsFix(name: string, member?: string): string {
    if (member !== undefined) return `pass ${name}.${member} as an argument`;
    return name === this.name
      ? `pass it as jit(${name}, { globals: { ${name} } })`
      : `pass it as jit(fn, { globals: { ${name}: jit(${name}) } }) for a function, or ` +
        `{ globals: { ${name} } } for a number or a boolean`;
  }

  /**
   * Where the function is defined (found once, from its parsed parameters): the argument of a
   * call on the jit() stack that names it, else every definition of the same name, parameters
   * and code in the stack's files and the modules they import (several: see resolveFree).
   */
  locate(ast: FunctionAST): Location[] {
    if (this.locations === undefined) {
      const params = ast.params.filter((p) => !p.hidden).map((p) => p.name);
      const one = locate(this.frames, ast.name, params, this.text, namedFunction);
      this.searched = one ? undefined : searchedFiles(this.frames);
      this.locations = one ? [one] : search(this.searched!, ast.name, params, this.text);
    }
    return this.locations;
  }

  /** Where the function is defined, parsing it (without resolving names) if need be. */
  located(): Location[] {
    if (this.locations !== undefined) return this.locations;
    try {
      // unsupported constructs do not matter here: only the parameters are needed
      const info = { fnName: this.name, origin: this.origin };
      return this.locate(parseFunction(this.text, info, "js", []));
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
    const stack = [...new Set(this.frames.map((f) => f.file))];
    const own = locs[0].module.path;
    if (!this.searched && !this.followed.size && stack.includes(own)) {
      return { texts: [locs[0].module.text] };
    }
    // the stack's files first (see cache/deps.ts), then every module names were followed into
    const files = [...new Set([...(this.searched ?? stack), own, ...this.followed])];
    return { files, texts: files.map((f) => readModule(f) ?? "") };
  }

  /** Notes that a name was resolved in another module (its text then matters to the cache). */
  followedInto(path: string): void {
    this.followed.add(path);
  }

  /** Every live JitSource (for dependency checks of cached code). */
  static live(): JitSource[] {
    return [...new Set([...byFile.keys()].flatMap(liveIn))];
  }
}

function fileName(loc: Location): string {
  return fileOf(loc.module);
}

function fileOf(m: Module): string {
  return m.path.split("/").pop()!;
}

function lineOf(loc: Location): number {
  return loc.module.sf.getLineAndCharacterOfPosition(loc.node.getStart(loc.module.sf)).line + 1;
}

/** Two resolutions of a name that reach the same function or constant (or fail alike). */
function sameResolution(
  a: Resolution | typeof NOT_A_NAMESPACE,
  b: Resolution | typeof NOT_A_NAMESPACE,
): boolean {
  if (!a || !b || typeof a === "symbol" || typeof b === "symbol") return a === b;
  if ("error" in a || "error" in b) return false;
  if ("hidden" in a || "hidden" in b) {
    return "hidden" in a && "hidden" in b && a.hidden === b.hidden;
  }
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

/**
 * What `name` (or `name.member`, a namespace's member) names from `caller`'s definition: a jitted
 * function, a constant, or why compiled code cannot use it.
 */
function resolveByScope(
  caller: JitSource,
  loc: Location,
  name: string,
  member?: string,
): Resolution | typeof NOT_A_NAMESPACE {
  const b = bindingOf(loc, name);
  if (!b) return undefined; // not declared in the module: the usual "unresolved name"
  let d = follow(loc.module, b);
  if (!d || "error" in d) {
    return { error: `'${name}' cannot be resolved: ${d?.error ?? "no such export"}` };
  }
  if (member !== undefined) {
    // `ns.a.b`: each part a member of the namespace before it (`export * as a`)
    const parts = member.split(".");
    for (const [i, part] of parts.entries()) {
      if (d.binding.kind !== "namespace") return objectMember(d, [name, ...parts], i + 1);
      const ns = d.binding.module;
      const e = exported(ns, part);
      if (!e || "error" in e) {
        const shown = [name, ...member.split(".").slice(0, i + 1)].join(".");
        return { error: `'${shown}': ${e ? e.error : `${fileOf(ns)} exports no '${part}'`}` };
      }
      d = e;
    }
  } else if (d.binding.kind === "namespace") {
    return {
      error: `'${name}' is the namespace of ${fileOf(d.binding.module)} (import * as ${name}); ` +
        `compiled code reads its members (${name}.f(…), ${name}.K), not the namespace itself`,
    };
  }
  if (d.module !== loc.module) caller.followedInto(d.module.path);
  return fromDefinition(caller, loc, d, member === undefined ? name : `${name}.${member}`);
}

/** What a followed definition gives compiled code, shown as `shown` in messages. */
function fromDefinition(
  caller: JitSource,
  loc: Location,
  d: Definition,
  shown: string,
): Resolution {
  const b = d.binding;
  const at = `line ${b.line} of ${fileOf(d.module)}`;
  const dotted = shown.includes(".");
  const fix = dotted
    ? `pass what it holds as an argument`
    : `pass it as an argument, or as jit(fn, { globals: { ${shown} } }) for a number, a ` +
      `boolean, a typed array or a jitted function`;
  if (b.kind === "other" || b.kind === "import" || b.kind === "namespace") {
    const what = b.kind === "other" ? b.what : "an import tsjit cannot follow";
    return { error: `'${shown}' is ${what} (${at}), which compiled code cannot read: ${fix}` };
  }
  if (b.kind === "value") return valueOf(d, shown, at, fix);
  // a jitted function defined there: found on the stack or by search, with no other definition
  const candidates = JitSource.live().filter((s) => {
    const ls = s === caller ? [loc] : s.located();
    if (ls.length !== 1 || ls[0].module !== d.module) return false;
    const l = ls[0];
    return b.kind === "function"
      ? l.node === b.node
      : !!l.call && l.call === b.call && l.frame === 0;
  });
  if (!candidates.length && b.kind === "call") {
    const v = valueOf(d, shown, at, fix); // `const e10 = Math.sqrt(50)`, a table made by a call
    if (!("error" in v)) return v;
  }
  const passJitted = dotted
    ? ""
    : `, or pass the jitted function as jit(fn, { globals: { ${shown} } })`;
  if (!candidates.length) {
    return {
      error: b.kind === "function"
        ? `'${shown}' is the plain function at ${at}; compiled code calls only jitted ` +
          `functions: jit it (jit(${shown})) before this call${passJitted}`
        : `'${shown}' holds what the call at ${at} returns, which is neither the result of ` +
          `jit() there nor a constant; ${fix}${
            dotted ? "" : " (a table its module exports is read by reference)"
          }`,
    };
  }
  const last = candidates[candidates.length - 1];
  if (!candidates.every((c) => equivalent(c, last))) {
    return {
      error: `'${shown}' names different jitted functions (made at ${at} each time that code ` +
        `runs)${passJitted || `; ${fix}`}`,
    };
  }
  return { kind: "function", fn: last };
}

// The real-code corpus harness: each corpus function runs as plain JS and through
// `jit(fn, { fallback: false })` on identical fresh inputs (built twice from one seed); return
// values and every argument afterwards must be identical (Object.is per value, the very same
// object where the plain function returned one of its arguments). A function is then
// "identical", "DIFFERENT" (a trust bug), "documented" (a difference docs/semantics.md lists),
// or "refused" (a CompileError, or a TypeError for an argument type tsjit does not take).
// The word for code built at run time must not appear here: tsjit refuses to resolve names
// through files that mention it (see docs/semantics.md, "How free names resolve").
import { CompileError } from "../../mod.ts";
import { arityOf, constructsOf, runtimeConstructs, truthinessParams } from "./_constructs.ts";

/** What a corpus function uses; issue 13 is about the array tags, issue 14 about the others. */
export type Tag =
  // issue 13: arrays as values
  | "allocates" // `new Float64Array(n)`, `[]`, `new Array(n)` inside
  | "returns-array" // returns an array (a new one or a parameter: `return out`)
  | "slices" // subarray/slice/fill/set/... typed-array methods
  | "number[]-arg" // takes a plain array of numbers
  | "array-literal" // array literals as local tables or stacks
  | "for-of" // `for (const v of a)`
  | "module-table" // a module-level lookup table as a free name
  // issue 14: beyond numbers
  | "throws" // `throw new Error(...)`
  | "closure" // nested functions, returns a closure
  | "default-param" // `seed = 0`
  | "omitted-arg" // called with fewer arguments than parameters
  | "object-arg" // reads fields of object arguments (`p.x`)
  | "returns-object" // returns an object literal or a tuple
  | "this" // a method using `this`
  | "string" // reads a string argument
  | "random" // Math.random
  | "module-const" // a module-level numeric constant as a free name
  | "calls-helper" // calls another function of its module
  | "callback" // takes a function argument
  | "typeof" // `typeof x` guards
  | "math-alias" // `const { sqrt } = Math`, `const sqrt = Math.sqrt`
  | "null"; // null/undefined checks

export const ISSUE13_TAGS: Tag[] = [
  "allocates",
  "returns-array",
  "slices",
  "number[]-arg",
  "array-literal",
  "for-of",
  "module-table",
];

export type AnyFn = (...args: never[]) => unknown;

/** One corpus function and how to drive it. */
export interface Case {
  /** display name, e.g. "vec3.add" */
  name: string;
  fn: AnyFn;
  tags: Tag[];
  /** one input set, built twice per set (plain and jit copies); `self` is this set's `this` */
  args: (g: Gen, self?: unknown) => unknown[];
  /** `this` for a method (built like the arguments) */
  self?: (g: Gen) => unknown;
  /** how many input sets (default 4: normal, normal, edge values, normal) */
  sets?: number;
}

/** A corpus project: its functions and the `jit` of its cases file (see run.ts). */
export interface Project {
  name: string;
  repo: string;
  license: string;
  /** jit(f, { fallback: false }), called from the project's own cases file */
  jit: (f: AnyFn) => AnyFn;
  cases: Case[];
  /** functions the cases call (jitted too, so that names resolve to them), not measured */
  helpers?: AnyFn[];
}

export type Outcome = "identical" | "DIFFERENT" | "documented" | "refused";

export interface Result {
  project: string;
  name: string;
  tags: Tag[];
  outcome: Outcome;
  /** refusal reason, difference or documented difference (first line) */
  detail?: string;
  /** the input set at which the outcome was decided */
  set?: number;
  /**
   * For a function refused only for its plain-array arguments: the outcome with those arrays
   * given as Float64Array copies (what it would need once `number[]` is accepted).
   */
  asTyped?: Result;
  /** constructs the function uses that tsjit does not compile today (_constructs.ts) */
  uses?: string[];
}

const EDGES = [0, -0, 1, -1, NaN, Infinity, -Infinity, 0.5, -2.5, 1e308, -1e-308, 5e-324, 2 ** 31];

/** Deterministic inputs (mulberry32 over a seed); `edge` mixes in edge values. */
export class Gen {
  private s: number;
  constructor(seed: number, readonly edge = false, readonly set = 0) {
    this.s = (seed * 0x9e3779b9 + 0x6d2b79f5) >>> 0;
  }
  /** uniform in [0, 1) */
  float(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** an integer in [lo, hi] */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }
  u32(): number {
    return Math.floor(this.float() * 4294967296);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.float() * xs.length)];
  }
  /** a number in [lo, hi); in an edge set, one in four is an edge value */
  num(lo = -10, hi = 10): number {
    if (this.edge && this.float() < 0.25) return this.pick(EDGES);
    return lo + (hi - lo) * this.float();
  }
  /** a positive number (for sizes, scales) */
  pos(hi = 10): number {
    return this.num(0.001, hi);
  }
  nums(n: number, lo = -10, hi = 10): number[] {
    return Array.from({ length: n }, () => this.num(lo, hi));
  }
  /** integers in [lo, hi]; in an edge set, runs of the extremes (sums and hashes at their limits) */
  ints(n: number, lo: number, hi: number): number[] {
    const extreme = this.edge && this.float() < 0.5 ? this.pick([lo, hi]) : undefined;
    return Array.from({ length: n }, () => extreme ?? this.int(lo, hi));
  }
  f64(n: number, lo = -10, hi = 10): Float64Array {
    return new Float64Array(this.nums(n, lo, hi));
  }
  f32(n: number, lo = -10, hi = 10): Float32Array {
    return new Float32Array(this.nums(n, lo, hi));
  }
  u8(n: number): Uint8Array {
    return new Uint8Array(this.ints(n, 0, 255));
  }
  i32(n: number, lo = -1000, hi = 1000): Int32Array {
    return new Int32Array(this.ints(n, lo, hi));
  }
  u32s(n: number): Uint32Array {
    return new Uint32Array(Array.from({ length: n }, () => (this.edge ? 0xffffffff : this.u32())));
  }
  /** printable ASCII, with a non-ASCII character in edge sets */
  str(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += String.fromCharCode(this.int(32, 126));
    return this.edge ? s + "\u00e9\u4e2d" : s;
  }
}

// ---- comparison ----

function show(x: unknown): string {
  if (Object.is(x, -0)) return "-0";
  if (ArrayBuffer.isView(x)) return `${x.constructor.name}(${(x as unknown as []).length})`;
  if (Array.isArray(x)) return `Array(${x.length})`;
  if (typeof x === "function") return "function";
  if (typeof x === "string") return JSON.stringify(x);
  return String(x);
}

/** Where `a` and `b` differ (undefined: the same), per value with Object.is. */
export function difference(a: unknown, b: unknown, path = "", depth = 0): string | undefined {
  if (Object.is(a, b)) return undefined;
  const at = path || "value";
  if (typeof a === "function" && typeof b === "function" && depth < 3) {
    // a returned closure (a PRNG, a regression line): compare what successive calls give
    for (let k = 0; k < 8; k++) {
      let ra: unknown, rb: unknown;
      try {
        ra = (a as (x: number) => unknown)(k * 0.75 - 2);
      } catch (e) {
        ra = `throws ${String(e)}`;
      }
      try {
        rb = (b as (x: number) => unknown)(k * 0.75 - 2);
      } catch (e) {
        rb = `throws ${String(e)}`;
      }
      const d = difference(ra, rb, `${at}() call ${k}`, depth + 1);
      if (d) return d;
    }
    return undefined;
  }
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    if (a.constructor !== b.constructor) {
      return `${at}: ${a.constructor.name} vs ${b.constructor.name}`;
    }
    const x = a as unknown as ArrayLike<unknown>, y = b as unknown as ArrayLike<unknown>;
    if (x.length !== y.length) return `${at}: length ${x.length} vs ${y.length}`;
    for (let i = 0; i < x.length; i++) {
      if (!Object.is(x[i], y[i])) return `${at}[${i}]: ${show(x[i])} vs ${show(y[i])}`;
    }
    return undefined;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${at}: length ${a.length} vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      if ((i in a) !== (i in b)) return `${at}[${i}]: hole in one only`;
      const d = difference(a[i], b[i], `${at}[${i}]`, depth + 1);
      if (d) return d;
    }
    return undefined;
  }
  if (
    a && b && typeof a === "object" && typeof b === "object" && !ArrayBuffer.isView(a) &&
    !ArrayBuffer.isView(b) && !Array.isArray(a) && !Array.isArray(b) && depth < 4
  ) {
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: prototypes differ`;
    const ka = Object.keys(a), kb = Object.keys(b);
    if (ka.join() !== kb.join()) return `${at}: keys ${ka} vs ${kb}`;
    for (const k of ka) {
      const d = difference(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${at}.${k}`,
        depth + 1,
      );
      if (d) return d;
    }
    return undefined;
  }
  return `${at}: ${show(a)} (plain) vs ${show(b)} (jit)`;
}

/** `a` and `b` within `ulps` units in the last place (both finite or equal). */
function withinUlps(a: number, b: number, ulps: number): boolean {
  if (Object.is(a, b)) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const f = new Float64Array([a, b]);
  const i = new BigInt64Array(f.buffer);
  const d = i[0] - i[1];
  return (d < 0n ? -d : d) <= BigInt(ulps);
}

/** Every pair of numbers where `a` and `b` differ (same shapes assumed), for the ulp check. */
function numberPairs(a: unknown, b: unknown, out: [number, number][]): boolean {
  if (typeof a === "number" && typeof b === "number") return out.push([a, b]), true;
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    const x = a as unknown as ArrayLike<number>, y = b as unknown as ArrayLike<number>;
    if (x.length !== y.length || typeof x[0] === "bigint") return false;
    // Float32Array holds rounded values: a 2-ulp difference in double is at most 1 ulp there
    for (let i = 0; i < x.length; i++) out.push([x[i], y[i]]);
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return a.every((v, i) => numberPairs(v, b[i], out));
  }
  return Object.is(a, b);
}

/** Transcendental Math functions, whose results may differ by 2 ulp (docs/semantics.md). */
const TRANSCENDENTAL =
  /Math\.(exp|expm1|log|log1p|log2|log10|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|pow|cbrt)\b|\*\*/;

function ulpDifference(fn: AnyFn, a: unknown, b: unknown): boolean {
  if (!TRANSCENDENTAL.test(String(fn))) return false;
  const pairs: [number, number][] = [];
  if (!numberPairs(a, b, pairs)) return false;
  return pairs.every(([x, y]) => {
    if (withinUlps(x, y, 2)) return true;
    // float32 storage of a value 2 ulp off in double: at most 1 float32 ulp
    const fx = Math.fround(x), fy = Math.fround(y);
    return x === fx && y === fy && Math.abs(x - y) <= Math.abs(x) * 2 ** -23;
  });
}

// ---- running ----

const PLAIN_ARRAY = "a plain array of numbers";
/** The refusal detail of a function jit() itself failed on (not with a CompileError). */
export const TSJIT_ERROR = "jit() threw, not a CompileError (a tsjit bug)";

/** What kind of argument tsjit does not take (a number, boolean or typed array it does). */
function argumentKind(v: unknown): string | undefined {
  if (typeof v === "number" || typeof v === "boolean" || ArrayBuffer.isView(v)) return undefined;
  if (Array.isArray(v)) {
    return v.some((x) => typeof x === "object" && x !== null)
      ? "a plain array of arrays or objects"
      : PLAIN_ARRAY;
  }
  if (v === null || v === undefined) return "null/undefined";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

/** tsjit's own refusal of the arguments (a TypeError naming a parameter), not the function's. */
function argumentRefusal(e: unknown, args: unknown[]): string | undefined {
  if (!(e instanceof TypeError)) return undefined;
  const m = e.message;
  if (/\(\): parameter '.*' must be a number, a boolean or a typed array/.test(m)) {
    const kind = args.map(argumentKind).find((k) => k !== undefined) ?? "?";
    return `argument type not accepted: ${kind}`;
  }
  if (/\(\) takes \d+ arguments? \(.*\), got \d+/.test(m)) {
    return "fewer arguments than parameters (an omitted argument)";
  }
  if (/typed-array arguments; at most/.test(m)) return "too many typed-array arguments";
  return undefined;
}

type Run = { value?: unknown; error?: unknown; args: unknown[] };

function call(f: AnyFn, self: unknown, args: unknown[]): Run {
  try {
    return { value: Reflect.apply(f, self, args), args };
  } catch (error) {
    return { error, args };
  }
}

function firstLine(e: unknown): string {
  const s = e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e);
  return s.split("\n")[0];
}

/** Runs one case over its input sets; `jitted` was made by the project's jit. */
/** Plain arrays of numbers as Float64Array copies (for Result.asTyped). */
function typed(args: unknown[]): unknown[] {
  return args.map((a) =>
    Array.isArray(a) && a.every((x) => typeof x === "number") ? new Float64Array(a) : a
  );
}

function runCase(
  project: string,
  c: Case,
  jitted: AnyFn,
  sets: number | undefined,
  uses: Set<string>,
  asTyped = false,
): Result {
  const base = { project, name: c.name, tags: c.tags };
  let documented: Result | undefined;
  let refused: Result | undefined;
  const n = sets ?? c.sets ?? 4;
  const arity = arityOf(c.fn), truthiness = truthinessParams(c.fn);
  for (let s = 0; s < n; s++) {
    const edge = s % 4 === 2;
    const make = () => {
      const g = new Gen(1000 + s, edge, s);
      const self = c.self?.(g);
      const args = c.args(g, self);
      return { self, args: asTyped ? typed(args) : args };
    };
    const p = make(), j = make();
    const plain = call(c.fn, p.self, p.args);
    for (const u of runtimeConstructs(p.args, plain.value, arity, truthiness)) uses.add(u);
    const jit = call(jitted, j.self, j.args);
    if (jit.error instanceof JitCrash) {
      return {
        ...base,
        outcome: "refused",
        detail: `${TSJIT_ERROR}: ${jit.error.message}`,
        set: s,
      };
    }
    if (jit.error instanceof CompileError) {
      return {
        ...base,
        outcome: "refused",
        detail: firstLine(jit.error).replace(/^\w+: /, ""),
        set: s,
      };
    }
    const argRefusal = argumentRefusal(jit.error, j.args);
    if (
      argRefusal &&
      !(plain.error instanceof TypeError && plain.error.message === (jit.error as Error).message)
    ) {
      refused ??= { ...base, outcome: "refused", detail: argRefusal, set: s };
      continue;
    }
    let diff: string | undefined;
    if (plain.error !== undefined || jit.error !== undefined) {
      const pe = plain.error !== undefined ? firstLine(plain.error) : undefined;
      const je = jit.error !== undefined ? firstLine(jit.error) : undefined;
      if (pe !== je) {
        if (je?.startsWith("RangeError") && / out of bounds|index/i.test(je) && pe === undefined) {
          documented ??= { ...base, outcome: "documented", detail: `out-of-bounds: ${je}`, set: s };
          continue;
        }
        diff = `throws: ${pe ?? "(returns " + show(plain.value) + ")"} vs ${
          je ?? "(returns " + show(jit.value) + ")"
        }`;
      }
    } else {
      // the very same object when the plain function returned one of its arguments (or `this`)
      const pi = [p.self, ...p.args].indexOf(plain.value);
      if (pi >= 0 && typeof plain.value === "object" && plain.value !== null) {
        const ji = [j.self, ...j.args][pi];
        if (jit.value !== ji) diff = `returned a different object, not argument ${pi - 1}`;
      }
      diff ??= difference(plain.value, jit.value, "result");
      if (diff && c.tags.includes("random")) {
        // Math.random's values are not V8's in compiled code (by design): compare shapes only
        const shape = (v: unknown) => JSON.stringify(v, (_, x) => (typeof x === "number" ? 0 : x));
        if (shape(plain.value) === shape(jit.value)) {
          documented ??= {
            ...base,
            outcome: "documented",
            detail: `Math.random values: ${diff}`,
            set: s,
          };
          diff = undefined;
        }
      }
      if (diff && ulpDifference(c.fn, plain.value, jit.value)) {
        documented ??= {
          ...base,
          outcome: "documented",
          detail: `≤2 ulp (transcendental Math): ${diff}`,
          set: s,
        };
        diff = undefined;
      }
    }
    if (!diff) {
      for (let k = 0; k < p.args.length && !diff; k++) {
        const d = difference(p.args[k], j.args[k], `argument ${k} after the call`);
        if (d && ulpDifference(c.fn, p.args[k], j.args[k])) {
          documented ??= {
            ...base,
            outcome: "documented",
            detail: `≤2 ulp (transcendental Math): ${d}`,
            set: s,
          };
        } else diff = d;
      }
    }
    if (!diff && p.self !== undefined) diff = difference(p.self, j.self, "this after the call");
    if (diff) return { ...base, outcome: "DIFFERENT", detail: diff, set: s };
  }
  if (refused?.detail === `argument type not accepted: ${PLAIN_ARRAY}` && !asTyped) {
    refused.asTyped = runCase(project, c, jitted, sets, new Set(), true);
  }
  return refused ?? documented ?? { ...base, outcome: "identical" };
}

/** What jit() itself threw (not a CompileError at the first call: a tsjit bug). */
class JitCrash extends Error {}

/** Each function and helper of a project jitted once (by the project's own cases file). */
export function jitAll(p: Project): Map<AnyFn, AnyFn> {
  const jitted = new Map<AnyFn, AnyFn>();
  for (const f of [...(p.helpers ?? []), ...p.cases.map((c) => c.fn)]) {
    if (jitted.has(f)) continue;
    try {
      jitted.set(f, p.jit(f));
    } catch (e) {
      // jit() itself failed, not a compile: a tsjit bug, reported as a refusal that says so
      const crash = new JitCrash(firstLine(e));
      jitted.set(f, () => {
        throw crash;
      });
    }
  }
  return jitted;
}

/** Runs every case of a project (jitting each function and helper once). */
export function runProject(p: Project, sets?: number, jitted = jitAll(p)): Result[] {
  return p.cases.map((c): Result => {
    const uses = constructsOf(c.fn, p.name);
    let r: Result;
    try {
      r = runCase(p.name, c, jitted.get(c.fn)!, sets, uses);
    } catch (e) {
      const detail = `harness: ${firstLine(e)}`;
      r = { project: p.name, name: c.name, tags: c.tags, outcome: "DIFFERENT", detail };
    }
    return { ...r, uses: [...uses].sort() };
  });
}

/** A case: name, function, tags, input builder, and optional extras (`self`, `sets`). */
export function fn(
  name: string,
  f: AnyFn,
  tags: Tag[],
  args: (g: Gen, self?: unknown) => unknown[],
  extra: Partial<Pick<Case, "self" | "sets">> = {},
): Case {
  return { name, fn: f, tags, args, ...extra };
}

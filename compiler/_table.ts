// The dispatch table of one jitted function: which compiled specialization a call's arguments
// select, at a cost that does not grow with the number of specializations. The first few are
// tested inline (the monomorphic case costs one guard); the others are found in a map keyed by
// the arguments' classes (exact typed-array kind, int32 / other safe integer / other number,
// boolean), computed from internal slots only (a detached array is refused when the entry fills
// its lengths). Misses go to the dispatcher's slow path, which
// compiles or picks an entry and remembers it here.
import { type Entry, GUARD_HELPERS, guardSource } from "./runtime/invoke.ts";
import { fround, kindOf } from "./values.ts";
import { ARRAY_TYPES, F64 } from "./types/types.ts";

/**
 * Most specializations the dispatcher compiles for one function from the argument types it
 * sees, by default (`maxSpecializations`); calls with further new types run as plain JS (with a
 * one-line warning). Signatures declared with `signature` are not counted.
 */
export const MAX_SPECIALIZATIONS = 1024;

/** Entries tested inline before the map is consulted. */
const INLINE = 4;

// Map methods captured now: a replaced Map.prototype.get must not pick the entry.
const call = Function.prototype.call;
const mapGet = call.bind(Map.prototype.get) as <K, V>(m: Map<K, V>, k: K) => V | undefined;
const mapSet = call.bind(Map.prototype.set) as <K, V>(m: Map<K, V>, k: K, v: V) => void;
const mapClear = call.bind(Map.prototype.clear) as (m: Map<unknown, unknown>) => void;

type Invoke = (...args: unknown[]) => unknown;

/** Class codes: typed-array kinds 0..K-1 (K kinds), numbers K..K+7, booleans K+8, else K+9. */
const K = ARRAY_TYPES.length;
const KIND_CODES: Readonly<Record<string, number>> = Object.freeze(
  Object.assign(Object.create(null), Object.fromEntries(ARRAY_TYPES.map((t, i) => [t, i]))),
);

/**
 * JS source of the class key of arguments a0..an: a number, one base-32 digit per argument, up
 * to 10 arguments (a Map keyed by small integers is the fastest); a string beyond. The classes
 * must be at least as fine as every guard (guardSource): arguments of one class are accepted by
 * the same entries. A number's class: int32 (not -0), another safe integer (not -0), -0, any
 * other number; for declared signatures, which may take f32, times whether a float holds it
 * exactly.
 */
function keySource(arity: number, declared: boolean): string {
  const max = Number.MAX_SAFE_INTEGER;
  const one = (a: string) =>
    `(typeof ${a} === "number" ? (${
      declared ? `(fround(${a}) === ${a} || ${a} !== ${a} ? 0 : 4) + ` : ""
    }((${a} | 0) === ${a} && (${a} !== 0 || 1 / ${a} > 0) ? ${K} : ${a} === 0 ? ${K + 2} : ` +
    `${a} % 1 === 0 && ${a} <= ${max} && ${a} >= ${-max} ? ${K + 1} : ${K + 3})) : ` +
    `typeof ${a} === "boolean" ? ${K + 8} : (codes[kindOf(${a})] ?? ${K + 9}))`;
  const digits = Array.from({ length: arity }, (_, i) => one(`a${i}`));
  if (arity <= 10) return digits.map((d, i) => i ? `${d} * ${32 ** i}` : d).join(" + ") || "0";
  return digits.join(` + "," + `);
}

/** The compiled entries of one jitted function and the function that dispatches among them. */
export class DispatchTable {
  /** compiled entries, in the order guards are tried */
  readonly entries: Entry[] = [];
  /** the dispatcher: called with exactly `arity` arguments */
  fast: Invoke;
  private readonly memo = new Map<number | string, Entry>();
  private keyOf: Invoke;
  /** the caller's arguments a0…, then the hidden ones (see setHidden) */
  private readonly params: string;
  private all: string;
  private hidden: readonly unknown[] = [];

  /**
   * `miss` is called (with the arguments) when no entry is known for them; `declared` orders
   * entries so that declared signatures taking integers are preferred to those taking f64.
   */
  constructor(
    private readonly arity: number,
    private readonly declared: boolean,
    private readonly miss: Invoke,
  ) {
    this.params = Array.from({ length: arity }, (_, i) => `a${i}`).join(", ");
    this.all = this.params;
    this.keyOf = this.makeKey();
    this.fast = miss;
  }

  private makeKey(): Invoke {
    const n = this.arity + this.hidden.length;
    return new Function(
      "kindOf",
      "codes",
      "fround",
      `return function (${this.all}) { return ${keySource(n, this.declared)}; }`,
    )(kindOf, KIND_CODES, fround);
  }

  /**
   * Values passed after the caller's arguments on every call (module tables a body reads by
   * reference): set once, before the first entry. Entries, guards and keys then cover them too;
   * `invoke` and `find` take them after the arguments.
   */
  setHidden(values: readonly unknown[]): void {
    if (this.entries.length) throw new Error("tsjit internal error: hidden values set late");
    this.hidden = values;
    const n = this.arity + values.length;
    this.all = Array.from({ length: n }, (_, i) => `a${i}`).join(", ");
    this.keyOf = this.makeKey();
  }

  /** Adds a compiled entry and regenerates the dispatcher. */
  add(e: Entry): void {
    this.entries.push(e);
    if (this.declared) {
      const f64s = (x: Entry) => x.spec.argTypes.filter((t) => t === F64).length;
      this.entries.sort((x, y) => f64s(x) - f64s(y));
    }
    e.accepts = this.compileGuard(e);
    if (this.declared) mapClear(this.memo); // the order changed: earlier choices may not hold
    this.rebuild();
  }

  /** The first entry whose guard accepts the arguments (declared signatures convert). */
  find(args: unknown[]): Entry | undefined {
    for (const e of this.entries) if (e.accepts!(...args)) return e;
    return undefined;
  }

  /**
   * Calls `e` with `args`, after checking its guard (the slow path's maps are ordinary objects
   * user code could tamper with), and remembers it for arguments of these classes.
   */
  invoke(e: Entry, args: unknown[]): unknown {
    if (!e.accepts!(...args)) throw new Error("tsjit internal error: entry does not fit");
    if (this.memo.size >= 4 * Math.max(this.entries.length, MAX_SPECIALIZATIONS)) {
      mapClear(this.memo);
    }
    mapSet(this.memo, this.keyOf(...args) as number | string, e);
    return e.run(e, ...args);
  }

  private compileGuard(e: Entry): (...args: unknown[]) => boolean {
    return new Function(
      ...Object.keys(GUARD_HELPERS),
      `return function (${this.all}) { return ${guardSource(e.spec.argTypes, this.declared)}; }`,
    )(...Object.values(GUARD_HELPERS));
  }

  private rebuild(): void {
    const inline = this.entries.slice(0, INLINE);
    const comma = this.all ? ", " : "";
    const tests = inline.map((e, k) =>
      `if (${
        guardSource(e.spec.argTypes, this.declared)
      }) return e${k}.run(e${k}${comma}${this.all});`
    );
    const hidden = this.hidden.map((_, k) => `const a${this.arity + k} = h${k};`).join(" ");
    const src = `return function (${this.params}) {
      ${hidden}
      ${tests.join("\n")}
      const e = mapGet(memo, keyOf(${this.all}));
      if (e !== undefined) return e.run(e${comma}${this.all});
      return miss(${this.params});
    }`;
    const names = [...Object.keys(GUARD_HELPERS), "mapGet", "memo", "keyOf", "miss"];
    const extra = [...inline.map((_, k) => `e${k}`), ...this.hidden.map((_, k) => `h${k}`)];
    this.fast = new Function(...names, ...extra, src)(
      ...Object.values(GUARD_HELPERS),
      mapGet,
      this.memo,
      this.keyOf,
      this.miss,
      ...inline,
      ...this.hidden,
    );
  }
}

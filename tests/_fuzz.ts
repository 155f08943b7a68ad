// A differential fuzzer: fast-check builds random functions in the supported subset and random
// inputs; each runs as plain JS and through jit(), and results must agree bit for bit.
import fc from "fast-check";
import { jit } from "../mod.ts";
import { ARRAY_TYPES } from "../compiler/types/types.ts";

const ARRAY_KINDS = ARRAY_TYPES;

const SPECIALS = [
  0,
  -0,
  0.5,
  -0.5,
  1.5,
  2.5,
  -2.5,
  255.5,
  256,
  -129,
  2 ** 31,
  2 ** 32 + 3,
  1e300,
  -1e-300,
  NaN,
  Infinity,
  -Infinity,
  0.49999999999999994,
];

/** Integers at the edges where integer arithmetic can go wrong: 2^31, 2^32, 2^53, 2^63. */
const EDGES = [2 ** 31, 2 ** 32, 2 ** 53, 2 ** 63].flatMap((e) =>
  [e - 1, e, e + 1, e - 2048, -e, -e + 1, -e - 1].filter(Number.isFinite)
);
/** An integer anywhere in int32, or near one of the edges. */
const bigInt = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  fc.constantFrom(...EDGES),
  fc.integer({ min: -3000, max: 3000 }).chain((d) => fc.constantFrom(...EDGES).map((e) => e + d)),
);

function lit(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "Infinity";
  if (v === -Infinity) return "(-Infinity)";
  if (Object.is(v, -0)) return "(-0)";
  return v < 0 ? `(${v})` : String(v);
}

const numLiteral = fc.oneof(
  fc.integer({ min: -300, max: 300 }).map(lit),
  fc.constantFrom(...SPECIALS).map(lit),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(lit),
  bigInt.map(lit),
  fc.constantFrom(31, 65521, 2097152, 16777619, 0x811c9dc5, 4294967296).map(lit),
);

const BIN = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", ">>>"];
const CMP = ["<", "<=", ">", ">=", "==", "!=", "===", "!=="];
const MATH1 = ["abs", "floor", "ceil", "round", "trunc", "sign", "fround", "sqrt", "clz32"];
const MATH2 = ["min", "max", "imul"];

/** Where an expression stands: an initializer sees only the parameters. */
type Place = boolean | "init";

/** Expressions over the names visible in a place (a loop adds `i` and element reads). */
function exprArb(inLoop: Place, depth: number): fc.Arbitrary<string> {
  const names = inLoop === "init"
    ? ["a", "b", "x.length"]
    : ["a", "b", "v0", "v1", "v2", "x.length"];
  if (inLoop === true) names.push("i", "x[i]", "y[i]", "z[i]");
  const leaf = fc.oneof(numLiteral, fc.constantFrom(...names));
  if (depth <= 0) return leaf;
  const sub = exprArb(inLoop, depth - 1);
  const cond = condArb(inLoop, depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    {
      weight: 4,
      arbitrary: fc.tuple(fc.constantFrom(...BIN), sub, sub).map(([o, l, r]) => `(${l} ${o} ${r})`),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom("-", "+", "~"), sub).map(([o, e]) => `(${o}${e})`),
    },
    // product chains: each factor may look small, the product is not
    {
      weight: 1,
      arbitrary: fc.tuple(sub, sub, sub, fc.constantFrom("*", "+", "-", "%")).map(([l, m, r, o]) =>
        `(${l} * ${m} * ${r} ${o} ${l})`
      ),
    },
    { weight: 1, arbitrary: fc.tuple(cond, sub, sub).map(([c, t, e]) => `(${c} ? ${t} : ${e})`) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...MATH1), sub).map(([f, e]) => `Math.${f}(${e})`),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...MATH2), sub, sub).map(([f, l, r]) =>
        `Math.${f}(${l}, ${r})`
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom("&&", "||"), sub, sub).map(([o, l, r]) =>
        `(${l} ${o} ${r})`
      ),
    },
  );
}

function condArb(inLoop: Place, depth: number): fc.Arbitrary<string> {
  const sub = exprArb(inLoop, Math.max(0, depth - 1));
  const cmp = fc.tuple(fc.constantFrom(...CMP), sub, sub).map(([o, l, r]) => `(${l} ${o} ${r})`);
  if (depth <= 0) return cmp;
  const c = condArb(inLoop, depth - 1);
  return fc.oneof(
    { weight: 4, arbitrary: cmp },
    { weight: 1, arbitrary: c.map((x) => `!${x}`) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom("&&", "||"), c, c).map(([o, l, r]) => `(${l} ${o} ${r})`),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constantFrom("Number.isNaN", "Number.isInteger", "Number.isFinite"),
        sub,
      ).map(([f, e]) => `${f}(${e})`),
    },
  );
}

const ASSIGN = ["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", ">>>="];

function stmtArb(inLoop: boolean, depth: number): fc.Arbitrary<string> {
  const e = exprArb(inLoop, 2);
  const assign = fc.tuple(fc.constantFrom("v0", "v1", "v2"), fc.constantFrom(...ASSIGN), e)
    .map(([v, o, x]) => `${v} ${o} ${x};`);
  const update = fc.tuple(fc.constantFrom("v0", "v1", "v2"), fc.constantFrom("++", "--"))
    .map(([v, o]) => `${v}${o};`);
  // loop-carried sums and products (`h = h * 31 + c`, `s += p * q`), masked or not
  const carried = fc.tuple(
    fc.constantFrom("v0", "v1", "v2"),
    fc.constantFrom("+", "-", "*"),
    e,
    fc.constantFrom("", " | 0", " >>> 0", " % 65521"),
  ).map(([v, o, x, m]) => `${v} = (${v} ${o} ${x})${m};`);
  const store = inLoop
    ? fc.tuple(fc.constantFrom("x[i]", "y[i]", "z[i]"), fc.constantFrom("=", "+=", "*=", "|="), e)
      .map(([t, o, x]) => `${t} ${o} ${x};`)
    : fc.tuple(fc.constantFrom("z[0]", "y[0]"), e).map(([t, x]) => `${t} = ${x};`);
  if (depth <= 0) return fc.oneof(assign, update, store, carried);
  const body = fc.array(stmtArb(inLoop, depth - 1), { minLength: 1, maxLength: 3 }).map((s) =>
    s.join(" ")
  );
  const loopBody = fc.array(stmtArb(true, depth - 1), { minLength: 1, maxLength: 3 }).map((s) =>
    s.join(" ")
  );
  const arms = [
    { weight: 4, arbitrary: assign },
    { weight: 1, arbitrary: update },
    { weight: 2, arbitrary: carried },
    { weight: 2, arbitrary: store },
    {
      weight: 2,
      arbitrary: fc.tuple(condArb(inLoop, 1), body, body).map(([c, t, f]) =>
        `if (${c}) { ${t} } else { ${f} }`
      ),
    },
  ];
  if (!inLoop) {
    arms.push({
      weight: 2,
      arbitrary: loopBody.map((b) => `for (let i = 0; i < x.length; i++) { ${b} }`),
    });
    // a loop long enough to carry sums and products past 2^53 and 2^64
    arms.push({
      weight: 1,
      arbitrary: fc.tuple(fc.integer({ min: 0, max: 80 }), body).map(([n, b]) =>
        `for (let k = 0; k < ${n}; k++) { ${b} }`
      ),
    });
    // a counter reduced by chunks of itself (`n = len > C ? C : len; len -= n`, as zlib does)
    arms.push({
      weight: 1,
      arbitrary: fc.tuple(
        fc.constantFrom("v0", "v1", "v2"),
        fc.constantFrom("v0", "v1", "v2"),
        numLiteral,
        fc.boolean(),
        body,
      ).map(([len, n, c, viaMin, b]) =>
        `{ let t = 0; while (${len} !== 0 && t < 12) { ${n} = ${
          viaMin ? `Math.min(${len}, ${c})` : `${len} > ${c} ? ${c} : ${len}`
        }; ${len} -= ${n}; ${b} t++; } }`
      ),
    });
    // a countdown over a[p++] (`do { … } while (--n)`, as Adler-32 is written), kept in bounds
    arms.push({
      weight: 1,
      arbitrary: fc.tuple(
        exprArb("init", 1),
        exprArb("init", 1),
        fc.constantFrom("x", "y", "z"),
        fc.constantFrom("v0", "v1", "v2"),
        fc.constantFrom("p++", "++p"),
        body,
      ).map(([p, n, arr, v, inc, b]) =>
        `{ let p = Math.trunc(${p}) | 0; let n = Math.trunc(${n}) % 16; ` +
        `if (${inc === "++p" ? "p >= -1 && p + n < x.length" : "p >= 0 && p + n <= x.length"} ` +
        `&& n >= 1) { do { ${v} = (${v} + ${arr}[${inc}]) | 0; ${b} } while (--n); } }`
      ),
    });
  }
  return fc.oneof(...arms);
}

/** A whole random program: its body text and the kind of its third array. */
export const programArb = fc.record({
  inits: fc.tuple(exprArb("init", 1), exprArb("init", 1), exprArb("init", 1)),
  body: fc.array(stmtArb(false, 2), { minLength: 1, maxLength: 5 }),
  ret: exprArb(false, 2),
  zKind: fc.constantFrom(...ARRAY_KINDS),
});

/** Inputs: a number, an integer, and three arrays of one length (at least 1). */
export const inputArb = fc.record({
  a: fc.oneof(
    fc.constantFrom(...SPECIALS),
    fc.double({ noNaN: false }),
    fc.integer({ min: -50, max: 50 }),
    bigInt,
  ),
  b: fc.oneof(fc.integer({ min: -40, max: 40 }), bigInt),
  xs: fc.array(
    fc.oneof(
      fc.double(),
      fc.constantFrom(...SPECIALS),
      fc.integer({ min: -1000, max: 1000 }),
      bigInt,
    ),
    { minLength: 1, maxLength: 9 },
  ),
});

/** A generated program. */
export interface Program {
  inits: [string, string, string];
  body: string[];
  ret: string;
  zKind: string;
}

/** The program's source as a function body. */
export function programSource(p: Program): string {
  // v0..v2 start as numbers derived from the inputs so that their types are numeric
  return [
    `let v0 = +(${p.inits[0]});`,
    `let v1 = +(${p.inits[1]});`,
    `let v2 = +(${p.inits[2]});`,
    ...p.body,
    `return ${p.ret};`,
  ].join("\n");
}

type Input = { a: number; b: number; xs: number[] };

/** Runs one program on one input both ways; returns a description of the first difference. */
export function differ(p: Program, input: Input): string | undefined {
  const body = programSource(p);
  // deno-lint-ignore no-explicit-any
  const plain = new Function("a", "b", "x", "y", "z", body) as (...args: any[]) => number;
  const Z = globalThis[p.zKind as (typeof ARRAY_KINDS)[number]];
  const make = () => [
    new Float64Array(input.xs),
    new Int32Array(input.xs.map((v) => (Number.isFinite(v) ? v : 7))),
    new Z(input.xs.map((v) => (Number.isFinite(v) ? v : 3))),
  ];
  const pa = make();
  const ja = make();
  const expected = plain(input.a, input.b, ...pa);
  let actual: unknown;
  try {
    actual = jit(plain)(input.a, input.b, ...ja);
  } catch (e) {
    return `jit threw ${(e as Error).message}\n${body}`;
  }
  const show = (v: unknown) => (Object.is(v, -0) ? "-0" : String(v));
  if (!Object.is(actual, expected)) {
    return `returned ${show(actual)}, plain JS ${show(expected)}\n${body}`;
  }
  for (let k = 0; k < 3; k++) {
    for (let i = 0; i < pa[k].length; i++) {
      if (!Object.is(pa[k][i], ja[k][i])) {
        return `array ${"xyz"[k]}[${i}] is ${show(ja[k][i])}, plain JS ${show(pa[k][i])}\n${body}`;
      }
    }
  }
  return undefined;
}

/** Checks `runs` random programs; throws with the (shrunk) counterexample on a difference. */
export function fuzz(runs: number, seed?: number): void {
  fc.assert(
    fc.property(programArb, inputArb, (p, input) => {
      const d = differ(p, input);
      if (d) throw new Error(`${d}\ninputs: ${JSON.stringify(input)}`);
    }),
    { numRuns: runs, seed, endOnFailure: false, verbose: 0 },
  );
}

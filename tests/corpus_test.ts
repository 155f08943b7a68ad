// The real-code corpus (tests/corpus/): every third-party function that compiles must give plain
// JS's result, return value and arguments afterwards, Object.is per value. How many compile is a
// figure (tests/corpus/run.ts prints it), not a test.
import { assert, assertEquals } from "./_assert.ts";
import { CompileError } from "../mod.ts";
import { fn, type Project, runProject, TSJIT_ERROR } from "./corpus/harness.ts";
import { report, summary } from "./corpus/report.ts";
import { runCorpus } from "./corpus/run.ts";

Deno.test("corpus: every function that compiles gives plain JS's results", async () => {
  const results = await runCorpus(undefined, 3);
  const s = summary(results);
  if (s.different.length) console.log(report(results));
  assertEquals(
    s.different.map((r) => `${r.project}: ${r.name}: ${r.detail}`),
    [],
    "jitted corpus functions whose results differ from plain JS",
  );
  assert(s.functions > 0 && s.compiled > 0, "the corpus ran");
});

Deno.test("corpus harness: a wrong result, a mutated argument or a new object is DIFFERENT", () => {
  const add = (out: Float64Array, a: Float64Array) => {
    for (let i = 0; i < a.length; i++) out[i] += a[i];
    return out;
  };
  const args = (g: { f64(n: number): Float64Array }) => [g.f64(3), g.f64(3)];
  const wrong: [string, Project["jit"]][] = [
    ["result", () => (out: Float64Array, a: Float64Array) => (add(out, a), out.slice())],
    ["argument", () => (out: Float64Array, a: Float64Array) => (add(out, a), (a[1] = -0), out)],
    [
      "-0",
      () => (out: Float64Array, a: Float64Array) => (add(out, a), (out[0] = -out[0] || 0), out),
    ],
  ];
  for (const [what, jit] of wrong) {
    const p: Project = {
      name: "self-check",
      repo: "",
      license: "",
      jit,
      cases: [fn("add", add as never, ["returns-array"], args)],
    };
    const [r] = runProject(p, 2);
    assertEquals(r.outcome, "DIFFERENT", `a changed ${what} must be DIFFERENT: ${r.detail}`);
  }
  const same: Project = {
    name: "self-check",
    repo: "",
    license: "",
    jit: () => add as never,
    cases: [fn("add", add as never, ["returns-array"], args)],
  };
  assertEquals(runProject(same, 2)[0].outcome, "identical");
});

Deno.test("corpus harness: errors are compared; CompileErrors and jit() failures are refusals", () => {
  const check = (x: number) => {
    if (x > 0) throw new RangeError(`x is ${x}`);
    return -x;
  };
  const project = (jit: Project["jit"]): Project => ({
    name: "self-check",
    repo: "",
    license: "",
    jit,
    cases: [fn("check", check as never, ["throws"], (g) => [g.set % 2 ? 1 : -1])],
  });
  const rethrow = () => (x: number) => {
    if (x > 0) throw new TypeError(`x is ${x}`);
    return -x;
  };
  const refuse = () => () => {
    throw new CompileError(
      "unsupported construct: throw statement",
      "throw",
      { start: 0, end: 0 },
      {
        source: "",
        fnName: "check",
      },
    );
  };
  assertEquals(runProject(project(() => check as never), 2)[0].outcome, "identical");
  assertEquals(runProject(project(rethrow as never), 2)[0].outcome, "DIFFERENT");
  const crashed = runProject(
    project(() => {
      throw new SyntaxError("Unexpected token");
    }),
    2,
  )[0];
  assertEquals([crashed.outcome, crashed.detail], [
    "refused",
    `${TSJIT_ERROR}: SyntaxError: Unexpected token`,
  ]);
  const refused = runProject(project(refuse as never), 2)[0];
  assertEquals([refused.outcome, refused.detail], [
    "refused",
    "unsupported construct: throw statement",
  ]);
});

// Tables of corpus results: per project, per tag, the wrong results first, and the refusal
// reasons grouped by construct (what issues 13 and 14 are planned from).
import { ISSUE13_TAGS, type Result, type Tag, TSJIT_ERROR } from "./harness.ts";
import { ISSUE13_CONSTRUCTS, NEITHER } from "./_constructs.ts";

const compiled = (r: Result) => r.outcome === "identical" || r.outcome === "documented";

function pct(n: number, d: number): string {
  return d ? `${(100 * n / d).toFixed(1)} %` : "-";
}

function table(head: string[], rows: (string | number)[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r: (string | number)[]) =>
    r.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join("  ");
  return [line(head), w.map((n) => "-".repeat(n)).join("  "), ...rows.map(line)].join("\n");
}

function counts(rs: Result[]): (string | number)[] {
  const n = (o: Result["outcome"]) => rs.filter((r) => r.outcome === o).length;
  return [
    rs.length,
    n("identical"),
    n("documented"),
    n("DIFFERENT"),
    n("refused"),
    pct(rs.filter(compiled).length, rs.length),
  ];
}

const HEAD = ["functions", "identical", "documented", "DIFFERENT", "refused", "compile rate"];

/**
 * A refusal reason without the function's own names and numbers, so that reasons about one
 * construct group together.
 */
export function reasonKey(detail: string): string {
  return detail
    .replace(/^in \S+ at \S+ /, "")
    .replace(/;.*$/, "")
    .replace(/ \(line \d+ of [^)]*\)/g, "")
    .replace(/:? pass .*$/, "")
    .replace(/\b[\w$.]+\(\)/g, "f()")
    .replace(/'[^']*'/g, "'…'")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/`[^`]*`/g, "`…`")
    .replace(/\b(line|lines) \d+( of \S+)?/g, "line N")
    .replace(/\(\w+\.(js|ts|mjs)\)/g, "")
    .replace(/\b\d+\b/g, "N")
    .replace(/: .*$/, (m) => (m.length > 70 ? m.slice(0, 70) + "…" : m))
    .trim();
}

export function summary(results: Result[]) {
  const ok = results.filter(compiled).length;
  const probes = results.flatMap((r) => (r.asTyped ? [r.asTyped] : []));
  const i13 = results.filter((r) => r.tags.some((t) => ISSUE13_TAGS.includes(t)));
  const i14 = results.filter((r) => r.tags.some((t) => !ISSUE13_TAGS.includes(t)));
  return {
    projects: new Set(results.map((r) => r.project)).size,
    functions: results.length,
    compiled: ok,
    different: [...results, ...probes].filter((r) => r.outcome === "DIFFERENT"),
    issue13: { functions: i13.length, compiled: i13.filter(compiled).length },
    issue14: { functions: i14.length, compiled: i14.filter(compiled).length },
  };
}

/**
 * Per construct (measured: _constructs.ts), the functions using it, how many of those are refused,
 * and the refused functions whose only unsupported construct it is (those it alone blocks).
 */
export function constructTable(results: Result[]): string {
  const all = [...new Set(results.flatMap((r) => r.uses ?? []))];
  const rows = all.map((k) => {
    const using = results.filter((r) => r.uses?.includes(k));
    const refused = using.filter((r) => r.outcome === "refused");
    const only = refused.filter((r) => r.uses!.length === 1).length;
    return [k, using.length, refused.length, only] as [string, number, number, number];
  }).sort((a, b) => b[2] - a[2] || b[1] - a[1]);
  const none = results.filter((r) => !r.uses?.length);
  return `constructs used (a scan of each function's source and of its plain-JS run):\n` + table(
    ["construct", "functions", "refused", "its only blocker"],
    [...rows, [
      "(none of these)",
      none.length,
      none.filter((r) => r.outcome === "refused").length,
      "-",
    ]],
  );
}

/**
 * An estimate from the scan: the refused functions all of whose constructs issue 13 covers, issue
 * 14 covers, both together cover, and those that need something else too (by construct).
 */
export function unlockTable(results: Result[]): string {
  const refused = results.filter((r) => r.outcome === "refused");
  const is13 = (u: string) => ISSUE13_CONSTRUCTS.has(u);
  const is14 = (u: string) => !is13(u) && !NEITHER.has(u);
  const n = (f: (u: string) => boolean) => refused.filter((r) => r.uses!.every(f)).length;
  const rest = new Map<string, number>();
  for (const r of refused) {
    for (const u of r.uses!) if (NEITHER.has(u)) rest.set(u, (rest.get(u) ?? 0) + 1);
  }
  return [
    `of the ${refused.length} refused functions, by the constructs they use (an estimate: it assumes`,
    `each issue compiles its constructs wherever they appear):`,
    `  issue 13 alone would cover ${n(is13)}, issue 14 alone ${n(is14)}, both ${
      n((u) => is13(u) || is14(u))
    };`,
    `  the others also use: ${
      [...rest].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(", ")
    }`,
  ].join("\n");
}

/** The whole report, as text. */
export function report(results: Result[]): string {
  const out: string[] = [];
  const s = summary(results);
  if (s.different.length) {
    out.push(`!!! ${s.different.length} function(s) compile and give a DIFFERENT result:`);
    for (const r of s.different) {
      out.push(`!!!   ${r.project}: ${r.name} (set ${r.set}): ${r.detail}`);
    }
    out.push("");
  }
  const crashed = results.filter((r) => r.detail?.startsWith(TSJIT_ERROR));
  if (crashed.length) {
    out.push(`!!! ${crashed.length} function(s) where ${TSJIT_ERROR}:`);
    for (const r of crashed) {
      out.push(`!!!   ${r.project}: ${r.name}: ${r.detail!.slice(TSJIT_ERROR.length + 2)}`);
    }
    out.push("");
  }
  const projects = [...new Set(results.map((r) => r.project))];
  out.push(
    table(
      ["project", ...HEAD],
      [
        ...projects.map((p) => [p, ...counts(results.filter((r) => r.project === p))]),
        ["total", ...counts(results)],
      ],
    ),
  );
  out.push("");
  const tags = [...new Set(results.flatMap((r) => r.tags))].sort((a, b) =>
    Number(ISSUE13_TAGS.includes(b)) - Number(ISSUE13_TAGS.includes(a)) || a.localeCompare(b)
  ) as Tag[];
  out.push(
    table(
      ["tag (issue)", ...HEAD],
      [
        ...tags.map((t) => [
          `${t} (${ISSUE13_TAGS.includes(t) ? 13 : 14})`,
          ...counts(results.filter((r) => r.tags.includes(t))),
        ]),
        [
          "any issue-13 tag",
          ...counts(results.filter((r) => r.tags.some((t) => ISSUE13_TAGS.includes(t)))),
        ],
        [
          "any issue-14 tag",
          ...counts(results.filter((r) => r.tags.some((t) => !ISSUE13_TAGS.includes(t)))),
        ],
        ["no tag (plain numeric)", ...counts(results.filter((r) => r.tags.length === 0))],
      ],
    ),
  );
  out.push("");
  const refused = results.filter((r) => r.outcome === "refused");
  const groups = new Map<string, Result[]>();
  for (const r of refused) {
    const k = reasonKey(r.detail ?? "");
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  out.push(`refusal reasons (${refused.length} functions, first reason each):`);
  for (const [k, rs] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    const names = rs.map((r) => `${r.project}:${r.name}`);
    out.push(
      `  ${String(rs.length).padStart(3)}  ${k}\n         ${names.slice(0, 8).join(", ")}${
        names.length > 8 ? ", …" : ""
      }`,
    );
  }
  out.push("", constructTable(results), "", unlockTable(results));
  const probed = refused.filter((r) => r.asTyped);
  if (probed.length) {
    out.push(
      "",
      `refused for a plain-array argument only (${probed.length}); with Float64Array copies instead:`,
    );
    for (const r of probed) {
      const t = r.asTyped!;
      out.push(`  ${r.project}:${r.name}: ${t.outcome}${t.detail ? ` (${t.detail})` : ""}`);
    }
  }
  const documented = results.filter((r) => r.outcome === "documented");
  if (documented.length) {
    out.push("", "documented differences (docs/semantics.md):");
    for (const r of documented) out.push(`  ${r.project}: ${r.name}: ${r.detail}`);
  }
  out.push(
    "",
    `${s.projects} projects, ${s.functions} functions: ${s.compiled} compile and match plain JS ` +
      `(${
        pct(s.compiled, s.functions)
      }); issue-13 set ${s.issue13.compiled}/${s.issue13.functions} ` +
      `(${pct(s.issue13.compiled, s.issue13.functions)}); issue-14 set ` +
      `${s.issue14.compiled}/${s.issue14.functions} (${
        pct(s.issue14.compiled, s.issue14.functions)
      }); ` +
      `${s.different.length} DIFFERENT`,
  );
  return out.join("\n");
}

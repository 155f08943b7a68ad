// The IR as text (`f.inspectIR()`): one line per statement, expressions as written with their
// types, every loop with the attributes the passes gave it.
import type { Expr, Stmt, Variable } from "../frontend/ast.ts";
import { typeName } from "../types/types.ts";
import type { Loop, MFunction, MStmt } from "./ir.ts";
import { opText } from "./prange.ts";

/** `fn` as text, under a header naming it and its signature (and `note`, when given). */
export function printFunction(fn: MFunction, note?: string): string {
  const { tf } = fn;
  const text = (r: { range: { start: number; end: number } }) =>
    tf.ast.source.slice(r.range.start, r.range.end).replace(/\s+/g, " ");
  const typed = (e: Expr) => {
    const t = tf.exprTypes.get(e);
    return t ? `${text(e)} : ${typeName(t)}` : text(e);
  };
  const lines: string[] = [];
  const params = tf.resolved.params.map((p, i) => `${p.name}: ${typeName(tf.argTypes[i])}`);
  const name = tf.ast.name || "<anonymous>";
  const signature = `function ${name}(${params.join(", ")}) -> ${typeName(tf.returnType)}`;
  lines.push(signature + (note ? `  ; ${note}` : ""));
  const emit = (depth: number, s: string) => void lines.push(`${"  ".repeat(depth)}${s}`);
  const stmt = (m: MStmt, depth: number): void => {
    switch (m.op) {
      case "decl":
        for (const d of m.src.decls) {
          const t = typeName(tf.varTypes.get(d.variable!)!);
          emit(depth, `${m.src.declKind} ${d.name}: ${t}${d.init ? ` = ${typed(d.init)}` : ""}`);
        }
        return;
      case "eval":
        return emit(depth, typed(m.src.expr));
      case "if":
        emit(depth, `if ${typed(m.src.test)}`);
        stmt(m.then, depth + 1);
        if (m.else) emit(depth, "else"), stmt(m.else, depth + 1);
        return;
      case "loop":
        emit(depth, `loop ${header(m.src, text)}${attributes(m.loop, text)}`);
        if (m.loop.init) stmt(m.loop.init, depth + 1);
        return stmt(m.loop.body, depth + 1);
      case "jump":
        return emit(depth, `${m.src.kind}${m.src.label ? ` ${m.src.label}` : ""}`);
      case "return":
        return emit(depth, m.src.value ? `return ${typed(m.src.value)}` : "return");
      case "block":
        return m.body.forEach((x) => stmt(x, depth));
      case "labeled":
        emit(depth, `${m.src.label}:`);
        return stmt(m.body, depth + 1);
      case "switch":
        emit(depth, `switch ${typed(m.src.disc)}`);
        return m.cases.forEach((c, i) => {
          const test = m.src.cases[i].test;
          emit(depth + 1, test ? `case ${typed(test)}` : "default");
          c.forEach((x) => stmt(x, depth + 2));
        });
      case "nop":
        return;
    }
  };
  fn.body.forEach((m) => stmt(m, 1));
  return lines.join("\n");
}

function header(
  src: Stmt & { kind: "for" | "forOf" | "while" | "doWhile" },
  text: (r: { range: { start: number; end: number } }) => string,
): string {
  switch (src.kind) {
    case "for":
      return `for (${src.init ? text(src.init).replace(/;$/, "") : ""}; ${
        src.test ? text(src.test) : ""
      }; ${src.update ? text(src.update) : ""})`;
    case "forOf":
      return `${src.decl.name} of ${src.iter}(${src.args.map(text).join(", ")})`;
    case "while":
    case "doWhile":
      return `${src.kind === "while" ? "while" : "do-while"} ${text(src.test)}`;
  }
}

function attributes(
  loop: Loop,
  text: (r: { range: { start: number; end: number } }) => string,
): string {
  const name = (v: Variable) => v.name;
  const out: string[] = [];
  if (loop.counted) {
    const covered = loop.counted.accesses.map((a) => text(a.index)).join(", ");
    out.push(`counted(${name(loop.counted.variable)}; covers ${covered || "nothing"})`);
  }
  if (loop.countdown) out.push(`countdown(${name(loop.countdown.counter)})`);
  if (loop.versioned) out.push("versioned");
  if (loop.parallel) {
    const p = loop.parallel;
    const parts = [`captures ${p.captured.map(name).join(", ") || "nothing"}`];
    for (const r of p.reductions) parts.push(`reduces ${r.variable.name} by ${opText(r.op)}`);
    for (const r of p.arrayReductions) {
      parts.push(`reduces ${r.variable.name}[] by ${opText(r.op)}`);
    }
    for (const v of p.lastValues) parts.push(`last value ${v.name}`);
    out.push(`parallel(${parts.join("; ")})`);
  }
  if (loop.streaming) out.push(`streaming(${loop.streaming.target.name})`);
  if (loop.lanes) out.push(`lanes(${loop.lanes})`);
  return out.length ? `  [${out.join(" ")}]` : "";
}

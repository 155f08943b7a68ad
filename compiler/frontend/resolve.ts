// Stage 2: name resolution. Binds every name to its declaration (block scoping, shadowing),
// rejects assignment to constants and use before declaration.
import { type Blocker, blockersError, type Range, type SourceInfo } from "../diagnostics.ts";
import type { Declarator, Expr, FunctionAST, GlobalValue, Stmt, Variable } from "./ast.ts";
import { replacedBuiltin } from "./_intrinsics.ts";
import { eachChild, eachStmt, eachStmtChild } from "./walk.ts";

/** Names a compiled body may use without declaring them. */
export const BUILTIN_NAMES = new Set([
  "Math",
  "Number",
  "NaN",
  "Infinity",
  "undefined",
  "range",
  "prange",
  "getThreadId",
  "getNumThreads",
  "setNumThreads",
]);

/** The variables of a resolved function, parameters first. */
export interface Resolved {
  params: Variable[];
  variables: Variable[];
}

/**
 * Binds names in `fn` in place; free names go to `lookupGlobal` (constants captured now, and
 * jitted functions; or why the name cannot be used). Throws CompileError for unknown or misused
 * names.
 */
export function resolveNames(
  fn: FunctionAST,
  origin?: string,
  lookupGlobal: LookupGlobal = () => undefined,
  collect?: Blocker[],
): Resolved {
  const src: SourceInfo = { source: fn.source, fnName: fn.name, origin };
  // every misused name is collected: one error names them all
  const blockers: Blocker[] = collect ?? [];
  const fail = (message: string, construct: string, range: Range): void => {
    blockers.push({ message, construct, range });
  };
  const unparsed = fn.unparsedNames ?? new Set<string>();
  const variables: Variable[] = [];
  // Each scope maps a name to its variable and whether its declaration has been passed.
  const scopes: Map<string, { v: Variable; ready: boolean }>[] = [];
  const declare = (d: Declarator, kind: Variable["kind"], ready: boolean) => {
    const v: Variable = { name: d.name, id: variables.length, kind, range: d.range };
    variables.push(v);
    d.variable = v;
    scopes[scopes.length - 1].set(d.name, { v, ready });
    return v;
  };
  // A typed array a free name holds (a module table, by reference): a hidden parameter after
  // the declared ones, which the dispatcher passes on every call (`fn.hidden` lists the values).
  const hiddenVars = new Map<string, Variable>();
  const hiddenParam = (name: string, value: object, range: Range): Variable => {
    let v = hiddenVars.get(name);
    if (!v) {
      v = { name, id: variables.length, kind: "param", range };
      variables.push(v);
      hiddenVars.set(name, v);
      fn.params.push({ name, range, variable: v, hidden: true });
      (fn.hidden ??= []).push(value);
    }
    return v;
  };
  const lookup = (name: string) => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const e = scopes[i].get(name);
      if (e) return e;
    }
    return undefined;
  };

  // Pre-declare the block's let/const (and, at function level, every var) so that a use before
  // the declaration is caught instead of binding to an outer name.
  const hoist = (body: Stmt[], functionLevel: boolean) => {
    for (const s of body) {
      if (s.kind === "decl" && s.declKind !== "var") {
        for (const d of s.decls) {
          if (scopes[scopes.length - 1].has(d.name)) {
            fail(`'${d.name}' is declared twice in the same scope`, "redeclaration", d.range);
          }
          declare(d, s.declKind, false);
        }
      }
    }
    if (functionLevel) hoistVars(body);
  };
  const hoistVars = (body: Stmt[]) => {
    const visit = (s: Stmt): void => {
      if (s.kind !== "decl" || s.declKind !== "var") return;
      for (const d of s.decls) {
        const e = scopes[0].get(d.name) ?? scopes[1].get(d.name);
        if (e) d.variable = e.v;
        else declare(d, "var", true);
      }
    };
    body.forEach((s) => eachStmt(s, visit));
  };

  const expr = (e: Expr | undefined): void => {
    if (!e) return;
    switch (e.kind) {
      case "name": {
        const found = lookup(e.name);
        if (found) {
          if (!found.ready) {
            fail(`'${e.name}' is used before its declaration`, "use before declaration", e.range);
          }
          e.variable = found.v;
        } else if (!BUILTIN_NAMES.has(e.name) && !unparsed.has(e.name)) {
          const g = lookupGlobal(e.name);
          if (g && "error" in g) return fail(g.error, "free variable", e.range);
          if (g && "hidden" in g) {
            e.variable = hiddenParam(e.name, g.hidden, e.range);
            return;
          }
          e.global = g;
          if (!e.global) fail(unresolved(e.name), "free variable", e.range);
        }
        return;
      }
      case "update":
      case "assign":
        assignTarget(e.target);
        return eachChild(e, expr);
      case "member": {
        const o = e.object;
        const path = memberPath(e);
        if (path && !lookup(path[0]) && !BUILTIN_NAMES.has(path[0]) && !unparsed.has(path[0])) {
          // a namespace's member (`ns.f`, `ns.K`, `ns.inner.K`) is a free name of its own
          const g = lookupGlobal(path[0], path.slice(1).join("."));
          if (g && "error" in g) return fail(g.error, "free variable", e.range);
          if (g) {
            const node = e as unknown as Expr & { kind: "name" };
            node.kind = "name";
            node.name = path.join(".");
            if ("hidden" in g) node.variable = hiddenParam(node.name, g.hidden, e.range);
            else node.global = g;
            delete (e as { object?: Expr }).object;
            return;
          }
        }
        if (o.kind === "name" && (o.name === "Math" || o.name === "Number") && !lookup(o.name)) {
          const why = replacedBuiltin(o.name, e.name);
          if (why) {
            fail(
              `${why}; compiled code would compute the built-in ${o.name}.${e.name}, not what ` +
                `plain JS now calls: give your function a name of its own and pass it as ` +
                `jit(fn, { globals })`,
              "replaced built-in",
              e.range,
            );
          }
        }
        return expr(e.object);
      }
      default:
        return eachChild(e, expr);
    }
  };
  const assignTarget = (t: Expr) => {
    if ((t as { placeholder?: boolean }).placeholder) return; // unsupported: reported already
    if (t.kind === "name") {
      const found = lookup(t.name);
      if (found?.v.kind === "const") {
        fail(`cannot assign to constant '${t.name}'`, "assignment to const", t.range);
      }
      if (!found) {
        fail(`cannot assign to '${t.name}': it is not a local variable`, "assignment", t.range);
      }
    } else if (t.kind !== "index") {
      fail("invalid assignment target", "assignment target", t.range);
    }
  };

  const block = (body: Stmt[]) => {
    scopes.push(new Map());
    hoist(body, false);
    body.forEach(stmt);
    scopes.pop();
  };
  const stmt = (s: Stmt | undefined): void => {
    if (!s) return;
    switch (s.kind) {
      case "decl":
        for (const d of s.decls) {
          expr(d.init);
          if (s.declKind !== "var") {
            scopes[scopes.length - 1].get(d.name)!.ready = true;
          }
          if (s.declKind === "const" && !d.init) {
            fail(`constant '${d.name}' needs an initializer`, "const", d.range);
          }
        }
        return;
      case "for":
        scopes.push(new Map());
        if (s.init) {
          if (s.init.kind === "decl") hoist([s.init], false);
          stmt(s.init);
        }
        expr(s.test), expr(s.update);
        stmt(s.body);
        scopes.pop();
        return;
      case "forOf":
        s.args.forEach(expr);
        scopes.push(new Map());
        declare(s.decl, "const", true);
        stmt(s.body);
        scopes.pop();
        return;
      case "block":
        return block(s.body);
      case "switch":
        expr(s.disc);
        scopes.push(new Map());
        for (const c of s.cases) hoist(c.body, false);
        for (const c of s.cases) expr(c.test), c.body.forEach(stmt);
        scopes.pop();
        return;
      default:
        return eachStmtChild(s, stmt, expr);
    }
  };

  scopes.push(new Map());
  const params = fn.params.map((p) => {
    if (scopes[0].has(p.name)) fail(`duplicate parameter '${p.name}'`, "parameter", p.range);
    return declare(p, "param", true);
  });
  scopes.push(new Map());
  hoist(fn.body, true);
  fn.body.forEach(stmt);
  if (blockers.length && !collect) throw blockersError(blockers, src);
  return { params: [...params, ...hiddenVars.values()], variables };
}

/** Why a name is unresolved, and a fix that works for it. */
function unresolved(name: string): string {
  const sees = "a compiled function sees its parameters, its locals, Math, Number, the numeric " +
    "constants and jitted functions of its module and those it imports";
  // a global of JS other than Math and Number (Array, isNaN, Float64Array…), or `arguments`:
  // nothing given in `globals` would make it compile
  if (name === "arguments" || Reflect.has(globalThis, name)) {
    return `'${name}' is ${
      name === "arguments" ? "the arguments object" : "a global of JS"
    }, which compiled code does not support: ${sees}`;
  }
  return `unresolved name '${name}': ${sees}; pass '${name}' as an argument, or as ` +
    `jit(fn, { globals: { ${name} } }) for a number, a boolean, a typed array or a jitted function`;
}

/** `a.b.c` as ["a", "b", "c"], when a member chain starts at a name. */
function memberPath(e: Expr): string[] | undefined {
  if (e.kind === "name") return [e.name];
  if (e.kind !== "member") return undefined;
  const inner = memberPath(e.object);
  return inner && [...inner, e.name];
}

/**
 * What a free name (or `name.member`, `name.a.b`, when `name` may be a namespace) stands for: a
 * constant, a jitted function, why it cannot be used, or undefined (unresolved; for members:
 * resolve a shorter path).
 */
export type LookupGlobal = (
  name: string,
  member?: string,
) => GlobalValue | { error: string } | { hidden: object } | undefined;

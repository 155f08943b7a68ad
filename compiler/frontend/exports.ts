// What an imported name is, as the module system binds it (ECMA-262 §16.2.1.6.3,
// ResolveExport): an import is followed to the module it names and to the declaration that
// module exports under that name (through `export { a as b }`, re-exports and `export *`), and a
// namespace's member (`ns.f`, §10.4.6) to that module's export. Only files tsjit can read and
// whose specifiers it can resolve are followed; anything else is not resolved.
// deno-lint-ignore no-import-prefix
import type * as TS from "npm:typescript@5.9.3";
import { createRequire } from "node:module";
import { typescript } from "./typescript.ts";
import {
  type Binding,
  bindingIn,
  declaredIn,
  type FunctionNode,
  isFunctionNode,
  lineOf,
  type Module,
  moduleAt,
} from "./scope.ts";

/** A binding and the module it is declared in. */
export interface Definition {
  module: Module;
  binding: Binding;
}

type Found = Definition | { error: string } | undefined;

/** How many imports and re-exports are followed for one name, at most. */
const MAX_HOPS = 32;

/** The file a module specifier names from module `m`, or undefined (not a file tsjit reads). */
export function specifierPath(m: Module, spec: string): string | undefined {
  let url: string;
  try {
    url = /^(\.{1,2}\/|\/|file:)/.test(spec)
      ? new URL(spec, `file://${m.path}`).href
      : import.meta.resolve(spec); // an import map or a package: where Deno would load it
  } catch {
    return undefined;
  }
  return url.startsWith("file:") ? decodeURIComponent(new URL(url).pathname) : undefined;
}

/** Where `b` (a binding in `m`) leads once its imports are followed. */
export function follow(m: Module, b: Binding, hops = 0): Found {
  if (b.kind !== "import") return { module: m, binding: b };
  if (hops > MAX_HOPS) return { error: "imports and re-exports that go round in a circle" };
  const path = specifierPath(m, b.from);
  const target = path && moduleAt(path);
  if (!target) {
    return {
      error: `it is imported from ${JSON.stringify(b.from)}, a module tsjit cannot read`,
    };
  }
  if (b.imported === "*") return { module: m, binding: namespace(target, b.line) };
  return exported(target, b.imported, hops + 1) ??
    { error: `${JSON.stringify(b.from)} does not export '${b.imported}'` };
}

function namespace(target: Module, line: number): Binding {
  return { kind: "namespace", module: target, line };
}

function hasModifier(n: TS.Node, kind: TS.SyntaxKind): boolean {
  const ts = typescript();
  return !!ts.canHaveModifiers(n) && !!ts.getModifiers(n)?.some((x) => x.kind === kind);
}

/** The declaration module `m` exports as `name` ("default" included), followed. */
export function exported(m: Module, name: string, hops = 0): Found {
  const ts = typescript();
  if (hops > MAX_HOPS) return { error: "re-exports that go round in a circle" };
  const local = (n: string) => {
    const b = declaredIn(m, m.sf, n);
    return b && follow(m, b, hops + 1);
  };
  const stars: TS.ExportDeclaration[] = [];
  for (const s of m.sf.statements) {
    const isExport = hasModifier(s, ts.SyntaxKind.ExportKeyword);
    const isDefault = hasModifier(s, ts.SyntaxKind.DefaultKeyword);
    if (isExport && (ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s))) {
      const own = s.name?.text;
      if (isDefault ? name === "default" : own === name) {
        if (own) return local(own);
        if (ts.isFunctionDeclaration(s) && s.body) {
          return { module: m, binding: { kind: "function", node: s, line: lineOf(m, s) } };
        }
        return { module: m, binding: { kind: "other", what: "a class", line: lineOf(m, s) } };
      }
    }
    if (isExport && ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === name) return local(name);
      }
    }
    if (ts.isExportAssignment(s) && !s.isExportEquals && name === "default") {
      const e = s.expression;
      if (ts.isIdentifier(e)) return local(e.text);
      const line = lineOf(m, s);
      if (isFunctionNode(e)) return { module: m, binding: { kind: "function", node: e, line } };
      return { module: m, binding: { kind: "value", init: e, decl: s, line } };
    }
    if (!ts.isExportDeclaration(s) || s.isTypeOnly) continue;
    const from = s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)
      ? s.moduleSpecifier.text
      : undefined;
    const clause = s.exportClause;
    if (!clause) {
      if (from) stars.push(s); // `export * from`: consulted after the module's own exports
      continue;
    }
    if (ts.isNamespaceExport(clause)) {
      if (clause.name.text !== name || !from) continue;
      const target = moduleFrom(m, from);
      return target
        ? { module: m, binding: namespace(target, lineOf(m, s)) }
        : { error: `it is re-exported from ${JSON.stringify(from)}, which tsjit cannot read` };
    }
    for (const e of clause.elements) {
      if (e.isTypeOnly || e.name.text !== name) continue;
      const inner = e.propertyName?.text ?? e.name.text;
      if (!from) return local(inner);
      const binding: Binding = { kind: "import", from, imported: inner, line: lineOf(m, s) };
      return follow(m, binding, hops + 1);
    }
  }
  if (name === "default") return undefined; // `export *` never re-exports a default
  // `export * from` each: the name must come from one declaration (else JS leaves it out)
  let found: Definition | undefined;
  for (const s of stars) {
    const target = moduleFrom(m, (s.moduleSpecifier as TS.StringLiteral).text);
    if (!target) return { error: `'${name}' may come from a module tsjit cannot read` };
    const d = exported(target, name, hops + 1);
    if (d && "error" in d) return d;
    if (!d) continue;
    if (found && !sameDefinition(found, d)) return undefined; // ambiguous: not exported
    found = d;
  }
  return found;
}

function moduleFrom(m: Module, spec: string): Module | undefined {
  const path = specifierPath(m, spec);
  return path ? moduleAt(path) : undefined;
}

function sameDefinition(a: Definition, b: Definition): boolean {
  if (a.module !== b.module || a.binding.kind !== b.binding.kind) return false;
  const key = (x: Binding) =>
    x.kind === "function"
      ? x.node
      : x.kind === "namespace"
      ? x.module
      : x.kind === "value" || x.kind === "call"
      ? x.decl
      : x.line;
  return key(a.binding) === key(b.binding);
}

/** The binding of `name` seen from node `from` of `m`, with its imports followed. */
export function definitionAt(m: Module, from: TS.Node, name: string): Found {
  const b = bindingIn(m, from, name);
  return b && follow(m, b);
}

/**
 * The function an argument of jit() names in module `m`: `f` (declared there or imported) or a
 * namespace's member `ns.f`, found where it is defined.
 */
export function namedFunction(
  m: Module,
  arg: TS.Expression,
): { module: Module; node: FunctionNode } | undefined {
  const ts = typescript();
  let d: Found;
  if (ts.isIdentifier(arg)) d = definitionAt(m, arg, arg.text);
  else if (ts.isPropertyAccessExpression(arg) && ts.isIdentifier(arg.expression)) {
    const ns = definitionAt(m, arg, arg.expression.text);
    d = ns && !("error" in ns) && ns.binding.kind === "namespace"
      ? exported(ns.binding.module, arg.name.text)
      : undefined;
  }
  return d && !("error" in d) && d.binding.kind === "function"
    ? { module: d.module, node: d.binding.node }
    : undefined;
}

/**
 * The value a module-level binding holds now, read through the module's namespace when the module
 * exports it (Deno's require() of a loaded ES module returns its namespace, synchronously: a
 * jitted call cannot await); undefined when it is not exported; an error when it cannot be read
 * (not initialized yet, a module with top-level await).
 */
export function exportedValue(d: Definition): { value: unknown } | { error: string } | undefined {
  const ts = typescript();
  const b = d.binding;
  if (b.kind !== "value" && b.kind !== "call") return undefined;
  const decl = b.decl;
  if (!ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name)) return undefined;
  const statement = decl.parent.parent;
  if (!ts.isSourceFile(statement.parent)) return undefined;
  const local = decl.name.text;
  let name: string | undefined = hasModifier(statement, ts.SyntaxKind.ExportKeyword)
    ? local
    : undefined;
  for (const s of d.module.sf.statements) {
    if (name || !ts.isExportDeclaration(s) || s.moduleSpecifier || s.isTypeOnly) continue;
    const clause = s.exportClause;
    if (!clause || !ts.isNamedExports(clause)) continue;
    const e = clause.elements.find((e) => (e.propertyName ?? e.name).text === local);
    if (e) name = e.name.text;
  }
  if (!name) return undefined;
  try {
    const ns = createRequire(import.meta.url)(d.module.path);
    return { value: Reflect.get(ns, name) };
  } catch (e) {
    const why = e instanceof ReferenceError
      ? "it is read before its module initialized it"
      : `its module cannot be read synchronously (${String(e).split("\n")[0].slice(0, 80)})`;
    return { error: why };
  }
}

// The value of a variable a compiled body reads by name, where it can be known from the source
// alone: a binding never assigned again whose initializer computes a number or a boolean from
// literals, other such constants, Math and Number constants and built-in Math functions. The
// value is folded into the compiled code, so it must be the one plain JS reads at every call:
// the binding must be initialized before any code that could call the function runs (else JS
// throws a ReferenceError, or reads `undefined` from a `var`): every statement before it in its
// scope is a declaration that runs no code, and its module is in no import cycle.
// deno-lint-ignore no-import-prefix
import type * as TS from "npm:typescript@5.9.3";
import { typescript } from "./typescript.ts";
import { type Definition, definitionAt, specifierPath } from "./exports.ts";
import { isFunctionNode, type Module, moduleAt } from "./scope.ts";
import { replacedBuiltin } from "./_intrinsics.ts";

type Constant = number | boolean;

/** How deep constants may refer to constants. */
const MAX_DEPTH = 24;

/** A value-like binding's constant, or why it has none (a phrase: "its value is …"). */
export function constantOf(d: Definition, depth = 0): Constant | { error: string } {
  const b = d.binding;
  if (b.kind !== "value" && b.kind !== "call") return { error: "not a constant" };
  const why = initializedFirst(d.module, b.decl, depth);
  if (why) return { error: why };
  return evaluate(d.module, b.kind === "value" ? b.init : b.call, depth);
}

function evaluate(m: Module, e: TS.Expression, depth: number): Constant | { error: string } {
  const ts = typescript();
  const no = (what: string) => ({ error: `its value comes from ${what}, not a constant` });
  if (depth > MAX_DEPTH) return no("too long a chain of constants");
  const sub = (x: TS.Expression) => evaluate(m, x, depth + 1);
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) {
    return sub(e.expression);
  }
  if (ts.isNumericLiteral(e)) return Number(e.text.replace(/_/g, ""));
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isIdentifier(e)) {
    const d = definitionAt(m, e, e.text);
    if (!d) {
      // NaN and Infinity are non-writable, non-configurable globals (ECMA-262 §19.1)
      if (e.text === "NaN") return NaN;
      if (e.text === "Infinity") return Infinity;
      return no(`the global '${e.text}'`);
    }
    if ("error" in d) return no(`'${e.text}' (${d.error})`);
    const v = constantOf(d, depth + 1);
    return typeof v === "object" ? no(`'${e.text}', whose ${v.error.replace(/^its /, "")}`) : v;
  }
  if (ts.isPropertyAccessExpression(e)) return builtinConstant(m, e) ?? no(e.getText(m.sf));
  if (ts.isPrefixUnaryExpression(e)) {
    const v = sub(e.operand);
    if (typeof v === "object") return v;
    switch (e.operator) {
      case ts.SyntaxKind.MinusToken:
        return -v;
      case ts.SyntaxKind.PlusToken:
        return +v;
      case ts.SyntaxKind.TildeToken:
        return ~v;
      case ts.SyntaxKind.ExclamationToken:
        return !v;
    }
    return no(e.getText(m.sf));
  }
  if (ts.isConditionalExpression(e)) {
    const t = sub(e.condition);
    return typeof t === "object" ? t : sub(t ? e.whenTrue : e.whenFalse);
  }
  if (ts.isBinaryExpression(e)) {
    const op = binaryOps()[e.operatorToken.kind];
    if (!op) return no(e.getText(m.sf));
    const l = sub(e.left);
    if (typeof l === "object") return l;
    const r = sub(e.right);
    return typeof r === "object" ? r : op(l as number, r as number);
  }
  if (ts.isCallExpression(e)) {
    const f = builtinFunction(m, e.expression);
    if (!f) return no(`a call (${e.expression.getText(m.sf)})`);
    const args: number[] = [];
    for (const a of e.arguments) {
      const v = ts.isSpreadElement(a) ? no("a spread") : sub(a);
      if (typeof v === "object") return v;
      args.push(v as number);
    }
    return f(...args);
  }
  return no(e.getText(m.sf).slice(0, 40));
}

let binary: Record<number, (a: number, b: number) => Constant> | undefined;

/** Operators on numbers and booleans (no object operand reaches them: no user code runs). */
function binaryOps(): Record<number, (a: number, b: number) => Constant> {
  const k = typescript().SyntaxKind;
  return binary ??= {
    [k.PlusToken]: (a, b) => a + b,
    [k.MinusToken]: (a, b) => a - b,
    [k.AsteriskToken]: (a, b) => a * b,
    [k.SlashToken]: (a, b) => a / b,
    [k.PercentToken]: (a, b) => a % b,
    [k.AsteriskAsteriskToken]: (a, b) => a ** b,
    [k.AmpersandToken]: (a, b) => a & b,
    [k.BarToken]: (a, b) => a | b,
    [k.CaretToken]: (a, b) => a ^ b,
    [k.LessThanLessThanToken]: (a, b) => a << b,
    [k.GreaterThanGreaterThanToken]: (a, b) => a >> b,
    [k.GreaterThanGreaterThanGreaterThanToken]: (a, b) => a >>> b,
    [k.LessThanToken]: (a, b) => a < b,
    [k.LessThanEqualsToken]: (a, b) => a <= b,
    [k.GreaterThanToken]: (a, b) => a > b,
    [k.GreaterThanEqualsToken]: (a, b) => a >= b,
    [k.EqualsEqualsEqualsToken]: (a, b) => a === b,
    [k.ExclamationEqualsEqualsToken]: (a, b) => a !== b,
    [k.EqualsEqualsToken]: (a, b) => a == b,
    [k.ExclamationEqualsToken]: (a, b) => a != b,
  };
}

/** `Math.X` / `Number.X` where the global is not shadowed in `m`. */
function builtinMember(m: Module, e: TS.Expression): ["Math" | "Number", string] | undefined {
  const ts = typescript();
  if (!ts.isPropertyAccessExpression(e) || !ts.isIdentifier(e.expression)) return undefined;
  const object = e.expression.text;
  if ((object !== "Math" && object !== "Number") || definitionAt(m, e, object)) return undefined;
  return [object, e.name.text];
}

/**
 * `Math.PI`, `Number.EPSILON`…: data properties that are neither writable nor configurable, so
 * they held the same number when the module ran (ECMA-262 §21.3.1, §21.1.2).
 */
function builtinConstant(m: Module, e: TS.PropertyAccessExpression): number | undefined {
  const member = builtinMember(m, e);
  if (!member || replacedBuiltin(member[0], member[1])) return undefined;
  const d = Object.getOwnPropertyDescriptor(globalThis[member[0]], member[1]);
  return d && !d.writable && !d.configurable && typeof d.value === "number" ? d.value : undefined;
}

/**
 * A built-in Math function, still the one tsjit loaded with (a function put in its place while
 * the module ran and taken out since is not seen: docs/semantics.md).
 */
function builtinFunction(m: Module, e: TS.Expression): ((...a: number[]) => number) | undefined {
  const member = builtinMember(m, e);
  if (!member || member[0] !== "Math" || replacedBuiltin("Math", member[1])) return undefined;
  const f = (Math as unknown as Record<string, unknown>)[member[1]];
  return typeof f === "function" && member[1] !== "random" ? f as () => number : undefined;
}

/**
 * Why `decl` might be read before it is initialized, if it might: a statement before it in its
 * scope that runs code (a call, a class, a top-level await…), or, at module level, an import
 * cycle through its module (a module of the cycle runs first and can call into this one).
 */
function initializedFirst(
  m: Module,
  decl: TS.VariableDeclaration | TS.ExportAssignment,
  depth: number,
): string | undefined {
  const ts = typescript();
  const statement = ts.isExportAssignment(decl) ? decl : decl.parent.parent;
  const scope = statement.parent;
  const own = ts.isVariableStatement(statement) || ts.isExportAssignment(statement);
  if (!own || !(ts.isSourceFile(scope) || ts.isBlock(scope))) {
    return "it is not declared by a statement of its own";
  }
  // a `var` belongs to its function (or module): code anywhere before it there may run first
  const isVar = ts.isVariableStatement(statement) &&
    !(statement.declarationList.flags & ts.NodeFlags.BlockScoped);
  if (isVar && !ts.isSourceFile(scope) && !isFunctionNode(scope.parent)) {
    return "a `var` declared in a nested block is visible before that block runs";
  }
  for (const s of scope.statements) {
    if (s === statement) break;
    if (!runsNoCode(m, s, depth)) {
      const line = m.sf.getLineAndCharacterOfPosition(s.getStart(m.sf)).line + 1;
      return `code before it (line ${line}) could call this function before it is initialized`;
    }
  }
  const list = ts.isVariableStatement(statement) ? statement.declarationList.declarations : [];
  for (const d of list) {
    if (d === decl) break;
    if (d.initializer && !isInert(m, d.initializer, depth)) {
      return "an initializer before it in its declaration runs code";
    }
  }
  if (ts.isSourceFile(scope) && inImportCycle(m)) {
    return `${m.path.split("/").pop()} is in an import cycle (a module of the cycle runs first)`;
  }
  return undefined;
}

/** A statement that runs no user code when executed. */
function runsNoCode(m: Module, s: TS.Statement, depth: number): boolean {
  const ts = typescript();
  if (
    ts.isImportDeclaration(s) || ts.isFunctionDeclaration(s) || ts.isInterfaceDeclaration(s) ||
    ts.isTypeAliasDeclaration(s) || ts.isEmptyStatement(s) || ts.isExportDeclaration(s)
  ) return true;
  if (ts.isVariableStatement(s)) {
    return s.declarationList.declarations.every((d) =>
      !d.initializer || isInert(m, d.initializer, depth)
    );
  }
  if (ts.isExportAssignment(s)) return isInert(m, s.expression, depth);
  // "use strict" and other directives
  return ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression);
}

/** An expression whose evaluation runs no user code (getters, valueOf, replaced globals…). */
function isInert(m: Module, e: TS.Expression, depth: number): boolean {
  const ts = typescript();
  if (depth > MAX_DEPTH) return false;
  if (isFunctionNode(e)) return true;
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) {
    return isInert(m, e.expression, depth + 1);
  }
  if (ts.isArrayLiteralExpression(e)) {
    return e.elements.every((x) => !ts.isSpreadElement(x) && isInert(m, x, depth + 1));
  }
  if (ts.isObjectLiteralExpression(e)) {
    return e.properties.every((p) =>
      (ts.isPropertyAssignment(p) && !ts.isComputedPropertyName(p.name) &&
        isInert(m, p.initializer, depth + 1)) ||
      (ts.isMethodDeclaration(p) && !ts.isComputedPropertyName(p.name))
    );
  }
  if (
    ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) ||
    e.kind === ts.SyntaxKind.NullKeyword
  ) return true;
  // reading a binding of the module (not a global, which may be a getter) runs no code
  if (ts.isIdentifier(e)) {
    const d = definitionAt(m, e, e.text);
    return !!d && !("error" in d);
  }
  return typeof evaluate(m, e, depth + 1) !== "object";
}

const cycles = new Map<Module, boolean>();

/**
 * True when module `m` may import itself, through static imports and re-exports it can follow
 * (files; a package or URL module cannot import a user's file), or through a module tsjit cannot
 * read or that loads modules with require().
 */
function inImportCycle(m: Module): boolean {
  const ts = typescript();
  if (cycles.has(m)) return cycles.get(m)!;
  const seen = new Set<Module>();
  const todo: Module[] = [m];
  let cycle = false;
  while (todo.length && !cycle) {
    const x = todo.pop()!;
    if (/\brequire\s*\(/.test(x.text)) cycle = true;
    for (const s of x.sf.statements) {
      const spec = (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) &&
          s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) &&
          !(ts.isImportDeclaration(s) ? s.importClause?.isTypeOnly : s.isTypeOnly)
        ? s.moduleSpecifier.text
        : undefined;
      if (spec === undefined || /^(npm|jsr|node|https?|data):/.test(spec)) continue;
      const path = specifierPath(x, spec);
      if (path === undefined) continue; // not a file: cannot import the user's modules
      const next = moduleAt(path);
      if (!next || next === m) cycle = true;
      else if (!seen.has(next)) seen.add(next), todo.push(next);
    }
  }
  cycles.set(m, cycle);
  return cycle;
}

// What each corpus function uses, measured rather than hand-tagged: a syntax scan of its source
// (fn.toString()) for the constructs tsjit does not compile today, plus what a plain-JS run showed
// (it returned an array or object, took a plain array, an object or a string, was called with
// fewer arguments than parameters). The report counts, per construct, the functions that use it
// and how many of those are refused, and the refused functions it is the only blocker of.
// deno-lint-ignore no-import-prefix
import type * as TS from "npm:typescript@5.9.3";
import { typescript } from "../../compiler/frontend/typescript.ts";

const ts = typescript();

const TYPED = /^(Float(32|64)|U?Int(8|16|32)|Uint8Clamped|Big(U?)Int64)Array$/;
const ARRAY_METHODS = new Set([
  "push",
  "pop",
  "shift",
  "unshift",
  "slice",
  "subarray",
  "splice",
  "fill",
  "set",
  "sort",
  "reverse",
  "indexOf",
  "lastIndexOf",
  "includes",
  "map",
  "forEach",
  "reduce",
  "filter",
  "concat",
  "copyWithin",
  "at",
  "every",
  "some",
  "join",
]);
const STRING_METHODS = new Set(["charCodeAt", "codePointAt", "charAt", "toString", "toUpperCase"]);
/** global functions (coercing their argument), not the Number.* ones tsjit compiles */
const GLOBAL_FUNCTIONS = new Set(["isNaN", "isFinite", "parseFloat", "parseInt"]);
/** globals that are not the module's own names */
const GLOBAL_OK = new Set([
  "Math",
  "Number",
  "Infinity",
  "NaN",
  "undefined",
  "Array",
  "Error",
  "TypeError",
  "RangeError",
  "Object",
  "String",
  "console",
]);

/** The constructs issue 13 (arrays as values) is about; every other one but those in NEITHER is issue 14's. */
export const ISSUE13_CONSTRUCTS = new Set([
  "free variable: module constant or table",
  "returns an array",
  "plain-array argument",
  "array literal",
  "array method (push, slice, …)",
  "new TypedArray",
  "new Array",
  "for…of",
]);
/** Constructs neither issue names: free names (both touch them), calls and imports, the rest. */
export const NEITHER = new Set([
  "free variable: import",
  "call to an imported function",
  "call to a function its module does not export",
  "regular expression",
  "global isNaN, isFinite, parseFloat, …",
  "for…in",
  "rest parameter",
  "(source not parsed)",
]);

/** Parses a function's text as an expression, a method of an object literal, or a class member. */
function parse(text: string): TS.Node | undefined {
  for (const wrap of [(t: string) => `(${t})`, (t: string) => `({${t}})`]) {
    const sf = ts.createSourceFile("f.js", wrap(text), ts.ScriptTarget.Latest, true);
    const diags = (sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics;
    if (diags.length) continue;
    let found: TS.Node | undefined;
    const visit = (n: TS.Node): void => {
      if (found) return;
      if (ts.isFunctionLike(n) && "body" in n && n.body) found = n;
      else ts.forEachChild(n, visit);
    };
    visit(sf);
    if (found) return found;
  }
  return undefined;
}

/** Names a function declares itself (parameters, variables, functions, catch clauses). */
function declared(fn: TS.Node): Set<string> {
  const names = new Set<string>();
  const bind = (b: TS.BindingName) => {
    if (ts.isIdentifier(b)) names.add(b.text);
    else for (const e of b.elements) if (!ts.isOmittedExpression(e)) bind(e.name);
  };
  const visit = (n: TS.Node): void => {
    if (ts.isParameter(n) || ts.isVariableDeclaration(n) || ts.isBindingElement(n)) bind(n.name);
    if ((ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) && n.name) {
      names.add(n.name.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(fn);
  return names;
}

/** The number of parameters `fn` declares (defaults and rest included). */
export function arityOf(fn: (...args: never[]) => unknown): number {
  const root = parse(String(fn));
  return root ? (root as TS.FunctionLikeDeclaration).parameters.length : fn.length;
}

type Binding = "import" | "exported function" | "function" | "variable";
const modules = new Map<string, string>();

/** The corpus files of `project` (their text, by path), read once. */
function projectFiles(project: string): [string, string][] {
  const dir = new URL(`./${project}/`, import.meta.url);
  const out: [string, string][] = [];
  const walk = (d: URL) => {
    for (const e of Deno.readDirSync(d)) {
      const u = new URL(e.name + (e.isDirectory ? "/" : ""), d);
      if (e.isDirectory) walk(u);
      else if (/\.(js|ts|mjs)$/.test(e.name) && e.name !== "cases.ts") {
        if (!modules.has(u.href)) modules.set(u.href, Deno.readTextFileSync(u));
        out.push([u.href, modules.get(u.href)!]);
      }
    }
  };
  try {
    walk(dir);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e; // a project without a folder (tests)
  }
  return out;
}

/**
 * The top-level bindings of the module that defines `text` (found verbatim: a JavaScript file's
 * functions print as written), or undefined when no file has it.
 */
function moduleBindings(
  project: string,
  text: string,
  name: string,
): Map<string, Binding> | undefined {
  // TypeScript files print transpiled: found by a declaration of the function's name, the one
  // holding most of its identifiers where several files declare it
  const declares = new RegExp(`\\b(function|const|let|var) ${name}\\b`);
  const words = new Set(text.match(/[A-Za-z_$][\w$]*/g) ?? []);
  const score = (t: string) => [...words].filter((w) => t.includes(w)).length;
  const file = projectFiles(project).find(([, t]) => t.includes(text)) ??
    (name
      ? projectFiles(project).filter(([, t]) => declares.test(t))
        .sort((a, b) => score(b[1]) - score(a[1]))[0]
      : undefined);
  if (!file) return undefined;
  const sf = ts.createSourceFile(file[0], file[1], ts.ScriptTarget.Latest, true);
  const out = new Map<string, Binding>();
  const exported = new Set<string>();
  const isExported = (n: TS.Node) =>
    ts.canHaveModifiers(n) &&
    !!ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && st.importClause) {
      const c = st.importClause;
      if (c.name) out.set(c.name.text, "import");
      const b = c.namedBindings;
      if (b && ts.isNamespaceImport(b)) out.set(b.name.text, "import");
      if (b && ts.isNamedImports(b)) { for (const e of b.elements) out.set(e.name.text, "import"); }
    } else if (ts.isFunctionDeclaration(st) && st.name) {
      out.set(st.name.text, isExported(st) ? "exported function" : "function");
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name)) {
          for (const e of d.name.elements) {
            if (!ts.isOmittedExpression(e) && ts.isIdentifier(e.name)) {
              out.set(e.name.text, "variable");
            }
          }
          continue;
        }
        const f = d.initializer && (ts.isArrowFunction(d.initializer) ||
          ts.isFunctionExpression(d.initializer));
        out.set(d.name.text, f ? (isExported(st) ? "exported function" : "function") : "variable");
      }
    } else if (ts.isClassDeclaration(st) && st.name) out.set(st.name.text, "variable");
    else if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const e of st.exportClause.elements) exported.add((e.propertyName ?? e.name).text);
    }
  }
  for (const [k, v] of out) {
    if (v === "function" && exported.has(k)) out.set(k, "exported function");
  }
  return out;
}

/** The constructs outside what tsjit compiles today that `fn`'s source uses. */
export function constructsOf(fn: (...args: never[]) => unknown, project: string): Set<string> {
  const out = new Set<string>();
  const bindings = moduleBindings(project, String(fn), fn.name);
  const root = parse(String(fn));
  if (!root) return new Set(["(source not parsed)"]);
  const own = declared(root);
  const params = (root as TS.FunctionLikeDeclaration).parameters;
  if (params.some((p) => p.initializer)) out.add("default parameter");
  if (params.some((p) => p.dotDotDotToken)) out.add("rest parameter");
  const name = (root as TS.FunctionLikeDeclaration).name;
  const visit = (n: TS.Node, inThrow: boolean): void => {
    if (ts.isTypeNode(n) || n === name) return;
    if (n !== root && ts.isFunctionLike(n)) out.add("nested function or closure");
    if (ts.isThrowStatement(n)) out.add("throw"), inThrow = true;
    else if (ts.isTryStatement(n)) out.add("try/catch");
    else if (n.kind === ts.SyntaxKind.ThisKeyword) out.add("this");
    else if (n.kind === ts.SyntaxKind.NullKeyword) out.add("null");
    else if (ts.isNewExpression(n) && !inThrow) {
      const callee = n.expression.getText();
      const name = callee.split(".").pop()!;
      out.add(
        TYPED.test(name) ? "new TypedArray" : name === "Array" ? "new Array" : "new (object)",
      );
    } else if (ts.isArrayLiteralExpression(n)) out.add("array literal");
    else if (ts.isObjectLiteralExpression(n)) out.add("object literal");
    else if (ts.isForOfStatement(n)) out.add("for…of");
    else if (ts.isForInStatement(n)) out.add("for…in");
    else if (ts.isTypeOfExpression(n)) out.add("typeof");
    else if (ts.isRegularExpressionLiteral(n)) out.add("regular expression");
    else if (ts.isObjectBindingPattern(n) || ts.isArrayBindingPattern(n)) out.add("destructuring");
    else if (
      (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) ||
        ts.isTemplateExpression(n)) &&
      !inThrow && !ts.isCaseClause(n.parent) &&
      !ts.isElementAccessExpression(n.parent)
    ) out.add("string literal");
    else if (ts.isIdentifier(n) && n.text === "arguments") out.add("arguments");
    else if (ts.isCallExpression(n)) {
      const f = n.expression;
      if (ts.isPropertyAccessExpression(f)) {
        const obj = f.expression.getText(), m = f.name.text;
        if (obj === "Math" && m === "random") out.add("Math.random");
        else if (obj !== "Math" && obj !== "Number") {
          out.add(
            ARRAY_METHODS.has(m)
              ? "array method (push, slice, …)"
              : STRING_METHODS.has(m)
              ? "string method (charCodeAt, …)"
              : "method call on an object",
          );
        }
      } else if (ts.isIdentifier(f) && GLOBAL_FUNCTIONS.has(f.text) && !own.has(f.text)) {
        out.add("global isNaN, isFinite, parseFloat, …");
      } else if (ts.isIdentifier(f) && !own.has(f.text) && !GLOBAL_OK.has(f.text)) {
        const b = bindings?.get(f.text);
        if (b === "import") out.add("call to an imported function");
        else if (b === "function") out.add("call to a function its module does not export");
        else if (b === undefined) out.add("free variable: captured from an enclosing function");
      } else if (
        ts.isIdentifier(f) && own.has(f.text) && params.some((p) => p.name.getText() === f.text)
      ) {
        out.add("function argument (callback)");
      }
    } else if (
      ts.isIdentifier(n) && !own.has(n.text) && !GLOBAL_OK.has(n.text) && !TYPED.test(n.text) &&
      !(ts.isCallExpression(n.parent) && n.parent.expression === n) &&
      !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) &&
      !ts.isPropertyAssignment(n.parent) && !ts.isShorthandPropertyAssignment(n.parent) &&
      !(ts.isNewExpression(n.parent) && n.parent.expression === n) &&
      !(ts.isBindingElement(n.parent) && n.parent.propertyName === n) &&
      !ts.isLabeledStatement(n.parent) && !ts.isBreakOrContinueStatement(n.parent) &&
      n.text !== "arguments"
    ) {
      const b = bindings?.get(n.text);
      out.add(
        b === "import"
          ? "free variable: import"
          : b === undefined
          ? "free variable: captured from an enclosing function"
          : b === "variable"
          ? "free variable: module constant or table"
          : "free variable: module function (as a value)",
      );
    } else if (
      ts.isPropertyAccessExpression(n) && n.name.text !== "length" &&
      !["Math", "Number"].includes(n.expression.getText()) &&
      !(ts.isCallExpression(n.parent) && n.parent.expression === n)
    ) out.add("property of an object");
    ts.forEachChild(n, (c) => visit(c, inThrow));
  };
  ts.forEachChild(root, (c) => visit(c, false));
  return out;
}

/**
 * The parameters `fn` tests for truthiness (`!a`, `if (a)`, `a && …`, `a ? … : …`): a null
 * guard, which is a construct of its own when the argument is an array or an object.
 */
export function truthinessParams(fn: (...args: never[]) => unknown): number[] {
  const root = parse(String(fn)) as TS.FunctionLikeDeclaration | undefined;
  if (!root) return [];
  const names = root.parameters.map((p) => p.name.getText());
  const out = new Set<number>();
  const test = (e: TS.Expression) => {
    while (ts.isParenthesizedExpression(e)) e = e.expression;
    if (ts.isIdentifier(e) && names.includes(e.text)) out.add(names.indexOf(e.text));
  };
  const visit = (n: TS.Node): void => {
    if (ts.isPrefixUnaryExpression(n) && n.operator === ts.SyntaxKind.ExclamationToken) {
      test(n.operand);
    } else if (ts.isIfStatement(n) || ts.isWhileStatement(n) || ts.isConditionalExpression(n)) {
      test(ts.isConditionalExpression(n) ? n.condition : n.expression);
    } else if (
      ts.isBinaryExpression(n) && [
        ts.SyntaxKind.AmpersandAmpersandToken,
        ts.SyntaxKind.BarBarToken,
      ].includes(n.operatorToken.kind)
    ) test(n.left);
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(root, visit);
  return [...out];
}

/** What a plain-JS run of the function showed about its values. */
export function runtimeConstructs(
  args: unknown[],
  value: unknown,
  arity: number,
  truthiness: number[] = [],
): string[] {
  const out: string[] = [];
  if (truthiness.some((i) => args[i] !== null && typeof args[i] === "object")) {
    out.push("truthiness of an array or object (`if (!a)`)");
  }
  if (Array.isArray(value) || ArrayBuffer.isView(value)) out.push("returns an array");
  else if (typeof value === "function") out.push("returns a function");
  else if (typeof value === "string") out.push("returns a string");
  else if (value !== null && typeof value === "object") out.push("returns an object");
  for (const a of args) {
    if (Array.isArray(a)) out.push("plain-array argument");
    else if (typeof a === "string") out.push("string argument");
    else if (typeof a === "function") out.push("function argument (callback)");
    else if (a !== null && typeof a === "object" && !ArrayBuffer.isView(a)) {
      out.push("object argument");
    }
  }
  if (args.length < arity) out.push("omitted argument");
  return out;
}

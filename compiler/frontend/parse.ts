// Stage 1: a function's source text → tsjit's syntax tree, through the TypeScript parser (loaded
// on the first compile: typescript.ts).
// deno-lint-ignore no-import-prefix
import type * as TS from "npm:typescript@5.9.3";
import {
  type Blocker,
  blockersError,
  CompileError,
  type Range,
  type SourceInfo,
} from "../diagnostics.ts";
import type { Declarator, Expr, FunctionAST, Stmt } from "./ast.ts";
import { typescript } from "./typescript.ts";

const FRIENDLY: Record<string, string> = {
  StringLiteral: "string literal",
  NoSubstitutionTemplateLiteral: "template string",
  TemplateExpression: "template string",
  ObjectLiteralExpression: "object literal",
  ArrayLiteralExpression: "array literal",
  ClassDeclaration: "class",
  ClassExpression: "class",
  TryStatement: "try statement",
  ThrowStatement: "throw statement",
  NewExpression: "new expression",
  AwaitExpression: "await",
  YieldExpression: "yield (generator)",
  FunctionExpression: "nested function (closure)",
  ArrowFunction: "nested function (closure)",
  FunctionDeclaration: "nested function (closure)",
  BigIntLiteral: "BigInt literal",
  TypeOfExpression: "typeof",
  DeleteExpression: "delete",
  ForInStatement: "for...in loop",
  ThisKeyword: "this",
  NullKeyword: "null",
  RegularExpressionLiteral: "regular expression",
  SpreadElement: "spread (...)",
  WithStatement: "with statement",
  ArrayBindingPattern: "destructuring",
  ObjectBindingPattern: "destructuring",
};

/**
 * Parses `fn.toString()` into a FunctionAST; throws CompileError on bad syntax. The text is
 * JavaScript (V8 only ever sees the transpiled code): parsing it as TypeScript would misread
 * `a < (b) ? …` as type arguments. `language: "ts"` accepts annotations (REPL input).
 */
export function parseFunction(
  source: string,
  info: Omit<SourceInfo, "source">,
  language: "js" | "ts" = "js",
  collect?: Blocker[],
): FunctionAST {
  const ts = typescript();
  let src = source.trim();
  const fail = (msg: string, construct: string, r: Range): never => {
    throw new CompileError(msg, construct, r, { ...info, source: src });
  };
  if (/\{\s*\[native code\]\s*\}$/.test(src)) {
    fail("cannot compile a native or bound function", "native function", { start: 0, end: 8 });
  }
  // Method shorthand `f(x) { ... }` is not an expression on its own.
  const isExpr = (s: string) =>
    /^(async\s+)?function\b/.test(s) || /^(async\s*)?(\([^]*?\)|[\w$]+)\s*(:[^=]*)?=>/.test(s);
  if (!isExpr(src)) src = "function " + src;
  // Parsed as `(src)`: offsets in the text are one past those in `src`.
  const text = `(${src})`;
  const shift = 1;
  const kind = language === "ts" ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(`f.${language}`, text, ts.ScriptTarget.Latest, true, kind);
  const range = (n: TS.Node): Range => ({
    start: Math.max(0, n.getStart(sf) - shift),
    end: Math.max(0, n.getEnd() - shift),
  });
  const diags = (sf as unknown as { parseDiagnostics: TS.Diagnostic[] }).parseDiagnostics;
  if (diags?.length) {
    const d = diags[0];
    const start = Math.max(0, (d.start ?? 0) - shift);
    fail(
      `syntax error: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
      "syntax error",
      { start, end: start + (d.length ?? 1) },
    );
  }
  const first = sf.statements[0];
  let fnNode: TS.Node | undefined = first && ts.isExpressionStatement(first)
    ? first.expression
    : undefined;
  while (fnNode && ts.isParenthesizedExpression(fnNode)) fnNode = fnNode.expression;
  if (!fnNode || !(ts.isFunctionExpression(fnNode) || ts.isArrowFunction(fnNode))) {
    return fail("not a function", "source", { start: 0, end: src.length });
  }
  const fn = fnNode as TS.FunctionExpression | TS.ArrowFunction;
  const mods = ts.getModifiers?.(fn) ?? [];
  if (mods.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) {
    fail("async functions cannot be compiled", "async function", range(fn));
  }
  if (ts.isFunctionExpression(fn) && fn.asteriskToken) {
    fail("generator functions cannot be compiled", "generator function", range(fn));
  }

  // Unsupported constructs are all collected (one error names them all); each leaves an empty
  // placeholder, and the names it declares are not reported as unresolved (`unparsedNames`).
  const blockers: Blocker[] = collect ?? [];
  const unparsedNames = new Set<string>();
  const declaredNames = (n: TS.Node): void => {
    const named = ts.isVariableDeclaration(n) || ts.isFunctionDeclaration(n) ||
      ts.isClassDeclaration(n) || ts.isBindingElement(n) || ts.isParameter(n);
    if (named && n.name && ts.isIdentifier(n.name)) unparsedNames.add(n.name.text);
    n.forEachChild(declaredNames);
  };
  const unsupported = (n: TS.Node, what?: string): Stmt => {
    const kindName = ts.SyntaxKind[n.kind];
    const construct = what ?? FRIENDLY[kindName] ?? kindName;
    blockers.push({ message: `unsupported construct: ${construct}`, construct, range: range(n) });
    declaredNames(n);
    return { kind: "empty", range: range(n) };
  };
  /** An unsupported expression: reported, and a 0 in its place (never compiled: see above). */
  const unsupportedExpr = (n: TS.Node, what?: string): Expr => {
    unsupported(n, what);
    return { kind: "num", value: 0, range: range(n), placeholder: true } as Expr;
  };

  const declarator = (d: TS.VariableDeclaration | TS.ParameterDeclaration): Declarator => {
    if (!ts.isIdentifier(d.name)) {
      unsupported(d.name, "destructuring");
      return { name: "", range: range(d.name) };
    }
    if (ts.isParameter(d)) {
      if (d.dotDotDotToken) unsupported(d, "rest parameter");
      if (d.initializer) unsupported(d.initializer, "default parameter value");
    }
    return {
      name: d.name.text,
      init: d.initializer ? expr(d.initializer) : undefined,
      range: range(d.name),
      typeText: d.type ? d.type.getText(sf) : undefined,
    } as Declarator;
  };

  const BINARY: Record<number, string> = {
    [ts.SyntaxKind.PlusToken]: "+",
    [ts.SyntaxKind.MinusToken]: "-",
    [ts.SyntaxKind.AsteriskToken]: "*",
    [ts.SyntaxKind.SlashToken]: "/",
    [ts.SyntaxKind.PercentToken]: "%",
    [ts.SyntaxKind.AsteriskAsteriskToken]: "**",
    [ts.SyntaxKind.LessThanToken]: "<",
    [ts.SyntaxKind.LessThanEqualsToken]: "<=",
    [ts.SyntaxKind.GreaterThanToken]: ">",
    [ts.SyntaxKind.GreaterThanEqualsToken]: ">=",
    [ts.SyntaxKind.EqualsEqualsToken]: "==",
    [ts.SyntaxKind.ExclamationEqualsToken]: "!=",
    [ts.SyntaxKind.EqualsEqualsEqualsToken]: "===",
    [ts.SyntaxKind.ExclamationEqualsEqualsToken]: "!==",
    [ts.SyntaxKind.AmpersandToken]: "&",
    [ts.SyntaxKind.BarToken]: "|",
    [ts.SyntaxKind.CaretToken]: "^",
    [ts.SyntaxKind.LessThanLessThanToken]: "<<",
    [ts.SyntaxKind.GreaterThanGreaterThanToken]: ">>",
    [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken]: ">>>",
  };
  const ASSIGN: Record<number, string> = {
    [ts.SyntaxKind.EqualsToken]: "=",
    [ts.SyntaxKind.PlusEqualsToken]: "+",
    [ts.SyntaxKind.MinusEqualsToken]: "-",
    [ts.SyntaxKind.AsteriskEqualsToken]: "*",
    [ts.SyntaxKind.SlashEqualsToken]: "/",
    [ts.SyntaxKind.PercentEqualsToken]: "%",
    [ts.SyntaxKind.AsteriskAsteriskEqualsToken]: "**",
    [ts.SyntaxKind.LessThanLessThanEqualsToken]: "<<",
    [ts.SyntaxKind.GreaterThanGreaterThanEqualsToken]: ">>",
    [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken]: ">>>",
    [ts.SyntaxKind.AmpersandEqualsToken]: "&",
    [ts.SyntaxKind.BarEqualsToken]: "|",
    [ts.SyntaxKind.CaretEqualsToken]: "^",
  };
  const LOGICAL: Record<number, "&&" | "||" | "??"> = {
    [ts.SyntaxKind.AmpersandAmpersandToken]: "&&",
    [ts.SyntaxKind.BarBarToken]: "||",
    [ts.SyntaxKind.QuestionQuestionToken]: "??",
  };

  function expr(n: TS.Expression): Expr {
    const r = range(n);
    if (ts.isParenthesizedExpression(n)) return expr(n.expression);
    if (ts.isAsExpression(n) || ts.isNonNullExpression(n) || ts.isTypeAssertionExpression(n)) {
      return expr(n.expression);
    }
    if (ts.isSatisfiesExpression?.(n)) return expr(n.expression);
    if (ts.isNumericLiteral(n)) {
      return { kind: "num", value: Number(n.text.replace(/_/g, "")), range: r };
    }
    if (n.kind === ts.SyntaxKind.TrueKeyword) return { kind: "bool", value: true, range: r };
    if (n.kind === ts.SyntaxKind.FalseKeyword) return { kind: "bool", value: false, range: r };
    if (ts.isIdentifier(n)) return { kind: "name", name: n.text, range: r };
    if (ts.isPrefixUnaryExpression(n)) {
      const op = n.operator;
      if (op === ts.SyntaxKind.PlusPlusToken || op === ts.SyntaxKind.MinusMinusToken) {
        return {
          kind: "update",
          op: op === ts.SyntaxKind.PlusPlusToken ? "++" : "--",
          prefix: true,
          target: expr(n.operand),
          range: r,
        };
      }
      const uop = ({
        [ts.SyntaxKind.MinusToken]: "-",
        [ts.SyntaxKind.PlusToken]: "+",
        [ts.SyntaxKind.ExclamationToken]: "!",
        [ts.SyntaxKind.TildeToken]: "~",
      } as Record<number, "-" | "+" | "!" | "~">)[op];
      return { kind: "unary", op: uop, operand: expr(n.operand), range: r };
    }
    if (ts.isPostfixUnaryExpression(n)) {
      return {
        kind: "update",
        op: n.operator === ts.SyntaxKind.PlusPlusToken ? "++" : "--",
        prefix: false,
        target: expr(n.operand),
        range: r,
      };
    }
    if (ts.isBinaryExpression(n)) {
      const k = n.operatorToken.kind;
      if (k === ts.SyntaxKind.CommaToken) {
        return { kind: "comma", exprs: [expr(n.left), expr(n.right)], range: r };
      }
      if (k in ASSIGN) {
        return {
          kind: "assign",
          op: ASSIGN[k],
          target: expr(n.left),
          value: expr(n.right),
          range: r,
        };
      }
      if (k in LOGICAL) {
        return {
          kind: "logical",
          op: LOGICAL[k],
          left: expr(n.left),
          right: expr(n.right),
          range: r,
        };
      }
      if (k in BINARY) {
        return {
          kind: "binary",
          op: BINARY[k],
          left: expr(n.left),
          right: expr(n.right),
          range: r,
        };
      }
      return unsupportedExpr(n.operatorToken, `operator ${n.operatorToken.getText(sf)}`);
    }
    if (ts.isConditionalExpression(n)) {
      return {
        kind: "cond",
        test: expr(n.condition),
        then: expr(n.whenTrue),
        else: expr(n.whenFalse),
        range: r,
      };
    }
    if (ts.isElementAccessExpression(n)) {
      if (n.questionDotToken) unsupported(n, "optional chaining");
      return {
        kind: "index",
        object: expr(n.expression),
        index: expr(n.argumentExpression),
        range: r,
      };
    }
    if (ts.isPropertyAccessExpression(n)) {
      if (n.questionDotToken) unsupported(n, "optional chaining");
      return { kind: "member", object: expr(n.expression), name: n.name.text, range: r };
    }
    if (ts.isCallExpression(n)) {
      if (n.questionDotToken) unsupported(n, "optional chaining");
      for (const a of n.arguments) if (ts.isSpreadElement(a)) unsupported(a);
      return { kind: "call", callee: expr(n.expression), args: n.arguments.map(expr), range: r };
    }
    return unsupportedExpr(n);
  }

  function loopLabel(s: Stmt, label: string): Stmt {
    if (s.kind === "for" || s.kind === "while" || s.kind === "doWhile" || s.kind === "forOf") {
      return { ...s, label };
    }
    return { kind: "labeled", label, body: s, range: s.range };
  }

  function stmt(n: TS.Statement): Stmt {
    const r = range(n);
    if (ts.isVariableStatement(n)) return declList(n.declarationList, r);
    if (ts.isExpressionStatement(n)) return { kind: "expr", expr: expr(n.expression), range: r };
    if (ts.isIfStatement(n)) {
      return {
        kind: "if",
        test: expr(n.expression),
        then: stmt(n.thenStatement),
        else: n.elseStatement ? stmt(n.elseStatement) : undefined,
        range: r,
      };
    }
    if (ts.isForStatement(n)) {
      let init: Stmt | undefined;
      if (n.initializer) {
        init = ts.isVariableDeclarationList(n.initializer)
          ? declList(n.initializer, range(n.initializer))
          : { kind: "expr", expr: expr(n.initializer), range: range(n.initializer) };
      }
      return {
        kind: "for",
        init,
        test: n.condition ? expr(n.condition) : undefined,
        update: n.incrementor ? expr(n.incrementor) : undefined,
        body: stmt(n.statement),
        range: r,
      };
    }
    if (ts.isForOfStatement(n)) {
      if (n.awaitModifier) unsupported(n, "for await");
      const init = n.initializer;
      const call = n.expression;
      if (
        !ts.isVariableDeclarationList(init) || init.declarations.length !== 1 ||
        !ts.isCallExpression(call) || !ts.isIdentifier(call.expression) ||
        !["range", "prange"].includes(call.expression.text)
      ) {
        return unsupported(n, "for...of (only `for (const i of range(...))` or prange)");
      }
      return {
        kind: "forOf",
        decl: declarator(init.declarations[0]),
        iter: call.expression.text as "range" | "prange",
        args: call.arguments.map(expr),
        body: stmt(n.statement),
        range: r,
      };
    }
    if (ts.isWhileStatement(n)) {
      return { kind: "while", test: expr(n.expression), body: stmt(n.statement), range: r };
    }
    if (ts.isDoStatement(n)) {
      return { kind: "doWhile", test: expr(n.expression), body: stmt(n.statement), range: r };
    }
    if (ts.isBreakStatement(n)) return { kind: "break", label: n.label?.text, range: r };
    if (ts.isContinueStatement(n)) return { kind: "continue", label: n.label?.text, range: r };
    if (ts.isReturnStatement(n)) {
      return { kind: "return", value: n.expression ? expr(n.expression) : undefined, range: r };
    }
    if (ts.isBlock(n)) return { kind: "block", body: n.statements.map(stmt), range: r };
    if (ts.isLabeledStatement(n)) return loopLabel(stmt(n.statement), n.label.text);
    if (ts.isEmptyStatement(n)) return { kind: "empty", range: r };
    if (ts.isSwitchStatement(n)) {
      return {
        kind: "switch",
        disc: expr(n.expression),
        cases: n.caseBlock.clauses.map((c) => ({
          test: ts.isCaseClause(c) ? expr(c.expression) : undefined,
          body: c.statements.map(stmt),
          range: range(c),
        })),
        range: r,
      };
    }
    if (ts.isTypeAliasDeclaration(n) || ts.isInterfaceDeclaration(n)) {
      return { kind: "empty", range: r };
    }
    return unsupported(n);
  }

  function declList(list: TS.VariableDeclarationList, r: Range): Stmt {
    const scoped = list.flags & ts.NodeFlags.BlockScoped;
    if (scoped === ts.NodeFlags.Using || scoped === ts.NodeFlags.AwaitUsing) {
      unsupported(list, "using declaration");
    }
    const declKind = scoped === ts.NodeFlags.Const
      ? "const"
      : scoped === ts.NodeFlags.Let
      ? "let"
      : "var";
    return { kind: "decl", declKind, decls: list.declarations.map(declarator), range: r };
  }

  const body: Stmt[] = fn.body && ts.isBlock(fn.body)
    ? fn.body.statements.map(stmt)
    : [{ kind: "return", value: expr(fn.body as TS.Expression), range: range(fn.body) }];
  const name = ts.isFunctionExpression(fn) && fn.name ? fn.name.text : info.fnName;
  const params = fn.parameters.map(declarator);
  if (blockers.length && !collect) throw blockersError(blockers, { ...info, source: src });
  return { name, params, body, source: src, range: range(fn), unparsedNames };
}

// tsjit's own syntax tree: the subset of JS that compiles, each node with its source range.
import type { Range, SourceInfo } from "../diagnostics.ts";
import type { Resolved } from "./resolve.ts";

/** A local variable or parameter, after name resolution. */
export interface Variable {
  name: string;
  /** unique within the function, for IR names */
  id: number;
  kind: "param" | "let" | "const" | "var";
  range: Range;
}

interface Node {
  range: Range;
}

export type Expr =
  | Node & { kind: "num"; value: number }
  | Node & { kind: "bool"; value: boolean }
  | Node & { kind: "name"; name: string; variable?: Variable; global?: GlobalValue }
  | Node & { kind: "unary"; op: "-" | "+" | "!" | "~"; operand: Expr }
  | Node & { kind: "update"; op: "++" | "--"; prefix: boolean; target: Expr }
  | Node & { kind: "binary"; op: string; left: Expr; right: Expr }
  | Node & { kind: "logical"; op: "&&" | "||" | "??"; left: Expr; right: Expr }
  | Node & { kind: "cond"; test: Expr; then: Expr; else: Expr }
  | Node & { kind: "assign"; op: string; target: Expr; value: Expr }
  | Node & { kind: "index"; object: Expr; index: Expr }
  | Node & { kind: "member"; object: Expr; name: string }
  | Node & { kind: "call"; callee: Expr; args: Expr[] }
  | Node & { kind: "comma"; exprs: Expr[] };

export interface Declarator {
  name: string;
  init?: Expr;
  range: Range;
  /** the TypeScript annotation, when the source has one (REPL input) */
  typeText?: string;
  variable?: Variable;
  /** a parameter the dispatcher adds: a module table the body reads (FunctionAST.hidden) */
  hidden?: true;
}

export type Stmt =
  | Node & { kind: "decl"; declKind: "let" | "const" | "var"; decls: Declarator[] }
  | Node & { kind: "expr"; expr: Expr }
  | Node & { kind: "if"; test: Expr; then: Stmt; else?: Stmt }
  | Node & { kind: "for"; init?: Stmt; test?: Expr; update?: Expr; body: Stmt; label?: string }
  | Node & {
    kind: "forOf";
    decl: Declarator;
    iter: "range" | "prange";
    args: Expr[];
    body: Stmt;
    label?: string;
  }
  | Node & { kind: "while"; test: Expr; body: Stmt; label?: string }
  | Node & { kind: "doWhile"; test: Expr; body: Stmt; label?: string }
  | Node & { kind: "break"; label?: string }
  | Node & { kind: "continue"; label?: string }
  | Node & { kind: "return"; value?: Expr }
  | Node & { kind: "block"; body: Stmt[] }
  | Node & { kind: "labeled"; label: string; body: Stmt }
  | Node & { kind: "switch"; disc: Expr; cases: { test?: Expr; body: Stmt[]; range: Range }[] }
  | Node & { kind: "empty" };

/** A parsed function: name, parameters and body, with the source it came from. */
export interface FunctionAST {
  name: string;
  params: Declarator[];
  body: Stmt[];
  source: string;
  range: Range;
  /** names declared inside unsupported constructs (not reported as unresolved) */
  unparsedNames?: Set<string>;
  /** the values of the hidden parameters, in order (typed arrays read by reference) */
  hidden?: object[];
}

/** A function parsed and resolved, with the source its diagnostics point into. */
export interface ParsedFunction {
  ast: FunctionAST;
  resolved: Resolved;
  src: SourceInfo;
}

/** A jitted function as the compiler sees it from a call site in another jitted function. */
export interface CompilableFunction {
  /** unique per jit() call */
  readonly id: number;
  readonly name: string;
  readonly options: {
    boundscheck: boolean;
    racecheck?: boolean;
    fastmath: boolean;
    /** fixed types of locals, by name (`jit(fn, { locals })`) */
    locals?: Map<string, import("../types/types.ts").Type>;
    /** a declared signature: called from JS with any safe integer, not only int32 */
    declared?: boolean;
  };
  /** its parsed, resolved source; throws CompileError */
  parsed(): ParsedFunction;
}

/** What a free name in a body stands for: a constant captured at compile time, or a function. */
export type GlobalValue =
  | { kind: "const"; value: number | boolean }
  | { kind: "function"; fn: CompilableFunction };

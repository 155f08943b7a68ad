// Stage 4: typed function → LLVM IR text. Locals live in stack slots (LLVM's mem2reg makes them
// registers); every JS conversion rule is spelled out here or in _jsops.ts.
import { CompileError, type Range, type SourceInfo } from "../diagnostics.ts";
import type { Expr, Stmt, Variable } from "../frontend/ast.ts";
import {
  type Block,
  Builder,
  f64,
  int,
  IRFunction,
  IRModule,
  type IRType,
  type Value,
} from "../ir/mod.ts";
import {
  compoundOperation,
  constantValue,
  MATH_CONSTANTS,
  NUMBER_CONSTANTS,
  type TypedFunction,
} from "../types/infer.ts";
import {
  type ArrayType,
  BOOL,
  elementType,
  F32,
  F64,
  INT,
  INTZ,
  isArray,
  type Type,
} from "../types/types.ts";
import { irType, partsOf } from "../types/layout.ts";
import { JSOPS_DECLS, JSOPS_IR } from "./_jsops.ts";
import { findCountdownLoop, findCountedLoop } from "./_loops.ts";
import { checkedOp, emitVersions, loopEnd } from "./_versions.ts";
import { intTripCount, rangeSpace } from "./_range_space.ts";
import { recursiveKeys, stackRoomLeft, storeStackLimit } from "./_stack.ts";
import { elementPointer, loadElement, storeElement } from "./_arrays.ts";
import { builtinCall } from "./_math.ts";
import { emitEntry, FAIL_IR } from "./_entry.ts";
import { streamingCopy, streamingPlan } from "./_streaming.ts";
import { argParams, calleeKeys, emitTierDispatch, tierSymbol } from "./_tiers.ts";
import { emitWithMinMax, type MinMaxReduction, minMaxStep } from "./_minmax.ts";
import { remainder } from "./_intops.ts";
import { int32Slots } from "./_int32slots.ts";
import {
  CHUNK_PARAMS,
  type ChunkSetup,
  lowerChunk,
  lowerPrange,
  needsPool,
  threadCall,
} from "./_parallel.ts";
import { parallelReport } from "./_pardiag.ts";
import { Ctx, Status } from "../runtime/abi.ts";

/** A place in the source a runtime error can come from. */
export interface ErrorSite {
  /** the array's name, for bounds errors; the loop's (`range`, `prange`) for a zero step */
  array?: string;
  range: Range;
  /** the function the range points into (a callee's, for errors in called functions) */
  src: SourceInfo;
}

/** Options that change the generated code. */
export interface LowerOptions {
  boundscheck: boolean;
  fastmath: boolean;
  /** TSJIT_RACECHECK: prange loops check their shared array accesses at run time */
  racecheck?: boolean;
  /** every specialization in the module, by key, with its symbol (for direct calls) */
  program?: Map<string, { tf: TypedFunction; symbol: string }>;
  /** keys of the functions that can call themselves (they check the stack at entry) */
  recursive?: Set<string>;
}

/** The result of lowering one specialization. */
export interface LoweredModule {
  ir: string;
  entryName: string;
  sites: ErrorSite[];
  /** true when the function starts parallel regions (its entry then calls back into JS) */
  parallel: boolean;
  /** what each prange loop became (f.parallelDiagnostics()) */
  parallelReport: string[];
  /** true when compiled code calls the entry library (parallel regions, the stack limit) */
  runtime: boolean;
}

/** Array variables live as two slots: the data pointer and the length. */
interface ArraySlots {
  ptr: Value;
  len: Value;
}

interface LoopTarget {
  label?: string;
  brk: Block;
  cont?: Block;
}

/** A value already computed, standing in an expression tree (compound assignment, switch). */
export type ValueExpr = { kind: "$value"; value: Value; type: Type; range: Range };

/** Lowers one function (or one prange chunk) into an IRFunction of `mod`. */
export class FunctionLowering {
  readonly b: Builder;
  readonly fn: IRFunction;
  readonly ctx: Value;
  readonly scalarSlots = new Map<Variable, Value>();
  /** the integer variables held in i32 slots (_int32slots.ts) */
  private readonly narrow: Set<Variable>;
  readonly arraySlots = new Map<Variable, ArraySlots>();
  readonly loops: LoopTarget[] = [];
  /** float Math.max/min reductions of the loops being generated (_minmax.ts) */
  readonly minmax = new Map<Stmt, MinMaxReduction>();
  /** index expressions proven in bounds in the code being generated */
  proven = new Set<Expr>();
  readonly retTy: IRType;
  /** in a prange chunk: flags set when a last-value variable is written */
  writeFlags?: Map<Variable, Value>;
  /** in a prange chunk under TSJIT_RACECHECK: called with each checked element index */
  elementHook?: (e: Expr & { kind: "index" }, idx: Value, len: Value, array: string) => void;

  constructor(
    readonly tf: TypedFunction,
    readonly mod: IRModule,
    readonly name: string,
    readonly sites: ErrorSite[],
    readonly opts: LowerOptions,
    readonly chunk?: ChunkSetup,
  ) {
    this.retTy = chunk ? "void" : irType(tf.returnType);
    const params: Value[] = chunk ? CHUNK_PARAMS.slice(0, 5) : argParams(tf);
    // A recursive function checks the stack at entry; LLVM must not turn its self tail calls into
    // a loop (or jumps), or an endless recursion would spin instead of throwing RangeError.
    const attrs = !chunk && opts.recursive?.has(tf.key)
      ? `nounwind "disable-tail-calls"="true"`
      : "nounwind";
    this.fn = new IRFunction(name, this.retTy, params, attrs, "internal");
    this.ctx = chunk ? params[3] : params[0];
    this.b = new Builder(this.fn);
    mod.functions.push(this.fn);
    this.narrow = chunk ? new Set() : int32Slots(tf);
  }

  /** A stack slot for every variable of the function (LLVM drops the unused ones). */
  allocateSlots(): void {
    const { tf, b } = this;
    for (const v of tf.resolved.variables) {
      const t = tf.varTypes.get(v)!;
      if (isArray(t)) {
        const [ptr, len] = partsOf(t).map((p) => b.alloca(p.ir, `${v.name}${p.suffix}`));
        this.arraySlots.set(v, { ptr, len });
      } else this.scalarSlots.set(v, b.alloca(this.narrow.has(v) ? "i32" : irType(t), v.name));
    }
  }

  lower(): void {
    const { tf, b } = this;
    this.allocateSlots();
    if (this.opts.recursive?.size && this.chunk) storeStackLimit(this.mod, b, this.ctx);
    if (this.chunk) return lowerChunk(this, this.chunk);
    if (this.opts.recursive?.has(tf.key)) {
      this.guard(stackRoomLeft(this.mod, b, this.ctx), Status.stackOverflow, tf.ast.range);
    }
    tf.resolved.params.forEach((p, i) => {
      const t = tf.argTypes[i];
      if (isArray(t)) {
        const s = this.arraySlots.get(p)!;
        const [ptr, len] = partsOf(t).map((q) => ({ ty: q.ir, ref: `%p${i}${q.suffix}` }));
        b.store(ptr, s.ptr);
        b.store(len, s.len);
      } else {
        const slot = this.scalarSlots.get(p)!;
        const vt = tf.varTypes.get(p)!;
        b.store(
          this.convert({ ty: irType(tf.argTypes[i]), ref: `%p${i}` }, tf.argTypes[i], vt),
          slot,
        );
      }
    });
    // `var`s exist from the start of the function: give them a defined value
    for (const v of tf.resolved.variables) {
      if (v.kind === "var" && this.scalarSlots.has(v)) {
        this.storeVar(v, this.zeroOf(irType(this.varType(v)))!);
      }
    }
    tf.ast.body.forEach((s) => this.stmt(s));
    if (this.retTy === "void") b.ret();
    else if (!b.block.terminated) this.fail(Status.noReturnValue, tf.ast.range);
  }

  /** Lowers a prange body into the chunk function `name` of this module (_parallel.ts). */
  lowerChunkFunction(name: string, setup: ChunkSetup): void {
    new FunctionLowering(this.tf, this.mod, name, this.sites, this.opts, setup).lower();
  }

  // ---- errors -------------------------------------------------------------------------------

  site(range: Range, array?: string): number {
    this.sites.push({ range, array, src: this.tf.src });
    return this.sites.length - 1;
  }

  zeroOf(ty: IRType): Value | undefined {
    if (ty === "void") return undefined;
    if (ty === "double") return f64(0);
    if (ty === "ptr") return { ty, ref: "null" };
    return int(ty, 0);
  }

  /** Records a runtime error in the context block and returns from the function. */
  /** Records a runtime error (`index` a double, `len` an i64) and returns from the function. */
  fail(code: number, range: Range, index?: Value, len?: Value, array?: string): void {
    const { b } = this;
    b.call("void", "tsjit.fail", [
      this.ctx,
      int("i32", code),
      index ?? f64(0),
      len ?? int("i64", 0),
      int("i32", this.site(range, array)),
    ]);
    b.ret(this.zeroOf(this.retTy));
  }

  /**
   * Branches to a failure exit unless `ok` holds. The failing index is computed in the failure
   * block only (`index()` returns a double), off the hot path.
   */
  guard(
    ok: Value,
    code: number,
    range: Range,
    index?: () => Value,
    len?: Value,
    array?: string,
  ) {
    const { b } = this;
    const pass = this.fn.newBlock("ok");
    const bad = this.fn.newBlock("fail");
    b.condBr(ok, pass, bad, [1048576, 1]);
    b.positionAt(bad);
    this.fail(code, range, index?.(), len, array);
    b.positionAt(pass);
  }

  compileError(msg: string, construct: string, r: Range): never {
    throw new CompileError(msg, construct, r, this.tf.src);
  }

  // ---- types and conversions ----------------------------------------------------------------

  typeOf(e: Expr | ValueExpr): Type {
    if (e.kind === "$value") return e.type;
    const t = this.tf.exprTypes.get(e);
    if (!t) throw new Error(`tsjit internal error: untyped ${e.kind} expression`);
    return t;
  }

  /** Converts a value between representations; never used for intz → f64 (see `asF64`). */
  convert(v: Value, from: Type, to: Type): Value {
    const { b } = this;
    if (from === to) return v;
    if (to === F64) {
      if (from === INT || from === INTZ) return b.cast("sitofp", v, "double");
      if (from === F32) return b.cast("fpext", v, "double");
      if (from === BOOL) return b.cast("uitofp", v, "double");
    }
    if ((to === INT || to === INTZ) && (from === INT || from === INTZ)) return v;
    if ((to === INT || to === INTZ) && from === BOOL) return b.cast("zext", v, "i64");
    if (to === F32 && from === F64) return b.cast("fptrunc", v, "float");
    throw new Error(`tsjit internal error: no conversion ${from} → ${to}`);
  }

  /** The expression as a double, recomputing an intz expression in floating point for its sign. */
  asF64(e: Expr | ValueExpr): Value {
    const t = this.typeOf(e);
    if (t === INTZ && e.kind !== "$value") return this.genFloat(e);
    return this.convert(this.gen(e), t, F64);
  }

  /** The expression in representation `to` (f64, int, bool, ...). */
  as(e: Expr | ValueExpr, to: Type): Value {
    if (to === F64) return this.asF64(e);
    if (to === F32 && this.typeOf(e) !== F32) {
      return this.b.cast("fptrunc", this.asF64(e), "float");
    }
    return this.convert(this.gen(e), this.typeOf(e), to);
  }

  /** An integer-valued expression where the sign of zero does not matter (an index, ToInt32). */
  asInt(e: Expr | ValueExpr): Value {
    const t = this.typeOf(e);
    if (t === F64 || t === F32) throw new Error("tsjit internal error: asInt of a float");
    return this.convert(this.gen(e), t, INT);
  }

  /** ToInt32 of any number. */
  toInt32(e: Expr | ValueExpr): Value {
    const t = this.typeOf(e);
    if (t === F64 || t === F32) return this.b.call("i32", "js.toint32", [this.asF64(e)]);
    if (e.kind === "name" && e.variable && this.narrow.has(e.variable)) {
      return this.b.load("i32", this.scalarSlots.get(e.variable)!);
    }
    // an exact integer +, -, * wraps the same in 32 bits: compute it there (`(h * 5 + c) | 0`)
    if (e.kind === "binary" && "+-*".includes(e.op) && e.op.length === 1) {
      const ints = [e.left, e.right].every((x) => {
        const u = this.typeOf(x);
        return u === INT || u === INTZ;
      });
      if (ints && (t === INT || t === INTZ)) {
        const op = { "+": "add", "-": "sub", "*": "mul" }[e.op]!;
        return this.b.bin(op, this.toInt32(e.left), this.toInt32(e.right));
      }
    }
    return this.b.cast("trunc", this.asInt(e), "i32");
  }

  /** JS truthiness. */
  truthy(e: Expr | ValueExpr): Value {
    const { b } = this;
    const t = this.typeOf(e);
    const v = this.gen(e);
    if (t === BOOL) return v;
    if (t === INT || t === INTZ) return b.icmp("ne", v, int("i64", 0));
    if (t === F32) return b.fcmp("one", v, { ty: "float", ref: "0.0" });
    return b.fcmp("one", v, f64(0));
  }

  // ---- expressions --------------------------------------------------------------------------

  /** Generates `e` in the representation of its own type (intz as an i64, sign of zero lost). */
  gen(e: Expr | ValueExpr): Value {
    const { b } = this;
    const t = this.typeOf(e);
    switch (e.kind) {
      case "$value":
        return e.value;
      case "num":
        return t === INT ? int("i64", e.value) : f64(e.value);
      case "bool":
        return int("i1", e.value ? 1 : 0);
      case "name": {
        if (e.global?.kind === "const") {
          const v = e.global.value;
          return typeof v === "boolean" ? int("i1", v ? 1 : 0) : t === INT ? int("i64", v) : f64(v);
        }
        if (!e.variable) return f64(e.name === "NaN" ? NaN : Infinity);
        const slot = this.scalarSlots.get(e.variable);
        if (!slot) {
          this.compileError("an array cannot be used as a value here", "array value", e.range);
        }
        // an i32 slot is read as a number only where its value lies in int32
        if (this.narrow.has(e.variable)) return b.cast("sext", b.load("i32", slot!), "i64");
        return b.load(irType(t), slot!);
      }
      case "unary": {
        const k = constantValue(e);
        if (e.op === "-" && k !== undefined) return t === INT ? int("i64", k) : f64(k);
        if (e.op === "!") return b.bin("xor", this.truthy(e.operand), int("i1", 1));
        if (e.op === "~") {
          return b.cast("sext", b.bin("xor", this.toInt32(e.operand), int("i32", -1)), "i64");
        }
        if (e.op === "+") return this.as(e.operand, t);
        if (t === INTZ) return b.bin("sub", int("i64", 0), this.asInt(e.operand));
        return this.genFloat(e);
      }
      case "binary":
        return this.binary(e, t);
      case "logical":
        return this.logical(e, t);
      case "cond":
        return this.conditional(e, t);
      case "assign":
        return this.assign(e, t);
      case "update":
        return this.update(e, t);
      case "index": {
        const { ptr, array } = elementPointer(this, e);
        return loadElement(this, ptr, array);
      }
      case "member": {
        if (e.object.kind === "name" && !e.object.variable) {
          const table = e.object.name === "Math" ? MATH_CONSTANTS : NUMBER_CONSTANTS;
          return f64(table[e.name]);
        }
        return this.array(e.object).len;
      }
      case "call":
        return this.call(e, t);
      case "comma": {
        let v: Value = { ty: "void", ref: "" };
        for (const x of e.exprs) v = this.gen(x);
        return v;
      }
    }
  }

  /** An intz-typed (or float) arithmetic expression computed in doubles. */
  genFloat(e: Expr): Value {
    const { b } = this;
    switch (e.kind) {
      case "unary":
        if (e.op === "-") return b.fneg(this.asF64(e.operand));
        if (e.op === "+") return this.asF64(e.operand);
        break;
      case "binary":
        return this.floatOp(e.op, this.asF64(e.left), () => this.asF64(e.right));
      case "cond":
        return this.conditional(e, F64);
      case "comma":
        e.exprs.slice(0, -1).forEach((x) => this.gen(x));
        return this.asF64(e.exprs[e.exprs.length - 1]);
      case "call":
        if (e.callee.kind === "member" && e.callee.name === "sign") {
          return b.call("double", "js.sign", [this.asF64(e.args[0])]);
        }
    }
    return this.convert(this.gen(e), this.typeOf(e), F64);
  }

  /** `c ? a : b` with both branches in representation `t`. */
  private conditional(e: Expr & { kind: "cond" }, t: Type): Value {
    const { b } = this;
    const thenB = this.fn.newBlock("cond.then");
    const elseB = this.fn.newBlock("cond.else");
    const end = this.fn.newBlock("cond.end");
    b.condBr(this.truthy(e.test), thenB, elseB);
    b.positionAt(thenB);
    const tv = this.as(e.then, t);
    const tEnd = b.block;
    b.br(end);
    b.positionAt(elseB);
    const ev = this.as(e.else, t);
    const eEnd = b.block;
    b.br(end);
    b.positionAt(end);
    return b.phi(tv.ty, [[tv, tEnd], [ev, eEnd]]);
  }

  private fastFlags(): string {
    return this.opts.fastmath ? " fast" : "";
  }

  private floatOp(op: string, l: Value, rightF: () => Value): Value {
    const { b } = this;
    const r = rightF();
    const ff = this.fastFlags();
    switch (op) {
      case "+":
        return b.bin("fadd" + ff, l, r);
      case "-":
        return b.bin("fsub" + ff, l, r);
      case "*":
        return b.bin("fmul" + ff, l, r);
      case "/":
        return b.bin("fdiv" + ff, l, r);
      case "%":
        return b.bin("frem" + ff, l, r);
      case "**":
        return b.call("double", "js.pow", [l, r]);
    }
    throw new Error(`tsjit internal error: float op ${op}`);
  }

  private binary(
    e: Expr & { kind: "binary" } | {
      kind: "binary";
      op: string;
      left: Expr | ValueExpr;
      right: Expr | ValueExpr;
      range: Range;
    },
    t: Type,
  ): Value {
    const { b } = this;
    const op = e.op;
    if (["<", "<=", ">", ">=", "==", "!=", "===", "!=="].includes(op)) {
      return this.compare(op, e.left, e.right);
    }
    if (["&", "|", "^", "<<", ">>", ">>>"].includes(op)) {
      const l = this.toInt32(e.left);
      const r = this.toInt32(e.right);
      if (op === "&" || op === "|" || op === "^") {
        return b.cast("sext", b.bin({ "&": "and", "|": "or", "^": "xor" }[op], l, r), "i64");
      }
      const n = b.bin("and", r, int("i32", 31));
      if (op === "<<") return b.cast("sext", b.bin("shl", l, n), "i64");
      if (op === ">>") return b.cast("sext", b.bin("ashr", l, n), "i64");
      return b.cast("zext", b.bin("lshr", l, n), "i64");
    }
    if (t === INT || t === INTZ) {
      const l = this.asInt(e.left);
      const r = this.asInt(e.right);
      switch (op) {
        case "+":
          return b.bin("add", l, r);
        case "-":
          return b.bin("sub", l, r);
        case "*":
          return b.bin("mul", l, r);
        case "%":
          return remainder(
            b,
            l,
            r,
            this.tf.ranges?.get(e.left as Expr),
            this.tf.ranges?.get(e.right as Expr),
          );
      }
      throw new Error(`tsjit internal error: int op ${op}`);
    }
    return this.floatOp(op, this.asF64(e.left), () => this.asF64(e.right));
  }

  private compare(op: string, le: Expr | ValueExpr, re: Expr | ValueExpr): Value {
    const { b } = this;
    const lt = this.typeOf(le);
    const rt = this.typeOf(re);
    const strict = op === "===" || op === "!==";
    const eqOp = op === "==" || op === "==="
      ? "eq"
      : op === "!=" || op === "!=="
      ? "ne"
      : undefined;
    if (strict && (lt === BOOL) !== (rt === BOOL)) {
      this.gen(le), this.gen(re);
      return int("i1", op === "!==" ? 1 : 0);
    }
    const intLike = (t: Type) => t === INT || t === INTZ || t === BOOL;
    if (lt === BOOL && rt === BOOL && eqOp) return b.icmp(eqOp, this.gen(le), this.gen(re));
    if (intLike(lt) && intLike(rt)) {
      const l = this.convert(this.gen(le), lt, INT);
      const r = this.convert(this.gen(re), rt, INT);
      const pred = eqOp ?? { "<": "slt", "<=": "sle", ">": "sgt", ">=": "sge" }[op]!;
      return b.icmp(pred, l, r);
    }
    const l = this.asF64(le);
    const r = this.asF64(re);
    const pred = {
      "<": "olt",
      "<=": "ole",
      ">": "ogt",
      ">=": "oge",
      eq: "oeq",
      ne: "une",
    }[eqOp ?? op]!;
    return b.fcmp(pred, l, r);
  }

  private logical(e: Expr & { kind: "logical" }, t: Type): Value {
    const { b } = this;
    if (e.op === "??") return this.as(e.left, t);
    const lv = this.as(e.left, t);
    const test = this.truthy({ kind: "$value", value: lv, type: t, range: e.range });
    const from = b.block;
    const rhs = this.fn.newBlock("logic.rhs");
    const end = this.fn.newBlock("logic.end");
    if (e.op === "&&") b.condBr(test, rhs, end);
    else b.condBr(test, end, rhs);
    b.positionAt(rhs);
    const rv = this.as(e.right, t);
    const rEnd = b.block;
    b.br(end);
    b.positionAt(end);
    return b.phi(lv.ty, [[lv, from], [rv, rEnd]]);
  }

  private noteWrite(v: Variable): void {
    const flag = this.writeFlags?.get(v);
    if (flag) this.b.store(int("i1", 1), flag);
  }

  /** Stores a scalar variable's new value (ToInt32 of it into an i32 slot). */
  private storeVar(v: Variable, value: Value): void {
    const slot = this.scalarSlots.get(v)!;
    this.b.store(this.narrow.has(v) ? this.b.cast("trunc", value, "i32") : value, slot);
  }

  varType(v: Variable): Type {
    return this.tf.varTypes.get(v)!;
  }

  private assign(e: Expr & { kind: "assign" }, t: Type): Value {
    const { b } = this;
    if (e.target.kind === "name") {
      const v = e.target.variable!;
      const vt = this.varType(v);
      if (isArray(vt)) {
        const src = this.array(e.value);
        const dst = this.arraySlots.get(v)!;
        b.store(src.ptr, dst.ptr);
        b.store(src.len, dst.len);
        return { ty: "void", ref: "" };
      }
      const value = e.op === "=" ? this.as(e.value, vt) : this.as(compoundOperation(e), vt);
      this.storeVar(v, value);
      this.noteWrite(v);
      return value;
    }
    // element store: evaluate array, index, then value; the expression's value is the RHS
    const { ptr, array } = elementPointer(this, e.target as Expr & { kind: "index" });
    let valueExpr: Expr | ValueExpr = e.value;
    if (e.op !== "=") {
      const old: ValueExpr = {
        kind: "$value",
        value: loadElement(this, ptr, array),
        type: elementType(array),
        range: e.range,
      };
      const opType = this.tf.exprTypes.get(compoundOperation(e))!;
      valueExpr = {
        kind: "$value",
        value: this.binary(
          { kind: "binary", op: e.op, left: old, right: e.value, range: e.range },
          opType,
        ),
        type: opType,
        range: e.range,
      };
    }
    const value = this.as(valueExpr, t);
    storeElement(this, { kind: "$value", value, type: t, range: e.range }, ptr, array);
    return value;
  }

  private update(e: Expr & { kind: "update" }, t: Type): Value {
    const { b } = this;
    const step = (v: Value) =>
      t === INT
        ? b.bin(e.op === "++" ? "add" : "sub", v, int("i64", 1))
        : b.bin(e.op === "++" ? "fadd" : "fsub", v, f64(1));
    if (e.target.kind === "name") {
      const slot = this.scalarSlots.get(e.target.variable!)!;
      const vt = this.varType(e.target.variable!);
      const old = this.convert(b.load(irType(vt), slot), vt, t);
      const next = step(old);
      b.store(this.convert(next, t, vt), slot);
      this.noteWrite(e.target.variable!);
      return e.prefix ? next : old;
    }
    const { ptr, array } = elementPointer(this, e.target as Expr & { kind: "index" });
    const old = this.convert(loadElement(this, ptr, array), elementType(array), t);
    const next = step(old);
    storeElement(this, { kind: "$value", value: next, type: t, range: e.range }, ptr, array);
    return e.prefix ? next : old;
  }

  // ---- arrays -------------------------------------------------------------------------------

  array(e: Expr): { ptr: Value; len: Value; type: ArrayType; name: string } {
    if (e.kind === "cond") {
      // `c ? a : b` between arrays of one type: the chosen array's pointer and length
      const { b } = this;
      const arms = [this.fn.newBlock("cond.then"), this.fn.newBlock("cond.else")];
      const end = this.fn.newBlock("cond.end");
      b.condBr(this.truthy(e.test), arms[0], arms[1]);
      const picked = [e.then, e.else].map((x, k) => {
        b.positionAt(arms[k]);
        const a = this.array(x);
        const from = b.block;
        b.br(end);
        return { ...a, from };
      });
      b.positionAt(end);
      const [t, f] = picked;
      return {
        ptr: b.phi("ptr", [[t.ptr, t.from], [f.ptr, f.from]]),
        len: b.phi("i64", [[t.len, t.from], [f.len, f.from]]),
        type: t.type,
        name: `${t.name} or ${f.name}`,
      };
    }
    if (e.kind !== "name" || !e.variable || !this.arraySlots.has(e.variable)) {
      return this.compileError("only array variables can be indexed", "array expression", e.range);
    }
    const s = this.arraySlots.get(e.variable)!;
    return {
      ptr: this.b.load("ptr", s.ptr),
      len: this.b.load("i64", s.len),
      type: this.varType(e.variable) as ArrayType,
      name: e.name,
    };
  }

  // ---- calls --------------------------------------------------------------------------------

  /** A call to another jitted function: a native call; its error status propagates. */
  private directCall(e: Expr & { kind: "call" }): Value {
    const { b } = this;
    const callee = this.opts.program!.get(this.tf.calls.get(e)!)!;
    const args: Value[] = [this.ctx];
    callee.tf.argTypes.forEach((t, i) => {
      if (isArray(t)) {
        const a = this.array(e.args[i]);
        args.push(a.ptr, a.len);
      } else args.push(this.as(e.args[i], t));
    });
    const r = b.call(irType(callee.tf.returnType), callee.symbol, args);
    const status = b.load("double", b.gep("double", this.ctx, int("i64", Ctx.status)));
    const ok = this.fn.newBlock("call.ok");
    const bad = this.fn.newBlock("call.err");
    b.condBr(b.fcmp("oeq", status, f64(0)), ok, bad, [1048576, 1]);
    b.positionAt(bad);
    b.ret(this.zeroOf(this.retTy));
    b.positionAt(ok);
    return r;
  }

  private call(e: Expr & { kind: "call" }, t: Type): Value {
    const c = e.callee;
    if (c.kind === "name" && c.global?.kind === "function") return this.directCall(e);
    if (c.kind === "name" && !c.variable && !c.global) {
      const v = threadCall(this, e);
      if (v) return v;
    }
    return builtinCall(this, e, t);
  }

  // ---- statements ---------------------------------------------------------------------------

  deadBlock(): void {
    this.b.positionAt(this.fn.newBlock("dead"));
  }

  stmt(s: Stmt): void {
    const red = this.minmax.get(s);
    if (red) return minMaxStep(this, red);
    const loop = s.kind === "for" || s.kind === "while" || s.kind === "doWhile" ||
      s.kind === "forOf";
    if (!loop || !emitWithMinMax(this, s, () => this.stmtOf(s))) this.stmtOf(s);
  }

  private stmtOf(s: Stmt): void {
    const { b } = this;
    switch (s.kind) {
      case "decl":
        for (const d of s.decls) {
          const v = d.variable!;
          const vt = this.varType(v);
          if (isArray(vt)) {
            if (d.init) {
              this.assign({
                kind: "assign",
                op: "=",
                target: { kind: "name", name: v.name, variable: v, range: d.range },
                value: d.init,
                range: d.range,
              }, vt);
            }
          } else if (d.init) this.storeVar(v, this.as(d.init, vt));
          else if (s.declKind !== "var") {
            this.storeVar(v, this.zeroOf(irType(vt))!);
          }
        }
        return;
      case "expr":
        this.gen(s.expr);
        return;
      case "if": {
        const thenB = this.fn.newBlock("if.then");
        const end = this.fn.newBlock("if.end");
        const elseB = s.else ? this.fn.newBlock("if.else") : end;
        b.condBr(this.truthy(s.test), thenB, elseB);
        b.positionAt(thenB);
        this.stmt(s.then);
        b.br(end);
        if (s.else) {
          b.positionAt(elseB);
          this.stmt(s.else);
          b.br(end);
        }
        b.positionAt(end);
        return;
      }
      case "for":
        if (s.init) this.stmt(s.init);
        this.versioned(s, () => this.forLoop(s));
        return;
      case "forOf":
        return this.rangeLoop(s);
      case "doWhile":
        if (this.countdown(s)) return;
        return this.plainLoop(s);
      case "while":
        return this.plainLoop(s);
      case "break":
      case "continue": {
        const target = this.loops.slice().reverse().find((l) =>
          s.label
            ? l.label === s.label && (s.kind === "break" || l.cont)
            : s.kind === "break" || l.cont
        );
        const dest = s.kind === "break" ? target?.brk : target?.cont;
        if (!dest) {
          this.compileError(
            `'${s.kind}' outside of a loop${s.label ? ` labeled ${s.label}` : ""}`,
            s.kind,
            s.range,
          );
        }
        b.br(dest!);
        this.deadBlock();
        return;
      }
      case "return": {
        if (this.retTy === "void") {
          if (s.value) this.gen(s.value);
          b.ret();
        } else b.ret(this.as(s.value!, this.tf.returnType));
        this.deadBlock();
        return;
      }
      case "block":
        s.body.forEach((x) => this.stmt(x));
        return;
      case "labeled": {
        const end = this.fn.newBlock("label.end");
        this.loops.push({ label: s.label, brk: end });
        this.stmt(s.body);
        this.loops.pop();
        b.br(end);
        b.positionAt(end);
        return;
      }
      case "switch":
        return this.switchStmt(s);
      case "empty":
        return;
    }
  }

  private forLoop(s: Stmt & { kind: "for" }): void {
    const { b } = this;
    const head = this.fn.newBlock("for.head");
    const body = this.fn.newBlock("for.body");
    const next = this.fn.newBlock("for.next");
    const end = this.fn.newBlock("for.end");
    b.br(head);
    b.positionAt(head);
    if (s.test) b.condBr(this.truthy(s.test), body, end);
    else b.br(body);
    b.positionAt(body);
    this.loops.push({ label: s.label, brk: end, cont: next });
    this.stmt(s.body);
    this.loops.pop();
    b.br(next);
    b.positionAt(next);
    if (s.update) this.gen(s.update);
    b.br(head);
    b.positionAt(end);
  }

  /** for (const i of range(start, stop, step)) */
  private rangeLoop(s: Stmt & { kind: "forOf" }): void {
    if (s.iter === "prange" && !this.chunk) return lowerPrange(this, s);
    const { b } = this;
    const v = s.decl.variable!;
    const vt = this.varType(v);
    const [a0, a1, a2] = s.args;
    const k = a2 ? constantValue(a2) : 1;
    // A prange nested in a chunk runs here, serially, over prange's exact iteration space; an
    // integer range with a step other than ±1 counts its iterations too (stepping the value could
    // pass the int64 limit). Such a loop counts j and its variable is start + j * step.
    let space = s.iter === "prange" ? rangeSpace(this, s) : undefined;
    const bound = (e: Expr) => this.as(e, vt);
    const start = space?.start ?? (a1 ? bound(a0) : (vt === INT ? int("i64", 0) : f64(0)));
    let stop = space ? space.count : bound(a1 ?? a0);
    const step = space?.step ?? (a2 ? bound(a2) : (vt === INT ? int("i64", 1) : f64(1)));
    if (!space && (k === undefined || k === 0)) {
      const nz = vt === INT ? b.icmp("ne", step, int("i64", 0)) : b.fcmp("one", step, f64(0));
      this.guard(nz, Status.zeroStep, a2!.range, undefined, undefined, s.iter);
    }
    if (!space && vt === INT && k !== 1 && k !== -1) {
      space = { start, step, count: intTripCount(this, start, stop, step) };
      stop = space.count;
    }
    const counter = b.alloca(irType(vt), `${v.name}.next`);
    const emitLoop = () => {
      b.store(space ? int("i64", 0) : start, counter);
      const head = this.fn.newBlock("range.head");
      const body = this.fn.newBlock("range.body");
      const next = this.fn.newBlock("range.next");
      const end = this.fn.newBlock("range.end");
      b.br(head);
      b.positionAt(head);
      const cur = b.load(irType(vt), counter);
      const cmp = (pred: "lt" | "gt") =>
        vt === INT ? b.icmp("s" + pred, cur, stop) : b.fcmp("o" + pred, cur, stop);
      let go: Value;
      if (space || (k !== undefined && k !== 0)) go = cmp(space || k! > 0 ? "lt" : "gt");
      else {
        const up = vt === INT ? b.icmp("sgt", step, int("i64", 0)) : b.fcmp("ogt", step, f64(0));
        go = b.select(up, cmp("lt"), cmp("gt"));
      }
      b.condBr(go, body, end);
      b.positionAt(body);
      const value = space ? b.bin("add", start, b.bin("mul", cur, step)) : cur;
      b.store(value, this.scalarSlots.get(v)!);
      this.loops.push({ label: s.label, brk: end, cont: next });
      this.stmt(s.body);
      this.loops.pop();
      b.br(next);
      b.positionAt(next);
      if (vt !== INT) b.store(b.bin("fadd", cur, step), counter);
      else {
        // the test just passed: one more step (of ±1, or of the count) stays inside int64
        b.store(b.bin("add", cur, space ? int("i64", 1) : step), counter);
      }
      b.br(head);
      b.positionAt(end);
    };
    const loop = k === 1 && vt === INT && this.opts.boundscheck
      ? findCountedLoop({ kind: "forOf", variable: v, body: s.body }, this.tf)
      : undefined;
    if (!loop) return emitLoop();
    const end = space ? checkedOp(this, "add", start, stop) : { value: stop, bad: int("i1", 0) };
    emitVersions(this, start, end, loop.accesses, emitLoop);
  }

  /** A `while` or `do … while` loop as written. */
  private plainLoop(s: Stmt & { kind: "while" | "doWhile" }): void {
    const { b } = this;
    const head = this.fn.newBlock(s.kind === "while" ? "while.head" : "do.test");
    const body = this.fn.newBlock(s.kind === "while" ? "while.body" : "do.body");
    const end = this.fn.newBlock(s.kind === "while" ? "while.end" : "do.end");
    b.br(s.kind === "while" ? head : body);
    b.positionAt(head);
    b.condBr(this.truthy(s.test), body, end);
    b.positionAt(body);
    this.loops.push({ label: s.label, brk: end, cont: head });
    this.stmt(s.body);
    this.loops.pop();
    b.br(head);
    b.positionAt(end);
  }

  /**
   * A countdown `do … while (--n)` indexing `a[x++]` runs in versions: unchecked when
   * x0 + n0 <= a.length with n0 >= 1 (then it runs at most n0 times), checked otherwise.
   */
  private countdown(s: Stmt & { kind: "doWhile" }): boolean {
    const loop = this.opts.boundscheck ? findCountdownLoop(s, this.tf) : undefined;
    if (!loop) return false;
    const { b } = this;
    const n = b.load("i64", this.scalarSlots.get(loop.counter)!);
    const lo = b.load("i64", this.scalarSlots.get(loop.pointer)!);
    const hi = checkedOp(this, "add", lo, n);
    hi.bad = b.bin("or", hi.bad, b.icmp("slt", n, int("i64", 1)));
    emitVersions(this, lo, hi, [loop.access], () => this.plainLoop(s));
    return true;
  }

  /** An innermost counted `for` loop runs in versions (_versions.ts) when it has a known end. */
  private versioned(s: Stmt & { kind: "for" }, emit: () => void): void {
    const loop = findCountedLoop(s, this.tf);
    const hi = loop && loopEnd(this, loop);
    if (!loop || !hi) return emit();
    const lo = this.b.load("i64", this.scalarSlots.get(loop.variable)!);
    // a streaming copy leaves the counter at the end: only right for a step of 1
    const plan = loop.step === 1 ? streamingPlan(s, loop, this.tf) : undefined;
    emitVersions(this, lo, hi, loop.accesses, emit, plan && streamingCopy(this, plan));
  }

  private switchStmt(s: Stmt & { kind: "switch" }): void {
    const { b } = this;
    const dt = this.typeOf(s.disc);
    const dv: ValueExpr = {
      kind: "$value",
      value: this.gen(s.disc),
      type: dt,
      range: s.disc.range,
    };
    const end = this.fn.newBlock("switch.end");
    const bodies = s.cases.map(() => this.fn.newBlock("switch.case"));
    let defaultIdx = -1;
    s.cases.forEach((c, i) => {
      if (!c.test) {
        defaultIdx = i;
        return;
      }
      const next = this.fn.newBlock("switch.test");
      b.condBr(this.compare("===", dv, c.test), bodies[i], next);
      b.positionAt(next);
    });
    b.br(defaultIdx >= 0 ? bodies[defaultIdx] : end);
    this.loops.push({ brk: end });
    s.cases.forEach((c, i) => {
      b.positionAt(bodies[i]);
      c.body.forEach((x) => this.stmt(x));
      b.br(i + 1 < bodies.length ? bodies[i + 1] : end);
    });
    this.loops.pop();
    b.positionAt(end);
  }
}

/**
 * Lowers one specialization and every jitted function it calls (`all`, from inferProgram) to a
 * module of internal functions, plus an entry wrapper for the root that the trampolines call:
 * `double entry(ptr array0, ..., ptr ctx)`.
 */
export function lowerProgram(
  root: TypedFunction,
  all: TypedFunction[],
  prefix: string,
): LoweredModule {
  const mod = new IRModule();
  const sites: ErrorSite[] = [];
  const program = new Map<string, { tf: TypedFunction; symbol: string }>();
  all.forEach((f, i) => {
    const name = (f.ast.name || "anonymous").replace(/[^\w$]/g, "_");
    program.set(f.key, { tf: f, symbol: f === root ? prefix : `${prefix}.${i}.${name}` });
  });
  const recursive = recursiveKeys(all);
  for (const { tf: f, symbol } of program.values()) {
    const lower = (t: TypedFunction, name: string) =>
      new FunctionLowering(t, mod, name, sites, { ...f.fn.options, program, recursive }).lower();
    if (!f.tiers?.length) lower(f, symbol);
    else {
      f.tiers.forEach((t, k) => lower(t.tf, tierSymbol(symbol, k)));
      lower(f, tierSymbol(symbol, f.tiers.length));
      const fromJsOnly = f === root && !f.fn.options.declared &&
        !all.some((g) => calleeKeys(g).includes(f.key));
      emitTierDispatch(mod, f, symbol, fromJsOnly);
    }
  }
  const entryName = emitEntry(mod, root, prefix, recursive.size > 0);
  const parallel = mod.functions.some((f) => f.name.includes(".prange")) || needsPool(mod);
  const ir = JSOPS_DECLS + mod.render() + JSOPS_IR + FAIL_IR;
  return {
    ir,
    entryName,
    sites,
    parallel,
    parallelReport: parallelReport(mod),
    runtime: parallel || recursive.size > 0,
  };
}

// Stage 4: typed function → LLVM IR text. Locals live in stack slots (LLVM's mem2reg makes them
// registers); every JS conversion rule is spelled out here or in _jsops.ts.
import { assertNever, CompileError, type Range, type SourceInfo } from "../diagnostics.ts";
import type { Expr, Stmt, Variable } from "../frontend/ast.ts";
import type { MFunction, MStmt } from "../mir/ir.ts";
import {
  type Block,
  Builder,
  f64,
  int,
  IRFunction,
  type IRModule,
  type IRType,
  type Value,
} from "../ir/mod.ts";
import type { TypedFunction } from "../types/infer.ts";
import { constantValue } from "../types/literals.ts";
import { MATH_CONSTANTS, NUMBER_CONSTANTS } from "../builtins/math.ts";
import { BINARY, type BinaryOperator, binaryOperator, UNARY } from "../builtins/operators.ts";
import {
  type ArrayType,
  BOOL,
  F32,
  F64,
  INT,
  INTZ,
  isArray,
  isInt,
  type Type,
} from "../types/types.ts";
import { irType, partsOf } from "../types/layout.ts";
import { stackRoomLeft, storeStackLimit } from "./_stack.ts";
import { elementPointer, loadElement } from "./_arrays.ts";
import { builtinCall } from "./_math.ts";
import { argParams } from "./_tiers.ts";
import type { MinMaxReduction } from "./_minmax.ts";
import { int32Slots } from "./_int32slots.ts";
import { CHUNK_PARAMS, type ChunkSetup, lowerChunk, threadCall } from "./_parallel.ts";
import { lowerStmt } from "./_statements.ts";
import { lowerAssign, lowerUpdate } from "./_assign.ts";
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

  /** Lowers `mir`, the function's IR (a chunk lowers its loop's, from its setup). */
  lower(mir?: MFunction): void {
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
    mir!.body.forEach((m) => this.stmt(m));
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
    const o = e.kind === "binary" ? binaryOperator(e.op) : undefined;
    if (e.kind === "binary" && o?.wraps32 && isInt(t)) {
      if (isInt(this.typeOf(e.left)) && isInt(this.typeOf(e.right))) {
        return o.int!(this.b, this.toInt32(e.left), this.toInt32(e.right));
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
        const o = UNARY[e.op];
        if (o.operand === "truthy") return o.int(b, this.truthy(e.operand));
        if (o.operand === "int32") return o.int(b, this.toInt32(e.operand));
        if (isInt(t)) return o.int(b, this.asInt(e.operand));
        return this.genFloat(e);
      }
      case "binary":
        return this.binary(e, t);
      case "logical":
        return this.logical(e, t);
      case "cond":
        return this.conditional(e, t);
      case "assign":
        return lowerAssign(this, e, t);
      case "update":
        return lowerUpdate(this, e, t);
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
      default:
        return assertNever(e);
    }
  }

  /** An intz-typed (or float) arithmetic expression computed in doubles. */
  genFloat(e: Expr): Value {
    const { b } = this;
    switch (e.kind) {
      case "unary": {
        const float = UNARY[e.op].float;
        if (float) return float(b, this.asF64(e.operand));
        break;
      }
      case "binary":
        return this.floatOp(e.op, this.asF64(e.left), () => this.asF64(e.right));
      case "cond":
        return this.conditional(e, F64);
      case "comma":
        e.exprs.slice(0, -1).forEach((x) => this.gen(x));
        return this.asF64(e.exprs[e.exprs.length - 1]);
      case "call":
        // Math.sign of an intz: its float lowering keeps the sign of zero
        if (e.callee.kind === "member") return builtinCall(this, e, F64);
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

  /** `l op r` on doubles (the right operand generated after the left). */
  private floatOp(op: string, l: Value, rightF: () => Value): Value {
    const lower = binaryOperator(op)?.float;
    if (!lower) throw new Error(`tsjit internal error: float op ${op}`);
    return lower(this.b, l, rightF(), this.fastFlags());
  }

  binary(
    e: Expr & { kind: "binary" } | {
      kind: "binary";
      op: string;
      left: Expr | ValueExpr;
      right: Expr | ValueExpr;
      range: Range;
    },
    t: Type,
  ): Value {
    const o = binaryOperator(e.op);
    if (o?.kind === "compare") return this.compare(o, e.left, e.right);
    if (o?.kind === "bitwise") return o.int!(this.b, this.toInt32(e.left), this.toInt32(e.right));
    if (isInt(t)) {
      if (!o?.int) throw new Error(`tsjit internal error: int op ${e.op}`);
      const [l, r] = [this.asInt(e.left), this.asInt(e.right)];
      const ranges = this.tf.ranges;
      return o.int(this.b, l, r, ranges?.get(e.left as Expr), ranges?.get(e.right as Expr));
    }
    return this.floatOp(e.op, this.asF64(e.left), () => this.asF64(e.right));
  }

  compare(o: BinaryOperator, le: Expr | ValueExpr, re: Expr | ValueExpr): Value {
    const { b } = this;
    const lt = this.typeOf(le);
    const rt = this.typeOf(re);
    const strict = o === BINARY["==="] || o === BINARY["!=="];
    const eq = o.icmp === "eq" || o.icmp === "ne";
    if (strict && (lt === BOOL) !== (rt === BOOL)) {
      this.gen(le), this.gen(re);
      return int("i1", o.icmp === "ne" ? 1 : 0);
    }
    const intLike = (t: Type) => isInt(t) || t === BOOL;
    if (lt === BOOL && rt === BOOL && eq) return b.icmp(o.icmp!, this.gen(le), this.gen(re));
    if (intLike(lt) && intLike(rt)) {
      const l = this.convert(this.gen(le), lt, INT);
      const r = this.convert(this.gen(re), rt, INT);
      return b.icmp(o.icmp!, l, r);
    }
    const l = this.asF64(le);
    const r = this.asF64(re);
    return b.fcmp(o.fcmp!, l, r);
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

  noteWrite(v: Variable): void {
    const flag = this.writeFlags?.get(v);
    if (flag) this.b.store(int("i1", 1), flag);
  }

  /** Stores a scalar variable's new value (ToInt32 of it into an i32 slot). */
  storeVar(v: Variable, value: Value): void {
    const slot = this.scalarSlots.get(v)!;
    this.b.store(this.narrow.has(v) ? this.b.cast("trunc", value, "i32") : value, slot);
  }

  /** A scalar variable's value in its type's IR type (an i32 slot's sign-extended). */
  loadVar(v: Variable): Value {
    const slot = this.scalarSlots.get(v)!;
    if (this.narrow.has(v)) return this.b.cast("sext", this.b.load("i32", slot), "i64");
    return this.b.load(irType(this.varType(v)), slot);
  }

  varType(v: Variable): Type {
    return this.tf.varTypes.get(v)!;
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

  stmt(m: MStmt): void {
    lowerStmt(this, m);
  }
}

/**
 * A small builder of LLVM IR text, in the manner of llvmlite.ir: pure TypeScript, no FFI. The
 * compiler lowers typed functions through it; compiler/llvm/ parses the text it renders.
 *
 * @module
 */

/** The LLVM types tsjit emits (opaque pointers: LLVM 15 and later), vectors included. */
export type IRType =
  | "double"
  | "float"
  | "i64"
  | "i32"
  | "i16"
  | "i8"
  | "i1"
  | "ptr"
  | "void"
  | `<${number} x ${"double" | "i64"}>`;

/** An SSA value or constant: its type and how IR text refers to it. */
export interface Value {
  readonly ty: IRType;
  readonly ref: string;
  /** parameter attributes, for a function's parameters (`noalias`) */
  readonly attrs?: string;
}

const f64View = new Float64Array(1);
const u64View = new BigUint64Array(f64View.buffer);

/** A `double` constant, spelled in hex so that every bit (NaN, -0) survives the text. */
export function f64(v: number): Value {
  f64View[0] = v;
  return { ty: "double", ref: "0x" + u64View[0].toString(16).toUpperCase().padStart(16, "0") };
}

/** An integer constant of the given width. */
export function int(ty: IRType, v: number | bigint): Value {
  return { ty, ref: ty === "i1" ? (v ? "true" : "false") : BigInt(v).toString() };
}

/** A basic block: a label and its instructions. */
export class Block {
  readonly lines: string[] = [];
  terminated = false;
  constructor(readonly label: string) {}
}

/** A function definition being built. */
export class IRFunction {
  readonly blocks: Block[] = [];
  readonly allocas: string[] = [];
  private counter = 0;
  private labels = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly retTy: IRType,
    readonly params: Value[],
    readonly attrs = "",
    readonly linkage = "",
  ) {}

  /** A fresh local name. */
  tmp(hint = "t"): string {
    return `%${hint}.${this.counter++}`;
  }

  /** Appends a new block whose label starts with `hint`. */
  newBlock(hint: string): Block {
    const n = this.labels.get(hint) ?? 0;
    this.labels.set(hint, n + 1);
    const b = new Block(n ? `${hint}.${n}` : hint);
    this.blocks.push(b);
    return b;
  }

  render(): string {
    const ps = this.params.map((p) => `${p.ty}${p.attrs ? " " + p.attrs : ""} ${p.ref}`).join(", ");
    const body = this.blocks.map((b, i) => {
      const lines = i === 0 ? [...this.allocas, ...b.lines] : b.lines;
      const term = b.terminated ? [] : ["  unreachable"];
      return `${b.label}:\n${[...lines, ...term].join("\n")}`;
    });
    const link = this.linkage ? this.linkage + " " : "";
    return `define ${link}${this.retTy} @${this.name}(${ps}) ${this.attrs} {\n${
      body.join("\n")
    }\n}\n`;
  }
}

/** A module: declarations, globals and function definitions. */
export class IRModule {
  private readonly decls = new Map<string, string>();
  readonly globals: string[] = [];
  readonly functions: IRFunction[] = [];

  /** Declares an external or intrinsic function once. */
  declare(name: string, retTy: IRType, params: IRType[], attrs = ""): void {
    if (!this.decls.has(name)) {
      this.decls.set(name, `declare ${retTy} @${name}(${params.join(", ")}) ${attrs}`);
    }
  }

  private metadataCount = 0;

  /**
   * A loop attachment (`!llvm.loop !N`) that tells LLVM not to vectorize or unroll the loop whose
   * back edge carries it (the loop is already in its final shape).
   */
  loopAsIs(): string {
    const id = this.metadataCount;
    this.metadataCount += 3;
    this.globals.push(
      `!${id} = distinct !{!${id}, !${id + 1}, !${id + 2}}`,
      `!${id + 1} = !{!"llvm.loop.vectorize.enable", i1 false}`,
      `!${id + 2} = !{!"llvm.loop.unroll.disable"}`,
    );
    return `!llvm.loop !${id}`;
  }

  render(): string {
    return [...this.decls.values(), ...this.globals, "", ...this.functions.map((f) => f.render())]
      .join("\n");
  }
}

type Pred = string;

/** Appends instructions at the end of a block of a function. */
export class Builder {
  block: Block;
  constructor(readonly fn: IRFunction) {
    this.block = fn.blocks[0] ?? fn.newBlock("entry");
  }

  positionAt(b: Block): void {
    this.block = b;
  }

  private emit(ty: IRType, text: string, hint?: string): Value {
    const ref = this.fn.tmp(hint);
    this.block.lines.push(`  ${ref} = ${text}`);
    return { ty, ref };
  }

  private stmt(text: string): void {
    this.block.lines.push(`  ${text}`);
  }

  /** A stack slot in the entry block (promoted to a register by LLVM's mem2reg). */
  alloca(ty: IRType, hint = "v"): Value {
    const ref = this.fn.tmp(hint);
    this.fn.allocas.push(`  ${ref} = alloca ${ty}`);
    return { ty: "ptr", ref };
  }

  load(ty: IRType, ptr: Value, hint?: string, align?: number): Value {
    return this.emit(ty, `load ${ty}, ptr ${ptr.ref}${align ? `, align ${align}` : ""}`, hint);
  }
  /** A store; `attachment` is extra text such as `!nontemporal !{i32 1}`. */
  store(v: Value, ptr: Value, align?: number, attachment?: string): void {
    const a = align ? `, align ${align}` : "";
    this.stmt(`store ${v.ty} ${v.ref}, ptr ${ptr.ref}${a}${attachment ? `, ${attachment}` : ""}`);
  }
  /** An instruction given as text after `=` (vector operations the typed helpers do not cover). */
  raw(ty: IRType, text: string, hint?: string): Value {
    return this.emit(ty, text, hint);
  }
  /** An instruction without a result, as text. */
  rawStmt(text: string): void {
    this.stmt(text);
  }
  gep(elemTy: IRType, base: Value, index: Value): Value {
    return this.emit("ptr", `getelementptr inbounds ${elemTy}, ptr ${base.ref}, i64 ${index.ref}`);
  }

  /** A two-operand instruction such as `fadd`, `add nsw`, `shl`. */
  bin(op: string, a: Value, b: Value, hint?: string): Value {
    return this.emit(a.ty, `${op} ${a.ty} ${a.ref}, ${b.ref}`, hint);
  }
  fneg(a: Value): Value {
    return this.emit(a.ty, `fneg ${a.ty} ${a.ref}`);
  }
  icmp(pred: Pred, a: Value, b: Value): Value {
    return this.emit("i1", `icmp ${pred} ${a.ty} ${a.ref}, ${b.ref}`);
  }
  fcmp(pred: Pred, a: Value, b: Value): Value {
    return this.emit("i1", `fcmp ${pred} ${a.ty} ${a.ref}, ${b.ref}`);
  }
  /** A conversion such as `sitofp`, `fptrunc`, `zext`. */
  cast(op: string, v: Value, to: IRType): Value {
    return this.emit(to, `${op} ${v.ty} ${v.ref} to ${to}`);
  }
  select(c: Value, a: Value, b: Value): Value {
    return this.emit(a.ty, `select i1 ${c.ref}, ${a.ty} ${a.ref}, ${b.ty} ${b.ref}`);
  }
  phi(ty: IRType, incoming: [Value, Block][]): Value {
    const arms = incoming.map(([v, b]) => `[ ${v.ref}, %${b.label} ]`).join(", ");
    return this.emit(ty, `phi ${ty} ${arms}`);
  }
  call(retTy: IRType, name: string, args: Value[], attrs = ""): Value {
    const text = `call ${retTy} @${name}(${args.map((a) => `${a.ty} ${a.ref}`).join(", ")})${
      attrs ? " " + attrs : ""
    }`;
    if (retTy === "void") {
      this.stmt(text);
      return { ty: "void", ref: "" };
    }
    return this.emit(retTy, text);
  }

  /** An unconditional branch; `attachment` such as a loop's `!llvm.loop !N`. */
  br(target: Block, attachment?: string): void {
    if (this.block.terminated) return;
    this.stmt(`br label %${target.label}${attachment ? `, ${attachment}` : ""}`);
    this.block.terminated = true;
  }
  condBr(c: Value, t: Block, f: Block, weights?: [number, number]): void {
    if (this.block.terminated) return;
    const md = weights ? `, !prof !{!"branch_weights", i32 ${weights[0]}, i32 ${weights[1]}}` : "";
    this.stmt(`br i1 ${c.ref}, label %${t.label}, label %${f.label}${md}`);
    this.block.terminated = true;
  }
  ret(v?: Value): void {
    if (this.block.terminated) return;
    this.stmt(v ? `ret ${v.ty} ${v.ref}` : "ret void");
    this.block.terminated = true;
  }
}

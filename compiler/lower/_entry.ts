// The entry ABI: the wrapper the trampolines (or a cached library's symbol) call, and the
// failure routine compiled code uses to report a runtime error.
import { Builder, f64, int, IRFunction, type IRModule, type Value } from "../ir/mod.ts";
import type { TypedFunction } from "../types/infer.ts";
import { BOOL, F32, INT, isArray, VOID } from "../types/types.ts";
import { irType } from "../types/layout.ts";
import { Ctx, CTX_HEADER } from "../runtime/abi.ts";
import { storeStackLimit } from "./_stack.ts";

/**
 * Adds `double <symbol>.entry(ptr array0, ..., ptr ctx)`: reads the scalar arguments and array
 * lengths from the context block, clears the status, sets the stack limit when the module has
 * recursion, calls `symbol`, returns the result as a double. Returns the entry's name.
 */
export function emitEntry(
  mod: IRModule,
  tf: TypedFunction,
  symbol: string,
  recursion: boolean,
): string {
  const arrays = tf.argTypes.filter(isArray).length;
  const params: Value[] = [];
  for (let i = 0; i < arrays; i++) params.push({ ty: "ptr", ref: `%a${i}` });
  // the context block is memory of its own (never an array's): stores to arrays leave its
  // status alone, so status checks after inlined calls fold away and loops vectorize
  params.push({ ty: "ptr", ref: "%ctx", attrs: "noalias" });
  const entryName = `${symbol}.entry`;
  const wrapper = new IRFunction(entryName, "double", params, "nounwind");
  mod.functions.push(wrapper);
  const b = new Builder(wrapper);
  const ctx = params[arrays];
  const slot = (k: number) => b.gep("double", ctx, int("i64", k));
  b.store(f64(0), slot(Ctx.status));
  b.store(f64(0), slot(Ctx.thread));
  if (recursion) storeStackLimit(mod, b, ctx);
  const args: Value[] = [ctx];
  let arrayNo = 0;
  tf.argTypes.forEach((t, i) => {
    const raw = b.load("double", slot(CTX_HEADER + i));
    if (isArray(t)) args.push(params[arrayNo++], b.cast("fptosi", raw, "i64"));
    else if (t === INT) args.push(b.cast("fptosi", raw, "i64"));
    else if (t === BOOL) args.push(b.fcmp("one", raw, f64(0)));
    else if (t === F32) args.push(b.cast("fptrunc", raw, "float")); // exact: the guard checked
    else args.push(raw);
  });
  const r = b.call(irType(tf.returnType), symbol, args);
  const rt = tf.returnType;
  if (rt === VOID) b.ret(f64(0));
  else if (rt === INT) b.ret(b.cast("sitofp", r, "double"));
  else if (rt === BOOL) b.ret(b.cast("uitofp", r, "double"));
  else if (rt === F32) b.ret(b.cast("fpext", r, "double"));
  else b.ret(r);
  return entryName;
}

/** tsjit.fail(ctx, code, index, length, site): records an error in the context block. */
export const FAIL_IR = `
define internal void @tsjit.fail(ptr %ctx, i32 %code, double %i, i64 %len, i32 %site) noinline cold nounwind {
  %p1 = getelementptr double, ptr %ctx, i64 ${Ctx.status}
  %p2 = getelementptr double, ptr %ctx, i64 ${Ctx.index}
  %p3 = getelementptr double, ptr %ctx, i64 ${Ctx.site}
  %p4 = getelementptr double, ptr %ctx, i64 ${Ctx.length}
  %c = sitofp i32 %code to double
  %s = sitofp i32 %site to double
  %l = sitofp i64 %len to double
  store double %c, ptr %p1
  store double %i, ptr %p2
  store double %s, ptr %p3
  store double %l, ptr %p4
  ret void
}`;

// A function compiled per size tier of its integer arguments (types/tiers.ts): each tier is its
// own internal function, and the function's symbol becomes a dispatcher that calls the
// narrowest tier the arguments fit.
import { Builder, int, IRFunction, type IRModule, type Value } from "../ir/mod.ts";
import type { TypedFunction } from "../types/infer.ts";
import { irType, partsOf } from "../types/layout.ts";
import { INT32 } from "../types/ranges.ts";

/** The IR parameters of a compiled function: the context block, then each argument. */
export function argParams(tf: TypedFunction): Value[] {
  const params: Value[] = [{ ty: "ptr", ref: "%ctx" }];
  tf.argTypes.forEach((t, i) => {
    for (const p of partsOf(t)) params.push({ ty: p.ir, ref: `%p${i}${p.suffix}` });
  });
  return params;
}

/** The specializations a function calls, from any of its tiers. */
export function calleeKeys(f: TypedFunction): string[] {
  return [f, ...(f.tiers ?? []).map((t) => t.tf)].flatMap((t) => [...t.calls.values()]);
}

/** The name of tier `k` (the general one is `tiers.length`) of `symbol`. */
export const tierSymbol = (symbol: string, k: number) => `${symbol}.tier${k}`;

/**
 * Adds `symbol`: calls the first tier whose integer-argument interval holds every argument.
 * `int32Args`: only JS calls it, with int32 integers (not a declared signature), so the tier
 * for int32 is the last one needed (LLVM then drops the general one unseen).
 */
export function emitTierDispatch(
  mod: IRModule,
  tf: TypedFunction,
  symbol: string,
  int32Args: boolean,
): void {
  const params = argParams(tf);
  const retTy = irType(tf.returnType);
  const fn = new IRFunction(symbol, retTy, params, "nounwind", "internal");
  mod.functions.push(fn);
  const b = new Builder(fn);
  const ints = params.filter((p) => p.ty === "i64" && !p.ref.endsWith(".len"));
  const call = (k: number) => {
    const r = b.call(retTy, tierSymbol(symbol, k), params);
    if (retTy === "void") b.ret();
    else b.ret(r);
  };
  const tiers = tf.tiers!;
  const last = int32Args
    ? tiers.findIndex((t) => t.args.lo === INT32.lo && t.args.hi === INT32.hi)
    : -1;
  tiers.slice(0, last < 0 ? tiers.length : last).forEach((tier, k) => {
    let fits: Value = int("i1", 1);
    for (const p of ints) {
      // lo <= p <= hi as one unsigned compare: p - lo <= hi - lo
      const d = b.bin("sub", p, int("i64", tier.args.lo));
      fits = b.bin("and", fits, b.icmp("ule", d, int("i64", tier.args.hi - tier.args.lo)));
    }
    const yes = fn.newBlock("tier.take");
    const no = fn.newBlock("tier.next");
    b.condBr(fits, yes, no);
    b.positionAt(yes);
    call(k);
    b.positionAt(no);
  });
  call(last < 0 ? tiers.length : last);
}

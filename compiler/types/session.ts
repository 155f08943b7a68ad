// Inference of a whole program: each (function, argument types) once, recursion included.
import { CompileError } from "../diagnostics.ts";
import type { CompilableFunction } from "../frontend/ast.ts";
import { inferTypes, specializationKey, type TypedFunction } from "./infer.ts";
import { ANY_INT, narrowerTiers } from "./tiers.ts";
import type { Interval } from "./intervals.ts";
import { NEVER, type Type } from "./types.ts";

/**
 * Inference over a call graph: each (function, argument types) once, recursion included. A
 * recursive call sees its callee's return type as estimated so far (`int` at first); when the
 * final type differs from what a call assumed, the whole graph is inferred again.
 */
export class InferSession {
  readonly done = new Map<string, TypedFunction>();
  private readonly active = new Set<string>();
  private readonly assumed = new Map<string, Type>();
  unstable = false;
  constructor(readonly estimates = new Map<string, Type>()) {}

  infer(fn: CompilableFunction, argTypes: Type[]): TypedFunction {
    const key = specializationKey(fn, argTypes);
    const known = this.done.get(key);
    if (known) return known;
    const p = fn.parsed();
    this.active.add(key);
    const run = (args: Interval) => inferTypes(p.ast, p.resolved, argTypes, p.src, this, fn, args);
    const tf = run(ANY_INT);
    const assumed = this.assumed.get(key);
    if (assumed !== undefined && assumed !== tf.returnType) this.unstable = true;
    this.estimates.set(key, tf.returnType);
    tf.tiers = narrowerTiers(tf, run);
    this.active.delete(key);
    this.done.set(key, tf);
    return tf;
  }

  returnTypeOf(fn: CompilableFunction, argTypes: Type[]): Type {
    const key = specializationKey(fn, argTypes);
    if (this.active.has(key)) {
      const t = this.estimates.get(key) ?? NEVER;
      this.assumed.set(key, t);
      return t;
    }
    return this.infer(fn, argTypes).returnType;
  }
}

/** Infers `root` for `argTypes` and every jitted function it calls, transitively. */
export function inferProgram(
  root: CompilableFunction,
  argTypes: Type[],
): { root: TypedFunction; all: TypedFunction[] } {
  let estimates = new Map<string, Type>();
  for (let round = 0; round < 8; round++) {
    const session = new InferSession(estimates);
    const tf = session.infer(root, argTypes);
    if (!session.unstable) {
      const all = [...session.done.values()];
      const endless = all.find((f) => f.returnType === NEVER);
      if (endless) {
        throw new CompileError(
          "this function's return type cannot be found: it only returns results of recursive calls",
          "recursion",
          endless.ast.range,
          endless.src,
        );
      }
      return { root: tf, all };
    }
    estimates = session.estimates;
  }
  const p = root.parsed();
  throw new CompileError(
    "the return type of this recursive function does not settle; make every return the same type",
    "recursion",
    p.ast.range,
    p.src,
  );
}

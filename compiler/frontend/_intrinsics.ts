// Math and Number as they were when tsjit loaded. Compiled code computes Math.sqrt and friends
// natively, so a body may use them only while they are still the built-ins: a function the user
// put in their place would be what plain JS calls (ECMA-262 lets any script replace them).

const original = { Math, Number } as const;
const members = {
  Math: new Map(Object.getOwnPropertyNames(Math).map((k) => [k, Reflect.get(Math, k)])),
  Number: new Map(Object.getOwnPropertyNames(Number).map((k) => [k, Reflect.get(Number, k)])),
};

/**
 * Why `Math.name` (or `Number.name`) is no longer the built-in compiled code computes, if it is
 * not: the global itself or the member was replaced by user code.
 */
export function replacedBuiltin(object: "Math" | "Number", name: string): string | undefined {
  const now = Reflect.get(globalThis, object);
  if (now !== original[object]) return `${object} itself has been replaced`;
  const was = members[object].get(name);
  if (members[object].has(name) && !Object.is(Reflect.get(now, name), was)) {
    return `${object}.${name} has been replaced by user code`;
  }
  return undefined;
}

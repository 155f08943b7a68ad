// Constants that plain JS may read before they are initialized (tests/modules_test.ts): tsjit
// must refuse to fold them.
import { jit } from "../mod.ts";
export const early = jit((x: number) => x * LATE);
export const first = early(2) === 2 ? 0 : 1; // (never reached: LATE is not initialized yet)
const LATE = 3;

// Re-exports (tests/modules_test.ts): names followed through them to their declarations.
export * from "./_modules_other.ts";
export { nearlyEqual, norm as euclid } from "./_modules_helpers.ts";
export * as consts from "./_modules_consts.ts";
import { TWO_PI } from "./_modules_consts.ts";
export { TWO_PI as TAU };

/** tsjit's version; package.json and deno.json say the same (tests/package_test.ts checks). */
export const VERSION = "0.1.0";

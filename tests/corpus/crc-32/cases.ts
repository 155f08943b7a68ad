// crc-32 (Apache-2.0): SheetJS's slice-by-16 CRC-32 over buffers, binary strings and strings.
import { jit } from "../../../mod.ts";
import { fn, type Gen, type Project } from "../harness.ts";
import { bstr, buf, signed_crc_table, slice_by_16_tables, str, table } from "./crc32.js";

const seed = (g: Gen) => (g.set % 2 ? [g.u32() | 0] : []);

export const project: Project = {
  name: "crc-32",
  repo: "https://github.com/SheetJS/js-crc32",
  license: "Apache-2.0",
  jit: (f) => jit(f, { fallback: false }),
  cases: [
    fn(
      "buf",
      buf,
      ["module-table", "omitted-arg"],
      (g) => [g.u8(g.edge ? g.pick([0, 15, 16, 17]) : g.int(1, 3000)), ...seed(g)],
    ),
    fn(
      "bstr",
      bstr,
      ["module-table", "string", "omitted-arg"],
      (g) => [g.str(g.int(0, 100)), ...seed(g)],
    ),
    fn(
      "str",
      str,
      ["module-table", "string", "omitted-arg"],
      (g) => [g.str(g.int(0, 100)) + "\u{1f600}", ...seed(g)],
    ),
    fn("signed_crc_table", signed_crc_table, ["allocates", "returns-array", "typeof"], () => []),
    fn("slice_by_16_tables", slice_by_16_tables, [
      "allocates",
      "returns-array",
      "slices",
      "array-literal",
      "typeof",
    ], () => [table]),
  ],
};

// pako (MIT): zlib's checksums and Huffman-tree helpers, ported to JS.
import { jit } from "../../../mod.ts";
import { fn, type Gen, type Project } from "../harness.ts";
import adler32 from "./adler32.js";
import crc32, { makeTable } from "./crc32.js";
import {
  bi_reverse,
  d_code,
  gen_codes,
  put_short,
  send_bits,
  smaller,
  tr_static_init,
  zero,
} from "./trees.js";

tr_static_init(); // fills the module's tables, as deflate's first _tr_init does

const bytes = (g: Gen) => g.u8(g.edge ? 0 : g.int(1, 5000));
const window = (g: Gen) => {
  const buf = bytes(g);
  const pos = buf.length ? g.int(0, buf.length - 1) : 0;
  return [buf, buf.length - pos, pos];
};
const state = (g: Gen) => ({
  pending_buf: new Uint8Array(64),
  pending: g.int(0, 60),
  bi_buf: g.int(0, 0xffff),
  bi_valid: g.int(0, 16),
});

export const project: Project = {
  name: "pako",
  repo: "https://github.com/nodeca/pako",
  license: "MIT",
  jit: (f) => jit(f, { fallback: false }),
  cases: [
    fn("adler32", adler32, [], (g) => [g.edge ? 1 : g.u32() | 0, ...window(g)]),
    fn("crc32", crc32, ["module-table"], (g) => [g.edge ? 0 : g.u32() | 0, ...window(g)]),
    fn("makeTable", makeTable, ["allocates", "returns-array", "array-literal"], () => []),
    fn(
      "trees.zero",
      zero,
      [],
      (g) => [g.edge ? new Uint16Array(0) : new Uint16Array(g.ints(g.int(1, 600), 0, 65535))],
    ),
    fn("trees.bi_reverse", bi_reverse, [], (g) => [g.int(0, 0x7fff), g.int(1, 15)]),
    fn("trees.d_code", d_code, ["module-table"], (g) => [g.int(0, 32767)]),
    fn("trees.gen_codes", gen_codes, ["allocates", "calls-helper", "module-const"], (g) => {
      const max = g.int(0, 285);
      const tree = new Uint16Array(2 * (max + 1));
      const blCount = new Uint16Array(16);
      for (let n = 0; n <= max; n++) {
        const len = g.int(0, 9);
        tree[2 * n + 1] = len;
        blCount[len]++;
      }
      return [tree, max, blCount];
    }),
    fn("trees.smaller", smaller, [], (g) => [
      new Uint16Array(g.ints(20, 0, 5)),
      g.int(0, 9),
      g.int(0, 9),
      new Uint8Array(g.ints(10, 0, 3)),
    ]),
    fn("trees.put_short", put_short, ["object-arg"], (g) => [state(g), g.int(0, 0xffff)]),
    fn("trees.send_bits", send_bits, ["object-arg", "calls-helper", "module-const"], (g) => {
      const length = g.int(1, 16);
      return [state(g), g.int(0, 2 ** length - 1), length];
    }),
  ],
};

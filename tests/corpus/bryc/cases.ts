// bryc/code (public domain or MIT): PRNGs (closures over their state) and hash functions.
import { jit } from "../../../mod.ts";
import { fn, type Gen, type Project, type Tag } from "../harness.ts";
import {
  gjrand32,
  jsf32,
  mulberry32,
  mwc,
  sfc32,
  splitmix32,
  tychei,
  v3b,
  xfnv1a,
  xmur3,
  xoroshiro64ss,
  xorshift128,
  xorshift32,
  xorwow,
  xoshiro128ss,
} from "./prngs.js";
import { cyrb53, cyrb53a_beta } from "./cyrb53.js";
import { FNV0, FNV1, FNV1a, FNV1a_BM } from "./fnv.js";
import { MurmurHash3 } from "./murmurhash3.js";
import { xxHash } from "./xxhash_32.js";
import { MurmurHash1 } from "./murmurhash1.js";
import { MurmurHash2 } from "./murmurhash2.js";
import { SuperFastHash } from "./superfasthash.js";
import { lookup3 } from "./lookup3.js";
import { GoodOAAT } from "./GoodOAAT.js";
import { CityHash32 } from "./cityhash32.js";
import { Marvin32 } from "./marvin32.js";
import { HalfSipHash } from "./halfsiphash.js";
import { MurmurHash2_64B } from "./murmurhash2_64b.js";
import { MurmurHash3_x86_128 } from "./murmurhash3_128.js";

/** seeds as a caller passes them: unsigned 32-bit integers (0 in the edge set) */
const seeds = (g: Gen, n: number) => Array.from({ length: n }, () => (g.edge ? 0 : g.u32()));
const key = (g: Gen) => g.u8(g.edge ? g.pick([0, 1, 2, 3]) : g.int(1, 100));
/** odd sets pass the seed, even ones leave it to its default */
const seeded = (g: Gen, k: unknown) => (g.set % 2 ? [k, g.u32() | 0] : [k]);
/** a hash of a byte array with a default seed (given in odd sets) */
const seededHash = (name: string, f: (...a: never[]) => unknown, tags: Tag[] = []) =>
  fn(name, f, ["default-param", "omitted-arg", ...tags], (g) => seeded(g, key(g)));
/** hashes returning their words as an array literal */
const PAIR: Tag[] = ["returns-array", "array-literal", "allocates"];

export const project: Project = {
  name: "bryc",
  repo: "https://github.com/bryc/code",
  license: "public domain (MIT fallback)",
  jit: (f) => jit(f, { fallback: false }),
  cases: [
    fn("mwc", mwc, ["closure"], (g) => seeds(g, 2)),
    fn("xorshift32", xorshift32, ["closure"], (g) => seeds(g, 1)),
    fn("xorshift128", xorshift128, ["closure"], (g) => seeds(g, 4)),
    fn("xorwow", xorwow, ["closure"], (g) => seeds(g, 6)),
    fn("xoroshiro64ss", xoroshiro64ss, ["closure"], (g) => seeds(g, 2)),
    fn("xoshiro128ss", xoshiro128ss, ["closure"], (g) => seeds(g, 4)),
    fn("jsf32", jsf32, ["closure"], (g) => seeds(g, 4)),
    fn("gjrand32", gjrand32, ["closure"], (g) => seeds(g, 4)),
    fn("sfc32", sfc32, ["closure"], (g) => seeds(g, 4)),
    fn("tychei", tychei, ["closure"], (g) => seeds(g, 4)),
    fn("mulberry32", mulberry32, ["closure"], (g) => seeds(g, 1)),
    fn("splitmix32", splitmix32, ["closure"], (g) => seeds(g, 1)),
    fn("v3b", v3b, ["closure"], (g) => seeds(g, 4)),
    fn("xmur3", xmur3, ["closure", "string"], (g) => [g.str(g.int(0, 40))]),
    fn("xfnv1a", xfnv1a, ["closure", "string"], (g) => [g.str(g.int(0, 40))]),
    fn(
      "cyrb53",
      cyrb53,
      ["string", "default-param", "omitted-arg"],
      (g) => seeded(g, g.str(g.int(0, 60))),
    ),
    fn(
      "cyrb53a_beta",
      cyrb53a_beta,
      ["string", "default-param", "omitted-arg"],
      (g) => seeded(g, g.str(g.int(0, 60))),
    ),
    fn("FNV0", FNV0, [], (g) => [key(g)]),
    fn("FNV1", FNV1, [], (g) => [key(g)]),
    fn("FNV1a", FNV1a, [], (g) => [key(g)]),
    fn("FNV1a_BM", FNV1a_BM, [], (g) => [key(g)]),
    seededHash("MurmurHash3", MurmurHash3),
    seededHash("xxHash", xxHash),
    seededHash("MurmurHash1", MurmurHash1),
    seededHash("MurmurHash2", MurmurHash2),
    fn("SuperFastHash", SuperFastHash, [], (g) => [key(g)]),
    seededHash("lookup3", lookup3, PAIR),
    seededHash("GoodOAAT", GoodOAAT),
    seededHash("CityHash32", CityHash32, ["closure"]),
    seededHash("Marvin32", Marvin32),
    seededHash("HalfSipHash", HalfSipHash, PAIR),
    seededHash("MurmurHash2_64B", MurmurHash2_64B, PAIR),
    seededHash("MurmurHash3_x86_128", MurmurHash3_x86_128, [...PAIR, "closure"]),
  ],
};

// ml-distance (MIT): distance and similarity measures between two vectors.
import { jit } from "../../../mod.ts";
import { fn, type Gen, type Project } from "../harness.ts";
import { avg } from "./distances/avg.ts";
import { bhattacharyya } from "./distances/bhattacharyya.ts";
import { canberra } from "./distances/canberra.ts";
import { chebyshev } from "./distances/chebyshev.ts";
import { clark } from "./distances/clark.ts";
import { czekanowski } from "./distances/czekanowski.ts";
import { gower } from "./distances/gower.ts";
import { jaccard } from "./distances/jaccard.ts";
import { kulczynski } from "./distances/kulczynski.ts";
import { lorentzian } from "./distances/lorentzian.ts";
import { minkowski } from "./distances/minkowski.ts";
import { soergel } from "./distances/soergel.ts";
import { squaredChord } from "./distances/squaredChord.ts";
import { tanimoto } from "./distances/tanimoto.ts";
import { topsoe } from "./distances/topsoe.ts";
import { waveHedges } from "./distances/waveHedges.ts";
import { cosine } from "./similarities/cosine.ts";
import { kumarHassebrook } from "./similarities/kumarHassebrook.ts";
import { pearson } from "./similarities/pearson.ts";

/** two vectors of one length, as the library documents them (a typed array); positive for the
 * measures of distributions (logarithms, square roots), zeros among them in the edge set */
const vectors = (g: Gen, lo: number) => {
  const n = g.edge ? g.pick([0, 1, 5]) : g.int(1, 300);
  return [g.f64(n, lo, 10), g.f64(n, lo, 10)];
};
const pair = (g: Gen) => vectors(g, -10);
const positive = (g: Gen) => vectors(g, g.edge ? 0 : 0.01);

export const project: Project = {
  name: "ml-distance",
  repo: "https://github.com/mljs/distance",
  license: "MIT",
  jit: (f) => jit(f, { fallback: false }),
  cases: [
    fn("avg", avg, [], pair),
    fn("bhattacharyya", bhattacharyya, [], positive),
    fn("canberra", canberra, [], pair),
    fn("chebyshev", chebyshev, [], pair),
    fn("clark", clark, [], pair),
    fn("czekanowski", czekanowski, ["calls-helper"], positive),
    fn("gower", gower, [], pair),
    fn("jaccard", jaccard, ["calls-helper"], pair),
    fn("kulczynski", kulczynski, [], positive),
    fn("lorentzian", lorentzian, [], pair),
    fn("minkowski", minkowski, [], (g) => [...pair(g), g.pick([1, 2, 3, 0.5])]),
    fn("soergel", soergel, [], positive),
    fn("squaredChord", squaredChord, [], positive),
    fn("tanimoto", tanimoto, ["omitted-arg", "calls-helper"], positive),
    fn("topsoe", topsoe, [], positive),
    fn("waveHedges", waveHedges, [], pair),
    fn("cosine (similarity)", cosine, [], pair),
    fn("kumarHassebrook (similarity)", kumarHassebrook, [], pair),
    fn("pearson (similarity)", pearson, ["calls-helper"], pair),
  ],
};

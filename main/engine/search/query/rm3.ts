/**
 * RM3 pseudo-relevance feedback as Anserini computes it (io.anserini.rerank.lib.Rm3Reranker): the
 * top `fbDocs` results of a first BM25 pass are taken as relevant; each gives a vector of its terms'
 * counts (terms of 2-20 characters, [a-z0-9] only, in at most 10% of the rows), pruned to its
 * `fbTerms` most frequent; the relevance model weighs each term by Σ_d tf_d(t)/|d| · score(d), keeps
 * the `fbTerms` heaviest and scales them to sum 1; the query's own terms (counts scaled to sum 1) are
 * mixed in with weight `originalQueryWeight`. The second pass is a BM25 OR of every term of the mix,
 * each weighted by its share.
 */

export interface Rm3Options {
  fbDocs: number;
  fbTerms: number;
  originalQueryWeight: number;
}

export const RM3_DEFAULTS: Rm3Options = { fbDocs: 10, fbTerms: 10, originalQueryWeight: 0.5 };

export interface FeedbackDoc {
  /** The first pass's score for this row. */
  score: number;
  /** Its index terms (stemmed, as the index holds them) with their counts. */
  terms: Map<string, number>;
}

export interface WeightedTerm { term: string; weight: number }

/** Anserini's filter: 2-20 characters of [a-z0-9], held by at most 10% of the rows. */
export function feedbackTermAllowed(term: string, df: number, rows: number): boolean {
  return term.length >= 2 && term.length <= 20 && /^[a-z0-9]+$/.test(term) && df / rows <= 0.1;
}

/** The `n` heaviest entries (ties by term, so the choice does not depend on insertion order). */
function prune(v: Map<string, number>, n: number): Map<string, number> {
  return new Map([...v].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n));
}

function unitL1(v: Map<string, number>): Map<string, number> {
  const sum = [...v.values()].reduce((s, x) => s + x, 0);
  return sum > 0 ? new Map([...v].map(([t, x]) => [t, x / sum])) : v;
}

/**
 * The expanded query: `queryTerms` (the original query's index terms, repeats counting) mixed with
 * the relevance model of `docs` (best first; only the first fbDocs are used). `allowed` says whether
 * a term may be a feedback term (feedbackTermAllowed with the index's df and rows).
 */
export function rm3Expand(queryTerms: string[], docs: FeedbackDoc[], allowed: (term: string) => boolean, o: Rm3Options = RM3_DEFAULTS): {
  terms: WeightedTerm[]; feedback: WeightedTerm[];
} {
  const q = new Map<string, number>();
  for (const t of queryTerms) q.set(t, (q.get(t) ?? 0) + 1);
  const qfv = unitL1(q);
  const rm = new Map<string, number>();
  for (const d of docs.slice(0, Math.max(0, o.fbDocs))) {
    const vector = prune(new Map([...d.terms].filter(([t]) => allowed(t))), o.fbTerms);
    const norm = [...vector.values()].reduce((s, x) => s + x, 0);
    if (norm <= 0.001) continue;
    for (const [t, tf] of vector) rm.set(t, (rm.get(t) ?? 0) + (tf / norm) * d.score);
  }
  const model = unitL1(prune(rm, o.fbTerms));
  const a = o.originalQueryWeight;
  const mixed = new Map<string, number>();
  for (const t of new Set([...qfv.keys(), ...model.keys()])) mixed.set(t, a * (qfv.get(t) ?? 0) + (1 - a) * (model.get(t) ?? 0));
  const list = (v: Map<string, number>) => [...v].map(([term, weight]) => ({ term, weight })).sort((x, y) => y.weight - x.weight || (x.term < y.term ? -1 : 1));
  return { terms: list(mixed), feedback: list(model) };
}

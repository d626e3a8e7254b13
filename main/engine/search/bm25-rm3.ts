/**
 * RM3 over Delve's index (search/rm3.ts has the model): a first BM25 pass for the query, the top
 * fbDocs chunks' texts analysed as the index analyses them, feedback terms filtered by their row
 * counts, and the expanded query's terms with their weights for the second pass.
 */
import type { Db } from '../store/db.js';
import type { Bm25Memory } from './bm25-memory.js';
import { feedbackTermAllowed, rm3Expand, RM3_DEFAULTS, type Rm3Options, type WeightedTerm } from './rm3.js';

export interface Rm3Expansion {
  /** The expanded query: the original terms and the feedback terms, with their weights (sum 1). */
  terms: WeightedTerm[];
  /** The relevance model's terms alone, with their weights (sum 1). */
  feedback: WeightedTerm[];
  /** Chunks used as feedback, best first. */
  feedbackChunks: number[];
}

/** The RM3 expansion of `match` (an OR of strings), or null when it cannot be expanded (prefix queries). */
export function rm3Expansion(db: Db, ranker: Bm25Memory, match: string, weights: readonly number[], o: Partial<Rm3Options> = {}): Rm3Expansion | null {
  const opts = { ...RM3_DEFAULTS, ...o };
  const terms = ranker.queryTerms(match);
  if (!terms) return null;
  const first = ranker.topTerms(terms, weights, opts.fbDocs, { saturate: true });
  if (!first) return null;
  const texts = new Map(db.prepare('SELECT id, text FROM chunks WHERE id IN (SELECT value FROM json_each(?))').raw()
    .all(JSON.stringify(first.map((r) => r.rowid))) as [number, string][]);
  const kept = first.filter((r) => texts.has(r.rowid));
  const analysed = ranker.analyze(kept.map((r) => texts.get(r.rowid)!));
  const docs = kept.map((r, i) => {
    const v = new Map<string, number>();
    for (const t of analysed[i]!) v.set(t, (v.get(t) ?? 0) + 1);
    return { score: r.score, terms: v };
  });
  const lookup = ranker.dfLookup();
  const dfCache = new Map<string, boolean>();
  const allowed = (t: string) => {
    let ok = dfCache.get(t);
    if (ok === undefined) {
      const df = lookup.df(t);
      dfCache.set(t, ok = df > 0 && feedbackTermAllowed(t, df, lookup.rows));
    }
    return ok;
  };
  const cheap = (t: string) => t.length >= 2 && t.length <= 20 && /^[a-z0-9]+$/.test(t);
  const ex = rm3Expand(terms, docs.map((d) => ({ ...d, terms: new Map([...d.terms].filter(([t]) => cheap(t))) })), allowed, opts);
  return { terms: ex.terms, feedback: ex.feedback, feedbackChunks: kept.map((r) => r.rowid) };
}

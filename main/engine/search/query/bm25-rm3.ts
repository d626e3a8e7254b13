/**
 * RM3 over Delve's index (search/query/rm3.ts has the model): a first BM25 pass for the query, the top
 * fbDocs chunks' texts analysed as the index analyses them, feedback terms filtered by their row
 * counts, and the expanded query's terms with their weights for the second pass.
 */
import type { Db } from '../../store/db.js';
import type { Bm25Memory } from '../bm25/bm25-memory.js';
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

/**
 * The user's RM3 terms (a deep search's edited RM3 stage): an index term as it is, any other word
 * analysed as the index analyses text (its stem, or several terms), weights scaled to sum 1; terms that are not the
 * query's own are the feedback terms (also scaled to sum 1). Null when no term is left.
 */
export function editedRm3(ranker: Bm25Memory, match: string, edited: readonly WeightedTerm[]): Rm3Expansion | null {
  // A term shown by the stage is an index term already (a stem): kept as it is; other words are analysed.
  const lookup = ranker.dfLookup();
  const words = edited.map((t) => t.term.trim().toLowerCase());
  const stems = ranker.analyze(words);
  const analysed = words.map((w, i) => (/^[a-z0-9]+$/.test(w) && lookup.df(w) > 0 ? [w] : stems[i] ?? []));
  const weights = new Map<string, number>();
  edited.forEach((t, i) => {
    const parts = analysed[i] ?? [];
    for (const term of parts) if (t.weight > 0 && Number.isFinite(t.weight)) weights.set(term, (weights.get(term) ?? 0) + t.weight / parts.length);
  });
  const scaled = (v: [string, number][]): WeightedTerm[] => {
    const sum = v.reduce((s, [, w]) => s + w, 0);
    return v.map(([term, w]) => ({ term, weight: w / sum })).sort((x, y) => y.weight - x.weight || (x.term < y.term ? -1 : 1));
  };
  if (weights.size === 0) return null;
  const own = new Set(ranker.queryTerms(match) ?? []);
  const feedback = [...weights].filter(([t]) => !own.has(t));
  return { terms: scaled([...weights]), feedback: feedback.length > 0 ? scaled(feedback) : [], feedbackChunks: [] };
}

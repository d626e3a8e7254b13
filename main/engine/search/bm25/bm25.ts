/**
 * The BM25 candidate list: chunks matching an OR of the query's terms, ranked by BM25 as Lucene
 * defines it (search/bm25/bm25-index.ts; k1 and b configurable, defaults in search/RANKING.md), with a
 * repeated query term weighted 1 + ln(count). The top candidates are then re-scored with word-order
 * evidence, like a phrase boost: `score = bm25 + proximity³ × topBm25`, where proximity is the
 * share of the query's word pairs found in the chunk (search/bm25/proximity.ts) and topBm25 the best BM25
 * score among the candidates, so a chunk holding the query's exact wording outranks one that merely
 * repeats its words.
 *
 * The ranking comes from the postings held in memory where the connection has them and they are
 * current (search/bm25/bm25-memory.ts: ~1-2 ms), else from the query's own postings read from the index
 * (search/bm25/bm25-direct.ts), with the same scores. Only a prefix query (`canc*`) is ranked by FTS5's
 * bm25() (k1 1.2, b 0.75, its own idf). Chunk text is read for the top `n` only, and snippets are
 * left to hydration, which makes them for the final results.
 */
import type { Db } from '../../store/db.js';
import type { Bm25Top } from './bm25-index.js';
import { Bm25Memory, bm25MemoryOf, type RankOptions } from './bm25-memory.js';
import { bigramOverlap, bigrams } from './proximity.js';
import { editedRm3, rm3Expansion, type Rm3Expansion } from '../query/bm25-rm3.js';
import { buildFtsQuery } from '../query/query.js';
import { chunkTexts } from '../../store/chunk-texts.js';
import type { Rm3Options, WeightedTerm } from '../query/rm3.js';

/** Column weights for bm25(): chunk text, heading path. */
const WEIGHTS = [1.0, 0.5] as const;

/** A query with at least this many word pairs is a pasted passage (a sentence or more). */
export const PASSAGE_PAIRS = 8;

/**
 * How much word order counts: the bonus grows with the cube of the share of word pairs matched, so
 * a query sharing a few pairs gets little (measured over nine collections, search/RANKING.md). A
 * pasted passage (PASSAGE_PAIRS or more pairs) whose chunk holds more than 60% of its pairs gets that
 * excess on top, so it finds its own chunk first even where the page's running header or a line break
 * splits the pasted text (proximity 0.7 rather than 1).
 */
export function proximityBonus(proximity: number, top: number, pairs = 0): number {
  const pasted = pairs >= PASSAGE_PAIRS ? Math.max(0, proximity - 0.6) : 0;
  return (proximity ** 3 + pasted) * top;
}

export interface Bm25Hit {
  chunkId: number;
  /** Rank by FTS5's bm25 alone (1-based), before word-order re-scoring. */
  rawRank: number;
  /** FTS5 bm25 with its sign flipped (higher is better). */
  raw: number;
  proximity: number;
  bonus: number;
  /** raw + bonus: what the list is ordered by. */
  score: number;
}

export interface Bm25List {
  ftsQuery: string | null;
  hits: Bm25Hit[];
  /** With RM3: the expanded query that ranked the list (null when the query could not be expanded). */
  rm3?: Rm3Expansion | null;
}

/** FTS5's ranking: the best `n` rows by bm25(), best first, ties by row id. */
function ftsTop(db: Db, match: string, n: number): Bm25Top[] {
  const rows = db.prepare(`SELECT rowid, bm25(chunks_fts, ${WEIGHTS.join(', ')}) AS raw FROM chunks_fts
    WHERE chunks_fts MATCH ? ORDER BY raw, rowid LIMIT ?`).raw().all(match, Math.max(1, Math.floor(n))) as [number, number][];
  return rows.map(([rowid, raw]) => ({ rowid, score: -raw }));
}

export interface Bm25ListOptions {
  /** Rank from the index directly even where the postings are in memory (benchmarks, tests). */
  direct?: boolean;
  /** Rank with FTS5's bm25() (benchmarks: what ranking cost before the postings were held). */
  fts5Only?: boolean;
  /** Per string of a prepared MATCH: its weight. */
  boosts?: readonly number[];
  /** Expand the query with RM3 pseudo-relevance feedback (search/query/bm25-rm3.ts) and rank with the expansion. */
  rm3?: boolean | Partial<Rm3Options>;
  /** RM3 with the user's terms and weights instead of the feedback's (a deep search's edited RM3 stage). */
  rm3Terms?: readonly WeightedTerm[];
}

/** Rankers for connections without in-memory postings: they read each query's postings from the index. */
const directOnly = new WeakMap<Db, Bm25Memory>();

/** The connection's BM25 ranker: its in-memory postings, or one that reads the index per query. */
export function rankerOf(db: Db): Bm25Memory {
  let m = bm25MemoryOf(db) ?? directOnly.get(db);
  if (!m) directOnly.set(db, m = new Bm25Memory(db, { maxMb: 0 }));
  return m;
}

/** The best `n` chunks for `query` (or for a prepared MATCH expression, e.g. weighted), best first. */
export function bm25List(db: Db, query: string, n: number, prepared?: string | null, opts: Bm25ListOptions = {}): Bm25List {
  const match = prepared !== undefined && prepared !== null ? prepared : buildFtsQuery(query).match;
  if (match === null) return { ftsQuery: null, hits: [] };
  const k = Math.max(1, Math.floor(n));
  // The user's query: repeated terms saturate; a prepared expression's repeats are its weights.
  const rank: RankOptions = { direct: opts.direct, boosts: opts.boosts, saturate: prepared === undefined || prepared === null };
  const ranker = rankerOf(db);
  const rm3 = opts.fts5Only ? undefined : opts.rm3Terms ? editedRm3(ranker, match, opts.rm3Terms)
    : opts.rm3 ? rm3Expansion(db, ranker, match, WEIGHTS, opts.rm3 === true ? {} : opts.rm3) : undefined;
  const top = (opts.fts5Only ? null
    : rm3 ? ranker.topTerms(rm3.terms.map((t) => t.term), WEIGHTS, k, { direct: opts.direct, boosts: rm3.terms.map((t) => t.weight) })
      : ranker.top(match, WEIGHTS, k, rank)) ?? ftsTop(db, match, k);
  const texts = chunkTexts(db, top.map((r) => r.rowid));
  const ranked = top.filter((r) => texts.has(r.rowid)); // as the join to chunks did
  const pairs = bigrams(query);
  const best = ranked.length > 0 ? ranked[0]!.score : 0;
  const hits = ranked.map((r, i): Bm25Hit => {
    const raw = r.score;
    const proximity = bigramOverlap(pairs, texts.get(r.rowid) ?? '');
    const bonus = proximityBonus(proximity, best, pairs.size);
    return { chunkId: r.rowid, rawRank: i + 1, raw, proximity, bonus, score: raw + bonus };
  });
  hits.sort((a, b) => b.score - a.score || a.rawRank - b.rawRank);
  return { ftsQuery: match, hits, ...(opts.rm3 || opts.rm3Terms ? { rm3: rm3 ?? null } : {}) };
}

/**
 * How many chunks a query matches as BM25 runs it (an OR of its terms): a MATCH expression, or index
 * terms (RM3's). A prefix expression is counted by FTS5.
 */
export function bm25HitCount(db: Db, q: { match: string | null } | { terms: string[] }): number {
  const ranker = rankerOf(db);
  if ('terms' in q) return ranker.countTerms(q.terms);
  if (q.match === null) return 0;
  const terms = ranker.queryTerms(q.match);
  return terms ? ranker.countTerms(terms) : db.prepare('SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?').pluck().get(q.match) as number;
}

/**
 * The BM25 candidate list. FTS5 ranks chunks matching an OR of the query's terms; the top candidates
 * are then re-scored with word-order evidence, like a phrase boost:
 * `score = bm25 + proximity² × topBm25`, where proximity is the share of the query's word pairs found
 * in the chunk (search/proximity.ts) and topBm25 the best BM25 score among the candidates, so a chunk
 * holding the query's exact wording outranks one that merely repeats its words.
 *
 * The ranking comes from the postings held in memory where the connection has them and they are
 * current (search/bm25-memory.ts: ~1-2 ms), else from FTS5, which ranks every match (tens of
 * thousands for common terms in a large library: ~1 µs each), touching the FTS index alone. Both give
 * FTS5's bm25() scores. Chunk text is read for the top `n` only, and snippets are left to hydration,
 * which makes them for the final results.
 */
import type { Db } from '../store/db.js';
import type { Bm25Top } from './bm25-index.js';
import { bm25MemoryOf } from './bm25-memory.js';
import { bigramOverlap, bigrams } from './proximity.js';
import { buildFtsQuery } from './query.js';
import { chunkTexts } from '../store/chunk-texts.js';

/** Column weights for bm25(): chunk text, heading path. */
const WEIGHTS = [1.0, 0.5] as const;

/**
 * How much word order counts: the bonus grows with the square of the share of word pairs matched, so
 * a pasted sentence (proximity 1) gets the full bonus while a paraphrase sharing a few pairs gets
 * little. Measured with `delve eval --dataset ../shared/data/scifact --mode bm25` (nDCG@10, whole
 * documents / 1200-char chunks): no bonus 0.688 / 0.672; linear bonus 0.677 / 0.671; linear at half
 * weight 0.690 / 0.681 (but a pasted sentence no longer finds its own chunk first); squared 0.690 / 0.674.
 */
export function proximityBonus(proximity: number, top: number): number {
  return proximity * proximity * top;
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
}

/** FTS5's ranking: the best `n` rows by bm25(), best first, ties by row id. */
function ftsTop(db: Db, match: string, n: number): Bm25Top[] {
  const rows = db.prepare(`SELECT rowid, bm25(chunks_fts, ${WEIGHTS.join(', ')}) AS raw FROM chunks_fts
    WHERE chunks_fts MATCH ? ORDER BY raw, rowid LIMIT ?`).raw().all(match, Math.max(1, Math.floor(n))) as [number, number][];
  return rows.map(([rowid, raw]) => ({ rowid, score: -raw }));
}

export interface Bm25ListOptions {
  /** Rank with FTS5 even where the postings are in memory (benchmarks, tests). */
  fts5Only?: boolean;
}

/** The best `n` chunks for `query` (or for a prepared MATCH expression, e.g. weighted), best first. */
export function bm25List(db: Db, query: string, n: number, prepared?: string | null, opts: Bm25ListOptions = {}): Bm25List {
  const match = prepared !== undefined && prepared !== null ? prepared : buildFtsQuery(query).match;
  if (match === null) return { ftsQuery: null, hits: [] };
  const k = Math.max(1, Math.floor(n));
  const top = (opts.fts5Only ? null : bm25MemoryOf(db)?.top(match, WEIGHTS, k)) ?? ftsTop(db, match, k);
  const texts = chunkTexts(db, top.map((r) => r.rowid));
  const ranked = top.filter((r) => texts.has(r.rowid)); // as the join to chunks did
  const pairs = bigrams(query);
  const best = ranked.length > 0 ? ranked[0]!.score : 0;
  const hits = ranked.map((r, i): Bm25Hit => {
    const raw = r.score;
    const proximity = bigramOverlap(pairs, texts.get(r.rowid) ?? '');
    const bonus = proximityBonus(proximity, best);
    return { chunkId: r.rowid, rawRank: i + 1, raw, proximity, bonus, score: raw + bonus };
  });
  hits.sort((a, b) => b.score - a.score || a.rawRank - b.rawRank);
  return { ftsQuery: match, hits };
}

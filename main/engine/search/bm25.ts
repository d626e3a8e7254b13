/**
 * The BM25 candidate list. FTS5 ranks chunks matching an OR of the query's terms; the top candidates
 * are then re-scored with word-order evidence, like a phrase boost:
 * `score = bm25 + proximity² × topBm25`, where proximity is the share of the query's word pairs found
 * in the chunk (search/proximity.ts) and topBm25 the best BM25 score among the candidates, so a chunk
 * holding the query's exact wording outranks one that merely repeats its words.
 *
 * FTS5 ranks every match (tens of thousands for common terms in a large library), so the ranking
 * query touches the FTS index alone; chunk text is read for the top `n` only, and snippets are left
 * to hydration, which makes them for the final results.
 */
import type { Db } from '../store/db.js';
import { bigramOverlap, bigrams } from './proximity.js';
import { buildFtsQuery } from './query.js';

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

interface Row { chunkId: number; raw: number; text: string }

/** The best `n` chunks for `query` (or for a prepared MATCH expression, e.g. weighted), best first. */
export function bm25List(db: Db, query: string, n: number, prepared?: string | null): Bm25List {
  const match = prepared !== undefined && prepared !== null ? prepared : buildFtsQuery(query).match;
  if (match === null) return { ftsQuery: null, hits: [] };
  const rows = db.prepare(`
    WITH top AS (
      SELECT rowid AS id, bm25(chunks_fts, ${WEIGHTS.join(', ')}) AS raw FROM chunks_fts
      WHERE chunks_fts MATCH ? ORDER BY raw, rowid LIMIT ?)
    SELECT top.id AS chunkId, top.raw, c.text FROM top JOIN chunks c ON c.id = top.id
    ORDER BY top.raw, top.id`).all(match, Math.max(1, Math.floor(n))) as Row[];
  const pairs = bigrams(query);
  const top = rows.length > 0 ? -rows[0]!.raw : 0;
  const hits = rows.map((r, i): Bm25Hit => {
    const raw = -r.raw;
    const proximity = bigramOverlap(pairs, r.text);
    const bonus = proximityBonus(proximity, top);
    return { chunkId: r.chunkId, rawRank: i + 1, raw, proximity, bonus, score: raw + bonus };
  });
  hits.sort((a, b) => b.score - a.score || a.rawRank - b.rawRank);
  return { ftsQuery: match, hits };
}

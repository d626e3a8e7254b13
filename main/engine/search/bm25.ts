/**
 * The BM25 candidate list. FTS5 ranks chunks matching an OR of the query's terms; the top candidates
 * are then re-scored with word-order evidence, like a phrase boost:
 * `score = bm25 + 0.5 × proximity × topBm25`, where proximity is the share of the query's word pairs found
 * in the chunk (search/proximity.ts) and topBm25 the best BM25 score among the candidates, so a chunk
 * holding the query's exact wording outranks one that merely repeats its words.
 */
import type { Db } from '../store/db.js';
import { bigramOverlap, bigrams } from './proximity.js';
import { buildFtsQuery } from './query.js';

/** Column weights for bm25(): chunk text, heading path. */
const WEIGHTS = [1.0, 0.5] as const;

/**
 * How much word order counts. Measured with `delve eval --dataset ../shared/data/scifact --mode bm25`
 * (nDCG@10, whole documents / 1200-char chunks): weight 0 gives 0.688 / 0.672, 0.25 gives 0.691 /
 * 0.676, 0.5 gives 0.690 / 0.681, 1 gives 0.677 / 0.671.
 */
export const PROXIMITY_WEIGHT = 0.5;

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
  /** FTS5 snippet with \u0002…\u0003 around matched terms. */
  snippet: string;
}

export interface Bm25List {
  ftsQuery: string | null;
  hits: Bm25Hit[];
}

interface Row { chunkId: number; raw: number; snippet: string; text: string }

/** The best `n` chunks for `query`, best first. */
export function bm25List(db: Db, query: string, n: number): Bm25List {
  const { match } = buildFtsQuery(query);
  if (match === null) return { ftsQuery: null, hits: [] };
  const rows = db.prepare(`
    SELECT c.id AS chunkId, bm25(chunks_fts, ${WEIGHTS.join(', ')}) AS raw,
      snippet(chunks_fts, 0, char(2), char(3), '…', 32) AS snippet, c.text
    FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid
    WHERE chunks_fts MATCH ?
    ORDER BY raw, c.id
    LIMIT ?`).all(match, Math.max(1, Math.floor(n))) as Row[];
  const pairs = bigrams(query);
  const top = rows.length > 0 ? -rows[0]!.raw : 0;
  const hits = rows.map((r, i): Bm25Hit => {
    const raw = -r.raw;
    const proximity = bigramOverlap(pairs, r.text);
    const bonus = PROXIMITY_WEIGHT * proximity * top;
    return { chunkId: r.chunkId, rawRank: i + 1, raw, proximity, bonus, score: raw + bonus, snippet: r.snippet };
  });
  hits.sort((a, b) => b.score - a.score || a.rawRank - b.rawRank);
  return { ftsQuery: match, hits };
}

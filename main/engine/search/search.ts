/**
 * Search in three modes. `bm25`: the FTS5 list re-scored for word order. `dense`: sqlite-vec nearest
 * neighbours of the query's embedding. `hybrid`: both lists fused (search/fuse.ts). Results can be
 * grouped by document (a document scores as its best chunk). Every result carries its trace: ranks
 * and scores in each list, normalised scores and the fused score.
 */
import type { SearchMode, SearchOptions, SearchResponse, SearchTrace } from '../api.js';
import { EngineError } from '../errors.js';
import type { Db } from '../store/db.js';
import type { QuantKind } from '../store/quantized.js';
import { bm25List, type Bm25Hit } from './bm25.js';
import { denseList } from './dense.js';
import { denseListQuantized } from './dense-quantized.js';
import { fuseMinMax, fuseRrf, type Fused, type Scored } from './fuse.js';
import { hydrate, type Ranked } from './hydrate.js';
import { buildFtsQuery } from './query.js';

/** Where dense vectors come from: the active model's vector table and its query encoder. */
export interface DenseSource {
  table: string;
  embedQuery(query: string): Promise<Float32Array>;
  /**
   * Opt-in for large libraries: take candidates from this quantised copy of the table (which must
   * exist: store/quantized.ts) and re-score them with the float vectors. Absent: exact float KNN.
   */
  quantized?: QuantKind;
  /**
   * Exact search from memory (search/vector-scan.ts), used when no quantised copy is asked for. It
   * hands the scan to other threads before it returns, so BM25 runs while the vectors are scanned.
   */
  scan?: (query: Float32Array, n: number) => Promise<Scored[]>;
}

export const DEFAULT_CANDIDATES = 100;

function pickMode(requested: SearchOptions['mode'], dense: DenseSource | null): SearchMode {
  if (requested === undefined) return dense ? 'hybrid' : 'bm25';
  if (!['bm25', 'dense', 'hybrid'].includes(requested)) {
    throw new EngineError('BAD_ARGUMENT', `unknown search mode "${String(requested)}" (available: bm25, dense, hybrid${requested === 'full' ? '; full runs through the engine facade' : ''})`);
  }
  if (requested !== 'bm25' && !dense) {
    throw new EngineError('NO_EMBEDDINGS', `${requested} search needs an embedding model and its vectors: install one (delve models pull all-minilm-l6-v2) and index with it`);
  }
  return requested as SearchMode;
}

/** Keeps each document's best chunk, in order. */
function bestPerDocument(db: Db, list: Fused[]): Fused[] {
  if (list.length === 0) return list;
  const rows = db.prepare('SELECT id, doc_id AS doc FROM chunks WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(list.map((f) => f.chunkId))) as { id: number; doc: number }[];
  const docOf = new Map(rows.map((r) => [r.id, r.doc]));
  const seen = new Set<number>();
  return list.filter((f) => {
    const doc = docOf.get(f.chunkId);
    if (doc === undefined || seen.has(doc)) return false;
    seen.add(doc);
    return true;
  });
}

/**
 * Starts the dense list: embeds the query, then starts the scan (or runs sqlite-vec's). Resolves once
 * the scan is under way; `list` is its result (wrapped, since a promise resolved with a promise
 * would wait for it).
 */
async function startDense(db: Db, dense: DenseSource, query: string, n: number): Promise<{ list: Promise<Scored[]> }> {
  const v = await dense.embedQuery(query);
  if (dense.quantized) return { list: Promise.resolve(denseListQuantized(db, dense.table, dense.quantized, v, n)) };
  return { list: dense.scan ? dense.scan(v, n) : Promise.resolve(denseList(db, dense.table, v, n)) };
}

/** The reasoning pipeline's long queries: BM25 runs a weighted MATCH, the dense side embeds other text. */
export interface QueryOverride {
  bm25Match?: string | null;
  denseText?: string;
}

export async function search(db: Db, query: string, opts: SearchOptions, dense: DenseSource | null, override: QueryOverride = {}): Promise<SearchResponse> {
  const started = performance.now();
  const mode = pickMode(opts.mode, dense);
  const k = Math.max(1, Math.min(1000, Math.floor(opts.k ?? 10)));
  const grouped = opts.groupBy === 'document';
  const n = Math.max(opts.candidates ?? DEFAULT_CANDIDATES, grouped ? 3 * k : k);
  const fusion = mode === 'hybrid' ? (opts.fusion ?? 'minmax') : 'none';

  // The dense scan, where it runs in other threads, is under way before BM25 takes this one.
  const densePending = mode === 'bm25' ? { list: Promise.resolve([] as Scored[]) } : await startDense(db, dense!, override.denseText ?? query, n);
  const bm25 = mode === 'dense' ? { ftsQuery: null, hits: [] as Bm25Hit[] } : bm25List(db, query, n, override.bm25Match, { rm3: opts.rm3 });
  const denseHits = await densePending.list;
  const bm25Scored = bm25.hits.map((h) => ({ chunkId: h.chunkId, score: h.score }));
  let fused: Fused[];
  if (fusion === 'rrf') fused = fuseRrf(bm25Scored, denseHits);
  else if (fusion === 'minmax') fused = fuseMinMax(bm25Scored, denseHits, opts.weight ?? 0.5);
  else {
    const single = mode === 'bm25' ? bm25Scored : denseHits;
    fused = single.map((s, i) => ({
      chunkId: s.chunkId, fused: s.score, bm25Rank: mode === 'bm25' ? i + 1 : null, denseRank: mode === 'dense' ? i + 1 : null,
      bm25Norm: null, denseNorm: null,
    }));
  }
  if (grouped) fused = bestPerDocument(db, fused);

  const hitOf = new Map(bm25.hits.map((h) => [h.chunkId, h]));
  const denseOf = new Map(denseHits.map((d, i) => [d.chunkId, { rank: i + 1, score: d.score }]));
  const ranked: Ranked[] = fused.slice(0, k).map((f) => {
    const h = hitOf.get(f.chunkId);
    const d = denseOf.get(f.chunkId);
    const trace: SearchTrace = {
      bm25Rank: h?.rawRank ?? null, bm25Score: h?.raw ?? null, proximity: h?.proximity ?? 0, proximityBonus: h?.bonus ?? 0,
      ftsQuery: bm25.ftsQuery, denseRank: d?.rank ?? null, denseScore: d?.score ?? null,
      bm25Norm: f.bm25Norm, denseNorm: f.denseNorm, fused: f.fused, fusion,
    };
    return { chunkId: f.chunkId, score: f.fused, trace };
  });
  const results = hydrate(db, ranked, bm25.ftsQuery ?? buildFtsQuery(query).match);
  const rm3 = bm25.rm3 === undefined ? {} : { rm3: bm25.rm3 && { feedback: bm25.rm3.feedback, terms: bm25.rm3.terms, feedbackChunks: bm25.rm3.feedbackChunks } };
  return { query, mode, results, ms: performance.now() - started, ...rm3 };
}

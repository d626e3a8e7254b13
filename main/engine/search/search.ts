/**
 * Search in three modes. `bm25`: the FTS5 list re-scored for word order. `dense`: sqlite-vec nearest
 * neighbours of the query's embedding. `hybrid`: both lists fused (search/fusion/fuse.ts). Results can be
 * grouped by document (a document scores as its best chunk). Every result carries its trace: ranks
 * and scores in each list, normalised scores and the fused score.
 */
import type { SearchMode, SearchOptions, SearchResponse, SearchTrace } from '../api.js';
import { EngineError } from '../errors.js';
import type { Db } from '../store/db.js';
import type { QuantKind } from '../store/quantized.js';
import { bm25List, type Bm25Hit } from './bm25/bm25.js';
import { denseList } from './dense/dense.js';
import { denseListQuantized } from './dense/dense-quantized.js';
import { fuseMinMax, fuseRrf, type Fused, type Scored } from './fusion/fuse.js';
import { hydrate, type Ranked } from './hydrate.js';
import { groupByDocument, passageInfo } from './group.js';
import { parseQuery } from './query/operators.js';
import { allowedDocuments, describeQuery, matchExpression, meetsConstraint } from './query/operators-apply.js';
import { buildFtsQuery } from './query/query.js';
import type { WeightedTerm } from './query/rm3.js';

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
   * Exact search from memory (search/dense/vector-scan.ts), used when no quantised copy is asked for. It
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

export const DEFAULT_MORE_PER_DOCUMENT = 5;
/** Candidates taken when filters, phrases or exclusions will drop some of them. */
export const OPERATOR_CANDIDATES = 1000;

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
  /** RM3 with these terms and weights instead of the feedback's (search/query/bm25-rm3.ts editedRm3). */
  rm3Terms?: readonly WeightedTerm[];
}

export async function search(db: Db, query: string, opts: SearchOptions, dense: DenseSource | null, override: QueryOverride = {}): Promise<SearchResponse> {
  const started = performance.now();
  const mode = pickMode(opts.mode, dense);
  const k = Math.max(1, Math.min(1000, Math.floor(opts.k ?? 10)));
  const grouped = opts.groupBy === 'document';
  // The search box's operators, unless the caller prepared the query (the reasoning pipeline) or turned them off.
  const parsed = opts.operators !== false && override.bm25Match === undefined && override.denseText === undefined ? parseQuery(query) : null;
  const ops = parsed?.operators ? parsed : null;
  const notes = [...(parsed?.notes ?? [])];
  const allowed = ops ? allowedDocuments(db, ops.filters, notes) : null;
  const narrowed = ops !== null && (allowed !== null || ops.required.length > 0 || ops.excluded.length > 0);
  const n = Math.max(opts.candidates ?? DEFAULT_CANDIDATES, grouped ? 3 * k : k, narrowed ? OPERATOR_CANDIDATES : 0);
  const fusion = mode === 'hybrid' ? (opts.fusion ?? 'minmax') : 'none';
  const text = ops ? ops.text : query;
  const bm25Match = ops ? matchExpression(ops) : override.bm25Match;
  const operators = parsed && (ops || notes.length > 0) ? { applied: ops ? describeQuery(ops) : [], notes } : undefined;
  if (ops && text.trim() === '') {
    notes.push('nothing to search for: add words or a phrase (filters narrow a search, they do not make one)');
    return { query, mode, results: [], ms: performance.now() - started, grouping: grouped ? 'document' : 'chunk', operators };
  }

  // The dense scan, where it runs in other threads, is under way before BM25 takes this one.
  const densePending = mode === 'bm25' ? { list: Promise.resolve([] as Scored[]) } : await startDense(db, dense!, override.denseText ?? text, n);
  const bm25 = mode === 'dense' || (ops && bm25Match === null) ? { ftsQuery: null, hits: [] as Bm25Hit[] } : bm25List(db, text, n, bm25Match, { rm3: opts.rm3, rm3Terms: override.rm3Terms });
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
  if (narrowed) {
    const docs = allowed ? passageInfo(db, fused.map((f) => f.chunkId)) : null;
    const keep = meetsConstraint(db, ops, fused.filter((f) => !docs || allowed!.has(docs.get(f.chunkId)?.docId ?? -1)).map((f) => f.chunkId));
    fused = fused.filter((f) => keep.has(f.chunkId));
  }

  const hitOf = new Map(bm25.hits.map((h) => [h.chunkId, h]));
  const denseOf = new Map(denseHits.map((d, i) => [d.chunkId, { rank: i + 1, score: d.score }]));
  const toRanked = (f: Fused, extra: Partial<SearchTrace>): Ranked => {
    const h = hitOf.get(f.chunkId);
    const d = denseOf.get(f.chunkId);
    const trace: SearchTrace = {
      bm25Rank: h?.rawRank ?? null, bm25Score: h?.raw ?? null, proximity: h?.proximity ?? 0, proximityBonus: h?.bonus ?? 0,
      ftsQuery: bm25.ftsQuery, denseRank: d?.rank ?? null, denseScore: d?.score ?? null,
      bm25Norm: f.bm25Norm, denseNorm: f.denseNorm, fused: f.fused, fusion, ...extra,
    };
    return { chunkId: f.chunkId, score: f.fused, trace };
  };
  const ftsQuery = bm25.ftsQuery ?? buildFtsQuery(text).match;
  const rm3 = bm25.rm3 === undefined ? {} : { rm3: bm25.rm3 && { feedback: bm25.rm3.feedback, terms: bm25.rm3.terms, feedbackChunks: bm25.rm3.feedbackChunks } };
  if (!grouped) {
    const top = fused.slice(0, k);
    const info = passageInfo(db, top.map((f) => f.chunkId));
    const results = hydrate(db, top.map((f) => toRanked(f, info.get(f.chunkId)?.frontMatter ? { frontMatter: true } : {})), ftsQuery);
    return { query, mode, results, ms: performance.now() - started, grouping: 'chunk', ...(operators ? { operators } : {}), ...rm3 };
  }
  const info = passageInfo(db, fused.map((f) => f.chunkId));
  const groups = groupByDocument(fused, info, opts.morePerDocument ?? DEFAULT_MORE_PER_DOCUMENT).slice(0, k);
  const traceOf = (chunkId: number, passageRank: number) => ({ passageRank, ...(info.get(chunkId)?.frontMatter ? { frontMatter: true } : {}) });
  // One hydration (one snippet query) for the documents' best passages and their other passages.
  const heads = groups.map((g) => toRanked(g.best.fused, traceOf(g.best.fused.chunkId, g.best.passageRank)));
  const others = groups.flatMap((g) => g.more.map((m) => toRanked(m.fused, traceOf(m.fused.chunkId, m.passageRank))));
  const all = hydrate(db, [...heads, ...others], ftsQuery);
  const headIds = new Set(heads.map((h) => h.chunkId));
  const results = all.filter((r) => headIds.has(r.chunkId)).map((r, i) => ({ ...r, rank: i + 1 }));
  const more = new Map(all.filter((r) => !headIds.has(r.chunkId)).map((r) => [r.chunkId, { ...r, rank: r.trace.passageRank ?? r.rank }]));
  const groupOf = new Map(groups.map((g) => [g.best.fused.chunkId, g]));
  for (const r of results) {
    const g = groupOf.get(r.chunkId)!;
    r.group = { passages: g.passages, score: g.score, more: g.more.flatMap((m) => more.get(m.fused.chunkId) ?? []) };
  }
  return { query, mode, results, ms: performance.now() - started, grouping: 'document', ...(operators ? { operators } : {}), ...rm3 };
}

/**
 * `delve eval`: imports a BEIR dataset into an evaluation database (kept between runs, so the corpus
 * is chunked and embedded once per model), runs every judged query through the engine's own search
 * in the chosen mode with results grouped by document, and scores the run with trec_eval's
 * definitions (eval/metrics.ts). Optionally writes the run as a TREC file.
 */
import { writeFileSync } from 'node:fs';
import type { EmbeddingConfig, SearchMode } from '../api.js';
import { createEmbedder } from '../embed/embedder.js';
import { embeddingRuntime, type EmbedderFactory } from '../embed/runtime.js';
import { EngineError } from '../errors.js';
import { throttle } from '../jobs/throttle.js';
import { DEFAULT_BM25, type Bm25Params } from '../search/bm25/bm25-index.js';
import { attachBm25Memory, detachBm25Memory } from '../search/bm25/bm25-memory.js';
import { search } from '../search/search.js';
import { openDb } from '../store/db.js';
import type { ChunkOptions } from '../types.js';
import { loadBeir } from './beir.js';
import { DOC_PREFIX, importCorpus } from './corpus-index.js';
import { evaluateRun, formatTrecRun, type Metrics, type Run } from './metrics.js';

export interface EvalOptions {
  dataset: string;
  /** The evaluation database (created if missing; reused when it already holds the corpus). */
  dbPath: string;
  mode: SearchMode;
  embedding?: EmbeddingConfig;
  fusion?: 'minmax' | 'rrf';
  weight?: number;
  chunk?: Partial<ChunkOptions>;
  /** Evaluate only the first N judged queries. */
  limit?: number;
  trecRun?: string;
  signal?: AbortSignal;
  onProgress?: (p: { phase: 'import' | 'embed' | 'query'; done: number; total: number }) => void;
  /** BM25's k1 and b (default DEFAULT_BM25) and RM3 on the BM25 list. */
  bm25?: Partial<Bm25Params>;
  rm3?: boolean;
  /** For tests: how embedders are made. */
  embedderFactory?: EmbedderFactory;
}

export interface EvalReport extends Metrics {
  ms: number;
  mode: SearchMode;
  dataset: string;
  documents: number;
  model: string | null;
  provider: string | null;
  /** Time spent in search alone, per query (median and 95th percentile). */
  queryMs: { p50: number; p95: number };
  /** How BM25 was ranked: from postings in memory (the engine's default) or by FTS5 (with why); null in dense mode. */
  bm25: { state: string; reason: string | null; k1: number; b: number; rm3: boolean } | null;
}

const RUN_DEPTH = 100;

/**
 * Evaluation indexes each corpus document as one chunk, as BEIR and Pyserini evaluate (a dense model
 * truncates it at its token limit); `chunk` (CLI --chunk-size) evaluates chunked retrieval instead,
 * documents then scoring as their best chunk.
 */
export const EVAL_CHUNK: ChunkOptions = { targetChars: 20000, overlapChars: 0 };

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
}

export async function runEval(o: EvalOptions): Promise<EvalReport> {
  const started = performance.now();
  if (o.mode !== 'bm25' && !o.embedding) throw new EngineError('NO_EMBEDDINGS', `--mode ${o.mode} needs an embedding model (--model <id|folder>)`);
  const ds = loadBeir(o.dataset);
  const chunk = { ...EVAL_CHUNK, ...o.chunk };
  const progress = o.onProgress ? throttle(o.onProgress, 100) : null;
  const { db, vec } = await openDb(o.dbPath);
  const rt = o.embedding ? embeddingRuntime(db, o.embedding, o.embedderFactory ?? createEmbedder) : null;
  try {
    importCorpus(db, ds, chunk, (done, total) => progress?.push({ phase: 'import', done, total }));
    let dense = null;
    if (rt && o.mode !== 'bm25') {
      if (!vec.version) throw new EngineError('NO_EMBEDDINGS', `vector search is unavailable on this platform: ${vec.error}`);
      await rt.embed({ signal: o.signal, onProgress: (p) => progress?.push({ phase: 'embed', done: p.done, total: p.total }) });
      dense = await rt.dense();
    }
    // As the engine ranks BM25 (search/bm25/bm25-memory.ts), with the postings read before timing starts.
    const params = { ...DEFAULT_BM25, ...o.bm25 };
    const bm25 = o.mode === 'dense' ? null : attachBm25Memory(db, { params }).warm();
    const queries = o.limit ? ds.queries.slice(0, o.limit) : ds.queries;
    const run: Run = new Map();
    const times: number[] = [];
    for (const [i, q] of queries.entries()) {
      if (o.signal?.aborted) throw new EngineError('CANCELLED', `evaluation cancelled after ${i} of ${queries.length} queries`);
      const t0 = performance.now();
      const r = await search(db, q.text, { mode: o.mode, k: RUN_DEPTH, groupBy: 'document', operators: false, fusion: o.fusion, weight: o.weight, rm3: o.rm3 }, dense);
      times.push(performance.now() - t0);
      run.set(q.id, r.results.map((h) => ({ doc: h.path.slice(DOC_PREFIX.length), score: h.score })));
      progress?.push({ phase: 'query', done: i + 1, total: queries.length });
    }
    progress?.flush();
    const qrels = new Map([...ds.qrels].filter(([qid]) => run.has(qid)));
    if (o.trecRun) writeFileSync(o.trecRun, formatTrecRun(run, `delve-${o.mode}`));
    const status = rt && dense ? await rt.status() : null;
    return {
      ...evaluateRun(run, qrels), ms: Math.round(performance.now() - started), mode: o.mode, dataset: ds.dir,
      documents: ds.corpus.length, model: status?.model ?? null, provider: status?.provider ?? null,
      queryMs: { p50: round(percentile(times, 0.5)), p95: round(percentile(times, 0.95)) },
      bm25: bm25 && { state: bm25.state, reason: bm25.reason, k1: params.k1, b: params.b, rm3: o.rm3 === true },
    };
  } finally {
    await rt?.close();
    await detachBm25Memory(db);
    db.close();
  }
}

const round = (x: number) => Math.round(x * 10) / 10;

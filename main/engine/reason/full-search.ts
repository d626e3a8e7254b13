/**
 * `search(query, { mode: 'full' })`: wires the pipeline to the engine's database, its dense source
 * and a per-query LLM client (its own usage counters; the reply cache is the database's, shared).
 */
import type { LlmConfig, SearchOptions, SearchResponse } from '../api.js';
import { EngineError } from '../errors.js';
import { LlmCache } from '../llm/cache.js';
import { Llm } from '../llm/client.js';
import { resolveLlmConfig } from '../llm/config.js';
import { bm25HitCount } from '../search/bm25/bm25.js';
import { search, type DenseSource } from '../search/search.js';
import type { Db } from '../store/db.js';
import type { PipelineContext } from './context.js';
import { runPipeline } from './pipeline.js';
import type { StageInfo } from './types.js';
import { chunkTexts } from '../store/chunk-texts.js';

export async function fullSearch(db: Db, query: string, opts: SearchOptions, dense: DenseSource | null, llmConfig: LlmConfig = {}): Promise<SearchResponse> {
  const started = performance.now();
  const k = Math.max(1, Math.min(1000, Math.floor(opts.k ?? 10)));
  const mode = dense ? 'hybrid' : 'bm25';
  const llm = new Llm(resolveLlmConfig({ ...llmConfig, ...(opts.ollama ? { host: opts.ollama } : {}) }), new LlmCache(db));
  const stages: StageInfo[] = [];
  const ctx: PipelineContext = {
    retrieve: (q, depth) => search(db, q.text, { mode, k: depth, fusion: opts.fusion, weight: opts.weight, candidates: opts.candidates, groupBy: opts.groupBy, rm3: q.rm3 }, dense,
      { bm25Match: q.bm25Match, denseText: q.denseText, rm3Terms: q.rm3Terms }),
    chunkTexts: (ids) => chunkTexts(db, ids),
    hitCount: (q) => bm25HitCount(db, q),
    llm, signal: opts.signal, stages,
    emit: (e) => { try { opts.onEvent?.(e); } catch { /* a listener's failure is not the search's */ } },
  };
  const out = await runPipeline(ctx, query, k, opts.pipeline ?? {}, mode === 'hybrid' && (opts.fusion ?? 'minmax') === 'minmax');
  if (opts.signal?.aborted) throw new EngineError('CANCELLED', 'the search was cancelled');
  return {
    query, mode: 'full', results: out.results, ms: performance.now() - started, stages,
    llm: { ...llm.usage, unparsed: out.unparsed }, status: out.status,
  };
}

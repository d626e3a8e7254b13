/** What the pipeline needs from the engine: retrieval, chunk texts, the LLM, and where to report. */
import type { SearchResponse } from '../api.js';
import type { Llm } from '../llm/client.js';
import type { PipelineEvent } from '../api.js';
import type { StageInfo } from './types.js';

export interface RetrieveQuery {
  /** The text shown as the query; BM25 uses `bm25Match` when given, dense uses `denseText` when given. */
  text: string;
  bm25Match?: string | null;
  denseText?: string;
  /** Expand the BM25 query with RM3 (the pipeline's fallback when the LLM is unreachable). */
  rm3?: boolean;
}

export interface PipelineContext {
  retrieve(q: RetrieveQuery, k: number): Promise<SearchResponse>;
  chunkTexts(ids: number[]): Map<number, string>;
  llm: Llm;
  signal?: AbortSignal;
  emit(e: PipelineEvent): void;
  stages: StageInfo[];
}

export function stage(ctx: PipelineContext, s: StageInfo): void {
  ctx.stages.push(s);
  ctx.emit({ type: 'stage', stage: s });
}

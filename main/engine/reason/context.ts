/** What the pipeline needs from the engine: retrieval, chunk texts, the LLM, and where to report. */
import type { SearchResponse } from '../api.js';
import type { Llm } from '../llm/client.js';
import type { PipelineEvent } from '../api.js';
import { weightedFtsQuery } from '../search/query/weighted-query.js';
import type { StageInfo, StageQuery } from './types.js';

export interface RetrieveQuery {
  /** The text shown as the query; BM25 uses `bm25Match` when given, dense uses `denseText` when given. */
  text: string;
  bm25Match?: string | null;
  denseText?: string;
  /** Expand the BM25 query with RM3 (the pipeline's fallback when the LLM is unreachable). */
  rm3?: boolean;
  /** With `rm3`: these terms and weights instead of the feedback's (the user's edit). */
  rm3Terms?: { term: string; weight: number }[];
}

export interface PipelineContext {
  retrieve(q: RetrieveQuery, k: number): Promise<SearchResponse>;
  chunkTexts(ids: number[]): Map<number, string>;
  /** Chunks a query matches as BM25 runs it (search/bm25/bm25.ts bm25HitCount): a MATCH expression or index terms. */
  hitCount(q: { match: string | null } | { terms: string[] }): number;
  llm: Llm;
  signal?: AbortSignal;
  emit(e: PipelineEvent): void;
  stages: StageInfo[];
}

export function stage(ctx: PipelineContext, s: StageInfo): void {
  ctx.stages.push(s);
  ctx.emit({ type: 'stage', stage: s });
}

/** A text's hit count as the pipeline searches it: an OR of its content terms (search/query/weighted-query.ts). */
export function textHits(ctx: PipelineContext, label: string, text: string): StageQuery {
  return { label, text, hits: ctx.hitCount({ match: weightedFtsQuery({ original: text }).match }) };
}

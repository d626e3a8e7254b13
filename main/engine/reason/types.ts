/** Shapes of the reasoning pipeline (`--mode full`): its options, its stage events, what it returns. */
import type { ErrorCode } from '../errors.js';

export interface PipelineOptions {
  /** Expansion rounds (DIVER QExpand; default 2, 0 turns expansion off). */
  rounds?: number;
  /** Samples per expansion round (default 2, run in parallel). */
  samples?: number;
  /** Passages the expander sees per round (default 5), each cut to `passageTokens` (default 512). */
  passages?: number;
  passageTokens?: number;
  /** DeepRetrieval-style keyword rewrite for BM25 (default on). */
  rewrite?: boolean;
  /** Passages the judge scores (default 30, at most 100; 0 turns reranking off). */
  rerankTop?: number;
  /** Weight of the judge in final = α·llm/10 + (1−α)·fused (default 0.5). */
  alpha?: number;
  /** DIVER v2: one listwise ranking merged with the pointwise one (0.6 / 0.4 on −ln(rank+1)). */
  listwise?: boolean;
  /**
   * When the LLM stages cannot run (Ollama unreachable, model missing), retrieve once more with the
   * query expanded by RM3 pseudo-relevance feedback (search/query/bm25-rm3.ts), the LLM-free expansion,
   * and return that ranking (stage 'rm3', with its terms). Default off: it costs a second retrieval.
   */
  rm3Fallback?: boolean;
  /**
   * The user's corrections of earlier stages, for re-running a deep search: the keyword rewrite, and
   * per expansion round (1-based) the samples to use instead of asking the expander. Stages before
   * an edit come back from the LLM reply cache; stages after it run again (their prompts change).
   * `rm3`: the RM3 stage's terms and weights (index terms or words; weights scaled to sum 1), used
   * instead of the feedback's when the RM3 fallback runs.
   */
  edits?: { rewrite?: string; expansions?: Record<number, string[]>; rm3?: { term: string; weight: number }[] };
}

export type StageName = 'initial' | 'expand' | 'rewrite' | 'retrieve' | 'rerank' | 'listwise' | 'rm3';

export interface StageInfo {
  name: StageName;
  round?: number;
  /** expand: the round's new query text; rewrite: the keyword query (or the original on fallback). */
  text?: string;
  /** rerank: passages judged so far and in all. */
  done?: number;
  total?: number;
  /** Chunk ids the expander was shown in this round. */
  shown?: number[];
  /** rm3: the expanded query's terms and their weights (sum 1), and the feedback terms alone. */
  terms?: { term: string; weight: number }[];
  feedback?: { term: string; weight: number }[];
  /** What this stage changed against the ranking before it (reason/delta.ts); absent for initial and rerank. */
  delta?: StageDelta;
  /**
   * The queries this stage searched with (rewrite: the keyword query; expand: each sample alone and
   * the round's query; retrieve: the expanded query; rm3: the expanded query and each of its terms),
   * each with its hit count: the chunks it matches as BM25 runs it (an OR of its terms).
   */
  queries?: StageQuery[];
  /** Why a stage fell back or stopped early. */
  note?: string;
  ms: number;
}

export interface StageQuery {
  /** "keyword rewrite", "sample 1", "round query", "expanded query", or an RM3 term. */
  label: string;
  text: string;
  hits: number;
}

export interface StageDelta {
  /** Results of this stage's top 10 that were not in the previous ranking's top 10. */
  newInTop10: number;
  /** Results of this stage's top 10 whose rank changed: previous rank (null: absent before) and rank now. */
  moved: { chunkId: number; from: number | null; to: number }[];
  /** Results this stage's retrieval returned (at most the pipeline's depth). */
  hits?: number;
}

export interface LlmSummary { calls: number; promptTokens: number; completionTokens: number; cacheHits: number; failures: number; unparsed: number }

export interface PipelineStatus { code: ErrorCode; message: string; hint: string }

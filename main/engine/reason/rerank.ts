/**
 * Helpfulness reranking: the judge scores the top N passages (concurrently, as far as the LLM layer's
 * slots allow) against the original query, with progress events; the scores merge with the fused
 * retrieval score (merge.ts). A failed call leaves its passage unscored (neutral) and is reported; a
 * failure that means the server is gone (unreachable, timeout, cancel) stops the remaining calls, and
 * the partial rerank is still applied. Optional listwise pass (DIVER v2).
 */
import { setMaxListeners } from 'node:events';
import type { SearchResult } from '../api.js';
import { LISTWISE_SCHEMA, listwise as listwisePrompt } from '../llm/prompts.js';
import { LlmError } from '../llm/failure.js';
import { lastJson } from '../llm/reply.js';
import { stage, type PipelineContext } from './context.js';
import { judgePassage, type Judgement } from './judge.js';
import { listwiseOrder, mergeRankings, pointwise } from './merge.js';
import { cutToTokens } from './passages.js';

export interface RerankOutcome {
  results: SearchResult[];
  judged: number;
  unparsed: number;
  failure: LlmError | null;
}

const FATAL = new Set(['OLLAMA_UNREACHABLE', 'LLM_TIMEOUT', 'MODEL_MISSING', 'CANCELLED']);

export async function rerank(ctx: PipelineContext, query: string, ranking: SearchResult[], o: { top: number; alpha: number; listwise: boolean; fusedUnit: boolean }): Promise<RerankOutcome> {
  const started = performance.now();
  const head = ranking.slice(0, o.top);
  const texts = ctx.chunkTexts(head.map((r) => r.chunkId));
  const judgements = new Map<number, Judgement>();
  let failure: LlmError | null = null;
  const stop = new AbortController();
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, stop.signal]) : stop.signal;
  // Every judge call listens on it (up to 100 at once): not a leak.
  setMaxListeners(0, signal);
  if (ctx.signal) setMaxListeners(0, ctx.signal);
  let done = 0;
  const progress = () => stage(ctx, { name: 'rerank', done, total: head.length, ms: Math.round(performance.now() - started) });
  await Promise.all(head.map(async (r) => {
    try {
      const j = await judgePassage(ctx.llm, query, cutToTokens(texts.get(r.chunkId) ?? r.snippetText, 1024), signal);
      judgements.set(r.chunkId, j);
    } catch (err) {
      const e = err instanceof LlmError ? err : null;
      if (!failure && !(stop.signal.aborted && e?.code === 'CANCELLED')) failure = e ?? new LlmError('LLM_FAILED', String(err), 'check the Ollama server log');
      if (e && FATAL.has(e.code)) stop.abort();
      return;
    }
    done++;
    progress();
  }));
  const merged = pointwise(head.map((r) => ({ chunkId: r.chunkId, fused: r.score, llm: judgements.get(r.chunkId)?.score ?? null })), o.alpha, o.fusedUnit);
  let order = merged.map((m) => ({ chunkId: m.chunkId, final: m.final }));
  let listRanks: Map<number, number> | null = null;
  if (o.listwise && !failure && head.length > 1) {
    const t0 = performance.now();
    const ids = head.map((r) => r.chunkId);
    try {
      const reply = await ctx.llm.chat({ role: 'judge', messages: listwisePrompt(query, ids.map((id) => cutToTokens(texts.get(id) ?? '', 150))), format: LISTWISE_SCHEMA, temperature: 0, signal });
      const { order: listOrder, valid } = listwiseOrder(lastJson(reply.content, 'ranking')?.ranking, ids);
      listRanks = new Map(listOrder.map((id, i) => [id, i + 1]));
      order = mergeRankings(order.map((m) => m.chunkId), listOrder);
      stage(ctx, { name: 'listwise', ms: Math.round(performance.now() - t0), ...(valid ? {} : { note: 'the listwise reply could not be read; retrieval order used' }) });
    } catch (err) {
      failure = err instanceof LlmError ? err : null;
      stage(ctx, { name: 'listwise', ms: Math.round(performance.now() - t0), note: `listwise pass failed: ${(err as Error).message}` });
    }
  }
  const byId = new Map(head.map((r) => [r.chunkId, r]));
  const pointOf = new Map(merged.map((m) => [m.chunkId, m]));
  const results = order.map((m, i): SearchResult => {
    const r = byId.get(m.chunkId)!;
    const j = judgements.get(m.chunkId);
    return {
      ...r, rank: i + 1, score: m.final,
      trace: { ...r.trace, llm: j ? { score: j.score, sampled: j.sampled, expected: j.expected, reason: j.reason, parsed: j.parsed } : null,
        rerank: { alpha: o.alpha, fused: pointOf.get(m.chunkId)!.fusedUsed, pointwise: pointOf.get(m.chunkId)!.final, listRank: listRanks?.get(m.chunkId) ?? null } },
    };
  });
  const tail = ranking.slice(o.top).map((r, i) => ({ ...r, rank: results.length + i + 1 }));
  const unparsed = [...judgements.values()].filter((j) => !j.parsed).length;
  stage(ctx, { name: 'rerank', done, total: head.length, ms: Math.round(performance.now() - started), ...(failure ? { note: `partial: ${done} of ${head.length} judged (${(failure as LlmError).code})` } : {}) });
  return { results: [...results, ...tail], judged: done, unparsed, failure };
}

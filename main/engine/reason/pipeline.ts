/**
 * The full search (`--mode full`): hybrid results at once, then the LLM stages, each reported as it
 * ends, with the updated ranking:
 *   initial retrieval → { expansion rounds ‖ rewrite } → retrieval with the expanded text (BM25: a
 *   weighted OR of the original, expansion and rewrite terms; dense: original + expansion) →
 *   helpfulness rerank of the top N.
 * The rewrite needs only the original query, so it runs beside the expansion. When the LLM fails
 * (Ollama down, model missing, too slow), the stages stop and the best ranking so far is returned
 * with a status saying what to fix; the search itself never fails because of the LLM. With
 * `rm3Fallback`, that ranking is the query expanded by RM3 pseudo-relevance feedback instead.
 */
import type { SearchResult } from '../api.js';
import { LlmError } from '../llm/failure.js';
import { weightedFtsQuery } from '../search/query/weighted-query.js';
import { stage, type PipelineContext } from './context.js';
import { stageDelta } from './delta.js';
import { expand } from './expand.js';
import { rerank } from './rerank.js';
import { rewriteQuery } from './rewrite.js';
import type { PipelineOptions, PipelineStatus, StageQuery } from './types.js';

export interface PipelineOutcome {
  results: SearchResult[];
  status: PipelineStatus | null;
  unparsed: number;
}

const statusOf = (err: unknown): PipelineStatus => (err instanceof LlmError
  ? err.toStatus()
  : { code: 'LLM_FAILED', message: err instanceof Error ? err.message : String(err), hint: 'check the Ollama server log' });

function withStages(results: SearchResult[], initial: SearchResult[], expanded: SearchResult[] | null, k: number): SearchResult[] {
  const rankIn = (list: SearchResult[]) => new Map(list.map((r, i) => [r.chunkId, i + 1]));
  const a = rankIn(initial);
  const b = expanded ? rankIn(expanded) : null;
  return results.slice(0, k).map((r, i) => ({
    ...r, rank: i + 1, trace: { ...r.trace, stages: { initial: a.get(r.chunkId) ?? null, expanded: b?.get(r.chunkId) ?? null, final: i + 1 } },
  }));
}

/** The RM3 query's hit count, then each of its terms'. */
function rm3Queries(ctx: PipelineContext, terms: { term: string; weight: number }[]): StageQuery[] {
  return [
    { label: 'expanded query', text: terms.map((t) => t.term).join(' '), hits: ctx.hitCount({ terms: terms.map((t) => t.term) }) },
    ...terms.map((t) => ({ label: t.term, text: t.term, hits: ctx.hitCount({ terms: [t.term] }) })),
  ];
}

export async function runPipeline(ctx: PipelineContext, query: string, k: number, o: PipelineOptions, fusedUnit: boolean): Promise<PipelineOutcome> {
  const rounds = Math.max(0, Math.floor(o.rounds ?? 2));
  const top = Math.max(0, Math.min(100, Math.floor(o.rerankTop ?? 30)));
  const depth = Math.max(k, top, 10);
  const passages = o.passages ?? 5;
  // The rewrite needs only the query: it starts first, so a dead Ollama is known by the time the
  // first results are (and the expansion is not tried).
  let rewriteFailed = false;
  const rewriting = o.rewrite === false ? Promise.resolve(null) : rewriteQuery(ctx, query, o.edits?.rewrite);
  rewriting.catch(() => { rewriteFailed = true; });
  const t0 = performance.now();
  // The first answer costs what a hybrid search costs: only what is shown and what the expander reads.
  const initial = (await ctx.retrieve({ text: query }, Math.max(k, passages))).results;
  stage(ctx, { name: 'initial', ms: Math.round(performance.now() - t0) });
  ctx.emit({ type: 'results', stage: 'initial', results: withStages(initial, initial, null, k) });

  let status: PipelineStatus | null = null;
  await Promise.resolve(); // let a rewrite that already failed say so
  const [exp, rw] = await Promise.allSettled([
    rounds > 0 && !rewriteFailed ? expand(ctx, query, initial, { rounds, samples: Math.max(1, o.samples ?? 2), passages, passageTokens: o.passageTokens ?? 512, depth, edits: o.edits?.expansions }) : Promise.resolve(null),
    rewriting,
  ]);
  if (exp.status === 'rejected') status = statusOf(exp.reason);
  else if (rw.status === 'rejected') status = statusOf(rw.reason);
  const expansion = exp.status === 'fulfilled' ? exp.value : null;
  const rewritten = rw.status === 'fulfilled' ? rw.value : null;

  let ranking = expansion?.ranking ?? initial;
  if (rewritten || expansion) {
    const t1 = performance.now();
    const match = weightedFtsQuery({ original: query, expansions: expansion?.samples ?? [], rewrite: rewritten }).match;
    const before = ranking;
    ranking = (await ctx.retrieve({ text: query, bm25Match: match, denseText: expansion?.text ?? query }, depth)).results;
    const queryText = [query, ...(expansion?.samples ?? []), ...(rewritten ? [rewritten] : [])].join('\n');
    stage(ctx, {
      name: 'retrieve', ms: Math.round(performance.now() - t1), delta: stageDelta(before, ranking, ranking.length),
      queries: [{ label: 'expanded query', text: queryText, hits: ctx.hitCount({ match }) }],
    });
    ctx.emit({ type: 'results', stage: 'retrieve', results: withStages(ranking, initial, ranking, k) });
  }
  if (!rewritten && !expansion && status && (o.rm3Fallback || o.edits?.rm3)) {
    // The LLM-free expansion: RM3 pseudo-relevance feedback from the initial BM25 list.
    const t2 = performance.now();
    const edited = o.edits?.rm3;
    const r = await ctx.retrieve({ text: query, rm3: true, ...(edited ? { rm3Terms: edited } : {}) }, depth);
    ranking = r.results;
    const terms = r.rm3?.terms ?? [];
    const because = `the LLM is unavailable (${status.code})`;
    stage(ctx, {
      name: 'rm3', ms: Math.round(performance.now() - t2), terms, feedback: r.rm3?.feedback ?? [],
      delta: stageDelta(initial, ranking, ranking.length),
      ...(terms.length > 0 ? { queries: rm3Queries(ctx, terms) } : {}),
      note: !r.rm3 ? (edited ? 'none of the edited RM3 terms is in the library; the query was not expanded' : 'RM3 could not expand this query (a prefix query)')
        : edited ? `${because}: RM3 terms edited by the user` : `${because}: expanded with RM3 pseudo-relevance feedback instead`,
    });
    ctx.emit({ type: 'results', stage: 'rm3', results: withStages(ranking, initial, ranking, k) });
    return { results: withStages(ranking, initial, ranking, k), status, unparsed: 0 };
  }
  const expanded = rewritten || expansion ? ranking : null;
  let unparsed = 0;
  if (top > 0 && !status) {
    if (!expanded && ranking.length < depth) ranking = (await ctx.retrieve({ text: query }, depth)).results;
    const r = await rerank(ctx, query, ranking, { top, alpha: o.alpha ?? 0.5, listwise: o.listwise ?? false, fusedUnit });
    ranking = r.results;
    unparsed = r.unparsed;
    if (r.failure) status = statusOf(r.failure);
    ctx.emit({ type: 'results', stage: 'rerank', results: withStages(ranking, initial, expanded, k) });
  }
  return { results: withStages(ranking, initial, expanded, k), status, unparsed };
}

/**
 * DIVER's iterative query expansion (QExpand). Round r (1..R) shows the expander the top passages of
 * the previous retrieval (passages.ts filter), asks for `samples` answering passages in parallel
 * (temperature 0.7; from round 2 the expander also refines its previous answer: the last sample of
 * the round before, as DIVER passes it), then retrieves again with the original query followed by
 * this round's samples. The reasoning a model writes is dropped (llm/reply.ts).
 */
import type { SearchResult } from '../api.js';
import { expandFirst, expandRefine } from '../llm/prompts.js';
import { weightedFtsQuery } from '../search/query/weighted-query.js';
import { stage, textHits, type PipelineContext } from './context.js';
import { stageDelta } from './delta.js';
import { cutToTokens, pickPassages } from './passages.js';

export interface ExpansionResult {
  /** Original query + "\n\n" + the last round's samples joined by "\n". */
  text: string;
  samples: string[];
  ranking: SearchResult[];
}

export interface ExpandSettings {
  rounds: number; samples: number; passages: number; passageTokens: number; depth: number;
  /** Per round (1-based): the user's samples, used instead of the expander's. */
  edits?: Record<number, string[]>;
}

export async function expand(ctx: PipelineContext, query: string, initial: SearchResult[], s: ExpandSettings): Promise<ExpansionResult> {
  let ranking = initial;
  let samples: string[] = [];
  let text = query;
  const topOf: number[][] = [initial.slice(0, s.passages).map((r) => r.chunkId)];
  const blacklist = new Set<number>();
  for (let round = 1; round <= s.rounds; round++) {
    const started = performance.now();
    // Passages in the top list two retrieval rounds earlier are not shown again.
    for (const id of topOf[round - 2] ?? []) blacklist.add(id);
    const shown = pickPassages(ranking, blacklist, s.passages);
    const texts = ctx.chunkTexts(shown.map((r) => r.chunkId));
    const passages = shown.map((r) => cutToTokens(texts.get(r.chunkId) ?? r.snippetText, s.passageTokens));
    const previous = samples[samples.length - 1];
    const messages = round === 1 || previous === undefined ? expandFirst(query, passages) : expandRefine(query, passages, previous);
    const edited = s.edits?.[round];
    const replies = edited ? edited.map((content) => ({ content })) : await Promise.all(Array.from({ length: s.samples }, (_, i) =>
      ctx.llm.chat({ role: 'expander', messages, temperature: 0.7, sample: i, numPredict: 1024, signal: ctx.signal })));
    const fresh = replies.map((r) => r.content.trim()).filter((t) => t.length > 0);
    if (fresh.length > 0) samples = fresh;
    text = `${query}\n\n${samples.join('\n')}`;
    const match = weightedFtsQuery({ original: query, expansions: samples }).match;
    const r = await ctx.retrieve({ text: query, bm25Match: match, denseText: text }, s.depth);
    const queries = [...samples.map((x, i) => textHits(ctx, `sample ${i + 1}`, x)), { label: 'round query', text, hits: ctx.hitCount({ match }) }];
    const delta = stageDelta(ranking, r.results, r.results.length);
    ranking = r.results;
    topOf.push(ranking.slice(0, s.passages).map((x) => x.chunkId));
    stage(ctx, { name: 'expand', round, text, shown: shown.map((x) => x.chunkId), delta, queries, ms: Math.round(performance.now() - started), ...(fresh.length === 0 ? { note: 'the expander returned nothing; kept the previous text' } : edited ? { note: 'edited by the user' } : {}) });
    ctx.emit({ type: 'results', stage: 'expand', results: ranking });
  }
  return { text, samples, ranking };
}

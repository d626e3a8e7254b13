/**
 * DeepRetrieval-style rewriting: the rewriter reasons, then answers `{"query": …}` inside
 * `<answer>` tags (parsed tolerantly, the last answer wins). The keyword query joins BM25 next to the
 * expansion. An empty, unreadable or absurd rewrite (no searchable term, or over 400 characters)
 * falls back to the original query, and the stage says why.
 */
import { rewrite as rewritePrompt } from '../llm/prompts.js';
import { parseRewrite } from '../llm/reply.js';
import { buildFtsQuery } from '../search/query/query.js';
import { stage, textHits, type PipelineContext } from './context.js';

export async function rewriteQuery(ctx: PipelineContext, query: string, edited?: string): Promise<string | null> {
  const started = performance.now();
  if (edited !== undefined) {
    const usable = edited.trim().length > 0 && buildFtsQuery(edited).match !== null;
    stage(ctx, {
      name: 'rewrite', text: usable ? edited.trim() : query, ms: 0, note: usable ? 'edited by the user' : 'the edited rewrite was empty; using the original query',
      ...(usable ? { queries: [textHits(ctx, 'keyword rewrite', edited.trim())] } : {}),
    });
    return usable ? edited.trim() : null;
  }
  const reply = await ctx.llm.chat({ role: 'rewriter', messages: rewritePrompt(query), temperature: 0, numPredict: 1024, signal: ctx.signal });
  const parsed = parseRewrite(reply.content);
  let note: string | undefined;
  if (parsed === null) note = 'the reply held no {"query": …} answer; using the original query';
  else if (parsed.trim().length === 0 || buildFtsQuery(parsed).match === null) note = 'the rewrite was empty; using the original query';
  else if (parsed.length > 400) note = 'the rewrite was too long to be a keyword query; using the original query';
  const result = note ? null : parsed!.trim();
  stage(ctx, { name: 'rewrite', text: result ?? query, ms: Math.round(performance.now() - started), ...(note ? { note } : { queries: [textHits(ctx, 'keyword rewrite', result!)] }) });
  return result;
}

/**
 * `search`: the library searched in any mode (bm25, dense, hybrid, or full with the LLM stages),
 * every result with its citation (file, page, `delve://document/<id>#page=N`) and its per-stage
 * trace (BM25 and dense ranks and scores, fusion, LLM judgement); progress notifications while it
 * runs (one per pipeline stage in full mode) and cancellation through the request's signal.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { SearchResult } from '../api.js';
import { cite } from './citation.js';
import { progressReporter, type McpContext } from './context.js';
import { guarded, ok } from './reply.js';

export function resultJson(r: SearchResult) {
  return {
    rank: r.rank, score: r.score, chunkId: r.chunkId, docId: r.docId, kind: r.kind, title: r.title, headingPath: r.headingPath,
    text: r.snippetText, citation: cite(r), trace: r.trace,
  };
}

export function registerSearchTools(server: McpServer, ctx: McpContext): void {
  server.registerTool('search', {
    title: 'Search the library',
    description: 'Searches the local Delve library (PDFs, notes, imported records). Returns ranked passages, each with its citation '
      + '(file, page, delve://document/<id>#page=N resource) and a per-stage score trace. Modes: bm25, dense, hybrid, full (adds local-LLM '
      + 'query expansion, rewriting and reranking through Ollama). Fetch a cited page with get_page or a passage with get_chunk.',
    inputSchema: {
      query: z.string().min(1).describe('What to look for, in plain words'),
      mode: z.enum(['bm25', 'dense', 'hybrid', 'full']).optional().describe('Default: hybrid when vectors exist, else bm25'),
      k: z.number().int().min(1).max(50).optional().describe('How many results (default 10)'),
      groupBy: z.enum(['chunk', 'document']).optional().describe('document: one result per document'),
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, (args, extra) => guarded(async () => {
    const progress = progressReporter(extra);
    await progress(0, `searching (${args.mode ?? 'default mode'})`);
    let stages = 0;
    const r = await ctx.engine.search(args.query, {
      ...(args.mode ? { mode: args.mode } : {}), k: args.k ?? 10, ...(args.groupBy ? { groupBy: args.groupBy } : {}), signal: extra.signal,
      ...(ctx.ollama ? { ollama: ctx.ollama } : {}),
      onEvent: (e) => { if (e.type === 'stage') void progress(++stages, `${e.stage.name}${e.stage.note ? `: ${e.stage.note}` : ''}`); },
    });
    extra.signal.throwIfAborted();
    await progress(stages + 1, `${r.results.length} results in ${Math.round(r.ms)} ms`, stages + 1);
    return ok({ query: r.query, mode: r.mode, ms: r.ms, results: r.results.map(resultJson), stages: r.stages ?? null, status: r.status ?? null, llm: r.llm ?? null });
  }));
}

/**
 * The PubMed assistant as tools: `pubmed_check` (parse and validate a Boolean query or a search
 * strategy, offline), `pubmed_search` (count, first PMIDs and PubMed's translation through NCBI
 * E-utilities, within NCBI's rate limits), `pubmed_draft` (LLM-drafted queries through Ollama,
 * ranked by the recall of seed PMIDs, clause counts and MeSH checks). Registered as a group so that
 * other registries (ClinicalTrials.gov) can add theirs the same way (server.ts).
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { Llm } from '../llm/client.js';
import { resolveLlmConfig } from '../llm/config.js';
import { createEutils } from '../pubmed/eutils/client.js';
import { createMeshClient, draftAndCheck, parsePico } from '../pubmed/draft/index.js';
import { checkQuery } from '../pubmed/query/index.js';
import { progressReporter, type McpContext } from './context.js';
import { guarded, ok } from './reply.js';

const PMID = z.string().regex(/^\d{1,9}$/);

export function registerPubmedTools(server: McpServer, ctx: McpContext): void {
  server.registerTool('pubmed_check', {
    title: 'Check a PubMed query',
    description: 'Parses and validates PubMed Boolean syntax (or a numbered search strategy) offline: the normalised query, or each error with its offset.',
    inputSchema: { query: z.string().min(1) },
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, (args) => guarded(() => {
    const r = checkQuery(args.query);
    return ok(r.ok ? { ok: true, normalized: r.normalized, kind: r.kind, dialect: r.dialect, warnings: r.warnings } : { ok: false, errors: r.errors, kind: r.kind, dialect: r.dialect, warnings: r.warnings });
  }));

  server.registerTool('pubmed_search', {
    title: 'Search PubMed',
    description: 'Runs a query on PubMed (NCBI E-utilities): how many records match, the first PMIDs, and how PubMed translated the query.',
    inputSchema: { query: z.string().min(1), retmax: z.number().int().min(0).max(200).optional() },
    annotations: { readOnlyHint: true, openWorldHint: true },
  }, (args, extra) => guarded(async () => {
    const r = await createEutils(ctx.ncbi ?? {}).esearch(args.query, { retmax: args.retmax ?? 20, signal: extra.signal });
    return ok({ count: r.count, ids: r.ids, translation: r.translation });
  }));

  server.registerTool('pubmed_draft', {
    title: 'Draft PubMed queries',
    description: 'Drafts candidate PubMed queries for a review question with the local LLM (Ollama), ranked by recall of the seed PMIDs '
      + '(papers that must be found), with result counts, clause counts and MeSH checks.',
    inputSchema: { question: z.string().min(1), seeds: z.array(PMID).optional(), candidates: z.number().int().min(1).max(16).optional() },
    annotations: { readOnlyHint: true, openWorldHint: true },
  }, (args, extra) => guarded(async () => {
    const progress = progressReporter(extra);
    await progress(0, 'drafting queries');
    const llm = new Llm(resolveLlmConfig({ ...(ctx.ollama ? { host: ctx.ollama } : {}), ...(ctx.llmModel ? { model: ctx.llmModel } : {}) }));
    const pico = parsePico(args.question);
    const cands = await draftAndCheck({
      ...(pico ? { pico } : { question: args.question }), seeds: args.seeds ?? [], k: args.candidates ?? 4, llm,
      eutils: createEutils(ctx.ncbi ?? {}), mesh: createMeshClient(ctx.ncbi ?? {}), signal: extra.signal,
    });
    await progress(1, `${cands.length} candidates`, 1);
    return ok({ candidates: cands.map((c) => ({ rank: c.rank, query: c.query, count: c.count, recall: c.recall, seedsFound: c.seedsFound, seedsMissed: c.seedsMissed, translation: c.translation, mesh: c.mesh, error: c.error ?? null })), llm: llm.usage });
  }));
}

/**
 * ClinicalTrials.gov and search strategies as tools, over the app facades (engine/app/trials.ts,
 * engine/app/strategy.ts): `pubmed_translate` (a numbered Ovid MEDLINE or PubMed strategy into one
 * PubMed query or Ovid lines, offline), `trials_check` (Essie syntax, offline), `trials_search`
 * (count, NCT ids, the first studies with "in library" marks, seed recall; registry at
 * $DELVE_CTGOV_URL, default the real API v2) and `trials_draft` (LLM-drafted Essie expressions
 * through Ollama, ranked by seed recall). All read-only.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { translateStrategy } from '../app/strategy.js';
import { trialsCheck, trialsDraft, trialsSearch, type EngineUse } from '../app/trials.js';
import { Llm } from '../llm/client.js';
import { resolveLlmConfig } from '../llm/config.js';
import { progressReporter, type McpContext } from './context.js';
import { guarded, ok } from './reply.js';

const NCT = z.string().regex(/^NCT\d{8}$/i);

export function registerTrialsTools(server: McpServer, ctx: McpContext): void {
  const use: EngineUse = async (fn) => fn(ctx.engine);

  server.registerTool('pubmed_translate', {
    title: 'Translate a search strategy',
    description: 'Translates a numbered search strategy (Ovid MEDLINE or PubMed lines, combinations like "1 and 2") offline: '
      + 'to PubMed, one query with every line resolved; to Ovid, Ovid lines. Each line with its translation and diagnostics.',
    inputSchema: { strategy: z.string().min(1), to: z.enum(['pubmed', 'ovid']).optional(), from: z.enum(['pubmed', 'ovid']).optional() },
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, (args) => guarded(() => ok(translateStrategy(args.strategy, args.to ?? 'pubmed', args.from))));

  server.registerTool('trials_check', {
    title: 'Check a ClinicalTrials.gov query',
    description: 'Parses and validates ClinicalTrials.gov search syntax (Essie: AND/OR/NOT, AREA[…], RANGE[…], quotes) offline: the normalised expression, or each error with its offset.',
    inputSchema: { query: z.string().min(1) },
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, (args) => guarded(() => ok(trialsCheck(args.query))));

  server.registerTool('trials_search', {
    title: 'Search ClinicalTrials.gov',
    description: 'Runs an Essie expression on ClinicalTrials.gov (API v2): how many studies match, the NCT ids of the first `limit`, '
      + 'the first `show` studies (title, status, phases, conditions, enrollment, sponsor, the library document if imported) and the recall of seed NCT ids.',
    inputSchema: { query: z.string().min(1), seeds: z.array(NCT).optional(), limit: z.number().int().min(1).max(10_000).optional(), show: z.number().int().min(0).max(100).optional() },
    annotations: { readOnlyHint: true, openWorldHint: true },
  }, (args) => guarded(async () => ok(await trialsSearch(use, args.query, {
    ...(args.seeds ? { seeds: args.seeds } : {}), ...(args.limit !== undefined ? { limit: args.limit } : {}), ...(args.show !== undefined ? { show: args.show } : {}),
  }))));

  server.registerTool('trials_draft', {
    title: 'Draft ClinicalTrials.gov queries',
    description: 'Drafts candidate ClinicalTrials.gov (Essie) searches for a question, PICO lines or a patient description with the local LLM (Ollama), '
      + 'each checked and run on the registry, ranked by recall of the seed NCT ids.',
    inputSchema: {
      question: z.string().min(1), patient: z.boolean().optional(), perArea: z.boolean().optional(),
      seeds: z.array(NCT).optional(), candidates: z.number().int().min(1).max(16).optional(),
    },
    annotations: { readOnlyHint: true, openWorldHint: true },
  }, (args, extra) => guarded(async () => {
    const progress = progressReporter(extra);
    await progress(0, 'drafting queries');
    const llm = new Llm(resolveLlmConfig({ ...(ctx.ollama ? { host: ctx.ollama } : {}), ...(ctx.llmModel ? { model: ctx.llmModel } : {}) }));
    const candidates = await trialsDraft(llm, {
      question: args.question, ...(args.patient ? { patient: true } : {}), ...(args.perArea ? { perArea: true } : {}),
      ...(args.seeds ? { seeds: args.seeds } : {}), ...(args.candidates ? { k: args.candidates } : {}),
    });
    await progress(1, `${candidates.length} candidates`, 1);
    return ok({ candidates, llm: llm.usage });
  }));
}

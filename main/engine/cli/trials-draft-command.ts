/**
 * `delve trials draft "<question | PICO lines | patient description>" [--patient] [--per-area]
 * [--seeds NCT…] [--candidates K] [--limit N]`: the local LLM drafts K ClinicalTrials.gov searches
 * (one Essie expression each, or one per search area with --per-area), each checked, counted and,
 * with seed NCT ids, ranked by recall within the first N results (default 1,000), then by how near
 * the count is to ~500. --json: `{"candidates":[…],"llm":{…}}`. Ollama or registry failures print
 * `delve: CODE: message; fix: hint` and exit 1.
 */
import { setMaxListeners } from 'node:events';
import { Llm } from '../llm/client.js';
import { resolveLlmConfig } from '../llm/config.js';
import { LlmError } from '../llm/failure.js';
import { parsePico } from '../pubmed/draft/pico.js';
import { CTGOV_HINTS, TrialsError } from '../trials/api/errors.js';
import { draftTrialQueries, TRIALS_RECALL_AT, type TrialCandidate } from '../trials/draft/index.js';
import { UsageError } from './args.js';
import { ctgovFrom, nctArgs, type Out } from './trials-common.js';

export interface TrialsDraftArgs {
  question: string; patient: boolean; perArea: boolean; seeds?: string[]; k?: number; limit?: number;
  ctgov?: string; ollama?: string; llmModel?: string; json: boolean;
}

const num = (n: number | null) => (n === null ? '—' : n.toLocaleString('en-US'));
const areasText = (a: Record<string, string> | null) => (a ? Object.entries(a).map(([k, v]) => `query.${k}=${v}`).join('  ') : '(no query)');

function candidateJson(c: TrialCandidate): Record<string, unknown> {
  return {
    rank: c.rank, areas: c.areas, normalized: c.normalized, count: c.count, recall: c.recall, seedsFound: c.seedsFound, seedsMissed: c.seedsMissed,
    idsRead: c.idsRead, pagesRead: c.pagesRead, areaCounts: c.areaCounts, clauseCounts: c.clauseCounts, countDistance: c.countDistance, reward: c.reward,
    formatOk: c.formatOk, samples: c.samples, ...(c.errors ? { errors: c.errors } : {}), ...(c.error !== undefined ? { error: c.error, reply: c.reply } : {}),
  };
}

export async function trialsDraftCommand(a: TrialsDraftArgs, out: Out, err: Out): Promise<number> {
  if (a.question.trim() === '') throw new UsageError('trials draft needs a question, PICO lines or a patient description (quote it)');
  const seeds = nctArgs(a.seeds, '--seeds');
  const k = a.k ?? 4;
  const llm = new Llm(resolveLlmConfig({ ...(a.ollama ? { host: a.ollama } : {}), ...(a.llmModel ? { model: a.llmModel } : {}) }));
  const pico = a.patient ? null : parsePico(a.question);
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  let cands: TrialCandidate[];
  try {
    cands = await draftTrialQueries({
      ...(a.patient ? { patient: a.question } : pico ? { pico } : { question: a.question }), seeds, k, llm, ctgov: ctgovFrom(a),
      form: a.perArea ? 'areas' : 'query', recallAt: a.limit ?? TRIALS_RECALL_AT, signal: controller.signal,
    });
  } catch (e) {
    if (e instanceof LlmError) { err(`delve: ${e.code}: ${e.message}; fix: ${e.hint}`); return 1; }
    if (e instanceof TrialsError) { err(`delve: ${e.code}: ${e.message}; fix: ${CTGOV_HINTS[e.reason]}`); return 1; }
    throw e;
  } finally {
    process.off('SIGINT', stop);
  }
  const { calls, promptTokens, completionTokens, cacheHits } = llm.usage;
  if (a.json) {
    out(JSON.stringify({ candidates: cands.map(candidateJson), llm: { calls, promptTokens, completionTokens, cacheHits, model: llm.modelFor('rewriter') } }));
    return 0;
  }
  out(`${cands.length} ClinicalTrials.gov search${cands.length === 1 ? '' : 'es'} drafted by ${llm.modelFor('rewriter')}${seeds.length ? `, ranked by recall@${a.limit ?? TRIALS_RECALL_AT} of ${seeds.length} trials` : ', ranked by count (no seeds)'}`);
  for (const c of cands) {
    out(`${String(c.rank).padEnd(3)}${(c.recall === null ? '' : c.recall.toFixed(3)).padEnd(8)}${num(c.count).padStart(9)}  ${areasText(c.normalized ?? c.areas ?? null)}`);
    const pad = ' '.repeat(20);
    if (c.error !== undefined) out(`${pad}error: ${c.error}`);
    for (const e of c.errors ?? []) out(`${pad}error in query.${e.area} at offset ${e.offset}: ${e.message}`);
    for (const ac of c.areaCounts) out(`${pad}${num(ac.count).padStart(9)}  query.${ac.area} alone`);
    for (const cc of c.clauseCounts) out(`${pad}${num(cc.count).padStart(9)}  ${cc.query}${cc.error ? `  (${cc.error})` : ''}`);
    if (c.seedsMissed.length) out(`${pad}missed: ${c.seedsMissed.slice(0, 10).join(', ')}${c.seedsMissed.length > 10 ? ', …' : ''}`);
  }
  return 0;
}

/**
 * `delve pubmed draft "<question>" [--seeds PMID,…] [--ollama URL] [--llm-model M] [--eutils URL]`:
 * the local LLM drafts K PubMed Boolean queries for a systematic search (the question may be typed
 * as PICO lines, `P: …\nI: …`); each is checked, counted on PubMed and, with seed PMIDs, ranked by
 * recall within the first 3,000 records (DeepRetrieval's measure), then by how near its count is to
 * ~3,000; each valid one also gets per-clause counts and a check of its MeSH headings.
 *
 * Failures of Ollama (OLLAMA_UNREACHABLE, MODEL_MISSING, …) and of NCBI (PUBMED_*) print
 * `delve: CODE: message; fix: hint` on stderr and exit 1.
 */
import { setMaxListeners } from 'node:events';
import { Llm, resolveLlmConfig } from '../app/llm.js';
import { draftPubmed, RECALL_AT, type CheckedCandidate } from '../app/pubmed.js';
import { LlmError } from '../llm/failure.js';
import { PubmedError, type PubmedErrorCode } from '../pubmed/eutils/errors.js';
import { ncbiSettings, pmidList, UsageError } from './args.js';
import { onInterrupt } from './interrupt.js';

type Out = (s: string) => void;

export interface PubmedDraftArgs {
  question: string;
  seeds?: string[];
  eutils?: string;
  ollama?: string;
  llmModel?: string;
  k?: number;
  apiKey?: string;
  email?: string;
  json: boolean;
}

const PUBMED_HINTS: Record<PubmedErrorCode, string> = {
  PUBMED_UNREACHABLE: 'check the network connection, or the E-utilities address (--eutils)',
  PUBMED_RATE_LIMITED: 'wait a minute, or use an NCBI API key (--api-key or NCBI_API_KEY) for 10 requests a second',
  PUBMED_TIMEOUT: 'NCBI is slow or overloaded; try again later',
  PUBMED_FAILED: 'NCBI E-utilities failed; try again later',
  PUBMED_QUERY_INVALID: 'check the query',
};

const num = (n: number | null) => (n === null ? '—' : n.toLocaleString('en-US'));

function candidateJson(c: CheckedCandidate): Record<string, unknown> {
  return {
    rank: c.rank, query: c.query, normalized: c.normalized, searched: c.searched, count: c.count, recall: c.recall,
    seedsFound: c.seedsFound, seedsMissed: c.seedsMissed,
    clauses: c.clauses.map((k) => ({ query: k.query, count: k.count, depth: k.depth, ...(k.error ? { error: k.error } : {}) })),
    clausesSkipped: c.clausesSkipped,
    mesh: c.mesh.map((m) => ({ heading: m.heading, exists: m.exists, suggestion: m.suggestion, ...(m.error ? { error: m.error } : {}) })),
    samples: c.samples, translation: c.translation, notFound: c.notFound, countDistance: c.countDistance,
    reward: c.reward, formatOk: c.formatOk,
    ...(c.errors ? { errors: c.errors } : {}),
    ...(c.error !== undefined ? { error: c.error, reply: c.reply } : {}),
  };
}

function printHuman(cands: CheckedCandidate[], seeds: number, out: Out): void {
  out(`${'#'.padEnd(3)}${(seeds ? 'recall' : '').padEnd(8)}${'count'.padStart(11)}  query`);
  for (const c of cands) {
    const recall = c.recall === null ? '' : c.recall.toFixed(3);
    out(`${String(c.rank).padEnd(3)}${recall.padEnd(8)}${num(c.count).padStart(11)}  ${c.searched ?? c.query ?? '(no query)'}`);
    const pad = ' '.repeat(24);
    if (c.error !== undefined) out(`${pad}error: ${c.error}`);
    for (const e of c.errors ?? []) out(`${pad}error at offset ${e.offset}: ${e.message}`);
    const missed = c.seedsMissed;
    if (missed.length) out(`${pad}missed ${missed.length} seed${missed.length === 1 ? '' : 's'}: ${missed.slice(0, 10).join(', ')}${missed.length > 10 ? ', …' : ''}`);
    if (c.notFound.length) out(`${pad}not found in PubMed: ${c.notFound.join(', ')}`);
    for (const k of c.clauses) out(`${pad}${k.depth === 2 ? '  ' : ''}${num(k.count).padStart(11)}  ${k.query}${k.error ? `  (${k.error})` : ''}`);
    if (c.clausesSkipped) out(`${pad}(${c.clausesSkipped} more clause${c.clausesSkipped === 1 ? '' : 's'} not counted)`);
    for (const m of c.mesh) {
      if (m.exists === false) out(`${pad}MeSH "${m.heading}" does not exist${m.suggestion ? `; did you mean "${m.suggestion}"?` : ''}`);
      else if (m.exists === null) out(`${pad}MeSH "${m.heading}" could not be checked: ${m.error ?? ''}`);
    }
  }
}

export async function pubmedDraft(a: PubmedDraftArgs, out: Out, err: Out): Promise<number> {
  if (a.question.trim() === '') throw new UsageError('pubmed draft needs a review question (quote it)');
  const seeds = pmidList(a.seeds, '--seeds');
  const k = a.k ?? 4;
  if (!Number.isInteger(k) || k < 1 || k > 16) throw new UsageError('the number of candidates (k) must be a whole number from 1 to 16');
  const ncbi = ncbiSettings(a);
  const llm = new Llm(resolveLlmConfig({ ...(a.ollama ? { host: a.ollama } : {}), ...(a.llmModel ? { model: a.llmModel } : {}) }));

  const interrupt = onInterrupt();
  setMaxListeners(0, interrupt.signal); // every queued NCBI request listens to it
  let cands: CheckedCandidate[];
  try {
    cands = await draftPubmed({ question: a.question, seeds, k, llm, ncbi, signal: interrupt.signal });
  } catch (e) {
    if (e instanceof LlmError) { err(`delve: ${e.code}: ${e.message}; fix: ${e.hint}`); return 1; }
    if (e instanceof PubmedError) { err(`delve: ${e.code}: ${e.message}; fix: ${PUBMED_HINTS[e.reason]}`); return 1; }
    throw e;
  } finally {
    interrupt.release();
  }
  const { calls, promptTokens, completionTokens, cacheHits } = llm.usage;
  if (a.json) {
    out(JSON.stringify({ candidates: cands.map(candidateJson), llm: { calls, promptTokens, completionTokens, cacheHits, model: llm.modelFor('rewriter') } }));
    return 0;
  }
  out(`${cands.length} PubMed quer${cands.length === 1 ? 'y' : 'ies'} drafted by ${llm.modelFor('rewriter')}${seeds.length ? `, ranked by recall@${RECALL_AT} of ${seeds.length} seeds` : ', ranked by count (no seeds)'}`);
  printHuman(cands, seeds.length, out);
  out(`LLM: ${calls} call${calls === 1 ? '' : 's'}, ${promptTokens.toLocaleString('en-US')} prompt + ${completionTokens.toLocaleString('en-US')} completion tokens, ${cacheHits} from cache`);
  return 0;
}

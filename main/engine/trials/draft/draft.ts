/**
 * Drafting ClinicalTrials.gov searches with the local LLM, judged as DeepRetrieval judges them: K
 * samples of the trialsDraft prompt (temperature 0.7, sample i), each reply read (answer.ts), each
 * area checked with checkEssie (an invalid search keeps its errors and is not sent), normalised and
 * de-duplicated, then run (search.ts): with seed NCT ids, recall within the first `recallAt` results
 * (default 1,000, reading past the first page when pages are smaller). Ranked by recall, then by
 * |ln count − ln target| (the PubMed drafter's rank.ts), then by drafting order; failures last.
 *
 * Failures: Ollama unreachable, a missing model, cancellation and every registry failure other than
 * a refused query stop the whole draft (thrown). A single failed call is a candidate with `error`,
 * unless every call failed.
 */
import { setMaxListeners } from 'node:events';
import type { Llm } from '../../llm/client.js';
import { LlmError } from '../../llm/failure.js';
import type { PicoParts } from '../../llm/prompts.js';
import { EngineError } from '../../errors.js';
import { countDistance, deepRetrievalReward, rankCandidates } from '../../pubmed/draft/rank.js';
import type { Ctgov } from '../api/client.js';
import { nctIds } from '../api/params.js';
import { QUERY_AREAS, type StudiesQuery } from '../api/types.js';
import { checkEssie } from '../essie/index.js';
import { readTrialsAnswer, type AreaQueries } from './answer.js';
import { emptyTrial, failedTrial, type TrialCandidate } from './candidate.js';
import { trialsDraft, type AnswerForm, type TrialsAsk } from './prompt.js';
import { areaCounts, clauseCounts, runCandidate, type RunOptions } from './search.js';

/** DeepRetrieval's recall depth for trial search. */
export const TRIALS_RECALL_AT = 1000;
/** A trial search of about this many records is a reasonable screening load (a choice, configurable). */
export const DEFAULT_TRIALS_TARGET = 500;

export interface TrialsDraftOptions {
  question?: string;
  pico?: PicoParts;
  patient?: string;
  seeds?: readonly string[];
  k?: number;
  form?: AnswerForm;
  llm: Llm;
  ctgov: Ctgov;
  recallAt?: number;
  /** Studies per page while reading the first recallAt (default 1,000). */
  pageSize?: number;
  targetCount?: number;
  filters?: Pick<StudiesQuery, 'overallStatus' | 'advanced'>;
  temperature?: number;
  numPredict?: number;
  signal?: AbortSignal;
  onCandidate?: (c: TrialCandidate) => void;
}

const FATAL_LLM = new Set(['OLLAMA_UNREACHABLE', 'MODEL_MISSING', 'CANCELLED']);

function askOf(o: TrialsDraftOptions): TrialsAsk {
  if (o.pico) return { pico: o.pico };
  if (o.patient?.trim()) return { patient: o.patient };
  if (o.question?.trim()) return { question: o.question };
  throw new EngineError('BAD_ARGUMENT', 'drafting a trial search needs a question, its PICO or a patient description');
}

export async function draftTrialQueries(o: TrialsDraftOptions): Promise<TrialCandidate[]> {
  const ask = askOf(o);
  const k = Math.max(1, Math.trunc(o.k ?? 4));
  const seeds = nctIds(o.seeds ?? []);
  const target = o.targetCount ?? DEFAULT_TRIALS_TARGET;
  const stop = new AbortController();
  const signal = o.signal ? AbortSignal.any([o.signal, stop.signal]) : stop.signal;
  setMaxListeners(0, signal);
  let fatal: unknown = null;
  const fail = (e: unknown): never => { if (fatal === null) { fatal = e; stop.abort(); } throw e; };
  const run: RunOptions = { ctgov: o.ctgov, seeds, recallAt: o.recallAt ?? TRIALS_RECALL_AT, signal, ...(o.pageSize ? { pageSize: o.pageSize } : {}), ...(o.filters ? { filters: o.filters } : {}) };
  const distinct = new Map<string, TrialCandidate>();
  const out: TrialCandidate[] = [];
  const llmErrors: LlmError[] = [];
  const done = (c: TrialCandidate) => { out.push(c); o.onCandidate?.(c); };

  async function one(i: number): Promise<void> {
    let reply;
    try {
      reply = await o.llm.chat({ role: 'rewriter', messages: trialsDraft(ask, i, o.form ?? 'query'), temperature: o.temperature ?? 0.7, sample: i, signal, ...(o.numPredict ? { numPredict: o.numPredict } : {}) });
    } catch (e) {
      if (!(e instanceof LlmError) || FATAL_LLM.has(e.code) || signal.aborted) fail(e);
      llmErrors.push(e as LlmError);
      return done({ ...emptyTrial(i), error: `${(e as LlmError).code}: ${(e as LlmError).message}` });
    }
    const c = emptyTrial(i, reply.content, reply.thinking);
    const read = readTrialsAnswer(reply.content, reply.thinking);
    Object.assign(c, { areas: read.areas, formatOk: read.formatOk, loose: read.loose });
    if (!read.areas) { c.error = 'no query in the reply: expected <answer>{"query": "…"}</answer>'; return done(c); }
    const normalized: AreaQueries = {};
    const errors: NonNullable<TrialCandidate['errors']> = [];
    for (const area of QUERY_AREAS) { // in one order, so equal searches are one candidate
      const q = read.areas[area];
      if (q === undefined) continue;
      const check = checkEssie(q);
      if (check.ok) normalized[area] = check.normalized;
      else errors.push(...check.errors.map((e) => ({ area, message: e.message, offset: e.offset })));
    }
    const key = errors.length ? `bad\u0000${JSON.stringify(read.areas)}` : `ok\u0000${JSON.stringify(normalized)}`;
    const same = distinct.get(key);
    if (same) { same.samples.push(i); same.samples.sort((a, b) => a - b); return; }
    distinct.set(key, c);
    if (errors.length) { c.errors = errors; return done(c); }
    c.normalized = normalized;
    try {
      await runCandidate(c, normalized, run);
      c.countDistance = countDistance(c.count, target);
      [c.areaCounts, c.clauseCounts] = await Promise.all([areaCounts(normalized, run), clauseCounts(normalized, run)]);
    } catch (e) {
      if ((e as { code?: string }).code !== 'CTGOV_QUERY_INVALID' || signal.aborted) fail(e);
      c.error = (e as Error).message;
    }
    done(c);
  }

  await Promise.allSettled(Array.from({ length: k }, (_, i) => one(i)));
  if (fatal !== null) throw o.signal?.aborted ? new EngineError('CANCELLED', 'cancelled') : fatal;
  if (llmErrors.length === k) throw llmErrors[0]!;
  for (const c of out) if (seeds.length) c.reward = deepRetrievalReward(c.formatOk, failedTrial(c) ? null : c.recall);
  const ranked = rankCandidates(out, (c) => ({ order: c.samples[0]!, failed: failedTrial(c), recall: c.recall, count: c.count }), target);
  ranked.forEach((c, i) => { c.rank = i + 1; });
  return ranked;
}

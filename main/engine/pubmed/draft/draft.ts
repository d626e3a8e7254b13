/**
 * Drafting PubMed Boolean queries with the local LLM, judged as DeepRetrieval judges them: K
 * samples of the pubmedDraft prompt (temperature 0.7, sample i, all at once; the Llm's own
 * concurrency limit queues them), each reply read (answer.ts), checked with checkQuery (an invalid
 * query is kept with its errors and not sent to NCBI), normalised and de-duplicated, then counted on
 * PubMed (sent with every group in parentheses: the same tree); with seed PMIDs, recall =
 * |seeds ∩ first 3,000 ids| / |seeds|. Ranked by rank.ts.
 *
 * Failures: Ollama unreachable, a missing model, cancellation and every NCBI failure other than a
 * refused query stop the whole draft (the error is thrown). A timed-out or failed single call is a
 * candidate with `error`, unless every call failed.
 */
import { setMaxListeners } from 'node:events';
import type { Llm } from '../../llm/client.js';
import { LlmError } from '../../llm/failure.js';
import { pubmedDraft, type PicoParts } from '../../llm/prompts.js';
import { EngineError } from '../../errors.js';
import type { Eutils } from '../eutils/client.js';
import { PubmedError } from '../eutils/errors.js';
import { checkQuery, printQuery } from '../query/index.js';
import { readAnswer } from './answer.js';
import { emptyCandidate, failed, type DraftCandidate } from './candidate.js';
import { countDistance, deepRetrievalReward, DEFAULT_TARGET_COUNT, rankCandidates } from './rank.js';

/** DeepRetrieval's Recall@3K. */
export const RECALL_AT = 3000;

export interface DraftOptions {
  question?: string;
  pico?: PicoParts;
  seeds?: readonly string[];
  /** Candidates to ask for (default 4). */
  k?: number;
  llm: Llm;
  eutils: Eutils;
  /** A reasonable hit count for the review (default 3,000). */
  targetCount?: number;
  temperature?: number;
  numPredict?: number;
  /** Publication-date cap, like DeepRetrieval's review date (YYYY/MM/DD). */
  maxdate?: string;
  signal?: AbortSignal;
  /** Each distinct candidate once it is complete (before ranking; `rank` is 0). */
  onCandidate?: (c: DraftCandidate) => void;
}

const FATAL_LLM = new Set(['OLLAMA_UNREACHABLE', 'MODEL_MISSING', 'CANCELLED']);

export async function draftQueries(o: DraftOptions): Promise<DraftCandidate[]> {
  const question = o.pico ?? o.question?.trim();
  if (!question) throw new EngineError('BAD_ARGUMENT', 'drafting a PubMed query needs a question or its PICO');
  const k = Math.max(1, Math.trunc(o.k ?? 4));
  const seeds = [...new Set(o.seeds ?? [])];
  const target = o.targetCount ?? DEFAULT_TARGET_COUNT;
  const stop = new AbortController();
  const signal = o.signal ? AbortSignal.any([o.signal, stop.signal]) : stop.signal;
  setMaxListeners(0, signal); // every queued request listens to it
  let fatal: unknown = null;
  const fail = (e: unknown): never => {
    if (fatal === null) { fatal = e; stop.abort(); }
    throw e;
  };
  const distinct = new Map<string, DraftCandidate>();
  const out: DraftCandidate[] = [];
  const llmErrors: LlmError[] = [];
  const done = (c: DraftCandidate) => { out.push(c); o.onCandidate?.(c); };

  async function count(c: DraftCandidate, term: string): Promise<void> {
    try {
      const dates = o.maxdate ? { maxdate: o.maxdate } : {};
      const r = seeds.length ? await o.eutils.esearchAll(term, { limit: RECALL_AT, signal, ...dates }) : await o.eutils.esearch(term, { retmax: 0, signal, ...dates });
      c.count = r.count;
      c.translation = r.translation;
      c.notFound = [...r.errors.phrasesNotFound, ...r.errors.fieldsNotFound];
      c.countDistance = countDistance(r.count, target);
      if (seeds.length) {
        const got = new Set(r.ids);
        c.seedsFound = seeds.filter((s) => got.has(s));
        c.seedsMissed = seeds.filter((s) => !got.has(s));
        c.recall = c.seedsFound.length / seeds.length;
      }
    } catch (e) {
      if (!(e instanceof PubmedError && e.reason === 'PUBMED_QUERY_INVALID') || signal.aborted) fail(e);
      c.error = (e as Error).message;
    }
  }

  async function one(i: number): Promise<void> {
    let reply;
    try {
      reply = await o.llm.chat({ role: 'rewriter', messages: pubmedDraft(question!, i), temperature: o.temperature ?? 0.7, sample: i, signal, ...(o.numPredict ? { numPredict: o.numPredict } : {}) });
    } catch (e) {
      if (!(e instanceof LlmError) || FATAL_LLM.has(e.code) || signal.aborted) fail(e);
      llmErrors.push(e as LlmError);
      return done({ ...emptyCandidate(i), error: `${(e as LlmError).code}: ${(e as LlmError).message}` });
    }
    const c = emptyCandidate(i, reply.content, reply.thinking);
    const read = readAnswer(reply.content, reply.thinking);
    Object.assign(c, { query: read.query, formatOk: read.formatOk, loose: read.loose });
    if (read.query === null) {
      c.error = 'no query in the reply: expected <answer>{"query": "…"}</answer>';
      return done(c);
    }
    const check = checkQuery(read.query);
    const key = check.ok ? `ok\u0000${check.normalized}` : `bad\u0000${read.query}`;
    const same = distinct.get(key);
    if (same) { same.samples.push(i); same.samples.sort((a, b) => a - b); return; }
    distinct.set(key, c);
    if (!check.ok) {
      c.errors = check.errors.map((e) => ({ message: e.message, offset: e.offset }));
      return done(c);
    }
    c.normalized = check.normalized;
    c.searched = printQuery(check.tree, { parens: 'all' });
    await count(c, c.searched);
    done(c);
  }

  await Promise.allSettled(Array.from({ length: k }, (_, i) => one(i)));
  if (fatal !== null) throw o.signal?.aborted ? new EngineError('CANCELLED', 'cancelled') : fatal;
  if (llmErrors.length === k) throw llmErrors[0]!;
  for (const c of out) if (seeds.length) c.reward = deepRetrievalReward(c.formatOk, failed(c) ? null : c.recall);
  const ranked = rankCandidates(out, (c) => ({ order: c.samples[0]!, failed: failed(c), recall: c.recall, count: c.count }), target);
  ranked.forEach((c, i) => { c.rank = i + 1; });
  return ranked;
}

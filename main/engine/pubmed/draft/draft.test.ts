/**
 * draftQueries against the Ollama and E-utilities test servers: scripted candidates (DeepRetrieval
 * format, repeated answer tags, a code fence, unescaped quotes, invalid syntax, no answer) and
 * scripted PubMed hits for a real review topic; the ranking by seed recall, ties by count distance,
 * de-duplication, what is and is not sent to NCBI, rewards, and LLM failures.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startEutilsServer, type EutilsTestServer } from '../../../../test/helpers/eutils-server.js';
import { lastUserMessage, startOllamaServer, type OllamaTestServer } from '../../../../test/helpers/ollama-server.js';
import { Llm } from '../../llm/client.js';
import { resolveLlmConfig } from '../../llm/config.js';
import { LlmError } from '../../llm/failure.js';
import { createEutils } from '../eutils/client.js';
import { realClock } from '../eutils/clock.js';
import { RateLimiter } from '../eutils/rate-limit.js';
import { draftQueries } from './draft.js';
import { countDistance } from './rank.js';
import { hitsByQuery, loadTopic, REPLIES, respondBySample, SEARCHED } from '../../../../test/helpers/pubmed-draft-fixtures.js';
import { deadPort } from '../../../../test/helpers/dead-port.js';

const topic = loadTopic('43');
const seeds = topic.included_pmids;
const byQuery = hitsByQuery(seeds);

let ollama: OllamaTestServer;
let ncbi: EutilsTestServer;
before(async () => {
  ollama = await startOllamaServer({ models: ['qwen3:4b'] });
  ncbi = await startEutilsServer({ search: (term) => byQuery.get(term) ?? [] });
});
after(async () => { await ollama.close(); await ncbi.close(); });

const llm = (host = ollama.url) => new Llm(resolveLlmConfig({ host, concurrency: 3, retries: 0 }));
const eutils = () => createEutils({ baseUrl: ncbi.url, limiter: new RateLimiter(1000, 1000, realClock, { minIntervalMs: 0 }) });

test('drafting ranks scripted candidates by seed recall exactly, ties by count distance, errors last', async () => {
  ollama.reset();
  ncbi.reset();
  ollama.respond(respondBySample());
  const l = llm();
  const seen: number[][] = [];
  const ranked = await draftQueries({ question: topic.title, seeds, k: REPLIES.length, llm: l, eutils: eutils(), onCandidate: (c) => seen.push(c.samples) });

  assert.deepEqual(ranked.map((c) => c.searched), [SEARCHED.B, SEARCHED.C, SEARCHED.D, SEARCHED.A, null, null]);
  assert.deepEqual(ranked.map((c) => c.rank), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(ranked.map((c) => c.recall), [1, 26 / 34, 0.5, 0.5, null, null]);
  assert.deepEqual(ranked.map((c) => c.count), [5200, 2400, 5900, 1500, null, null]);
  assert.deepEqual(ranked.map((c) => c.samples), [[1], [2], [3], [0, 6], [4], [5]], 'sample 6 wrote sample 0\'s query again: one candidate');
  // The tie: D (5,900 hits) beats A (1,500, drafted first) because |ln 5900 − ln 3000| = 0.676 < ln 2
  // = 0.693; by raw difference A (1,500 off) would have won over D (2,900 off).
  const [, , d, a, invalid, none] = ranked;
  assert.ok(countDistance(5900) < countDistance(1500));
  assert.equal(d!.countDistance, countDistance(5900));
  assert.ok(Math.abs(a!.countDistance! - Math.log(2)) < 1e-12);

  assert.deepEqual(d!.seedsFound, seeds.slice(0, 17));
  assert.deepEqual(d!.seedsMissed, seeds.slice(17), 'seeds after the 3,000th record are missed');
  assert.deepEqual(a!.seedsFound, seeds.slice(17));
  assert.equal(ranked[0]!.seedsMissed.length, 0);
  assert.equal(ranked[1]!.normalized, '"Thyroid Neoplasms"[mh] OR "thyroid carcinoma"[tiab] AND (Autopsy[mh] OR autops*[tiab])', 'long tag names normalised');
  assert.equal(ranked[0]!.query, '("Thyroid Neoplasms"[mh] OR thyroid carcinoma*[tiab] OR "thyroid cancer"[tiab]) AND (autopsy[mh] OR autops*[tiab] OR postmortem[tiab] OR "post mortem"[tiab])', 'the last of two answers');

  assert.equal(invalid!.query, '("thyroid cancer"[tiab] AND autopsy[tiab]');
  assert.deepEqual(invalid!.errors, [{ message: 'unbalanced parenthesis: this ( is never closed', offset: 0 }]);
  assert.equal(invalid!.count, null);
  assert.equal(none!.query, null);
  assert.match(none!.error!, /no query in the reply/);
  assert.equal(none!.reply, REPLIES[5]);

  // NCBI: one esearch per distinct valid query (the first 3,000 ids), never the invalid one.
  assert.deepEqual(ncbi.requests.map((r) => r.params.term).sort(), [SEARCHED.A, SEARCHED.B, SEARCHED.C, SEARCHED.D].sort());
  assert.ok(ncbi.requests.every((r) => r.endpoint === 'esearch.fcgi' && r.params.db === 'pubmed' && r.params.retmax === '3000'));

  // Ollama: K separate rewriter calls, temperature 0.7, samples 0…K−1, the question in the prompt,
  // at most the Llm's concurrency (3) at once.
  assert.equal(ollama.calls.length, REPLIES.length);
  assert.deepEqual(ollama.calls.map((c) => Number(c.options?.seed)).sort((x, y) => x - y), [1000, 1001, 1002, 1003, 1004, 1005, 1006]);
  assert.ok(ollama.calls.every((c) => c.options?.temperature === 0.7 && lastUserMessage(c).includes(`Review question: ${topic.title}`)));
  assert.ok(ollama.maxInFlight() <= 3);
  assert.deepEqual(l.usage, { calls: 7, promptTokens: 2100, completionTokens: 420, cacheHits: 0, failures: 0 });

  // DeepRetrieval's reward: format +1 / −4 (repeated answer tags and no tags fail it), + recall reward.
  assert.deepEqual(ranked.map((c) => [c.formatOk, c.reward]), [[false, -4], [true, 6], [true, 5], [true, 5], [true, -3], [false, -4]]);
  assert.equal(seen.length, 6, 'onCandidate once per distinct candidate');
});

test('without seeds: counts only (retmax 0), ranked by count distance; a PICO question is sent as P:/I: lines', async () => {
  ollama.reset();
  ncbi.reset();
  ollama.respond(respondBySample());
  const ranked = await draftQueries({ pico: { P: 'autopsy series', I: 'thyroid examination', O: 'occult thyroid cancer' }, k: 4, llm: llm(), eutils: eutils() });
  assert.deepEqual(ranked.map((c) => c.searched), [SEARCHED.C, SEARCHED.B, SEARCHED.D, SEARCHED.A], '2,400 is nearest 3,000, then 5,200, 5,900, 1,500');
  assert.ok(ranked.every((c) => c.recall === null && c.reward === null));
  assert.ok(ncbi.requests.every((r) => r.params.retmax === '0'));
  assert.ok(lastUserMessage(ollama.calls[0]!).endsWith('P: autopsy series\nI: thyroid examination\nO: occult thyroid cancer'));
});

test('Ollama down: a clear LlmError (code, message, hint) and nothing sent to NCBI', async () => {
  ncbi.reset();
  const host = `http://127.0.0.1:${await deadPort()}`;
  await assert.rejects(draftQueries({ question: topic.title, seeds, llm: llm(host), eutils: eutils() }), (e: unknown) => {
    assert.ok(e instanceof LlmError);
    assert.equal(e.code, 'OLLAMA_UNREACHABLE');
    assert.match(e.message, /nothing answers at http:\/\/127\.0\.0\.1:\d+/);
    assert.match(e.hint, /start Ollama/);
    return true;
  });
  assert.equal(ncbi.requests.length, 0);
});

test('one failed LLM call is a candidate with its error; all failed throws; NCBI down throws', async () => {
  ollama.reset();
  ollama.respond(respondBySample(REPLIES.slice(0, 2)));
  const ranked = await draftQueries({ question: topic.title, seeds, k: 3, llm: llm(), eutils: eutils() });
  assert.deepEqual(ranked.map((c) => c.samples[0]), [1, 0, 2]);
  assert.match(ranked[2]!.error!, /^LLM_FAILED: .*no scripted reply for sample 2/);

  ollama.respond(() => ({ status: 400, error: 'bad request' }));
  await assert.rejects(draftQueries({ question: 'x', k: 2, llm: llm(), eutils: eutils() }), (e: unknown) => e instanceof LlmError && e.code === 'LLM_FAILED');

  ollama.respond(respondBySample());
  const dead = createEutils({ baseUrl: `http://127.0.0.1:${await deadPort()}/entrez/eutils/`, retries: 0 });
  await assert.rejects(draftQueries({ question: topic.title, k: 2, llm: llm(), eutils: dead }), (e: unknown) => (e as { code?: string }).code === 'PUBMED_UNREACHABLE');
});

/**
 * draftTrialQueries against the Ollama-protocol test server (scripted candidates) and the API v2
 * test server (scripted results, 100 studies a page so that recall@1000 reads up to ten pages):
 * ranking by NCT recall exactly, seeds found only past the first page, ties by count distance,
 * per-area counts, de-duplication, what is and is not sent to the registry.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startCtgovServer, type CtgovTestServer } from '../../../../test/helpers/ctgov-server.js';
import { startOllamaServer, type OllamaTestServer } from '../../../../test/helpers/ollama-server.js';
import { Llm } from '../../llm/client.js';
import { resolveLlmConfig } from '../../llm/config.js';
import { countDistance } from '../../pubmed/draft/rank.js';
import { respondBySample } from '../../../../test/helpers/pubmed-draft-fixtures.js';
import { createCtgov, paceLimiter } from '../api/client.js';
import { draftTrialQueries } from './draft.js';
import { hits, loadPatient, SENT, TRIAL_REPLIES } from '../../../../test/helpers/trial-draft-fixtures.js';

const topic = loadPatient('sigir-20141');
const seeds = topic.seeds;
const half = Math.floor(seeds.length / 2);
const quarter = Math.floor(seeds.length / 4);

/** The ids per search, keyed by its query.* parameters. */
const RESULTS = new Map<string, string[]>([
  // B: every seed within the first 1,000, the last ones on pages 6–10 (past the first page)
  [JSON.stringify(SENT.B), hits(1500, 50_000_000, seeds, (i) => (i < half ? i * 3 : 500 + i * 10))],
  // A: half the seeds within the first 1,000, the rest after it; 2,400 hits
  [JSON.stringify(SENT.A), hits(2400, 51_000_000, seeds.slice(0, half), (i) => 150 + i * 20, seeds.slice(half))],
  // D: the same half within the first 1,000; 600 hits (nearer the 500 target than A's 2,400)
  [JSON.stringify(SENT.D), hits(600, 52_000_000, seeds.slice(0, half), (i) => 250 + i * 7)],
  // C: a quarter of the seeds, on page 9
  [JSON.stringify(SENT.C), hits(5000, 53_000_000, seeds.slice(0, quarter), (i) => 800 + i)],
  [JSON.stringify({ cond: SENT.B.cond }), hits(3100, 54_000_000, [], () => 0)],
  [JSON.stringify({ term: SENT.B.term }), hits(2200, 55_000_000, [], () => 0)],
  [JSON.stringify({ term: '"chest pain" OR "acute coronary syndrome"' }), hits(4000, 56_000_000, [], () => 0)],
  [JSON.stringify({ term: 'hypertension' }), hits(9000, 57_000_000, [], () => 0)],
]);

const keyOf = (p: Record<string, string>) => {
  const o: Record<string, string> = {};
  for (const a of ['term', 'cond']) if (p[`query.${a}`] !== undefined) o[a] = p[`query.${a}`]!;
  return JSON.stringify(o);
};

let ollama: OllamaTestServer;
let ctgov: CtgovTestServer;
before(async () => {
  ollama = await startOllamaServer({ models: ['qwen3:4b'] });
  ctgov = await startCtgovServer({ search: (p) => RESULTS.get(keyOf(p)) ?? [] });
});
after(async () => { await ollama.close(); await ctgov.close(); });

const llm = () => new Llm(resolveLlmConfig({ host: ollama.url, concurrency: 3, retries: 0 }));
const client = () => createCtgov({ baseUrl: ctgov.url, pace: paceLimiter(0), cache: null });

test('seven scripted candidates ranked by NCT recall@1000 exactly, reading past the first page; ties by count distance', async () => {
  assert.ok(seeds.length >= 8, `${seeds.length} seeds`);
  ollama.reset();
  ctgov.reset();
  ollama.respond(respondBySample(TRIAL_REPLIES));
  const ranked = await draftTrialQueries({ patient: topic.text, seeds, k: TRIAL_REPLIES.length, llm: llm(), ctgov: client(), pageSize: 100 });

  assert.deepEqual(ranked.map((c) => c.normalized), [SENT.B, SENT.D, SENT.A, SENT.C, null, null]);
  assert.deepEqual(ranked.map((c) => c.recall), [1, half / seeds.length, half / seeds.length, quarter / seeds.length, null, null]);
  assert.deepEqual(ranked.map((c) => c.count), [1500, 600, 2400, 5000, null, null]);
  assert.deepEqual(ranked.map((c) => c.samples), [[1], [6], [0, 5], [2], [3], [4]]);
  assert.deepEqual(ranked.map((c) => [c.idsRead, c.pagesRead]), [[1000, 10], [600, 6], [1000, 10], [1000, 10], [0, 0], [0, 0]]);
  const [b, d, a, c, invalid, none] = ranked;
  assert.ok(countDistance(600, 500) < countDistance(2400, 500), 'D beats A (drafted first) on count distance');
  assert.equal(d!.countDistance, countDistance(600, 500));
  assert.deepEqual(b!.seedsFound, seeds);
  const firstPage = new Set(RESULTS.get(JSON.stringify(SENT.B))!.slice(0, 100));
  assert.ok(seeds.filter((s) => !firstPage.has(s)).length >= seeds.length - half, 'most of B\'s seeds lie past its first page');
  assert.deepEqual(a!.seedsMissed, seeds.slice(half), 'seeds after the 1,000th result are missed');
  assert.deepEqual(c!.seedsFound, seeds.slice(0, quarter));
  assert.deepEqual(b!.areaCounts, [{ area: 'term', query: SENT.B.term, count: 2200 }, { area: 'cond', query: SENT.B.cond, count: 3100 }]);
  assert.deepEqual(a!.areaCounts, []);
  assert.deepEqual(a!.clauseCounts, [{ area: 'term', query: '"chest pain" OR "acute coronary syndrome"', count: 4000 }, { area: 'term', query: 'hypertension', count: 9000 }], 'clause counts of an AND');
  assert.deepEqual(c!.clauseCounts, [], 'a single source expression has no clauses');
  assert.equal(c!.areas!.term, 'AREA[condition]"chest pain"', 'the last of two answers, as written');
  assert.deepEqual(invalid!.errors, [{ area: 'term', message: 'unbalanced parenthesis: this ( is never closed', offset: 0 }]);
  assert.match(none!.error!, /no query in the reply/);
  assert.deepEqual(ranked.map((x) => x.rank), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(ranked.slice(0, 4).map((x) => x.reward), [6, 5, 5, -4], 'the reply of C had two answer blocks: the format check fails');

  const terms = ctgov.requests.map((r) => r.params['query.term']);
  assert.ok(!terms.includes('(chest pain AND hypertension'), 'the invalid search was not sent');
  const bPages = ctgov.requests.filter((r) => keyOf(r.params) === JSON.stringify(SENT.B) && r.params.pageToken !== undefined);
  assert.equal(bPages.length, 9, 'B: nine pages after the first, each with its pageToken');
  assert.ok(bPages.every((r) => r.params.pageToken && r.params.fields === 'NCTId' && r.params.pageSize === '100'));
});

test('without seeds: counts only (one id a page), ranked by count distance', async () => {
  ollama.reset();
  ctgov.reset();
  ollama.respond(respondBySample(TRIAL_REPLIES.slice(0, 3)));
  const ranked = await draftTrialQueries({ question: 'chest pain in hypertensive adults', k: 3, llm: llm(), ctgov: client(), pageSize: 100 });
  assert.deepEqual(ranked.map((c) => c.count), [1500, 2400, 5000]);
  assert.ok(ranked.every((c) => c.recall === null && c.reward === null));
  assert.ok(ctgov.requests.every((r) => r.params.pageSize === '1' && r.params.countTotal === 'true'));
});

test('a question is required; seeds must be NCT ids', async () => {
  await assert.rejects(draftTrialQueries({ question: ' ', llm: llm(), ctgov: client() }), /needs a question/);
  await assert.rejects(draftTrialQueries({ question: 'x', seeds: ['12345'], llm: llm(), ctgov: client() }), (e: unknown) => (e as { code: string }).code === 'CTGOV_QUERY_INVALID');
});

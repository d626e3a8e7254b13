/**
 * Per-clause counts against the E-utilities test server: which clauses (top level, then the OR
 * groups of an AND one level deeper), their printed form and counts, count-only requests, the cap.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startEutilsServer, type EutilsTestServer } from '../../../../test/helpers/eutils-server.js';
import { createEutils } from '../eutils/client.js';
import { realClock } from '../eutils/clock.js';
import { RateLimiter } from '../eutils/rate-limit.js';
import { checkQuery, type Node } from '../query/index.js';
import { clauseCounts, clauseQueries } from './clauses.js';
import { SEARCHED } from '../../../../test/helpers/pubmed-draft-fixtures.js';

/** Each clause's count is scripted: 10 × (its length). */
const countOf = (term: string) => 10 * term.length;
let ncbi: EutilsTestServer;
before(async () => {
  ncbi = await startEutilsServer({ search: (term) => Array.from({ length: countOf(term) }, (_, i) => String(30_000_000 + i)) });
});
after(() => ncbi.close());

const eutils = () => createEutils({ baseUrl: ncbi.url, limiter: new RateLimiter(1000, 1000, realClock, { minIntervalMs: 0 }) });
const tree = (q: string): Node => {
  const r = checkQuery(q);
  assert.ok(r.ok, q);
  return r.tree;
};

test('an AND of ORs: each concept, then each synonym, printed and counted (count only)', async () => {
  ncbi.reset();
  const want = [
    { query: '"Thyroid Neoplasms"[mh] OR thyroid carcinoma*[tiab] OR "thyroid cancer"[tiab]', depth: 1 },
    { query: 'autopsy[mh] OR autops*[tiab] OR postmortem[tiab] OR "post mortem"[tiab]', depth: 1 },
    ...['"Thyroid Neoplasms"[mh]', 'thyroid carcinoma*[tiab]', '"thyroid cancer"[tiab]', 'autopsy[mh]', 'autops*[tiab]', 'postmortem[tiab]', '"post mortem"[tiab]'].map((query) => ({ query, depth: 2 })),
  ];
  assert.deepEqual(clauseQueries(tree(SEARCHED.B)), want);
  const r = await clauseCounts(tree(SEARCHED.B), eutils());
  assert.deepEqual(r, { clauses: want.map((w) => ({ ...w, count: countOf(w.query) })), skipped: 0 });
  assert.equal(ncbi.requests.length, 9);
  assert.ok(ncbi.requests.every((q) => q.params.retmax === '0' && q.params.db === 'pubmed'));
});

test('nested groups keep their parentheses; a single term has no clauses; OR and NOT tops go one level', () => {
  assert.deepEqual(clauseQueries(tree('(a[tiab] OR (b[tiab] AND c[tiab])) AND d[mh]')).map((c) => [c.query, c.depth]), [
    ['a[tiab] OR (b[tiab] AND c[tiab])', 1], ['d[mh]', 1], ['a[tiab]', 2], ['b[tiab] AND c[tiab]', 2],
  ]);
  assert.deepEqual(clauseQueries(tree('"Thyroid Neoplasms"[mh]')), []);
  assert.deepEqual(clauseQueries(tree('(a OR b) OR (c AND d)')).map((c) => c.query), ['a', 'b', 'c AND d']);
  assert.deepEqual(clauseQueries(tree('(a OR b) NOT (c OR d)')).map((c) => c.query), ['a OR b', 'c OR d']);
  assert.deepEqual(clauseQueries(tree('(a OR b) AND (b OR c)')).map((c) => c.query), ['a OR b', 'b OR c', 'a', 'b', 'c'], 'each clause once');
});

test('the cap: at most 12 extra requests per query, top level first, and how many were skipped', async () => {
  ncbi.reset();
  const q = `(${Array.from({ length: 8 }, (_, i) => `p${i}[tiab]`).join(' OR ')}) AND (${Array.from({ length: 8 }, (_, i) => `q${i}[tiab]`).join(' OR ')})`;
  const r = await clauseCounts(tree(q), eutils());
  assert.equal(r.clauses.length, 12);
  assert.equal(r.skipped, 6);
  assert.deepEqual(r.clauses.slice(0, 2).map((c) => c.depth), [1, 1]);
  assert.equal(ncbi.requests.length, 12);
  const small = await clauseCounts(tree(q), eutils(), { max: 1 });
  assert.deepEqual([small.clauses.length, small.skipped], [1, 17]);
});

test('a clause PubMed refuses gets its error; other NCBI failures are thrown', async () => {
  ncbi.reset();
  ncbi.fail(1, 200, { body: '{"esearchresult":{"ERROR":"Invalid query"}}' });
  const r = await clauseCounts(tree('a[tiab] AND b[tiab]'), eutils(), { max: 1 });
  assert.equal(r.clauses[0]!.count, null);
  assert.match(r.clauses[0]!.error!, /Invalid query/);
  ncbi.fail(5, 503);
  await assert.rejects(clauseCounts(tree('a[tiab] AND c[tiab]'), createEutils({ baseUrl: ncbi.url, retries: 0, limiter: new RateLimiter(1000, 1000, realClock, { minIntervalMs: 0 }) }), { max: 1 }), (e: unknown) => (e as { code?: string }).code === 'PUBMED_FAILED');
});

/**
 * Retries against the test server: 429 with Retry-After honoured, 5xx, NCBI's 200 "API rate limit
 * exceeded" body, dropped connections; the errors once retries run out; exponential backoff with
 * jitter, measured in simulated time.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { startEutilsServer, type EutilsTestServer } from '../../../../test/helpers/eutils-server.js';
import { PLAIN, STRUCTURED } from '../../../../test/helpers/eutils-server/fixtures.js';
import { createEutils, type EutilsOptions } from './client.js';
import { VirtualClock } from './clock.js';
import { PubmedError } from './errors.js';
import { RateLimiter } from './rate-limit.js';
import { backoffDelay, parseRetryAfter } from '../../net/retry.js';
import { isRateLimitBody } from './transport.js';

let server: EutilsTestServer;
before(async () => { server = await startEutilsServer({ records: [STRUCTURED, PLAIN] }); });
after(() => server.close());
beforeEach(() => server.reset());

const client = (o: EutilsOptions = {}) => createEutils({ baseUrl: server.url, limiter: new RateLimiter(1000, 1000), backoffMs: 5, cache: null, ...o });
const statuses = () => server.requests.map((r) => r.status);

test('429 with Retry-After: waits as told, then succeeds', async () => {
  server.fail(1, 429, { retryAfter: '1' });
  const clock = new VirtualClock();
  const r = await client({ clock }).esearch('asthma');
  assert.equal(r.count, 1);
  assert.deepEqual(statuses(), [429, 200]);
  assert.equal(clock.now(), 1000, 'waited as told: 1 s, not the 5 ms backoff');
});

test('5xx is retried; 4xx (other than 400/429) is not', async () => {
  server.fail(2, 503);
  assert.equal((await client().efetch(['29876543'])).length, 1);
  assert.deepEqual(statuses(), [503, 503, 200]);
  server.reset();
  server.fail(1, 404);
  await assert.rejects(client().esearch('asthma'), (err: unknown) => err instanceof PubmedError && err.reason === 'PUBMED_FAILED' && err.status === 404);
  assert.equal(server.requests.length, 1);
  server.reset();
  server.fail(1, 400, { body: '{"error":"Invalid query"}' });
  await assert.rejects(client().esearch('asthma'), (err: unknown) => err instanceof PubmedError && err.reason === 'PUBMED_QUERY_INVALID' && /Invalid query/.test(err.message));
});

test('the 200 "API rate limit exceeded" body is a 429: retried, then the real answer', async () => {
  server.rateLimitBody(2);
  const r = await client().esearch('asthma');
  assert.deepEqual(r.ids, ['29876543']);
  assert.deepEqual(statuses(), [200, 200, 200]);
  assert.equal(server.requests.length, 3);
});

test('a dropped connection (network reset) is retried', async () => {
  server.dropConnection(2);
  const r = await client().esummary(['31234567']);
  assert.equal(r.length, 1);
  assert.deepEqual(statuses(), [0, 0, 200]);
});

test('when the retries run out: PUBMED_RATE_LIMITED, PUBMED_FAILED, PUBMED_UNREACHABLE after 1 + 4 attempts', async () => {
  server.fail(5, 429);
  await assert.rejects(client().esearch('asthma'), (e: unknown) => e instanceof PubmedError && e.reason === 'PUBMED_RATE_LIMITED' && e.status === 429 && e.code === 'PUBMED_RATE_LIMITED');
  assert.equal(server.requests.length, 5);
  server.reset();
  server.rateLimitBody(5);
  await assert.rejects(client().esearch('asthma'), (e: unknown) => e instanceof PubmedError && e.reason === 'PUBMED_RATE_LIMITED');
  server.reset();
  server.fail(5, 502);
  await assert.rejects(client().esearch('asthma'), (e: unknown) => e instanceof PubmedError && e.reason === 'PUBMED_FAILED' && /HTTP 502/.test(e.message));
  assert.equal(server.requests.length, 5);
  server.reset();
  server.dropConnection(5);
  await assert.rejects(client().esearch('asthma'), (e: unknown) => e instanceof PubmedError && e.reason === 'PUBMED_UNREACHABLE');
  assert.equal(server.requests.length, 5);
  server.reset();
  server.fail(3, 503);
  await assert.rejects(client({ retries: 2 }).esearch('asthma'), (e: unknown) => e instanceof PubmedError && e.reason === 'PUBMED_FAILED');
  assert.equal(server.requests.length, 3, 'retries is configurable');
});

test('backoff doubles from the base with jitter (simulated time)', async () => {
  for (const [random, gaps] of [[1, [500, 1000, 2000, 4000]], [0, [250, 500, 1000, 2000]]] as const) {
    const clock = new VirtualClock();
    const t = await startEutilsServer({ records: [PLAIN], now: () => clock.now() });
    try {
      t.fail(4, 500);
      await createEutils({ baseUrl: t.url, clock, random: () => random, limiter: new RateLimiter(100, 1000, clock) }).esearch('asthma');
      const at = t.requests.map((r) => r.at);
      assert.deepEqual(at.slice(1).map((x, i) => x - at[i]!), gaps);
    } finally { await t.close(); }
  }
});

test('a Retry-After date, and an aborted wait between attempts', async () => {
  assert.equal(parseRetryAfter('2', 0), 2000);
  assert.equal(parseRetryAfter(new Date(10_000).toUTCString(), 4_000), 6000);
  assert.equal(parseRetryAfter('soon', 0), null);
  assert.equal(parseRetryAfter('100000', 0), 120_000, 'capped');
  assert.ok(backoffDelay(10, 500, 8000, () => 0.5) === 6000);
  assert.equal(isRateLimitBody('{"error":"API rate limit exceeded","count":"11","limit":"10"}'), true);
  assert.equal(isRateLimitBody('{"esearchresult":{"count":"0"}}'), false);
  server.fail(1, 429, { retryAfter: '30' });
  const ac = new AbortController();
  // The abort comes once the 429 is in, during the 30 s wait; were the wait not cut short by it,
  // the second attempt would succeed and this would fail.
  const fetchThenAbort: typeof fetch = async (url, init) => { const r = await fetch(url, init); setImmediate(() => ac.abort()); return r; };
  await assert.rejects(client({ fetch: fetchThenAbort }).esearch('asthma', { signal: ac.signal }), (e: unknown) => (e as { code?: string }).code === 'CANCELLED');
  assert.equal(server.requests.length, 1, 'no second attempt');
});

/**
 * NCBI's rate rule end to end: a burst of 100 searches never has more than 3 request starts in any
 * 1-second window without an API key, nor more than 10 with one. The 100-request bursts run in
 * simulated time (a VirtualClock; times taken where each request leaves the client); two short
 * real-time bursts are checked on the arrival times at the test server, which also enforces the
 * limit itself (it would answer 429).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startEutilsServer, type EutilsTestServer } from '../../../../test/helpers/eutils-server.js';
import { manyRecords } from '../../../../test/helpers/eutils-server/fixtures.js';
import { maxInWindow, minSpan } from '../../../../test/helpers/eutils-server/window.js';
import { createEutils } from './client.js';
import { VirtualClock } from './clock.js';
import { DEFAULT_WINDOW_MS } from './rate-limit.js';

/** Real time: arrivals measured at the server may come this much closer than the client's spacing. */
const TOLERANCE_MS = 5;

let server: EutilsTestServer;
before(async () => { server = await startEutilsServer({ records: manyRecords(100) }); });
after(() => server.close());

for (const [label, apiKey, n] of [['without a key', undefined, 3], ['with a key', 'KEY', 10]] as const) {
  test(`a burst of 100 searches ${label}: at most ${n} starts in any 1,000 ms (simulated time)`, async (t) => {
    server.reset();
    const clock = new VirtualClock();
    const sent: number[] = [];
    const eutils = createEutils({
      baseUrl: server.url, apiKey, clock, cache: null,
      fetch: (url, init) => { sent.push(clock.now()); return fetch(url, init); },
    });
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => eutils.esearch(`asthma n${i}`)));
    assert.ok(results.every((r, i) => r.ids[0] === String(1_000_000 + i)));
    assert.equal(server.requests.length, 100);
    const most = maxInWindow(sent, 1000);
    t.diagnostic(`max starts in any 1,000 ms window: ${most}; smallest t[i+${n}] − t[i]: ${minSpan(sent, n)} ms; last start at ${sent.at(-1)} ms`);
    assert.ok(most <= n, `${most} starts in one window`);
    assert.ok(minSpan(sent, n) >= 1000);
    const ideal = 99 * (DEFAULT_WINDOW_MS / n);
    assert.ok(sent.at(-1)! <= ideal + 1, `no slower than needed: last start ${sent.at(-1)} ms, evenly spaced ${ideal} ms`);
  });
}

for (const [label, apiKey, n, count] of [['without a key', undefined, 3, 12], ['with a key', 'KEY2', 10, 22]] as const) {
  test(`real time, ${count} searches ${label}: arrivals at the server never exceed ${n} per second`, async (t) => {
    const s = await startEutilsServer({ records: manyRecords(100), enforceRate: n });
    try {
      const eutils = createEutils({ baseUrl: s.url, apiKey, cache: null });
      const t0 = performance.now();
      await Promise.all(Array.from({ length: count }, (_, i) => eutils.esearch(`asthma n${i}`)));
      const elapsed = performance.now() - t0;
      const at = s.requests.map((r) => r.at).sort((a, b) => a - b);
      t.diagnostic(`${count} requests in ${elapsed.toFixed(0)} ms; max arrivals in any 1,000 ms: ${maxInWindow(at, 1000)}; smallest t[i+${n}] − t[i]: ${minSpan(at, n).toFixed(1)} ms`);
      assert.equal(s.requests.length, count, 'no retries: the server never had to refuse');
      assert.ok(s.requests.every((r) => r.status === 200));
      assert.ok(minSpan(at, n) >= 1000 - TOLERANCE_MS);
      assert.ok(maxInWindow(at, 1000 - TOLERANCE_MS) <= n);
      assert.ok(elapsed < (count - 1) * (DEFAULT_WINDOW_MS / n) + 500, 'and not much slower than the limit');
    } finally { await s.close(); }
  });
}

/**
 * NCBI's rate rule end to end: a burst of 100 searches never has more than 3 request starts in any
 * 1-second window without an API key, nor more than 10 with one. The 100-request bursts run in
 * simulated time (a VirtualClock; times taken where each request leaves the client); two short
 * bursts run in real time (the real clock, real sleeps, a real HTTP server) and are checked on the
 * times each request left the client. Arrival times at the server are not asserted: the server runs
 * in this process, so a busy machine delays its event loop and bunches arrivals that left the client
 * evenly spaced. That made the test fail at random under load; the departure times do not depend
 * on load (each is read in the same microtask run as the limiter's grant).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startEutilsServer, type EutilsTestServer } from '../../../../test/helpers/eutils-server.js';
import { manyRecords } from '../../../../test/helpers/eutils-server/fixtures.js';
import { maxInWindow, minSpan } from '../../../../test/helpers/eutils-server/window.js';
import { createEutils } from './client.js';
import { VirtualClock } from './clock.js';
import { DEFAULT_WINDOW_MS } from './rate-limit.js';

/** Real time: a departure is read a few microtasks after its grant, so spacing may shrink by this much. */
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
  test(`real time, ${count} searches ${label}: requests never leave faster than ${n} per second`, async (t) => {
    const s = await startEutilsServer({ records: manyRecords(100) });
    try {
      const sent: number[] = [];
      const eutils = createEutils({
        baseUrl: s.url, apiKey, cache: null,
        fetch: (url, init) => { sent.push(performance.now()); return fetch(url, init); },
      });
      await Promise.all(Array.from({ length: count }, (_, i) => eutils.esearch(`asthma n${i}`)));
      t.diagnostic(`max departures in any 1,000 ms: ${maxInWindow(sent, 1000)}; smallest t[i+${n}] − t[i]: ${minSpan(sent, n).toFixed(1)} ms`);
      assert.equal(s.requests.length, count, 'every search answered once');
      assert.ok(s.requests.every((r) => r.status === 200));
      assert.ok(minSpan(sent, n) >= 1000 - TOLERANCE_MS);
      assert.ok(maxInWindow(sent, 1000 - TOLERANCE_MS) <= n);
    } finally { await s.close(); }
  });
}

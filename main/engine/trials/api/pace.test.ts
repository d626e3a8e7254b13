/**
 * The pace, measured at the server: a burst of 50 searches started at once reaches the API v2 test
 * server one request per configured interval, never closer, and no slower than needed. Time is a
 * GatedClock (virtual, and standing still while a request is in flight), and the server takes each
 * arrival time on the same clock, so the figures are exact and do not depend on machine load.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startCtgovServer, type CtgovTestServer } from '../../../../test/helpers/ctgov-server.js';
import { createCtgov, DEFAULT_PACE_MS } from './client.js';
import { GatedClock } from '../../../../test/helpers/gated-clock.js';

let server: CtgovTestServer;
before(async () => { server = await startCtgovServer(); });
after(() => server.close());

for (const paceMs of [DEFAULT_PACE_MS, 250]) {
  test(`a burst of 50 searches keeps a pace of ${paceMs} ms, measured at the server`, async (t) => {
    server.reset();
    const clock = new GatedClock();
    server.setNow(() => clock.now());
    const ctgov = createCtgov({ baseUrl: server.url, clock, fetch: clock.fetch, cache: null, ...(paceMs === DEFAULT_PACE_MS ? {} : { paceMs }) });
    const pages = await Promise.all(Array.from({ length: 50 }, (_, i) => ctgov.studies({ term: `melanoma ${i}`, pageSize: 1 })));
    assert.equal(pages.length, 50);
    assert.equal(server.requests.length, 50);
    const at = server.requests.map((r) => r.at);
    const gaps = at.slice(1).map((x, i) => x - at[i]!);
    t.diagnostic(`arrivals ${at[0]}…${at.at(-1)} ms; smallest gap ${Math.min(...gaps)} ms, largest ${Math.max(...gaps)} ms`);
    assert.ok(gaps.every((g) => g >= paceMs), `a gap under ${paceMs} ms: ${gaps.join(',')}`);
    assert.equal(at.at(-1)! - at[0]!, 49 * paceMs, 'and no slower than the pace');
    assert.deepEqual(new Set(server.requests.map((r) => r.params['query.term'])).size, 50);
  });
}

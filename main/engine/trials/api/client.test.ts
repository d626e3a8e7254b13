/**
 * The API v2 client against the local API v2 server built on the real fixtures: parameters, paging
 * with nextPageToken (totalCount on the first page only), one study, errors, retries with
 * Retry-After, the cache, cancellation. Time is virtual (GatedClock), so waits are exact.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readFixture, startCtgovServer, type CtgovTestServer } from '../../../../test/helpers/ctgov-server.js';
import { createCtgov, paceLimiter } from './client.js';
import { GatedClock } from '../../../../test/helpers/gated-clock.js';

let server: CtgovTestServer;
before(async () => { server = await startCtgovServer(); });
after(() => server.close());

function client(paceMs = 1, extra: Parameters<typeof createCtgov>[0] = {}) {
  const clock = new GatedClock();
  server.reset();
  server.setNow(() => clock.now());
  const ctgov = createCtgov({ baseUrl: server.url, clock, fetch: clock.fetch, paceMs, cache: null, backoff: { random: () => 1 }, ...extra });
  return { ctgov, clock };
}

const NCTS = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `NCT${String(10_000_000 + from + i).padStart(8, '0')}`);

test('every query.* and filter.* parameter reaches the server as API v2 spells it', async () => {
  const { ctgov } = client();
  await ctgov.studies({
    term: 'AREA[LastUpdatePostDate]RANGE[2023-01-15,MAX]', cond: 'melanoma', intr: 'Keytruda', titles: 'pembrolizumab', outc: 'survival',
    spons: 'Merck', locn: 'Boston', id: 'KEYNOTE', overallStatus: ['recruiting', 'NOT_YET_RECRUITING'], advanced: 'AREA[StartDate]RANGE[2022,MAX]',
    ids: ['nct02576665'], fields: ['NCTId', 'BriefTitle'], countTotal: true, pageSize: 5000,
  });
  assert.deepEqual(server.requests[0]!.params, {
    format: 'json', 'query.term': 'AREA[LastUpdatePostDate]RANGE[2023-01-15,MAX]', 'query.cond': 'melanoma', 'query.intr': 'Keytruda',
    'query.titles': 'pembrolizumab', 'query.outc': 'survival', 'query.spons': 'Merck', 'query.locn': 'Boston', 'query.id': 'KEYNOTE',
    'filter.overallStatus': 'RECRUITING,NOT_YET_RECRUITING', 'filter.advanced': 'AREA[StartDate]RANGE[2022,MAX]', 'filter.ids': 'NCT02576665',
    fields: 'NCTId,BriefTitle', countTotal: 'true', pageSize: '1000',
  });
  assert.equal(server.requests[0]!.path, '/api/v2/studies');
});

test('a real search page: the fixture studies, totalCount with countTotal, a nextPageToken while more remain', async () => {
  const { ctgov } = client();
  const page = await ctgov.studies({ cond: 'Phelan-McDermid Syndrome', countTotal: true, pageSize: 2 });
  const want = readFixture('biomcp/search_phelan_limit5_20260811.json') as { studies: Array<{ protocolSection: { identificationModule: { nctId: string } } }> };
  const matching = [...server.studies].filter(([, st]) => /phelan-mcdermid/i.test(JSON.stringify(st)) && /syndrome/i.test(JSON.stringify(st))).map(([id]) => id);
  for (const st of want.studies) assert.ok(matching.includes(st.protocolSection.identificationModule.nctId), 'the real page-1 studies are among the matches');
  assert.deepEqual(page.studies.map((st) => (st.protocolSection!.identificationModule as { nctId: string }).nctId), matching.slice(0, 2));
  assert.equal(page.totalCount, matching.length);
  assert.ok(page.nextPageToken);
  const next = await ctgov.studies({ cond: 'Phelan-McDermid Syndrome', pageSize: 2, pageToken: page.nextPageToken! });
  assert.equal(next.totalCount, null, 'page 2 has no totalCount, as the API');
  assert.notDeepEqual(next.studies, page.studies);
});

test('searchAll follows nextPageToken past the first page and stops at the limit; ids of every page read', async () => {
  const { ctgov } = client();
  const ids = NCTS(60);
  server.setSearch(() => ids);
  const r = await ctgov.searchAll({ term: 'x' }, { limit: 25, pageSize: 10 });
  assert.deepEqual(r, { count: 60, ids: ids.slice(0, 25), pages: 3 });
  assert.deepEqual(server.requests.map((q) => [q.params.pageSize, q.params.countTotal, q.params.pageToken === undefined, q.params.fields]),
    [['10', 'true', true, 'NCTId'], ['10', undefined, false, 'NCTId'], ['5', undefined, false, 'NCTId']]);
  server.setSearch(() => ids.slice(0, 12));
  const all = await ctgov.searchAll({ term: 'y' }, { limit: 1000, pageSize: 5 });
  assert.deepEqual([all.count, all.ids.length, all.pages], [12, 12, 3], 'the last page has no token');
});

test('one study: the full record; a missing one is CTGOV_NOT_FOUND; a bad id is refused before any request', async () => {
  const { ctgov } = client();
  const s = await ctgov.study('NCT06008288');
  assert.deepEqual(s, readFixture('xiaoyibao/NCT06008288.json'));
  assert.equal(server.requests[0]!.path, '/api/v2/studies/NCT06008288');
  await assert.rejects(ctgov.study('NCT99999999'), (e: unknown) => (e as { code: string }).code === 'CTGOV_NOT_FOUND');
  const before = server.requests.length;
  await assert.rejects(ctgov.study('12345'), (e: unknown) => (e as { code: string }).code === 'CTGOV_QUERY_INVALID');
  assert.equal(server.requests.length, before);
});

test('429 and 503 are retried after Retry-After (virtual time, measured at the server); 400 is not retried', async () => {
  const { ctgov, clock } = client();
  const t0 = clock.now();
  server.fail({ status: 429, retryAfter: '3' }, { status: 503, retryAfter: '2' });
  const page = await ctgov.studies({ cond: 'melanoma' });
  assert.ok(page.studies.length > 0);
  assert.equal(server.requests.length, 3);
  assert.equal(clock.now() - t0, 5000, 'waited 3 s then 2 s, as the server asked');
  server.fail({ status: 400, body: 'query.term: unexpected token ")" at position 7' });
  await assert.rejects(ctgov.studies({ term: 'heart) x' }), (e: unknown) => {
    const err = e as { code: string; message: string };
    return err.code === 'CTGOV_QUERY_INVALID' && err.message.includes('unexpected token');
  });
  assert.equal(server.requests.length, 4);
});

test('retries run out: CTGOV_RATE_LIMITED after 1 + retries attempts; a dropped connection is retried; nobody listening is not', async () => {
  const { ctgov } = client(1, { backoff: { retries: 2, baseMs: 100, random: () => 1 } });
  server.fail({ status: 429 }, { status: 429 }, { status: 429 });
  await assert.rejects(ctgov.studies({ cond: 'melanoma' }), (e: unknown) => (e as { code: string }).code === 'CTGOV_RATE_LIMITED');
  assert.equal(server.requests.length, 3);
  server.fail({ drop: true });
  assert.ok((await ctgov.studies({ cond: 'melanoma', pageSize: 1 })).studies.length === 1);
  const dead = createCtgov({ baseUrl: 'http://127.0.0.1:1/api/v2/', pace: paceLimiter(0), cache: null });
  await assert.rejects(dead.studies({ cond: 'x' }), (e: unknown) => (e as { code: string }).code === 'CTGOV_UNREACHABLE');
});

test('answers are cached; an AbortSignal cancels a request in flight', async () => {
  const { ctgov } = client(1, { cache: undefined });
  await ctgov.studies({ cond: 'melanoma' });
  await ctgov.studies({ cond: 'melanoma' });
  assert.equal(server.requests.length, 1);
  let release!: () => void;
  server.fail({ hold: new Promise<void>((r) => { release = r; }) });
  const ac = new AbortController();
  const p = ctgov.studies({ cond: 'kras' }, { signal: ac.signal });
  while (server.requests.length < 2) await new Promise((r) => setImmediate(r));
  ac.abort();
  await assert.rejects(p, (e: unknown) => (e as { code: string }).code === 'CANCELLED');
  release();
});

/**
 * The E-utilities client against the local test server: esearch parsing and errors, paging to a
 * limit, efetch of a realistic record, POST for long id lists, esummary, the cache, abort.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, beforeEach, test } from 'node:test';
import { startEutilsServer, type EutilsTestServer } from '../../../../test/helpers/eutils-server.js';
import { manyRecords, PLAIN, STRUCTURED } from '../../../../test/helpers/eutils-server/fixtures.js';
import { MemoryCache } from './cache.js';
import { createEutils, type EutilsOptions } from './client.js';
import { PubmedError, type PubmedErrorCode } from './errors.js';
import { RateLimiter } from './rate-limit.js';

let server: EutilsTestServer;
before(async () => { server = await startEutilsServer({ records: [STRUCTURED, PLAIN] }); });
after(() => server.close());
beforeEach(() => { server.reset(); server.setRecords([STRUCTURED, PLAIN]); server.setSearch(undefined); });

/** A client on the test server, with a fast private limiter (the rate tests use the real one). */
const client = (o: EutilsOptions = {}) => createEutils({ baseUrl: server.url, limiter: new RateLimiter(1000, 1000), backoffMs: 5, ...o });

async function rejectsWith(p: Promise<unknown>, reason: PubmedErrorCode, code?: string): Promise<PubmedError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof PubmedError, String(err));
    assert.equal(err.reason, reason, err.message);
    if (code) assert.equal(err.code, code);
    return err;
  }
  assert.fail(`expected ${reason}`);
}

test('esearch: count, ids, translation, errors and warnings; tool, email and api_key on the request', async () => {
  const r = await client({ email: 'me@example.org', apiKey: 'KEY', tool: 'delve-test' }).esearch('Helicobacter[tiab] AND cancer AND xyzzyq', { retmax: 5 });
  assert.equal(r.count, 1);
  assert.deepEqual(r.ids, ['31234567']);
  assert.equal(r.translation, '"helicobacter"[All Fields] AND "cancer"[All Fields]');
  assert.deepEqual(r.errors, { phrasesNotFound: ['xyzzyq'], fieldsNotFound: [] });
  assert.deepEqual(r.warnings.outputMessages, ['No items found.']);
  assert.deepEqual(r.translationStack, [
    { term: '"helicobacter"[All Fields]', field: 'All Fields', count: 1, explode: false },
    { term: '"cancer"[All Fields]', field: 'All Fields', count: 1, explode: false }, 'AND', 'GROUP',
  ]);
  const p = server.requests[0]!.params;
  assert.equal(server.requests[0]!.endpoint, 'esearch.fcgi');
  assert.deepEqual(
    [p.db, p.term, p.retmode, p.retmax, p.retstart, p.tool, p.email, p.api_key],
    ['pubmed', 'Helicobacter[tiab] AND cancer AND xyzzyq', 'json', '5', '0', 'delve-test', 'me@example.org', 'KEY'],
  );
});

test('esearch: a scripted translation set and stack, and a date range sent as datetype=pdat', async () => {
  server.setSearch(() => ({
    ids: ['29876543', '31234567'],
    querytranslation: '"asthma"[MeSH Terms] OR "asthma"[All Fields]',
    translationset: [{ from: 'asthma', to: '"asthma"[MeSH Terms] OR "asthma"[All Fields]' }],
    translationstack: [{ term: '"asthma"[MeSH Terms]', field: 'MeSH Terms', count: '180000', explode: 'Y' }, { term: '"asthma"[All Fields]', field: 'All Fields', count: '200000', explode: 'N' }, 'OR', 'GROUP'],
    warninglist: { phrasesignored: ['the'], quotedphrasesnotfound: ['"no such phrase"'], outputmessages: [] },
  }));
  const r = await client().esearch('the asthma', { maxdate: '2018/12/31' });
  assert.deepEqual(r.ids, ['29876543'], 'the 2019 record is after maxdate');
  assert.deepEqual(r.translationSet, [{ from: 'asthma', to: '"asthma"[MeSH Terms] OR "asthma"[All Fields]' }]);
  assert.deepEqual(r.translationStack[0], { term: '"asthma"[MeSH Terms]', field: 'MeSH Terms', count: 180000, explode: true });
  assert.deepEqual(r.warnings, { phrasesIgnored: ['the'], quotedPhrasesNotFound: ['"no such phrase"'], outputMessages: [] });
  const p = server.requests[0]!.params;
  assert.deepEqual([p.datetype, p.mindate, p.maxdate], ['pdat', '1800/01/01', '2018/12/31']);
});

test('an invalid query as NCBI reports it: PUBMED_QUERY_INVALID (engine code BAD_ARGUMENT) with NCBI\'s words', async () => {
  server.setSearch(() => ({ ids: [], error: 'Invalid query: unbalanced parentheses' }));
  const e = await rejectsWith(client().esearch('(asthma'), 'PUBMED_QUERY_INVALID', 'PUBMED_QUERY_INVALID');
  assert.match(e.message, /unbalanced parentheses/);
  assert.match(e.message, /\(asthma/);
  server.setSearch(undefined);
  await rejectsWith(client().esearch(' '), 'PUBMED_QUERY_INVALID');
  assert.equal(server.requests.length, 1, 'an empty query is refused without asking NCBI');
  const notIds = await rejectsWith(client().efetch(['123', 'x1', 'doi:10.1/2']), 'PUBMED_QUERY_INVALID');
  assert.match(notIds.message, /not PubMed ids: x1, doi:10\.1\/2/);
  assert.equal(server.requests.length, 1);
});

test('{"error": …} bodies and non-JSON answers are clear errors, not empty results', async () => {
  const t = await startEutilsServer({ search: () => ({ ids: [] }) });
  try {
    const r = await createEutils({ baseUrl: t.url, limiter: new RateLimiter(100, 1000) }).esearch('x');
    assert.equal(r.count, 0);
  } finally { await t.close(); }
  server.fail(1, 200, { body: '{"error":"Invalid db name specified: pubmedd"}' });
  const e = await rejectsWith(client().esearch('asthma'), 'PUBMED_QUERY_INVALID');
  assert.match(e.message, /Invalid db name/);
  server.fail(1, 200, { body: '<html>maintenance</html>' });
  await rejectsWith(client().esearch('asthma'), 'PUBMED_FAILED');
});

test('esearchAll pages to the limit with retstart, keeps order, and defaults to the first 3,000', async () => {
  server.setRecords(manyRecords(25));
  const r = await client().esearchAll('asthma', { limit: 23, pageSize: 10 });
  assert.equal(r.count, 25);
  assert.deepEqual(r.ids, manyRecords(23).map((x) => x.pmid));
  assert.deepEqual(server.requests.map((q) => [q.params.retstart, q.params.retmax]), [['0', '10'], ['10', '10'], ['20', '3']]);

  server.reset();
  server.setRecords(manyRecords(3500));
  const d = await client().esearchAll('asthma');
  assert.equal(d.count, 3500);
  assert.equal(d.ids.length, 3000);
  assert.deepEqual(server.requests.map((q) => [q.params.retstart, q.params.retmax]), [['0', '3000']]);

  server.reset();
  const few = await client().esearchAll('asthma even', { limit: 5000, pageSize: 1000 });
  assert.equal(few.ids.length, 1750);
  assert.equal(server.requests.length, 2, 'stops once count is reached');
});

test('esearchAll never asks past PubMed\'s 9,999-record window', async () => {
  server.setRecords(manyRecords(10_050));
  const r = await client().esearchAll('asthma', { limit: 50_000, pageSize: 4000 });
  assert.equal(r.count, 10_050);
  assert.equal(r.ids.length, 9_999);
  assert.deepEqual(server.requests.map((q) => [q.params.retstart, q.params.retmax]), [['0', '4000'], ['4000', '4000'], ['8000', '1999']]);
});

test('efetch: a realistic record, fully read', async () => {
  const [r, p] = await client().efetch(['31234567', '29876543', '31234567']);
  assert.ok(r && p);
  assert.equal(r.pmid, '31234567');
  assert.equal(r.title, 'Eradication of Helicobacter pylori & gastric cancer risk: β-lactam regimens in a 10-year cohort');
  assert.deepEqual(r.abstractSections.map((s) => s.label), ['BACKGROUND', 'METHODS', 'RESULTS', 'CONCLUSIONS']);
  assert.equal(r.abstract, [
    'BACKGROUND: Infection with H. pylori raises gastric cancer risk < 2-fold.',
    'METHODS: We followed 1,204 adults (age ≥ 40) treated with amoxicillin.',
    'RESULTS: Incidence fell (HR 0.61; p < 0.001); CO2 breath tests confirmed eradication.',
    'CONCLUSIONS: Eradication lowers risk.',
  ].join('\n'));
  assert.ok(!r.abstract.includes('©'), 'CopyrightInformation is not abstract text');
  assert.deepEqual(r.authors, [
    { last: 'Müller', fore: 'Anna-Lena', initials: 'AL' },
    { last: "O'Brien", fore: 'Seán', initials: 'S' },
    { collective: 'Gastric Cancer Prevention Consortium' },
  ]);
  assert.equal(r.journal, 'The Lancet. Gastroenterology & hepatology');
  assert.equal(r.journalAbbrev, 'Lancet Gastroenterol Hepatol');
  assert.equal(r.year, 2019, 'from MedlineDate');
  assert.equal(r.doi, '10.1016/S2468-1253(19)30289-X', 'from PubmedData ArticleId');
  assert.equal(r.pmcid, 'PMC6812345');
  assert.deepEqual(r.mesh[0], {
    descriptor: 'Helicobacter Infections', ui: 'D016481', major: true, descriptorMajor: false,
    qualifiers: [{ name: 'drug therapy', ui: 'Q000188', major: true }, { name: 'complications', ui: 'Q000150', major: false }],
  });
  assert.deepEqual(r.mesh.map((m) => [m.descriptor, m.major]), [['Helicobacter Infections', true], ['Stomach Neoplasms', true], ['Humans', false]]);
  assert.deepEqual(r.publicationTypes, ['Journal Article', 'Randomized Controlled Trial']);
  assert.deepEqual(r.keywords, ['eradication', 'cohort']);
  assert.equal(r.language, 'eng');
  assert.equal(p.doi, '10.1542/peds.2017-1234', 'from ELocationID');
  assert.equal(p.year, 2018);
  assert.equal(p.abstract, 'Vitamin D did not reduce asthma exacerbations in a randomized trial of 400 children.');
  assert.deepEqual(p.abstractSections, [{ label: null, category: null, text: p.abstract }]);
  assert.equal(server.requests.length, 1);
  assert.equal(server.requests[0]!.params.id, '31234567,29876543', 'duplicates asked once');
  assert.equal(server.requests[0]!.params.retmode, 'xml');
});

test('efetch of a long id list: batches of 200, POST when the URL would pass 2,000 characters, input order kept', async () => {
  const recs = manyRecords(450, 30_000_000);
  server.setRecords(recs);
  const ids = recs.map((r) => r.pmid).reverse();
  const got = await client({ apiKey: 'K' }).efetch([...ids, '99999999']);
  assert.deepEqual(got.map((r) => r.pmid), ids, 'an unknown PMID is simply absent');
  assert.deepEqual(server.requests.map((q) => [q.method, q.params.id!.split(',').length]), [['POST', 200], ['POST', 200], ['GET', 51]]);
  for (const q of server.requests) {
    assert.ok(q.urlLength < 2000);
    assert.deepEqual([q.params.db, q.params.tool, q.params.api_key], ['pubmed', 'delve', 'K'], 'tool and key travel in the POST body too');
  }
});

test('a long query is POSTed as well', async () => {
  const term = Array.from({ length: 200 }, (_, i) => `term${i}[tiab]`).join(' OR ');
  await client().esearch(term);
  assert.equal(server.requests[0]!.method, 'POST');
  assert.equal(server.requests[0]!.params.term, term);
});

test('esummary: titles, journals, authors and DOIs; missing ids left out', async () => {
  const docs = await client().esummary(['29876543', '31234567', '11111111']);
  assert.deepEqual(docs.map((d) => d.uid), ['29876543', '31234567']);
  assert.equal(docs[1]!.title, 'Eradication of Helicobacter pylori & gastric cancer risk: β-lactam regimens in a 10-year cohort');
  assert.equal(docs[1]!.journal, 'The Lancet. Gastroenterology & hepatology');
  assert.deepEqual(docs[1]!.authors, ['Müller AL', "O'Brien S", 'Gastric Cancer Prevention Consortium']);
  assert.equal(docs[0]!.doi, '10.1542/peds.2017-1234');
  assert.equal(server.requests[0]!.params.retmode, 'json');
});

test('cache: a repeated search or fetch makes no request; esearch entries expire, records do not', async () => {
  let now = 0;
  const cache = new MemoryCache(1000, () => now);
  const c = client({ cache });
  await c.esearch('asthma');
  await c.esearch('asthma');
  assert.equal(server.requests.length, 1);
  await c.esearch('asthma', { retmax: 50 });
  assert.equal(server.requests.length, 2, 'other parameters, another entry');
  await c.efetch(['31234567']);
  await c.efetch(['31234567', '29876543']);
  assert.deepEqual(server.requests.slice(2).map((q) => q.params.id), ['31234567', '29876543'], 'only the missing record is fetched');
  now += 24 * 3600 * 1000;
  await c.esearch('asthma');
  await c.efetch(['31234567', '29876543']);
  assert.equal(server.requests.length, 5, 'the search is asked again after 24 h, the records are not');
  const none = client({ cache: null });
  await none.esearch('asthma');
  await none.esearch('asthma');
  assert.equal(server.requests.length, 7);
});

test('abort: an aborted request ends at once with CANCELLED', async () => {
  server.delayMs = 3000;
  const ac = new AbortController();
  // Were the abort not to end the request, it would be answered after 3 s and this would fail.
  const p = client({ fetch: (url, init) => { setImmediate(() => ac.abort()); return fetch(url, init); } }).esearch('asthma', { signal: ac.signal });
  await assert.rejects(p, (e: unknown) => e instanceof Error && (e as { code?: string }).code === 'CANCELLED');
  await assert.rejects(client().efetch(['1'], { signal: AbortSignal.abort() }), (e: unknown) => (e as { code?: string }).code === 'CANCELLED');
});

test('a request slower than the timeout: PUBMED_TIMEOUT after the retries', async () => {
  server.delayMs = 3000;
  // Without the 80 ms timeout each attempt would be answered after 3 s, and no PUBMED_TIMEOUT would come.
  await rejectsWith(client({ timeoutMs: 80, retries: 1 }).esearch('asthma'), 'PUBMED_TIMEOUT');
  assert.equal(server.requests.length, 2);
});

test('nothing listening: PUBMED_UNREACHABLE at once, not retried', async () => {
  const port = await new Promise<number>((res) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => res(p)); }); });
  let calls = 0;
  const counted: typeof fetch = (url, init) => { calls++; return fetch(url, init); };
  const e = await rejectsWith(client({ baseUrl: `http://127.0.0.1:${port}/entrez/eutils/`, backoffMs: 500, fetch: counted }).esearch('asthma'), 'PUBMED_UNREACHABLE', 'PUBMED_UNREACHABLE');
  assert.match(e.message, /ECONNREFUSED/);
  assert.equal(calls, 1, 'not retried');
});

/**
 * Per-line PubMed counts of a strategy against the E-utilities test server: each line's query has
 * its references expanded (its count is that of the full query), esearch asks for no ids (retmax 0),
 * a line PubMed refuses carries its error, and an unreachable NCBI gives every line an error, not a throw.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startEutilsServer, type EutilsTestServer } from '../../../test/helpers/eutils-server.js';
import { RateLimiter } from '../pubmed/eutils/rate-limit.js';
import { createEutils } from './pubmed.js';
import { strategyCounts } from './strategy.js';

const HITS: Record<string, string[]> = {
  '"Asthma"[mh]': ['1', '2', '3'],
  'wheez*[tiab]': ['3', '4'],
  '"Asthma"[mh] OR wheez*[tiab]': ['1', '2', '3', '4'],
  '("Asthma"[mh] OR wheez*[tiab]) AND english[la]': ['1', '4'],
};
let server: EutilsTestServer;
before(async () => {
  server = await startEutilsServer({ search: (term) => (term === 'refused[tiab]' ? { ids: [], error: 'Invalid query' } : { ids: HITS[term] ?? [] }) });
});
after(() => server.close());
const eutils = (url = server.url) => createEutils({ baseUrl: url, limiter: new RateLimiter(1000, 1000), cache: null });

test('Ovid strategy: each line counted with its references expanded, asking for no ids', async () => {
  const before = server.requests.length;
  const r = await strategyCounts('1. exp Asthma/\n2. wheez$.tw.\n3. or/1-2\n4. limit 3 to english language', eutils());
  assert.deepEqual(r, [
    { n: 1, query: '"Asthma"[mh]', count: 3 },
    { n: 2, query: 'wheez*[tiab]', count: 2 },
    { n: 3, query: '"Asthma"[mh] OR wheez*[tiab]', count: 4 },
    { n: 4, query: '("Asthma"[mh] OR wheez*[tiab]) AND english[la]', count: 2 },
  ]);
  const asked = server.requests.slice(before);
  assert.equal(asked.length, 4);
  assert.ok(asked.every((q) => q.endpoint === 'esearch.fcgi' && q.params.retmax === '0'));
});

test('PubMed history references (#1 OR #2) are expanded; a refused line and an untranslated line carry their errors', async () => {
  const r = await strategyCounts('#1 "Asthma"[mh]\n#2 wheez*[tiab]\n#3 #1 OR #2\n#4 refused[tiab]\n#5 #3 AND #9', eutils());
  assert.deepEqual(r.slice(0, 3).map((l) => [l.query, l.count]), [['"Asthma"[mh]', 3], ['wheez*[tiab]', 2], ['"Asthma"[mh] OR wheez*[tiab]', 4]]);
  assert.equal(r[3]?.count, null);
  assert.equal(r[3]?.error?.code, 'PUBMED_QUERY_INVALID');
  assert.deepEqual([r[4]?.query, r[4]?.count, r[4]?.error?.code], [null, null, 'NOT_TRANSLATED']);
});

test('NCBI unreachable: every line keeps its query and gets PUBMED_UNREACHABLE, no throw; only the first line is tried', async () => {
  const gone = await startEutilsServer({});
  const url = gone.url;
  await gone.close();
  const client = eutils(url);
  let asked = 0;
  const counted = { ...client, esearch: (...a: Parameters<typeof client.esearch>) => { asked++; return client.esearch(...a); } };
  const r = await strategyCounts('1. exp Asthma/\n2. wheez$.tw.\n3. 1 or 2', counted);
  assert.equal(r.length, 3);
  for (const l of r) {
    assert.equal(l.count, null);
    assert.equal(l.error?.code, 'PUBMED_UNREACHABLE');
  }
  assert.equal(r[2]?.query, '"Asthma"[mh] OR wheez*[tiab]', 'the line still has its query');
  assert.equal(asked, 1, 'once NCBI is unreachable the later lines are not asked');
});

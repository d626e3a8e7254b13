/**
 * The PubMed facade the CLI and the host share, against the E-utilities test server: seed recall
 * within the first RECALL_AT ids, records fetched with the PMIDs PubMed lacks, imports through the
 * engine facade (untouched when there is nothing to import), PMID lists refused as BAD_ARGUMENT.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startEutilsServer, type EutilsTestServer } from '../../../test/helpers/eutils-server.js';
import { PLAIN, STRUCTURED } from '../../../test/helpers/eutils-server/fixtures.js';
import { EngineError } from '../errors.js';
import { createEngine } from '../index.js';
import { RateLimiter } from '../pubmed/eutils/rate-limit.js';
import { checkPubmed, createEutils, fetchPubmed, importFetched, inLibrary, pmidList, searchPubmed } from './pubmed.js';

let server: EutilsTestServer;
before(async () => { server = await startEutilsServer({ records: [STRUCTURED, PLAIN], search: () => [PLAIN.pmid, STRUCTURED.pmid] }); });
after(() => server.close());
const eutils = () => createEutils({ baseUrl: server.url, limiter: new RateLimiter(1000, 1000) });

test('searchPubmed: count and ids, and with seeds the recall within the first RECALL_AT ids', async () => {
  const r = await searchPubmed(eutils(), 'anything', { seeds: [PLAIN.pmid, '1'] });
  assert.equal(r.count, 2);
  assert.deepEqual(r.ids, [PLAIN.pmid, STRUCTURED.pmid]);
  assert.equal(r.recall, 0.5);
  assert.deepEqual([r.seedsFound, r.seedsMissed], [[PLAIN.pmid], ['1']]);
  assert.equal((await searchPubmed(eutils(), 'anything', { retmax: 1 })).recall, null);
});

test('fetch, import through the engine facade, then marked as in the library', async () => {
  const fetched = await fetchPubmed(eutils(), [PLAIN.pmid, '1']);
  assert.deepEqual(fetched.records.map((r) => r.pmid), [PLAIN.pmid]);
  assert.deepEqual(fetched.missing, ['1']);
  const engine = await createEngine({ dbPath: ':memory:', bm25MemoryMb: 0 });
  try {
    const first = importFetched(engine, fetched);
    assert.deepEqual([first.imported, first.updated, first.missing], [1, 0, ['1']]);
    assert.equal(importFetched(engine, fetched).updated, 1, 'a second import updates in place');
    assert.deepEqual(inLibrary(engine, fetched.records), [first.documents[0]!.docId]);
  } finally {
    engine.close();
  }
  assert.deepEqual(importFetched(null, { records: [], missing: ['1'] }), { imported: 0, updated: 0, documents: [], missing: ['1'] });
});

test('PMID lists and query syntax', () => {
  assert.deepEqual(pmidList(['1, 2 2', '3'], 'seeds'), ['1', '2', '3']);
  assert.throws(() => pmidList(['12a'], 'seeds'), (e) => e instanceof EngineError && e.code === 'BAD_ARGUMENT' && /seeds takes PMIDs/.test(e.message));
  assert.equal(checkPubmed('cpap[tiab] AND sleep').valid, true);
  assert.equal(checkPubmed('cpap[tiab] AND (').valid, false);
});

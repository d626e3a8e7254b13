/**
 * The Trials screen's service against the local API v2 server (real fixtures) and a real engine:
 * check, search (ids over pages, first studies with "in library" marks), import with the
 * publications already in the library; BAD_ARGUMENT and CTGOV_QUERY_INVALID as data-bearing errors.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startCtgovServer, type CtgovTestServer } from '../../../test/helpers/ctgov-server.js';
import { tempDir } from '../../../test/helpers/shared.js';
import { createEngine, type DelveEngine } from '../../engine/index.js';
import type { EngineHolder } from './engine.js';
import { trialsCheck, trialsImport, trialsSearch } from './trials.js';

let ctgov: CtgovTestServer;
let engine: DelveEngine;
const holder = { use: async <T>(fn: (e: DelveEngine) => T | Promise<T>) => fn(engine) } as unknown as EngineHolder;

before(async () => {
  ctgov = await startCtgovServer();
  process.env.DELVE_CTGOV_URL = ctgov.url;
  process.env.DELVE_CTGOV_PACE_MS = '0';
  engine = await createEngine({ dbPath: join(tempDir('trials-svc-'), 'lib.db'), workers: 1 });
});
after(async () => {
  engine.close();
  await ctgov.close();
  delete process.env.DELVE_CTGOV_URL;
  delete process.env.DELVE_CTGOV_PACE_MS;
});

test('check answers like pubmedCheck', () => {
  assert.deepEqual(trialsCheck('AREA[condition]melanoma'), { valid: true, normalized: 'AREA[Condition]melanoma', errors: [], warnings: [] });
  assert.deepEqual(trialsCheck('melanoma OR').errors, [{ offset: 9, message: 'OR has no search term after it' }]);
});

test('search, import, search again: the imported trial is marked in the library', async () => {
  const r = await trialsSearch(holder, 'kras pancreatic', { seeds: ['NCT06008288', 'NCT02513394'] });
  assert.ok(r.count >= 1 && r.ids.includes('NCT06008288'));
  assert.deepEqual([r.seedsFound, r.seedsMissed, r.recall], [['NCT06008288'], ['NCT02513394'], 0.5]);
  assert.ok(r.studies.every((s) => s.inLibrary === null && s.title.length > 0));
  const imp = await trialsImport(holder, ['NCT06008288', 'NCT99999999']);
  assert.deepEqual([imp.imported, imp.missing], [1, ['NCT99999999']]);
  const again = await trialsSearch(holder, 'kras pancreatic');
  assert.equal(again.studies.find((s) => s.nctId === 'NCT06008288')!.inLibrary, imp.documents[0]!.docId);
  await assert.rejects(trialsSearch(holder, '(kras'), (e: unknown) => (e as { code: string }).code === 'CTGOV_QUERY_INVALID');
  await assert.rejects(trialsImport(holder, []), (e: unknown) => (e as { code: string }).code === 'BAD_ARGUMENT');
});

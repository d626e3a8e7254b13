/** The PubMed calls through the service, against the E-utilities stand-in (and the Ollama one for drafting), on a real library. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startEutilsServer, type EutilsTestServer } from '../../../test/helpers/eutils-server.js';
import { startOllamaServer, type OllamaTestServer } from '../../../test/helpers/ollama-server.js';
import { tempDir } from '../../../test/helpers/shared.js';
import { hitsByQuery, loadTopic, MESH_RECORDS, respondBySample, SEARCHED } from '../../../test/helpers/pubmed-draft-fixtures.js';
import { startMeshServer, type MeshTestServer } from '../../../test/helpers/mesh-server.js';
import type { EngineService } from '../engine-protocol.js';
import { createEngineService } from './index.js';

const topic = loadTopic('43');
const byQuery = hitsByQuery(topic.included_pmids);
const records = [
  { pmid: '111', title: 'Asthma in children', journal: 'Thorax', year: 2019, authors: [{ last: 'Smith', fore: 'Anna', initials: 'A' }] },
  { pmid: '222', title: 'Asthma in adults', journal: 'Chest', year: 2020, doi: '10.1000/ABC' },
  { pmid: '333', title: 'Asthma and obesity', journal: 'Lancet', year: 2021, authors: [{ collective: 'Asthma Study Group' }] },
];
const asthma = ['333', '111', '222', ...Array.from({ length: 3200 }, (_, i) => String(40_000_000 + i))];

let pubmed: EutilsTestServer;
let ncbi: MeshTestServer;
let ollama: OllamaTestServer;
let service: EngineService;
before(async () => {
  pubmed = await startEutilsServer({
    records,
    search: (term) => (term === 'asthma' ? { ids: asthma, querytranslation: '"asthma"[MeSH Terms] OR "asthma"[All Fields]' } : byQuery.get(term) ?? []),
  });
  ncbi = await startMeshServer(MESH_RECORDS, pubmed.url);
  ollama = await startOllamaServer({ models: ['qwen3:4b'] });
  ollama.respond(respondBySample());
  const root = tempDir('delve-pubmed-service-');
  mkdirSync(join(root, 'notes'));
  writeFileSync(join(root, 'notes', 'adults.md'), '---\ntitle: Asthma in adults\ndoi: https://doi.org/10.1000/abc\n---\n\nAsthma in adults, a cohort.\n');
  service = createEngineService({ config: { dataDir: root, dbPath: join(root, 'delve.db') }, emit: () => undefined });
  await service.setSettings({ pubmed: { eutils: ncbi.url, apiKey: 'testkey', email: '' }, ollama: { host: ollama.url } });
  await service.index([join(root, 'notes')]);
});
after(async () => {
  await service.close();
  await Promise.all([ollama.close(), ncbi.close(), pubmed.close()]);
});

test('pubmedCheck: a valid query canonically; an invalid one with each error\'s offset', async () => {
  assert.deepEqual(await service.pubmedCheck('asthma[tiab] AND child*'), { valid: true, normalized: 'asthma[tiab] AND child*', errors: [], warnings: [] });
  const bad = await service.pubmedCheck('(asthma AND');
  assert.equal(bad.valid, false);
  assert.equal(bad.normalized, null);
  assert.ok(bad.errors.length > 0 && bad.errors.every((e) => Number.isInteger(e.offset) && e.message !== ''), JSON.stringify(bad.errors));
});

test('pubmedImport: the records come in as documents; a PMID PubMed lacks is listed as missing; a second import updates', async () => {
  const r = await service.pubmedImport(['111', '999']);
  assert.deepEqual([r.imported, r.updated, r.missing], [1, 0, ['999']]);
  assert.deepEqual(r.documents.map((d) => [d.pmid, d.title]), [['111', 'Asthma in children']]);
  const again = await service.pubmedImport(['111']);
  assert.deepEqual([again.imported, again.updated, again.documents[0]?.docId], [0, 1, r.documents[0]?.docId]);
  await assert.rejects(service.pubmedImport(['12x']), { code: 'BAD_ARGUMENT' });
});

test('pubmedSearch: count, translation, the first records with authors, each marked when the library has it (by PMID or DOI)', async () => {
  const docs = (await service.status()).documents;
  const note = docs.find((d) => d.path.endsWith('adults.md'))!;
  const imported = docs.find((d) => d.path === 'pubmed:111')!;
  const r = await service.pubmedSearch('asthma', { retmax: 3 });
  assert.deepEqual([r.query, r.count, r.translation, r.recall, r.seedsMissed], ['asthma', asthma.length, '"asthma"[MeSH Terms] OR "asthma"[All Fields]', null, []]);
  assert.deepEqual(r.records.map((x) => [x.pmid, x.journal, x.year, x.inLibrary]), [
    ['333', 'Lancet', 2021, null], ['111', 'Thorax', 2019, imported.id], ['222', 'Chest', 2020, note.id],
  ]);
  assert.deepEqual(r.records.map((x) => x.authors), [['Asthma Study Group'], ['Smith A'], []]);
  assert.equal(r.records[2]?.doi?.toLowerCase(), '10.1000/abc');
});

test('pubmedSearch with seeds: recall within the first 3,000 ids', async () => {
  const late = asthma[3100]!;
  const r = await service.pubmedSearch('asthma', { seeds: ['111', asthma[2999]!, late], retmax: 1 });
  assert.equal(r.records.length, 1);
  assert.equal(r.recall, 2 / 3);
  assert.deepEqual(r.seedsMissed, [late]);
});

test('pubmedDraft: candidates drafted by the LLM, ranked by recall of the seeds, with the MeSH check', async () => {
  const c = await service.pubmedDraft({ question: topic.title, seeds: topic.included_pmids });
  assert.deepEqual(c.map((x) => [x.rank, x.searched, x.recall]), [[1, SEARCHED.B, 1], [2, SEARCHED.C, 26 / 34], [3, SEARCHED.D, 0.5], [4, SEARCHED.A, 0.5]]);
  assert.ok(c.every((x) => Array.isArray(x.mesh)));
});

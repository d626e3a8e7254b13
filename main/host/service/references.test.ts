/**
 * importReferences through the desktop's engine service on a real engine: a .bib written here with
 * an attached note and a duplicate entry; the records and the file are indexed (progress as
 * index:progress, like indexing), the record is searchable, and a second import changes nothing.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { tempDir } from '../../../test/helpers/shared.js';
import { createEngine } from '../../engine/index.js';
import type { EngineEvent, EngineService } from '../engine-protocol.js';
import { createEngineService } from './index.js';

let service: EngineService;
const events: EngineEvent[] = [];
const root = tempDir('delve-refs-svc-');
const bib = join(root, 'review.bib');

before(() => {
  writeFileSync(join(root, 'reading.md'), '# Reading notes\n\nPhotobiomodulation of the retina slowed the decline in visual acuity.\n');
  writeFileSync(bib, [
    '@article{smith2020, title = {Photobiomodulation for dry macular degeneration}, author = {Smith, Anna and Jones, Bo}, year = {2020},',
    '  journal = {Retina}, doi = {10.1000/retina.2020.1}, file = {Notes:reading.md:text/markdown}}',
    '@article{smith2020dup, title = {Photobiomodulation for Dry Macular Degeneration}, author = {Smith, A.}, year = {2020}, doi = {10.1000/RETINA.2020.1}}',
    '@book{lee2019, title = {Clinical trials in ophthalmology}, author = {Lee, Chen}, year = {2019}, publisher = {Springer}}',
  ].join('\n'));
  service = createEngineService({ config: { dataDir: root, dbPath: join(root, 'delve.db') }, emit: (e) => events.push(e), openEngine: (c) => createEngine({ ...c, workers: 1 }) });
});
after(async () => { await service.close(); });

test('a .bib with an attached note: records added, duplicates merged, the file indexed; the second import changes nothing', async () => {
  const first = await service.importReferences(bib);
  assert.deepEqual([first.entries, first.records, first.merged, first.added, first.updated, first.unchanged], [3, 2, 1, 2, 0, 0]);
  assert.deepEqual([first.files.attached, first.files.indexed], [1, 1]);
  assert.deepEqual(first.skipped, []);
  assert.ok(events.some((e) => e.name === 'index:progress'), 'the attached file\'s indexing reports progress like an index run');
  const hits = await service.search('photobiomodulation macular', { mode: 'bm25', k: 5 });
  assert.ok(hits.results.some((r) => r.title === 'Photobiomodulation for dry macular degeneration'));
  const again = await service.importReferences(bib);
  assert.deepEqual([again.added, again.updated, again.unchanged, again.removed, again.files.parsed], [0, 0, 2, 0, 0]);
  await assert.rejects(service.importReferences(join(root, 'reading.md')), (e: { code?: string }) => e.code === 'BAD_ARGUMENT');
});

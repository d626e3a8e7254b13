/** "In library" marks for PubMed results: by PMID (an imported record) and by DOI (any document, any case or prefix). */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pubmedRecord } from '../../../test/helpers/pubmed-record.js';
import { tempDir } from '../../../test/helpers/shared.js';
import { createEngine, type EngineError } from '../index.js';

test('libraryMatches: PMIDs of imported records, DOIs of any document, corrected DOIs included', async () => {
  const dir = tempDir('library-matches-');
  mkdirSync(join(dir, 'notes'));
  const note = join(dir, 'notes', 'hf.md');
  writeFileSync(note, '---\ndoi: 10.1155/2010/157939\n---\n# Heart failure programmes\n\nPatients valued the structured programme.\n');
  const engine = await createEngine({ dbPath: join(dir, 'd.db'), workers: 1 });
  await engine.index([join(dir, 'notes')]);
  const noteId = engine.status().documents.find((d) => d.path === note)!.id;
  const [rec] = engine.importPubmed([pubmedRecord({ pmid: '31234567', title: 'Vitamin D in asthma', doi: '10.1136/Thorax-2019-1' })]);

  const m = engine.libraryMatches({
    pmids: ['31234567', ' 99999999 ', '31234567'],
    dois: ['10.1155/2010/157939', 'HTTPS://DOI.ORG/10.1136/THORAX-2019-1', '10.1000/absent', 'no doi'],
  });
  assert.deepEqual(m.pmids, { '31234567': rec!.docId });
  assert.deepEqual(m.dois, { '10.1155/2010/157939': noteId, '10.1136/thorax-2019-1': rec!.docId });
  assert.deepEqual(engine.libraryMatches({}), { pmids: {}, dois: {} });

  engine.updateMetadata(noteId, { doi: '10.1000/Corrected' });
  assert.deepEqual(engine.libraryMatches({ dois: ['10.1000/corrected', '10.1155/2010/157939'] }).dois, { '10.1000/corrected': noteId });
  assert.throws(() => engine.libraryMatches({ pmids: '1' as never }), (e: EngineError) => e.code === 'BAD_ARGUMENT');
  engine.close();
});

/**
 * Citations honour the user's corrections: a PubMed document whose authors, year, DOI and journal
 * were corrected is exported (BibTeX and RIS, read back through their parsers) with the corrected
 * values, the rest from the record; a cleared field stays cleared. Zotero's journal is cited when
 * nothing else names one.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { pubmedRecord } from '../../../test/helpers/pubmed-record.js';
import { tempDir } from '../../../test/helpers/shared.js';
import { DEFAULT_CHUNK_OPTIONS } from '../chunk/chunker.js';
import { createEngine } from '../index.js';
import { importRecords } from '../pubmed/library/import.js';
import { openDb } from '../store/db.js';
import { citedDocs } from './cite.js';
import { addEvidence, createCollection, evidenceTable } from './collections.js';
import { viaCitationJs, viaPandoc, viaRetorquere } from '../../../test/helpers/bib-readers.js';
import { nameText } from '../bibliography/index.js';

const RECORD = pubmedRecord({
  pmid: '24842', title: 'Vitamin D in asthma: the VIDA trial', year: 2014, doi: '10.1001/jama.2014.5052', journal: 'JAMA',
  abstract: 'Vitamin D did not reduce asthma treatment failure.',
  authors: [{ last: 'Castro', fore: 'Mario', initials: 'M' }, { collective: 'NHLBI AsthmaNet' }],
});

test('a corrected PubMed document is cited with the corrections in BibTeX and RIS', async () => {
  const dir = tempDir('cite-corrected-');
  const engine = await createEngine({ dbPath: join(dir, 'd.db'), workers: 1 });
  const [imported] = engine.importPubmed([RECORD]);
  const docId = imported!.docId;
  engine.updateMetadata(docId, { authors: ['Anna Lena Müller', 'NHLBI AsthmaNet', 'Castro M'], year: 2015, doi: 'https://doi.org/10.5555/Corrected.1' });
  engine.createCollection('review');
  engine.addEvidence('review', { docId, page: null, quote: 'Vitamin D in asthma' });

  const text = engine.exportCollection('review', 'bib');
  for (const [bib] of [viaRetorquere(text), viaPandoc(text)]) {
    assert.ok(bib);
    assert.deepEqual(bib.authors, ['Müller, Anna Lena', 'NHLBI AsthmaNet', 'Castro, M'], 'the collective name stays whole');
    assert.equal(bib.year, '2015');
    assert.equal(bib.doi, '10.5555/Corrected.1');
    assert.equal(bib.title, RECORD.title, 'an uncorrected field comes from the record');
    assert.equal(bib.journal, 'JAMA');
    assert.equal(bib.key, 'mullerVitaminAsthmaVida2015', 'the key follows the corrected first author and year');
  }

  const [ris] = viaCitationJs(engine.exportCollection('review', 'ris'), '@ris/file');
  assert.ok(ris);
  assert.deepEqual(ris.authors, ['Müller, Anna Lena', 'NHLBI AsthmaNet', 'Castro, M']);
  assert.equal(ris.year, '2015');
  assert.equal(ris.doi, '10.5555/Corrected.1');
  assert.equal(ris.journal, 'JAMA');

  // A later re-import of the record does not undo the corrections; a corrected journal and a cleared DOI win too.
  engine.importPubmed([RECORD]);
  engine.updateMetadata(docId, { journal: 'JAMA Internal Medicine', doi: null });
  const [again] = viaCitationJs(engine.exportCollection('review', 'ris'), '@ris/file');
  assert.deepEqual(again!.authors, ['Müller, Anna Lena', 'NHLBI AsthmaNet', 'Castro, M']);
  assert.equal(again!.year, '2015');
  assert.equal(again!.doi, null, 'a cleared DOI is not put back from the record');
  assert.equal(again!.journal, 'JAMA Internal Medicine');
  engine.close();
});

test('an uncorrected PubMed document is cited from its record; Zotero\'s journal is cited when nothing else names one', async () => {
  const { db } = await openDb(':memory:');
  const doc = db.prepare(`INSERT INTO documents (id, path, kind, size, mtime_ms, title, authors, year, doi, metadata, status, page_count, indexed_at)
    VALUES (?, ?, 'pdf', 1, 1, ?, ?, 2019, NULL, ?, 'ok', 1, 1)`);
  doc.run(1, '/zotero/storage/AB12/paper.pdf', 'Exercise and the heart', JSON.stringify(['Smith, Anna']), JSON.stringify({ zotero: { itemKey: 'AB12', journal: 'Circulation' } }));
  doc.run(2, '/lib/own.pdf', 'Own journal wins', '[]', JSON.stringify({ journal: 'Heart', zotero: { journal: 'Circulation' } }));
  const chunk = db.prepare("INSERT INTO chunks (id, doc_id, ordinal, first_page, last_page, char_start, char_end, text, hash) VALUES (?, ?, 0, 1, 1, 0, 40, 'Exercise training and the heart.', ?)");
  chunk.run(10, 1, 'h10');
  chunk.run(20, 2, 'h20');
  const [pm] = importRecords(db, [RECORD], DEFAULT_CHUNK_OPTIONS);
  createCollection(db, 'c');
  addEvidence(db, 'c', { chunkId: 10 });
  addEvidence(db, 'c', { chunkId: 20 });
  addEvidence(db, 'c', { docId: pm!.docId, page: null, quote: 'Vitamin D in asthma' });
  const docs = citedDocs(db, evidenceTable(db, 'c'));
  assert.deepEqual(docs.map((d) => d.journal), ['Circulation', 'Heart', 'JAMA']);
  assert.deepEqual(docs.map((d) => [d.authors, d.year, d.doi]).at(2), [[{ family: 'Castro', given: 'Mario' }, { literal: 'NHLBI AsthmaNet' }], 2014, '10.1001/jama.2014.5052']);
  assert.deepEqual(docs.map((d) => d.authors.map(nameText)).at(0), ['Smith, Anna']);
  db.close();
});

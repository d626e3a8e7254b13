/**
 * The user's corrections through the engine: validated, shown with source 'user', written into the
 * row (so evidence and citations see them), and kept when the file is re-parsed, when a PubMed
 * record is imported again, and when the document is indexed with other chunk settings.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pubmedRecord } from '../../../test/helpers/pubmed-record.js';
import { tempDir } from '../../../test/helpers/shared.js';
import { createEngine, type EngineError } from '../index.js';
import { pdfPath } from '../../../test/helpers/pdf-fixtures.js';

const badArgument = (re: RegExp) => (e: EngineError) => e.code === 'BAD_ARGUMENT' && re.test(e.message);

async function noteLibrary() {
  const dir = tempDir('library-update-');
  const notes = join(dir, 'notes');
  mkdirSync(notes);
  const file = join(notes, 'heart.md');
  writeFileSync(file, '---\ntitle: Heart stduy\nauthors: [Anna Smith]\nyear: 2020\n---\n# Heart study\n\nPeak oxygen uptake rose by fifteen percent in the training group.\n');
  const engine = await createEngine({ dbPath: join(dir, 'd.db'), workers: 1 });
  await engine.index([notes]);
  const docId = engine.status().documents.find((d) => d.path === file)!.id;
  return { dir, notes, file, engine, docId };
}

test('a correction is pinned as the user\'s and survives the file being edited and re-indexed', async () => {
  const { notes, file, engine, docId } = await noteLibrary();
  const before = engine.document(docId);
  assert.deepEqual([before.title, before.sources.title, before.sources.authors, before.sources.year], ['Heart stduy', 'front-matter', 'front-matter', 'front-matter']);

  const after = engine.updateMetadata(docId, { title: '  Heart   study ', journal: 'Eur J Heart Fail', doi: 'https://doi.org/10.1002/ejhf.123' });
  assert.deepEqual([after.title, after.journal, after.doi], ['Heart study', 'Eur J Heart Fail', '10.1002/ejhf.123']);
  assert.deepEqual(after.sources, { title: 'user', authors: 'front-matter', year: 'front-matter', doi: 'user', journal: 'user' });

  // The file changes: its own fields follow it, the corrected ones stay.
  writeFileSync(file, '---\ntitle: Heart stduy (v2)\nauthors: [Anna Smith, Bo Chen]\nyear: 2021\ndoi: 10.9999/other\n---\n# Heart study\n\nPeak oxygen uptake rose by twenty percent in the training group.\n');
  utimesSync(file, new Date(), new Date(Date.now() + 5000));
  const summary = await engine.index([notes]);
  assert.equal(summary.changes.updated, 1);
  const reindexed = engine.document(docId);
  assert.deepEqual([reindexed.title, reindexed.doi, reindexed.journal, reindexed.authors, reindexed.year],
    ['Heart study', '10.1002/ejhf.123', 'Eur J Heart Fail', ['Anna Smith', 'Bo Chen'], 2021]);
  assert.deepEqual(reindexed.sources, { title: 'user', authors: 'front-matter', year: 'front-matter', doi: 'user', journal: 'user' });
  assert.match(reindexed.pages[0]!.text, /twenty percent/, 'the text is the new one');

  // Evidence and its export read the corrected row.
  engine.createCollection('hf');
  const hit = (await engine.search('oxygen uptake', { mode: 'bm25', history: false })).results[0]!;
  const ev = engine.addEvidence('hf', { chunkId: hit.chunkId });
  assert.deepEqual([ev.title, ev.doi], ['Heart study', '10.1002/ejhf.123']);
  const bib = engine.exportCollection('hf', 'bib');
  assert.match(bib, /title = \{\{Heart study\}\}/);
  assert.match(bib, /journal = \{Eur J Heart Fail\}/);
  assert.match(bib, /doi = \{10\.1002\/ejhf\.123\}/);

  // A field the user clears stays cleared, and says so.
  const cleared = engine.updateMetadata(docId, { year: null });
  assert.deepEqual([cleared.year, cleared.sources.year], [null, 'user']);
  engine.close();
});

test('patches are checked: unknown fields, wrong types, bad DOIs and unknown documents are BAD_ARGUMENT', async () => {
  const { engine, docId } = await noteLibrary();
  assert.throws(() => engine.updateMetadata(docId, { abstract: 'x' } as never), badArgument(/unknown field abstract/));
  assert.throws(() => engine.updateMetadata(docId, { year: 20 }), badArgument(/four-digit year/));
  assert.throws(() => engine.updateMetadata(docId, { year: '2020' as never }), badArgument(/four-digit year/));
  assert.throws(() => engine.updateMetadata(docId, { authors: 'Anna Smith' as never }), badArgument(/list of names/));
  assert.throws(() => engine.updateMetadata(docId, { doi: 'not a doi' }), badArgument(/not a DOI/));
  assert.throws(() => engine.updateMetadata(docId, null as never), badArgument(/object of fields/));
  assert.throws(() => engine.updateMetadata(docId + 100, { title: 'x' }), badArgument(new RegExp(`no document ${docId + 100}`)));
  assert.throws(() => engine.document(1.5), badArgument(/integer/));
  const same = engine.updateMetadata(docId, { authors: [' Anna  Smith ', '', 'Bo Chen'], title: '' });
  assert.deepEqual([same.authors, same.title, same.sources.title], [['Anna Smith', 'Bo Chen'], null, 'user']);
  engine.close();
});

test('a corrected PDF keeps its correction when it is parsed again; a corrected PubMed record when it is imported again', async () => {
  const dir = tempDir('library-update-pdf-');
  const pdfs = join(dir, 'pdfs');
  mkdirSync(pdfs);
  const file = join(pdfs, 'heart-failure.pdf');
  copyFileSync(pdfPath('hindawi-rrp-2010-157939_heart-failure.pdf'), file);
  const dbPath = join(dir, 'd.db');
  let engine = await createEngine({ dbPath, workers: 1 });
  await engine.index([pdfs]);
  const docId = engine.status().documents.find((d) => d.path === file)!.id;
  const parsed = engine.document(docId);
  assert.equal(parsed.doi, '10.1155/2010/157939');
  assert.deepEqual(parsed.sources, { title: 'pdf-text', authors: 'pdf-text', year: 'pdf-text', doi: 'pdf-text' });
  assert.equal(parsed.pages.length, 6);
  engine.updateMetadata(docId, { title: 'Structured heart failure programmes', authors: ['N. E. Tully'] });

  const records = [pubmedRecord({ pmid: '21234', title: 'Vitamin D in asthma', doi: '10.1/Vit', journal: 'Thorax', year: 2019, authors: [{ last: 'Müller', fore: 'Anna', initials: 'A' }] })];
  const [rec] = engine.importPubmed(records);
  engine.updateMetadata(rec!.docId, { title: 'Vitamin D and asthma exacerbations' });
  engine.close();

  // Other chunk settings: every document is parsed again.
  engine = await createEngine({ dbPath, workers: 1, chunk: { targetChars: 600, overlapChars: 50 } });
  const summary = await engine.index([pdfs]);
  assert.equal(summary.rechunked, 1);
  const again = engine.document(docId);
  assert.deepEqual([again.title, again.authors, again.doi], ['Structured heart failure programmes', ['N. E. Tully'], '10.1155/2010/157939']);
  assert.deepEqual(again.sources, { title: 'user', authors: 'user', year: 'pdf-text', doi: 'pdf-text' });

  engine.importPubmed(records);
  const record = engine.document(rec!.docId);
  assert.deepEqual([record.title, record.journal, record.year], ['Vitamin D and asthma exacerbations', 'Thorax', 2019]);
  assert.deepEqual(record.sources, { title: 'user', authors: 'pubmed', year: 'pubmed', doi: 'pubmed', journal: 'pubmed' });
  assert.match(record.pages[0]!.text, /^Vitamin D in asthma/, "a record's text is its title and abstract");
  engine.close();
});

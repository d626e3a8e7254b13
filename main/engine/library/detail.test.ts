/**
 * documentDetail: fields with their sources for notes (front matter, first heading, file name),
 * PDFs (info dictionary or pages), Zotero overlays and documents indexed before sources were
 * recorded; pages with their labels; a note's text put back together from overlapping chunks.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/shared.js';
import { createEngine, type EngineError } from '../index.js';
import { pdfPath } from '../../../test/helpers/pdf-fixtures.js';
import { openDb } from '../store/db.js';
import { documentDetail } from './detail.js';

const PARAS = Array.from({ length: 6 }, (_, i) => `Paragraph ${i + 1} reports that supervised exercise training for ${i + 8} weeks changed peak oxygen uptake, walking distance and quality of life scores in the trial cohort.`);

test('notes: sources from front matter, first heading or file name; the text is page 1', async () => {
  const dir = tempDir('library-detail-');
  const notes = join(dir, 'notes');
  mkdirSync(notes);
  writeFileSync(join(notes, 'fm.md'), '---\ntitle: From front matter\nauthor: Ada Lovelace\ndate: 2019-05-01\ndoi: doi:10.1234/abc.5\njournal: Heart\n---\n# A heading\n\nBody text.\n');
  writeFileSync(join(notes, 'h1.md'), `# Exercise in heart failure\n\n${PARAS.join('\n\n')}\n`);
  writeFileSync(join(notes, 'plain-name.txt'), 'Just a line of plain text about nothing in particular.\n');
  const engine = await createEngine({ dbPath: join(dir, 'd.db'), workers: 1, chunk: { targetChars: 300, overlapChars: 60 } });
  await engine.index([notes]);
  const byName = (n: string) => engine.document(engine.status().documents.find((d) => d.path === join(notes, n))!.id);

  const fm = byName('fm.md');
  assert.deepEqual([fm.title, fm.authors, fm.year, fm.doi, fm.journal], ['From front matter', ['Ada Lovelace'], 2019, '10.1234/abc.5', 'Heart']);
  assert.deepEqual(fm.sources, { title: 'front-matter', authors: 'front-matter', year: 'front-matter', doi: 'front-matter', journal: 'front-matter' });
  assert.deepEqual([fm.kind, fm.status, fm.code, fm.message, fm.chunks], ['note', 'ok', null, null, 1]);

  const h1 = byName('h1.md');
  assert.deepEqual([h1.title, h1.sources], ['Exercise in heart failure', { title: 'note-text' }]);
  assert.ok(h1.chunks >= 3, `${h1.chunks} chunks`);
  assert.equal(h1.pages.length, 1);
  assert.equal(h1.pages[0]!.page, 1);
  assert.equal(h1.pages[0]!.text, `# Exercise in heart failure\n\n${PARAS.join('\n\n')}`, 'overlapping chunks joined back into the text');

  const plain = byName('plain-name.txt');
  assert.deepEqual([plain.title, plain.sources, plain.authors, plain.journal], ['plain-name', { title: 'filename' }, [], null]);
  assert.ok(plain.size > 0);
  engine.close();
});

test('PDFs: pages with labels, sources from the info dictionary or the pages; Zotero and legacy rows', async () => {
  const dir = tempDir('library-detail-pdf-');
  const pdfs = join(dir, 'pdfs');
  mkdirSync(pdfs);
  for (const f of ['acl_2020.acl-main.207_SPECTER.pdf', 'clinsci-2014-126-305_ACE-inhibitors.pdf']) copyFileSync(pdfPath(f), join(pdfs, f));
  const dbPath = join(dir, 'd.db');
  const engine = await createEngine({ dbPath, workers: 1 });
  await engine.index([pdfs]);
  const id = (f: string) => engine.status().documents.find((d) => d.path === join(pdfs, f))!.id;

  const specter = engine.document(id('acl_2020.acl-main.207_SPECTER.pdf'));
  assert.match(specter.title ?? '', /^SPECTER: Document-level Representation Learning/);
  assert.deepEqual([specter.sources.title, specter.sources.authors, specter.doi, specter.sources.doi], ['pdf-info', 'pdf-info', null, undefined]);
  const clinsci = engine.document(id('clinsci-2014-126-305_ACE-inhibitors.pdf'));
  assert.deepEqual([clinsci.doi, clinsci.sources.doi, clinsci.year, clinsci.sources.year], ['10.1042/CS20130403', 'pdf-text', 2014, 'pdf-text']);
  assert.equal(clinsci.pages.length, 13);
  assert.deepEqual(clinsci.pages.map((p) => p.page), Array.from({ length: 13 }, (_, i) => i + 1));
  assert.match(clinsci.pages[0]!.text, /Fragment-based design/);
  assert.ok(clinsci.pages.every((p) => p.label === null || typeof p.label === 'string'));
  assert.throws(() => engine.document(999), (e: EngineError) => e.code === 'BAD_ARGUMENT' && /no document 999/.test(e.message));
  engine.close();

  const { db } = await openDb(dbPath);
  // A Zotero overlay: the fields Zotero filled are 'zotero', the journal is Zotero's.
  const meta = JSON.parse(db.prepare('SELECT metadata FROM documents WHERE id = ?').pluck().get(clinsci.id) as string) as Record<string, unknown>;
  db.prepare('UPDATE documents SET title = ?, metadata = ? WHERE id = ?').run('Zotero title', JSON.stringify({
    ...meta, zotero: { key: 'K1', journal: 'Clinical Science' }, fieldSources: { title: 'zotero', authors: 'pdf', year: 'pdf', doi: 'pdf' },
  }), clinsci.id);
  const z = documentDetail(db, clinsci.id);
  assert.deepEqual([z.title, z.journal, z.sources.title, z.sources.journal, z.sources.doi], ['Zotero title', 'Clinical Science', 'zotero', 'zotero', 'pdf-text']);

  // Indexed before sources were recorded: worked out from the stored info dictionary and pages.
  const legacy = (docId: number) => {
    const m = JSON.parse(db.prepare('SELECT metadata FROM documents WHERE id = ?').pluck().get(docId) as string) as Record<string, unknown>;
    delete m.extractedFrom;
    delete m.zotero;
    delete m.fieldSources;
    db.prepare('UPDATE documents SET metadata = ? WHERE id = ?').run(JSON.stringify(m), docId);
    return documentDetail(db, docId).sources;
  };
  assert.deepEqual(legacy(specter.id), specter.sources);
  db.prepare('UPDATE documents SET title = ? WHERE id = ?').run(clinsci.title, clinsci.id);
  assert.deepEqual(legacy(clinsci.id), clinsci.sources);
  db.close();
});

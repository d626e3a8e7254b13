/**
 * A Zotero data folder is imported in place and read-only: every regular item not in the trash is
 * a searchable record (with or without a PDF: title, abstract, creators, tags, collections, child
 * notes; other attachments noted), its PDFs are indexed with Zotero's titles, authors, DOIs, tags
 * and collections (a linked file relative to Zotero's base directory found through prefs.js);
 * zotero.sqlite stays byte-identical and nothing is written in the folder; a second import with no
 * change does nothing, and after a change applies only it.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createEngine, type DelveEngine } from '../../main/engine/index.js';
import { sharedDir, tempDir } from '../helpers/shared.js';
import { ZoteroFixture } from '../helpers/zotero-fixture.js';

const pdfs = join(sharedDir(), 'pdfs');
const root = tempDir('zotero-acc-');
const dataDir = join(root, 'Zotero');
const linkedPdf = join(root, 'elsewhere', 'heart-failure.pdf');
let engine: DelveEngine | null = null;
after(() => engine?.close());

/** Every file under the folder with its size, mtime and content hash. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) { walk(p); continue; }
      const st = statSync(p);
      out[p] = `${st.size}:${st.mtimeMs}:${createHash('sha256').update(readFileSync(p)).digest('hex')}`;
    }
  };
  walk(dir);
  return out;
}

interface Meta { zotero: { key: string; itemType: string; journal: string | null; tags: string[]; collections: string[]; abstract: string | null }; fieldSources: Record<string, string>; pdf: { title: string | null } }
interface Row { id: number; path: string; kind: string; title: string; authors: string; year: number | null; doi: string | null; metadata: string }

test('a Zotero library is imported read-only, searchable, and re-imported incrementally', async () => {
  mkdirSync(join(root, 'elsewhere'), { recursive: true });
  mkdirSync(join(root, 'base', 'cardio'), { recursive: true });
  copyFileSync(join(pdfs, 'clinsci-2014-126-305_ACE-inhibitors.pdf'), join(root, 'base', 'cardio', 'ace.pdf'));
  mkdirSync(join(root, 'profile'));
  const prefsFile = join(root, 'profile', 'prefs.js');
  writeFileSync(prefsFile, `user_pref("extensions.zotero.baseAttachmentPath", ${JSON.stringify(join(root, 'base'))});\nuser_pref("extensions.zotero.dataDir", ${JSON.stringify(dataDir)});\n`);
  copyFileSync(join(pdfs, 'hindawi-rrp-2010-157939_heart-failure.pdf'), linkedPdf);
  const z = new ZoteroFixture(dataDir);
  const thesis = z.addCollection('Thesis');
  const ch2 = z.addCollection('Chapter 2', thesis);
  const health = z.addCollection('Health');
  const s2 = z.addItem({
    title: 'Construction of the Literature Graph in Semantic Scholar', date: '2018-06-00 June 2018', doi: '10.18653/v1/N18-3011',
    journal: 'NAACL-HLT Industry Papers', abstract: 'We describe a deployed scalable system.', type: 'conferencePaper',
    creators: [{ firstName: 'Waleed', lastName: 'Ammar' }, { firstName: 'Dirk', lastName: 'Groeneveld' }, { firstName: 'Some', lastName: 'Editor', creatorType: 'editor' }],
    tags: ['citation graph', 'scholarly search'], collections: [ch2],
  });
  z.attachStored(s2.id, join(pdfs, 'acl_N18-3011_literature-graph-semantic-scholar.pdf'));
  const malawi = z.addItem({
    title: 'Quality of health care in Malawi', date: '2014', doi: 'https://doi.org/10.1186/1472-6963-14-1', journal: 'BMC Health Services Research',
    creators: [{ firstName: 'Wilfred', lastName: 'Agyeman-Duah' }, { lastName: 'World Health Organization', fieldMode: 1 }],
    tags: ['Malawi', 'quality'], collections: [health, thesis],
  });
  z.attachStored(malawi.id, join(pdfs, 'bmc-hsr-2014-14-1_healthcare-quality-malawi.pdf'));
  const psy = z.addItem({ title: 'Psychogeriatrics study', date: '2014-01-00 January 2014', journal: 'International Psychogeriatrics', collections: [ch2], tags: ['ageing'] });
  const psyPdf = z.attachStored(psy.id, join(pdfs, 'intpsychogeriatrics-2014-26-147_NC.pdf'));
  const heart = z.addItem({ title: 'Heart failure review (linked file)', date: '2010', creators: [{ firstName: 'A.', lastName: 'Author' }], collections: [health] });
  z.attachLinked(heart.id, linkedPdf);
  const trashed = z.addItem({ title: 'Already in the trash', date: '2020' });
  z.attachStored(trashed.id, join(pdfs, 'nonascii_arabic_right_to_left_01.pdf'));
  z.trash(trashed.id);
  z.addNote(s2.id, 'a child note');
  z.addNote(null, 'a standalone note');
  // Regular items without a PDF, other attachment types, a file relative to the base directory.
  const book = z.addItem({ type: 'book', title: 'Exercise physiology for clinicians', date: '2019', abstract: 'Aerobic capacity and resistance training in chronic disease.',
    creators: [{ firstName: 'Ana', lastName: 'Pérez' }], tags: ['exercise'], collections: [health] });
  z.addNote(book.id, 'Chapter 4 covers VO2max testing &amp; <b>lactate</b> thresholds');
  z.attach(book.id, { linkMode: 0, contentType: 'application/epub+zip', path: 'storage:book.epub' });
  z.attach(book.id, { linkMode: 3, contentType: 'text/html', path: null });
  const statins = z.addItem({ title: 'Statins and muscle symptoms: a randomized trial', journal: 'JAMA', date: '2016', abstract: 'Muscle pain reported by patients taking atorvastatin did not differ from placebo.' });
  z.attach(statins.id, { linkMode: 1, contentType: 'text/html', path: 'storage:snapshot.html' });
  const ace = z.addItem({ title: 'ACE inhibitors (linked relative to the base directory)', date: '2014' });
  z.attach(ace.id, { linkMode: 2, contentType: 'application/pdf', path: 'attachments:cardio/ace.pdf' });
  z.close();

  engine = await createEngine({ dbPath: join(root, 'delve.db'), workers: 2 });
  const before = snapshot(dataDir);
  const first = await engine.importZotero(dataDir, { prefsFile });
  assert.deepEqual(snapshot(dataDir), before, 'zotero.sqlite and storage/ are untouched, nothing was added');
  assert.deepEqual({ added: first.added, updated: first.updated, removed: first.removed, unchanged: first.unchanged, items: first.items }, { added: 5, updated: 0, removed: 0, unchanged: 0, items: 5 });
  assert.deepEqual(first.records, { items: 7, added: 7, updated: 0, unchanged: 0, removed: 0 }, 'every regular item not in the trash is a record');
  assert.deepEqual([first.notes, first.otherAttachments, first.schemaVersion, first.baseDir], [2, 3, 113, join(root, 'base')]);
  assert.equal(first.parsed, 5);
  assert.deepEqual(first.skipped, []);

  const { openDb } = await import('../../main/engine/store/db.js');
  const { db } = await openDb(join(root, 'delve.db'), { readonly: true });
  const all = () => db.prepare('SELECT id, path, kind, title, authors, year, doi, metadata FROM documents ORDER BY id').all() as Row[];
  const rows = () => all().filter((r) => r.kind === 'pdf');
  const records = () => all().filter((r) => r.kind === 'reference');
  const byTitle = (t: string) => rows().find((r) => r.title === t);
  const g = byTitle('Construction of the Literature Graph in Semantic Scholar');
  assert.ok(g, 'the Zotero title is the document title');
  assert.deepEqual(JSON.parse(g.authors), ['Waleed Ammar', 'Dirk Groeneveld'], 'authors in order, editors left out');
  assert.equal(g.year, 2018);
  assert.equal(g.doi, '10.18653/v1/n18-3011');
  const gm = JSON.parse(g.metadata) as Meta;
  assert.equal(gm.zotero.key, s2.key);
  assert.equal(gm.zotero.itemType, 'conferencePaper');
  assert.deepEqual(gm.zotero.tags, ['citation graph', 'scholarly search']);
  assert.deepEqual(gm.zotero.collections, ['Thesis/Chapter 2']);
  assert.equal(gm.zotero.abstract, 'We describe a deployed scalable system.');
  assert.deepEqual(gm.fieldSources, { title: 'zotero', authors: 'zotero', year: 'zotero', doi: 'zotero' });
  const m = JSON.parse(byTitle('Quality of health care in Malawi')!.metadata) as Meta;
  assert.deepEqual(m.zotero.collections, ['Health', 'Thesis']);
  assert.equal(byTitle('Quality of health care in Malawi')!.doi, '10.1186/1472-6963-14-1');
  assert.deepEqual(JSON.parse(byTitle('Quality of health care in Malawi')!.authors), ['Wilfred Agyeman-Duah', 'World Health Organization']);
  const p = byTitle('Psychogeriatrics study')!;
  assert.equal((JSON.parse(p.metadata) as Meta).fieldSources.doi, 'pdf', 'no DOI in Zotero: the PDF\'s (if any) is kept');
  assert.equal((JSON.parse(p.metadata) as Meta).fieldSources.authors, 'pdf');
  assert.equal(byTitle('Heart failure review (linked file)')!.path, linkedPdf, 'a linked file is indexed where it is');
  assert.equal(byTitle('ACE inhibitors (linked relative to the base directory)')!.path, join(root, 'base', 'cardio', 'ace.pdf'), 'attachments: resolved against prefs.js\'s base directory');
  assert.equal(rows().length, 5, 'the trashed item and the notes are not imported');
  assert.deepEqual(records().map((r) => r.title).sort(), ['ACE inhibitors (linked relative to the base directory)', 'Construction of the Literature Graph in Semantic Scholar',
    'Exercise physiology for clinicians', 'Heart failure review (linked file)', 'Psychogeriatrics study', 'Quality of health care in Malawi', 'Statins and muscle symptoms: a randomized trial']);
  const bookMeta = JSON.parse(records().find((r) => r.title === 'Exercise physiology for clinicians')!.metadata) as { zotero: { notes: string[]; others: unknown[]; tags: string[]; collections: string[] } };
  assert.deepEqual([bookMeta.zotero.notes, bookMeta.zotero.others.length, bookMeta.zotero.tags, bookMeta.zotero.collections], [['Chapter 4 covers VO2max testing & lactate thresholds'], 2, ['exercise'], ['Health']]);
  const noPdf = await engine.search('atorvastatin muscle pain placebo', { mode: 'bm25', k: 3, history: false });
  assert.deepEqual([noPdf.results[0]?.kind, noPdf.results[0]?.title], ['reference', 'Statins and muscle symptoms: a randomized trial'], 'an item without a PDF is found by its abstract');
  const byNote = await engine.search('VO2max lactate thresholds', { mode: 'bm25', k: 3, history: false });
  assert.equal(byNote.results[0]?.title, 'Exercise physiology for clinicians', 'child notes are searchable on their record');

  const hits = await engine.search('Malawi health services', { mode: 'bm25', k: 5 });
  assert.equal(hits.results[0]?.title, 'Quality of health care in Malawi', 'the text comes from the PDF, the title from Zotero');
  const chunkIds = db.prepare('SELECT id FROM chunks ORDER BY id').pluck().all();

  const again = await engine.importZotero(dataDir, { prefsFile });
  assert.deepEqual({ added: again.added, updated: again.updated, removed: again.removed, unchanged: again.unchanged, parsed: again.parsed }, { added: 0, updated: 0, removed: 0, unchanged: 5, parsed: 0 });
  assert.deepEqual(again.records, { items: 7, added: 0, updated: 0, unchanged: 7, removed: 0 });
  assert.deepEqual(db.prepare('SELECT id FROM chunks ORDER BY id').pluck().all(), chunkIds, 'no PDF was re-parsed');

  // In Zotero: rename one item, add one, trash one.
  const z2 = new ZoteroFixture(dataDir, { reopen: true });
  z2.setField(psy.id, 'title', 'Cognitive impairment in later life', '2024-02-01 09:00:00');
  const added = z2.addItem({ title: 'SPECTER: document-level representation learning', date: '2020', tags: ['embeddings'], collections: [ch2] });
  z2.attachStored(added.id, join(pdfs, 'acl_2020.acl-main.207_SPECTER.pdf'));
  z2.trash(heart.id);
  z2.close();
  const psyChunks = db.prepare('SELECT id FROM chunks WHERE doc_id = (SELECT id FROM documents WHERE path = ?) ORDER BY id').pluck().all(psyPdf.path);
  const before2 = snapshot(dataDir);
  const third = await engine.importZotero(dataDir, { prefsFile });
  assert.deepEqual(snapshot(dataDir), before2);
  assert.deepEqual({ added: third.added, updated: third.updated, removed: third.removed, unchanged: third.unchanged, parsed: third.parsed }, { added: 1, updated: 1, removed: 1, unchanged: 3, parsed: 1 });
  assert.deepEqual(third.records, { items: 7, added: 1, updated: 1, unchanged: 5, removed: 1 });
  assert.ok(byTitle('Cognitive impairment in later life'), 'the new title is overlaid');
  assert.equal(byTitle('Psychogeriatrics study'), undefined);
  assert.deepEqual(db.prepare('SELECT id FROM chunks WHERE doc_id = (SELECT id FROM documents WHERE path = ?) ORDER BY id').pluck().all(psyPdf.path), psyChunks, 'a metadata change does not re-parse the PDF');
  assert.ok(byTitle('SPECTER: document-level representation learning'));
  assert.equal(byTitle('Heart failure review (linked file)'), undefined, 'the trashed item\'s document is gone');
  assert.equal(db.prepare('SELECT COUNT(*) FROM zotero_items').pluck().get(), 12, '5 PDFs and 7 records');
  const spec = await engine.search('SPECTER citation-informed transformers', { mode: 'bm25', k: 3 });
  assert.equal(spec.results[0]?.title, 'SPECTER: document-level representation learning');
  db.close();
});

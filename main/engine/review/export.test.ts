/**
 * Exports of a collection read back by independent parsers (test/helpers/bib-readers.ts): BibTeX
 * by @retorquere/bibtex-parser, citation-js and pandoc, RIS by citation-js, give the same title,
 * authors, year, DOI, journal, volume and pages for tricky values; the CSV through csv-parse gives
 * the same rows; the Markdown holds every quote, page and key. Also: update/remove/rename/delete.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pubmedRecord } from '../../../test/helpers/pubmed-record.js';
import { DEFAULT_CHUNK_OPTIONS } from '../chunk/chunker.js';
import { viaCitationJs, viaCsvParse, viaPandoc, viaRetorquere, type Flat } from '../../../test/helpers/bib-readers.js';
import { nameText, oneLine } from '../bibliography/index.js';
import { importRecords } from '../pubmed/library/import.js';
import { openDb, type Db } from '../store/db.js';
import { citedDocs, type CitedDoc } from './cite.js';
import { addEvidence, createCollection, evidenceTable, listCollections } from './collections.js';
import { removeEvidence, updateEvidence } from './edit.js';
import { deleteCollection, renameCollection } from './manage.js';
import { EVIDENCE_CSV_COLUMNS, exportCollection } from './export.js';

const TITLE = 'Braces {and} "quotes", commas & 100% of $x_1$ ~ ^ \\ back: Müller–Ørsted #1';
const ABSTRACT = 'Line one, "quoted",\nline two with {braces} & 50%\n\nand a new paragraph.';
const QUOTE = 'Exercise, "they said", helps\nhearts {a lot} & more';

async function library(): Promise<Db> {
  const { db } = await openDb(':memory:');
  const doc = db.prepare(`INSERT INTO documents (id, path, kind, size, mtime_ms, title, authors, year, doi, metadata, status, page_count, indexed_at)
    VALUES (?, ?, ?, 1, 1, ?, ?, ?, ?, ?, 'ok', ?, 1)`);
  doc.run(1, '/lib/smith.pdf', 'pdf', TITLE, JSON.stringify(['Müller, Anna-Lena', 'van der Berg, Jan', "O'Brien S", 'Chloé Dupont']), 2020, '10.1000/xyz_123(45)',
    JSON.stringify({ journal: 'Journal of "Quoted" & {Braced}, Science', pages: '123-130', volume: '7', abstract: ABSTRACT }), 2);
  doc.run(2, '/lib/other.md', 'note', 'Smith notes', JSON.stringify(['Anna Smith']), 2020, null, JSON.stringify({ frontMatter: { pages: 'e1234' } }), 0);
  doc.run(3, '/lib/smith2.md', 'note', 'Smith notes', JSON.stringify(['Anna Smith']), 2020, null, '{}', 0);
  db.prepare("INSERT INTO pages (doc_id, number, label, char_start, text) VALUES (1, 1, 'iv', 0, 'a'), (1, 2, '2', 100, 'b')").run();
  const chunk = db.prepare(`INSERT INTO chunks (id, doc_id, ordinal, first_page, last_page, char_start, char_end, text, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  chunk.run(10, 1, 0, 1, 1, 0, 60, `Intro. ${QUOTE}. End.`, 'h10');
  chunk.run(11, 1, 1, 2, 2, 100, 160, 'Second page: training, three times weekly.', 'h11');
  chunk.run(20, 2, 0, null, null, 0, 30, 'Notes about the heart.', 'h20');
  chunk.run(30, 3, 0, null, null, 0, 30, 'More notes about the heart.', 'h30');
  importRecords(db, [pubmedRecord({
    pmid: '123456', title: 'Vitamin D in asthma: the "VIDA" trial', year: 2014, doi: '10.1001/jama.2014.5052', journal: 'JAMA',
    abstract: 'Importance: vitamin D.\nResults: none, really.',
    authors: [{ last: 'Castro', fore: 'Mario', initials: 'M' }, { collective: 'National Heart, Lung, and Blood Institute\'s AsthmaNet' }],
  })], DEFAULT_CHUNK_OPTIONS);
  return db;
}

async function filled(): Promise<Db> {
  const db = await library();
  createCollection(db, 'review');
  addEvidence(db, 'review', { chunkId: 10, quote: QUOTE }, { note: 'Key "finding", see also p. 2', tags: ['outcome', 'a,b'], stance: 'supports', query: { text: 'exercise "heart"', mode: 'bm25' } });
  addEvidence(db, 'review', { docId: 1, page: 2, quote: 'training, three times weekly' }, { stance: 'background' });
  addEvidence(db, 'review', { chunkId: 20 });
  addEvidence(db, 'review', { chunkId: 30 }, { note: 'line one\nline two' });
  const pm = db.prepare("SELECT id FROM chunks WHERE doc_id = (SELECT doc_id FROM pubmed_records WHERE pmid = '123456') ORDER BY ordinal").pluck().get() as number;
  addEvidence(db, 'review', { chunkId: pm, quote: 'Vitamin D in asthma' }, { stance: 'contradicts' });
  return db;
}

type Fields = Pick<Flat, 'key' | 'title' | 'authors' | 'year' | 'doi' | 'journal' | 'volume' | 'pages'>;
const pick = (f: Flat): Fields => ({ key: f.key, title: f.title, authors: f.authors, year: f.year, doi: f.doi, journal: f.journal, volume: f.volume, pages: f.pages });
const wanted = (d: CitedDoc): Fields => ({
  key: d.key, title: d.title, authors: d.authors.map(nameText), year: d.year === null ? null : String(d.year), doi: d.doi ?? null,
  journal: d.journal ?? null, volume: d.volume ?? null, pages: d.pages ?? null,
});

test('BibTeX: bibtex-parser, citation-js and pandoc give the same fields for tricky values; keys are unique', async () => {
  const db = await filled();
  const docs = citedDocs(db, evidenceTable(db, 'review'));
  const bib = exportCollection(db, 'review', 'bib');
  assert.deepEqual(docs.map((d) => d.key), ['mullerBracesQuotesCommas2020', 'smithSmithNotes2020', 'smithSmithNotes2020a', 'castroVitaminAsthmaVida2014']);
  const want = docs.map(wanted);
  const byRetorquere = viaRetorquere(bib);
  assert.deepEqual(byRetorquere.map(pick), want, 'bibtex-parser');
  assert.deepEqual(viaCitationJs(bib, '@bibtex/text').map(pick), want, 'citation-js');
  assert.deepEqual(viaPandoc(bib).map(pick), want, 'pandoc');
  assert.deepEqual(want[0]!.authors, ['Müller, Anna-Lena', 'van der Berg, Jan', "O'Brien, S", 'Dupont, Chloé']);
  assert.deepEqual(want[3]!.authors, ['Castro, Mario', "National Heart, Lung, and Blood Institute's AsthmaNet"], 'a collective name stays whole');
  assert.equal(byRetorquere[0]!.abstract, oneLine(ABSTRACT));
  assert.deepEqual(byRetorquere.map((e) => e.type), ['article', 'misc', 'misc', 'article'], 'a document with a journal is an @article');
  db.close();
});

test('RIS: citation-js gives the same fields', async () => {
  const db = await filled();
  const docs = citedDocs(db, evidenceTable(db, 'review'));
  const got = viaCitationJs(exportCollection(db, 'review', 'ris'), '@ris/file');
  const want = docs.map(wanted);
  // An organisation's name with commas cannot be written whole in RIS (bibliography/README.md).
  want[3]!.authors = ['Castro, Mario', 'National Heart, Lung'];
  assert.deepEqual(got.map(pick), want);
  assert.equal(got[0]!.abstract, oneLine(ABSTRACT));
  db.close();
});

test('CSV: csv-parse gives back the evidence table, row for row', async () => {
  const db = await filled();
  const rows = evidenceTable(db, 'review');
  const keys = new Map(citedDocs(db, rows).map((d) => [d.path, d.key]));
  const [header, ...body] = viaCsvParse(exportCollection(db, 'review', 'csv'));
  assert.deepEqual(header, [...EVIDENCE_CSV_COLUMNS]);
  assert.equal(body.length, rows.length);
  body.forEach((cells, i) => {
    const r = rows[i]!;
    const get = (c: (typeof EVIDENCE_CSV_COLUMNS)[number]) => cells[EVIDENCE_CSV_COLUMNS.indexOf(c)];
    assert.deepEqual([get('id'), get('key'), get('title'), get('quote'), get('note'), get('page'), get('page_label'), get('stance'), get('query')],
      [String(r.id), keys.get(r.path), r.title ?? '', r.quote, r.note, r.page === null ? '' : String(r.page), r.pageLabel ?? '', r.stance ?? '', r.query?.text ?? '']);
    assert.equal(get('tags'), r.tags.join('; '));
  });
  assert.equal(body[0]![EVIDENCE_CSV_COLUMNS.indexOf('quote')], QUOTE, 'new line, quotes, braces, comma intact');
  db.close();
});

test('Markdown: grouped by document, every quote, page and key', async () => {
  const db = await filled();
  const rows = evidenceTable(db, 'review');
  const docs = citedDocs(db, rows);
  const md = exportCollection(db, 'review', 'md');
  for (const r of rows) for (const line of r.quote.split('\n')) assert.ok(md.includes(`> ${line}`), `quote line "${line}"`);
  for (const d of docs) assert.ok(md.includes(`[@${d.key}]`), d.key);
  assert.ok(md.includes('> — p. iv [@mullerBracesQuotesCommas2020, p. iv]'), 'the printed label');
  assert.ok(md.includes('> — p. 2 [@mullerBracesQuotesCommas2020, p. 2]'), 'the page number where the label is the same');
  assert.ok(md.includes('Key "finding", see also p. 2'));
  assert.ok(md.indexOf('## Braces') < md.indexOf('p. iv') && md.indexOf('p. iv') < md.indexOf('## Smith notes'), 'grouped by document');
  assert.ok(md.includes('*Stance: supports · Tags: outcome, a,b · Query: "exercise "heart"" (bm25)*'));
  db.close();
});

test('evidence: update note, tags and stance; remove; rename and delete collections', async () => {
  const db = await filled();
  const [first] = evidenceTable(db, 'review', { sort: 'added' });
  const u = updateEvidence(db, first!.id, { note: 'new note', tags: [' x ', 'x', 'y'], stance: null });
  assert.deepEqual([u.note, u.tags, u.stance, u.quote], ['new note', ['x', 'y'], null, QUOTE]);
  removeEvidence(db, first!.id);
  assert.throws(() => removeEvidence(db, first!.id), /no evidence/);
  assert.equal(evidenceTable(db, 'review').length, 4);
  renameCollection(db, 'review', 'Review 2');
  createCollection(db, 'other');
  assert.throws(() => renameCollection(db, 'other', 'Review 2'), /already exists/);
  deleteCollection(db, 'Review 2');
  assert.deepEqual(listCollections(db).map((c) => c.name), ['other']);
  assert.equal(db.prepare('SELECT COUNT(*) FROM evidence e JOIN collections c ON c.id = e.collection_id WHERE c.deleted_at IS NULL').pluck().get(), 0);
  assert.throws(() => exportCollection(db, 'other', 'docx' as never), /format must be/);
  assert.equal(exportCollection(db, 'other', 'bib'), '');
  db.close();
});

/**
 * Exports of a collection read back: BibTeX and RIS through their parsers give the same title,
 * authors, year, DOI, journal and pages for tricky values; the CSV through an RFC 4180 reader gives
 * the same rows; the Markdown holds every quote, page and key. Also: update/remove/rename/delete.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pubmedRecord } from '../../../test/helpers/pubmed-record.js';
import { DEFAULT_CHUNK_OPTIONS } from '../chunk/chunker.js';
import { oneLine } from '../pubmed/library/export-fields.js';
import { importRecords } from '../pubmed/library/import.js';
import { openDb, type Db } from '../store/db.js';
import { citedDocs } from './cite.js';
import { addEvidence, createCollection, evidenceTable, listCollections } from './collections.js';
import { removeEvidence, updateEvidence } from './edit.js';
import { deleteCollection, renameCollection } from './manage.js';
import { EVIDENCE_CSV_COLUMNS, exportCollection } from './export.js';
import { bibAuthors, decodeLatex, parseBibtex } from './parse-bib.js';
import { parseCsv } from './parse-csv.js';
import { parseRis, risValue } from './parse-ris.js';

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

interface Fields { title: string | null; authors: string[]; year: string | null; doi: string | null; journal: string | null; pages: string | null }

test('BibTeX: export → parse gives the same fields for tricky values; keys are unique', async () => {
  const db = await filled();
  const docs = citedDocs(db, evidenceTable(db, 'review'));
  const bib = exportCollection(db, 'review', 'bib');
  const entries = parseBibtex(bib);
  assert.equal(entries.length, 4);
  assert.deepEqual(entries.map((e) => e.key), docs.map((d) => d.key));
  assert.equal(new Set(entries.map((e) => e.key)).size, 4);
  assert.deepEqual(docs.map((d) => d.key), ['muller2020braces', 'smith2020smith', 'smith2020smitha', 'castro2014vitamin']);
  const got = entries.map((e): Fields => ({
    title: e.fields.title ?? null, authors: bibAuthors(e.raw.author ?? ''), year: e.fields.year ?? null, doi: e.fields.doi ?? null,
    journal: e.fields.journal ?? null, pages: e.fields.pages ?? null,
  }));
  const want = docs.map((d): Fields => ({ title: d.title, authors: d.authors, year: d.year === null ? null : String(d.year), doi: d.doi, journal: d.journal, pages: d.pages }));
  assert.deepEqual(got, want);
  assert.deepEqual(want[0]!.authors, ['Müller, Anna-Lena', 'van der Berg, Jan', "O'Brien, S", 'Dupont, Chloé']);
  assert.deepEqual(want[3]!.authors, ['Castro, Mario', "National Heart, Lung, and Blood Institute's AsthmaNet"], 'a collective name stays whole');
  assert.equal(entries[0]!.fields.abstract, oneLine(ABSTRACT));
  assert.deepEqual([entries[0]!.type, entries[1]!.type], ['article', 'misc']);
  db.close();
});

test('RIS: export → parse gives the same fields', async () => {
  const db = await filled();
  const docs = citedDocs(db, evidenceTable(db, 'review'));
  const recs = parseRis(exportCollection(db, 'review', 'ris'));
  const got = recs.map((r): Fields => {
    const sp = risValue(r, 'SP');
    const ep = risValue(r, 'EP');
    return { title: risValue(r, 'TI'), authors: r.tags.AU ?? [], year: risValue(r, 'PY'), doi: risValue(r, 'DO'), journal: risValue(r, 'T2', 'JO'), pages: sp && ep ? `${sp}-${ep}` : sp };
  });
  assert.deepEqual(got, docs.map((d): Fields => ({ title: d.title, authors: d.authors, year: d.year === null ? null : String(d.year), doi: d.doi, journal: d.journal, pages: d.pages })));
  assert.deepEqual(recs.map((r) => risValue(r, 'ID')), docs.map((d) => d.key));
  assert.equal(risValue(recs[0]!, 'AB'), oneLine(ABSTRACT));
  assert.deepEqual(parseRis('TY  - JOUR\nTI  - A long\n  wrapped title\nER  - \n')[0]!.tags.TI, ['A long wrapped title'], 'continuation lines');
  db.close();
});

test('CSV: an RFC 4180 reader gives back the evidence table, row for row', async () => {
  const db = await filled();
  const rows = evidenceTable(db, 'review');
  const keys = new Map(citedDocs(db, rows).map((d) => [d.path, d.key]));
  const [header, ...body] = parseCsv(exportCollection(db, 'review', 'csv'));
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
  assert.ok(md.includes('> — p. iv [@muller2020braces, p. iv]'), 'the printed label');
  assert.ok(md.includes('> — p. 2 [@muller2020braces, p. 2]'), 'the page number where the label is the same');
  assert.ok(md.includes('Key "finding", see also p. 2'));
  assert.ok(md.indexOf('## Braces') < md.indexOf('p. iv') && md.indexOf('p. iv') < md.indexOf('## Smith notes'), 'grouped by document');
  assert.ok(md.includes('*Stance: supports · Tags: outcome, a,b · Query: "exercise "heart"" (bm25)*'));
  db.close();
});

test('LaTeX decoding of BibTeX written elsewhere', () => {
  assert.equal(decodeLatex('M{\\"u}ller and \\\'{E}mile \\c{c}a \\ss{} Stra\\ss e \\o{} {\\aa}ngstr\\"om \\v{s} \\& 50\\% \\emph{x}'),
    'Müller and Émile ça ß Straße ø ångström š & 50% x');
  const [e] = parseBibtex('@comment{skip me}\n@Article(k1, title = "A {"}quoted{"} title" # { and more}, year = 2001, month = jan)');
  assert.deepEqual([e!.type, e!.key, e!.fields.title, e!.fields.year, e!.fields.month], ['article', 'k1', 'A "quoted" title and more', '2001', 'jan']);
  assert.deepEqual(bibAuthors('{Barnes and Noble, Inc.} and Doe, J. and {\\"O}zt{\\"u}rk, Ay{\\c{s}}e'), ['Barnes and Noble, Inc.', 'Doe, J.', 'Öztürk, Ayşe']);
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

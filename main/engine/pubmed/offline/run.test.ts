/**
 * runOffline semantics on a small library of imported records plus a note: AND at the document
 * level, NOT as set difference, phrases, truncation without stemming's misses, proximity, [ti] vs
 * [tiab], MeSH / subheadings / major topics, [pt] [la] [dp] [au] [ta], what is reported as unsupported.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, test } from 'node:test';
import { pubmedRecord } from '../../../../test/helpers/pubmed-record.js';
import { chunkBlocks, chunkingFingerprint } from '../../chunk/chunker.js';
import { openDb, type Db } from '../../store/db.js';
import { writeParsed } from '../../store/write.js';
import type { ChunkOptions, ExtractedDoc } from '../../types.js';
import { importRecords } from '../library/import.js';
import { checkQuery } from '../query/index.js';
import { NOTES, runOffline, type OfflineOptions } from './run.js';

const SMALL: ChunkOptions = { targetChars: 200, overlapChars: 0 };
const filler = (n: number) => Array.from({ length: n }, (_, i) => `Filler sentence number ${i} says little.`).join(' ');

let db: Db;
const ids: Record<string, number> = {};
before(async () => {
  ({ db } = await openDb(':memory:'));
  const recs = [
    pubmedRecord({ pmid: '1', title: 'Exercise training in heart failure', abstract: `Patients improved. ${filler(12)} Mortality was unchanged.`,
      authors: [{ last: 'Müller', fore: 'Anna', initials: 'A' }, { last: 'Smith', fore: 'John', initials: 'JR' }], year: 2010, journal: 'Circulation', journalAbbrev: 'Circulation',
      mesh: ['*Heart Failure/therapy', 'Exercise Therapy', 'Humans'], publicationTypes: ['Journal Article', 'Randomized Controlled Trial'] }),
    pubmedRecord({ pmid: '2', title: 'Early mobilization after surgery', abstract: 'Mobilization of patients on the ward reduced heart complications.',
      authors: [{ last: 'Smith', fore: 'Jane', initials: 'J' }], year: 2015, language: 'fre', mesh: ['Heart Failure/*prevention & control', 'Animals'], publicationTypes: ['Review'] }),
    pubmedRecord({ pmid: '3', title: 'Happy patients', abstract: 'Happiness, heart and failure of the mind: failure of the heart was rare.',
      authors: [{ collective: 'Heart Study Group' }], year: 2020, mesh: ['Heart Failure, Diastolic'] }),
  ];
  for (const r of importRecords(db, recs, SMALL)) ids[r.pmid] = r.docId;
  const text = 'Training of the heart after failure: a note.';
  const note: ExtractedDoc = {
    kind: 'note', title: 'Heart notes', authors: ['Anna Müller'], year: 2012, doi: null, metadata: {}, text, pages: [], pageStarts: [],
    blocks: [{ text, start: 0, end: text.length, page: null, headingPath: [] }], warnings: [],
  };
  ids.note = writeParsed(db, { path: '/notes/heart.md', kind: 'note', size: 1, mtimeMs: 1, contentHash: createHash('sha256').update(text).digest('hex'), doc: note, chunks: chunkBlocks(note, SMALL), chunking: chunkingFingerprint(SMALL) });
});

function run(q: string, opts?: OfflineOptions) {
  const r = checkQuery(q);
  assert.ok(r.ok, q);
  return runOffline(db, r.tree, opts);
}
const docs = (q: string) => run(q).docIds;
const of = (...keys: string[]) => keys.map((k) => ids[k]!).sort((a, b) => a - b);

test('AND holds at the document level, across chunks; OR and NOT combine sets; left to right', () => {
  const chunks = db.prepare('SELECT COUNT(*) FROM chunks WHERE doc_id = ?').pluck().get(ids['1']) as number;
  assert.ok(chunks >= 3, 'record 1 spans several chunks');
  assert.deepEqual(docs('exercise[tiab] AND mortality[tiab]'), of('1'), 'title chunk and last chunk of the same record');
  assert.deepEqual(docs('exercise[tiab] OR mobilization[tiab]'), of('1', '2'));
  assert.deepEqual(docs('heart[tiab] NOT exercise[tiab]'), of('2', '3', 'note'));
  assert.deepEqual(docs('heart[tiab] NOT exercise[tiab] NOT happy[tiab]'), of('2', 'note'));
  assert.deepEqual(docs('exercise[tiab] OR happy[tiab] AND patients[tiab]'), of('1', '3'), '(a OR b) AND c');
});

test('phrases, unquoted words as a phrase with the AND fallback, and stemming', () => {
  assert.deepEqual(docs('"heart failure"[tiab]'), of('1'));
  assert.deepEqual(docs('heart failure[tiab]'), of('1'));
  assert.deepEqual(docs('"failure heart"[tiab]'), []);
  assert.deepEqual(docs('mind heart[tiab]'), of('3'), 'no document has the phrase: its words are ANDed');
  assert.deepEqual(docs('"mind heart"[tiab]'), [], 'a quoted phrase is never split');
  assert.deepEqual(docs('trainings[tiab]'), of('1', 'note'), 'words match by their stem (wider than PubMed)');
});

test('truncation finds words the stemmed index stores shorter than the prefix, and nothing else', () => {
  assert.deepEqual(docs('mobiliz*[tiab]'), of('2'), '"mobilization" is stored as "mobil"');
  assert.deepEqual(docs('happy*[tiab]'), of('3'), '"happy" is stored as "happi"');
  assert.deepEqual(docs('happin*[tiab]'), of('3'));
  assert.deepEqual(docs('exercis*[tiab]'), of('1'));
  assert.deepEqual(docs('mobile*[tiab]'), [], '"mobil" stems from mobilization, which does not begin with "mobile"');
  assert.deepEqual(docs('"heart fail*"[tiab]'), of('1'));
  assert.deepEqual(docs('mobil*[tiab]'), of('2'));
  assert.deepEqual(docs('hap*[tiab]'), of('3'), 'a prefix of three letters');
});

test('proximity: at most N words between, either order', () => {
  assert.deepEqual(docs('"heart failure"[tiab:~0]'), of('1'));
  assert.deepEqual(docs('"failure heart"[tiab:~2]'), of('1', '3', 'note'));
  assert.deepEqual(docs('"heart failure"[ti:~3]'), of('1'), '[ti] proximity on titles');
});

test('[ti] searches titles only; [tiab], [tw] and untagged search the text', () => {
  assert.deepEqual(docs('patients[ti]'), of('3'));
  assert.deepEqual(docs('patients[tiab]'), of('1', '2', '3'));
  assert.deepEqual(docs('notes[ti]'), of('note'), 'titles of notes and PDFs count too');
  assert.deepEqual(docs('Humans[tw]'), of('1'), '[tw] includes MeSH headings');
});

test('MeSH: exact heading, qualifier, major topic, noexp; [sh]; one note about explosion', () => {
  const r = run('"Heart Failure"[mh] AND Humans[MeSH Terms]');
  assert.deepEqual(r.docIds, of('1'));
  assert.deepEqual(r.unsupported, [{ offset: 0, what: '"Heart Failure"[mh]', why: NOTES.mh }]);
  assert.deepEqual(docs('"heart failure"[mh]'), of('1', '2'), 'case-insensitive; "Heart Failure, Diastolic" is another heading');
  assert.deepEqual(docs('heart failure*[mh]'), of('1', '2', '3'));
  assert.deepEqual(docs('"Heart Failure"[majr]'), of('1', '2'), 'major when the heading or one of its qualifiers is starred');
  assert.deepEqual(docs('"Exercise Therapy"[majr]'), []);
  assert.deepEqual(docs('"Heart Failure/therapy"[mh]'), of('1'));
  assert.deepEqual(docs('"Heart Failure/prevention and control"[majr]'), of('2'));
  assert.deepEqual(run('"Heart Failure"[mh:noexp]').unsupported, [], 'noexp: nothing to report');
  assert.deepEqual(docs('"prevention & control"[sh]'), of('2'));
  assert.deepEqual(run('therapy[sh]').unsupported.map((u) => u.why), [NOTES.sh]);
});

test('[pt], [la], [ta], [pmid], [dp] and date ranges, [au] over every document', () => {
  assert.deepEqual(docs('"randomized controlled trial"[pt]'), of('1'));
  assert.deepEqual(docs('review[pt]'), of('2'));
  assert.deepEqual(docs('french[la]'), of('2'));
  assert.deepEqual(docs('eng[la]'), of('1', '3'));
  assert.deepEqual(docs('circulation[ta]'), of('1'));
  assert.deepEqual(docs('3[pmid]'), of('3'));
  assert.deepEqual(docs('2015[dp]'), of('2'));
  assert.deepEqual(docs('2011:2020[dp]'), of('2', '3', 'note'));
  assert.deepEqual(run('2011/06/01:2015/01/01[dp]').unsupported.map((u) => u.why), ['offline only the publication year is known: months and days are ignored']);
  assert.deepEqual(docs('smith j[au]'), of('1', '2'), 'initials begin the author\'s: "Smith JR" and "Smith J"');
  assert.deepEqual(docs('smith jr[au]'), of('1'));
  assert.deepEqual(docs('muller a[au]'), of('1', 'note'), 'diacritics folded; the note\'s "Anna Müller" reads as Müller A');
  assert.deepEqual(docs('smith[1au]'), of('2'));
  assert.deepEqual(docs('"heart study group"[au]'), of('3'));
});

test('untagged terms and unstored fields are reported, with offsets; unstored fields match nothing', () => {
  const q = 'heart AND (happy OR "COVID-19"[nm]) AND "x"[pa]';
  const r = run(q);
  assert.deepEqual(r.docIds, []);
  assert.deepEqual(r.unsupported, [
    { offset: 0, what: 'heart', why: NOTES.atm },
    { offset: q.indexOf('"COVID'), what: '"COVID-19"[nm]', why: '[nm] is not stored offline: the term matches nothing' },
    { offset: q.indexOf('"x"'), what: '"x"[pa]', why: '[pa] is not stored offline: the term matches nothing' },
  ]);
  assert.deepEqual(run('heart AND (happy OR "COVID-19"[nm])').docIds, of('3'));
  const twice = 'x[nm] OR y[tiab] OR x[nm]';
  assert.deepEqual(run(twice).unsupported.map((u) => u.offset), [0, twice.lastIndexOf('x')], 'each occurrence is reported');
  assert.deepEqual(run('Humans').docIds, of('1'), 'an untagged term also matches an exact MeSH heading');
});

test('#n references: an error unless resolved', () => {
  const r = checkQuery('#1 AND happy[tiab]');
  assert.ok(r.ok);
  assert.throws(() => runOffline(db, r.tree), (e: Error & { code?: string }) => e.code === 'BAD_ARGUMENT' && /#1 refers to a search/.test(e.message));
  const line = checkQuery('heart[tiab]');
  assert.ok(line.ok);
  assert.deepEqual(runOffline(db, r.tree, { resolve: (l) => (l === '1' ? line.tree : undefined) }).docIds, of('3'));
});

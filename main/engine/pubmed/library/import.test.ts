/**
 * importRecords: records fetched from the local E-utilities server become `pubmed:<PMID>`
 * documents with their fields and tables; importing again updates in place; the engine's normal
 * search finds them, status counts them, and indexing a folder leaves them alone.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startEutilsServer, type EutilsTestServer } from '../../../../test/helpers/eutils-server.js';
import { PLAIN, STRUCTURED } from '../../../../test/helpers/eutils-server/fixtures.js';
import { tempDir } from '../../../../test/helpers/shared.js';
import { DEFAULT_CHUNK_OPTIONS } from '../../chunk/chunker.js';
import { createEngine } from '../../index.js';
import { openDb } from '../../store/db.js';
import { createEutils } from '../eutils/client.js';
import type { PubmedRecord } from '../eutils/types.js';
import { importRecords } from './import.js';
import { storedRecords } from './stored.js';

let server: EutilsTestServer;
let records: PubmedRecord[];
before(async () => {
  server = await startEutilsServer({ records: [STRUCTURED, PLAIN] });
  records = await createEutils({ baseUrl: server.url, cache: null }).efetch([STRUCTURED.pmid, PLAIN.pmid]);
});
after(() => server.close());

test('a record becomes a pubmed:<PMID> document with its fields, chunks, MeSH rows; re-import updates it in place', async () => {
  const { db } = await openDb(':memory:');
  const first = importRecords(db, records, DEFAULT_CHUNK_OPTIONS);
  assert.deepEqual(first.map((r) => [r.pmid, r.created]), [[STRUCTURED.pmid, true], [PLAIN.pmid, true]]);
  const doc = db.prepare("SELECT * FROM documents WHERE path = 'pubmed:31234567'").get() as Record<string, unknown>;
  assert.equal(doc.kind, 'pubmed');
  assert.equal(doc.title, 'Eradication of Helicobacter pylori & gastric cancer risk: β-lactam regimens in a 10-year cohort');
  assert.deepEqual(JSON.parse(doc.authors as string), ['Müller AL', "O'Brien S", 'Gastric Cancer Prevention Consortium']);
  assert.equal(doc.year, 2019);
  assert.equal(doc.doi, '10.1016/S2468-1253(19)30289-X');
  const meta = JSON.parse(doc.metadata as string) as Record<string, unknown>;
  assert.equal(meta.pmid, '31234567');
  assert.equal(meta.journal, 'The Lancet. Gastroenterology & hepatology');
  assert.deepEqual(meta.publicationTypes, ['Journal Article', 'Randomized Controlled Trial']);
  assert.equal(meta.language, 'eng');
  const chunks = db.prepare('SELECT text FROM chunks WHERE doc_id = ? ORDER BY ordinal').pluck().all(doc.id) as string[];
  assert.ok(chunks[0]!.startsWith('Eradication of Helicobacter pylori'), 'the title is the start of the text');
  assert.ok(chunks.join(' ').includes('CONCLUSIONS: Eradication lowers risk.'), 'abstract sections keep their labels');
  const headings = db.prepare('SELECT DISTINCT heading_path FROM chunks WHERE doc_id = ?').pluck().all(doc.id);
  assert.deepEqual(headings, [JSON.stringify([doc.title])], 'the title heads every chunk (chunk/record.ts)');

  const rec = db.prepare('SELECT * FROM pubmed_records WHERE pmid = ?').get('31234567') as Record<string, unknown>;
  assert.equal(rec.doc_id, doc.id);
  assert.equal(rec.doi, '10.1016/s2468-1253(19)30289-x', 'DOI normalised');
  assert.equal(rec.journal, 'The Lancet. Gastroenterology & hepatology');
  const mesh = db.prepare('SELECT descriptor, major, qualifier FROM pubmed_mesh WHERE doc_id = ? ORDER BY rowid').all(doc.id);
  assert.deepEqual(mesh.map((m) => ({ ...(m as object) })), [
    { descriptor: 'helicobacter infections', major: 1, qualifier: null },
    { descriptor: 'helicobacter infections', major: 1, qualifier: 'drug therapy' },
    { descriptor: 'helicobacter infections', major: 0, qualifier: 'complications' },
    { descriptor: 'stomach neoplasms', major: 1, qualifier: null },
    { descriptor: 'stomach neoplasms', major: 1, qualifier: 'prevention and control' },
    { descriptor: 'humans', major: 0, qualifier: null },
  ]);

  const changed = { ...records[1]!, title: 'Vitamin D and asthma attacks in children', mesh: [] };
  const again = importRecords(db, [changed], DEFAULT_CHUNK_OPTIONS);
  assert.deepEqual(again.map((r) => [r.pmid, r.docId, r.created]), [[PLAIN.pmid, first[1]!.docId, false]], 'same document id');
  assert.equal(db.prepare('SELECT COUNT(*) FROM documents').pluck().get(), 2);
  assert.equal(db.prepare('SELECT title FROM documents WHERE id = ?').pluck().get(first[1]!.docId), 'Vitamin D and asthma attacks in children');
  assert.equal(db.prepare('SELECT COUNT(*) FROM pubmed_mesh WHERE doc_id = ?').pluck().get(first[1]!.docId), 0, 'old MeSH rows replaced');

  const back = storedRecords(db, [first[0]!.docId]);
  assert.deepEqual(back, [records[0]], 'the stored record is the fetched one');
  assert.throws(() => importRecords(db, [{ ...changed, pmid: 'PMC1' }], DEFAULT_CHUNK_OPTIONS), /not a PMID/);
  db.close();
});

test('imported records are found by engine.search, counted by status, and survive indexing a folder', async () => {
  const dir = tempDir('pubmed-import-');
  const dbPath = join(dir, 'lib.db');
  const { db } = await openDb(dbPath);
  importRecords(db, records, DEFAULT_CHUNK_OPTIONS);
  db.close();
  writeFileSync(join(dir, 'note.md'), '# Asthma notes\n\nInhaled steroids for children.\n');
  const engine = await createEngine({ dbPath, workers: 1 });
  try {
    const r = await engine.search('vitamin D supplementation asthma exacerbations', { groupBy: 'document' });
    assert.equal(r.results[0]?.path, 'pubmed:29876543');
    assert.equal(r.results[0]?.kind, 'pubmed');
    assert.equal(r.results[0]?.title, PLAIN.title);
    const h = await engine.search('helicobacter eradication amoxicillin');
    assert.equal(h.results[0]?.path, 'pubmed:31234567');
    const summary = await engine.index([dir]);
    assert.equal(summary.changes.removed, 0);
    const t = engine.status().totals;
    assert.deepEqual([t.documents, t.pubmed, t.notes, t.pdfs], [3, 2, 1, 0]);
    assert.equal((await engine.search('inhaled steroids')).results[0]?.kind, 'note');
  } finally {
    engine.close();
  }
});

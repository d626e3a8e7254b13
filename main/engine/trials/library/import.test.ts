/**
 * Real study records (../shared/clinicaltrials fixtures) into the library: fields, text, tables,
 * re-import in place; the engine's search finds them; links between a trial and its publications
 * already in the library (a PubMed record by PMID, a PDF by DOI), both ways.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { readFixture } from '../../../../test/helpers/ctgov-server.js';
import { tempDir } from '../../../../test/helpers/shared.js';
import { DEFAULT_CHUNK_OPTIONS } from '../../chunk/chunker.js';
import { createEngine } from '../../index.js';
import { openDb } from '../../store/db.js';
import { writeParsed } from '../../store/write.js';
import type { Study } from '../api/types.js';
import { citingTrials, importTrials, trialLinks, trialRecord } from './index.js';

const PALLAS = readFixture('mcode/NCT02513394.json') as Study;
const KRAS = readFixture('xiaoyibao/NCT06008288.json') as Study;
const PAGE = (readFixture('xiaoyibao/condition_query_response.json') as { studies: Study[] }).studies;

test('trialRecord reads every field the library keeps from a full real record', () => {
  const r = trialRecord(PALLAS);
  assert.equal(r.nctId, 'NCT02513394');
  assert.equal(r.acronym, 'PALLAS');
  assert.ok(r.conditions.length > 0 && r.interventions.some((i) => /palbociclib/i.test(i.name)));
  assert.deepEqual(r.phases, ['PHASE3']);
  assert.equal(r.status, 'ACTIVE_NOT_RECRUITING');
  assert.equal(r.enrollment?.count, 5796);
  assert.equal(r.startDate, '2015-08');
  assert.match(r.sponsor!, /Alliance Foundation Trials/);
  assert.ok(r.briefSummary && r.eligibility.criteria && r.outcomes.primary.length > 0);
  assert.equal(r.locationsCount, 437);
  const ref = r.references.find((x) => x.pmid === '34995105');
  assert.equal(ref?.doi, '10.1200/jco.21.01918');
});

test('studies become trial:<NCT id> documents with their tables; re-import updates in place', async () => {
  const { db } = await openDb(':memory:');
  const first = importTrials(db, [PALLAS, ...PAGE], DEFAULT_CHUNK_OPTIONS);
  assert.equal(first.length, 11);
  assert.ok(first.every((t) => t.created));
  const doc = db.prepare("SELECT * FROM documents WHERE path = 'trial:NCT02513394'").get() as Record<string, unknown>;
  assert.deepEqual([doc.kind, doc.year, doc.status], ['trial', 2015, 'ok']);
  const meta = JSON.parse(doc.metadata as string) as { nctId: string; url: string; source: string };
  assert.deepEqual([meta.nctId, meta.source, meta.url], ['NCT02513394', 'ctgov', 'https://clinicaltrials.gov/study/NCT02513394']);
  const row = db.prepare('SELECT * FROM trial_records WHERE nct_id = ?').get('NCT02513394') as Record<string, unknown>;
  assert.deepEqual([row.acronym, row.enrollment, row.locations_count, JSON.parse(row.phases as string)], ['PALLAS', 5796, 437, ['PHASE3']]);
  assert.ok((db.prepare('SELECT COUNT(*) FROM chunks WHERE doc_id = ?').pluck().get(doc.id) as number) > 1);
  const heads = db.prepare('SELECT DISTINCT heading_path FROM chunks WHERE doc_id = ?').pluck().all(doc.id);
  assert.deepEqual(heads, [JSON.stringify([doc.title])], 'the title heads every chunk (chunk/record.ts)');
  const first0 = db.prepare('SELECT text FROM chunks WHERE doc_id = ? AND ordinal = 0').pluck().get(doc.id) as string;
  assert.ok(first0.startsWith(`${doc.title as string}\n\n`), 'and is the first paragraph');
  const again = importTrials(db, [KRAS], DEFAULT_CHUNK_OPTIONS);
  assert.deepEqual(again.map((t) => [t.nctId, t.created]), [['NCT06008288', false]]);
  assert.equal(again[0]!.docId, first.find((t) => t.nctId === 'NCT06008288')!.docId);
  db.close();
});

test('imported trials are found by the engine\'s search and counted by status', async () => {
  const dbPath = join(tempDir('trials-import-'), 'lib.db');
  const { db } = await openDb(dbPath);
  importTrials(db, [PALLAS, ...PAGE], DEFAULT_CHUNK_OPTIONS);
  db.close();
  const engine = await createEngine({ dbPath, workers: 1 });
  try {
    const r = await engine.search('palbociclib adjuvant endocrine therapy early breast cancer', { groupBy: 'document' });
    assert.equal(r.results[0]?.path, 'trial:NCT02513394');
    assert.equal(r.results[0]?.kind, 'trial');
    const k = await engine.search('KRAS G12C pancreatic', { groupBy: 'document' });
    assert.ok(k.results.slice(0, 5).every((x) => x.kind === 'trial'));
    assert.equal(engine.status().totals.trials, 11);
  } finally {
    engine.close();
  }
});

test('a trial links to its publications in the library (PubMed record by PMID, PDF by DOI), and they back to it', async () => {
  const { db } = await openDb(':memory:');
  const [pallas] = importTrials(db, [PALLAS], DEFAULT_CHUNK_OPTIONS);
  // Two of PALLAS's references: one imported from PubMed (by PMID), one read as a PDF with the citation's DOI.
  const refs = trialRecord(PALLAS).references.filter((x) => x.pmid && x.doi);
  const [a, b] = refs as [typeof refs[0], typeof refs[0]];
  const doc = (path: string, kind: 'pubmed' | 'pdf', title: string, doi: string | null) => writeParsed(db, {
    path, kind, size: 1, mtimeMs: 0, contentHash: path, chunking: 'x', chunks: [],
    doc: { kind, title, authors: [], year: 2022, doi, metadata: {}, text: title, pages: [], pageStarts: [], blocks: [], warnings: [] },
  });
  const rec = doc(`pubmed:${a.pmid}`, 'pubmed', 'A PubMed record', null);
  db.prepare('INSERT INTO pubmed_records (doc_id, pmid, doi, imported_at) VALUES (?, ?, ?, 1)').run(rec, a.pmid, 'not-a-doi');
  const pdf = doc('/papers/b.pdf', 'pdf', 'A PDF', `https://doi.org/${b.doi!.toUpperCase()}`);
  const other = doc('/papers/c.pdf', 'pdf', 'Unrelated', '10.1000/unrelated');

  const [links] = trialLinks(db);
  assert.equal(links!.nctId, 'NCT02513394');
  const linked = links!.publications.filter((p) => p.inLibrary.length > 0);
  assert.deepEqual(linked.map((p) => [p.pmid, p.inLibrary.map((d) => [d.docId, d.kind, d.via])]), [[a.pmid, [[rec, 'pubmed', 'pmid']]], [b.pmid, [[pdf, 'pdf', 'doi']]]]);
  assert.equal(links!.publications.length, trialRecord(PALLAS).references.length);

  assert.deepEqual(citingTrials(db, rec), [{ docId: pallas!.docId, nctId: 'NCT02513394', title: trialRecord(PALLAS).title, via: 'pmid' }]);
  assert.deepEqual(citingTrials(db, pdf).map((t) => [t.nctId, t.via]), [['NCT02513394', 'doi']]);
  assert.deepEqual(citingTrials(db, other), []);
  db.close();
});

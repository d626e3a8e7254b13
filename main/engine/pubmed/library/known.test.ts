import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pubmedRecord } from '../../../../test/helpers/pubmed-record.js';
import { DEFAULT_CHUNK_OPTIONS } from '../../chunk/chunker.js';
import { openDb } from '../../store/db.js';
import { normalizeDoi } from './doi.js';
import { importRecords } from './import.js';
import { knownInLibrary } from './known.js';

test('normalizeDoi: case, resolver prefixes, URL encoding; not-DOIs are null', () => {
  assert.equal(normalizeDoi(' https://doi.org/10.1000/ABC.def '), '10.1000/abc.def');
  assert.equal(normalizeDoi('http://dx.doi.org/10.1000%2Fxyz'), '10.1000/xyz');
  assert.equal(normalizeDoi('doi: 10.1016/S0140-6736(20)30183-5'), '10.1016/s0140-6736(20)30183-5');
  assert.equal(normalizeDoi('PMC123'), null);
  assert.equal(normalizeDoi(''), null);
  assert.equal(normalizeDoi(null), null);
});

test('knownInLibrary: by PMID when the record is imported, else by DOI of any document', async () => {
  const { db } = await openDb(':memory:');
  const [rec] = importRecords(db, [pubmedRecord({ pmid: '111', title: 'A record', doi: '10.5/Rec' })], DEFAULT_CHUNK_OPTIONS);
  const ins = db.prepare(`INSERT INTO documents (path, kind, size, mtime_ms, doi, status, indexed_at) VALUES (?, ?, 1, 1, ?, 'ok', 1) RETURNING id`).pluck();
  const pdf = ins.get('/papers/a.pdf', 'pdf', 'https://doi.org/10.1234/ABC-9') as number;
  const note = ins.get('/notes/b.md', 'note', 'doi:10.9/Note') as number;
  const got = knownInLibrary(db, [
    { pmid: '111' },
    { pmid: '222', doi: '10.1234/abc-9' },
    { pmid: '333', doi: 'https://doi.org/10.9/NOTE' },
    { pmid: '444', doi: '10.5/rec' },
    { pmid: '555', doi: '10.0/none' },
    { pmid: '666', doi: null },
  ]);
  assert.deepEqual(got, [
    { pmid: '111', docId: rec!.docId, via: 'pmid' },
    { pmid: '222', docId: pdf, via: 'doi' },
    { pmid: '333', docId: note, via: 'doi' },
    { pmid: '444', docId: rec!.docId, via: 'doi' },
    { pmid: '555', docId: null, via: null },
    { pmid: '666', docId: null, via: null },
  ]);
  db.close();
});

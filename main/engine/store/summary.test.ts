/** statusReport's OCR state per document, from the stored pages: none, needed (OCR off), pending (OCR on), done. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDb } from './db.js';
import { ocrOf, statusReport } from './summary.js';

test('ocrOf: no image page, every one read, or some left (needed with OCR off, pending with it on)', () => {
  assert.equal(ocrOf(0, 0, true), 'none');
  assert.equal(ocrOf(3, 0, false), 'done');
  assert.equal(ocrOf(3, 2, false), 'needed');
  assert.equal(ocrOf(3, 1, true), 'pending');
});

test('statusReport gives each document its OCR state and pages left, lasting in the database', async () => {
  const { db } = await openDb(':memory:');
  const doc = db.prepare(`INSERT INTO documents (id, path, kind, size, mtime_ms, title, status, indexed_at) VALUES (?, ?, 'pdf', 1, 1, ?, 'ok', 1)`);
  const page = db.prepare('INSERT INTO pages (doc_id, number, char_start, needs_ocr, text, ocr_key) VALUES (?, ?, 0, ?, ?, ?)');
  doc.run(1, '/text.pdf', 'Text');
  page.run(1, 1, 0, 'words', null);
  doc.run(2, '/scan.pdf', 'Scan');
  page.run(2, 1, 1, '', null);
  page.run(2, 2, 1, '', null);
  doc.run(3, '/read.pdf', 'Read');
  page.run(3, 1, 1, 'ocr text', 'key');
  const by = (r: ReturnType<typeof statusReport>) => Object.fromEntries(r.documents.map((d) => [d.path, [d.ocr, d.ocrPages]]));
  assert.deepEqual(by(statusReport(db, 'c', false)), { '/read.pdf': ['done', 0], '/scan.pdf': ['needed', 2], '/text.pdf': ['none', 0] });
  assert.deepEqual(by(statusReport(db, 'c', true))['/scan.pdf'], ['pending', 2]);
  assert.equal(statusReport(db, 'c').totals.needsOcrPages, 2);
  db.close();
});

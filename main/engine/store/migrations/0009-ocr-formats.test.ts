import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDb } from '../db.js';
import { migrate, schemaVersion } from './index.js';

test('0009 accepts docx/html/epub documents, keeps rows, pages, chunks and title search, adds OCR columns and cache', async () => {
  const { db } = await openDb(':memory:', { migrateTo: 8 });
  db.prepare(`INSERT INTO documents (id, path, kind, size, mtime_ms, title, status, indexed_at) VALUES (7, '/a.pdf', 'pdf', 1, 1, 'Scanned atlas', 'ok', 1)`).run();
  db.prepare(`INSERT INTO pages (doc_id, number, char_start, needs_ocr, text) VALUES (7, 1, 0, 1, '')`).run();
  db.prepare(`INSERT INTO chunks (doc_id, ordinal, char_start, char_end, text, hash) VALUES (7, 0, 0, 4, 'word', 'h')`).run();
  assert.throws(() => db.prepare(`INSERT INTO documents (path, kind, size, mtime_ms, status, indexed_at) VALUES ('/b.docx', 'docx', 1, 1, 'ok', 1)`).run(), /CHECK/);
  migrate(db, 9);
  assert.equal(schemaVersion(db), 9);
  for (const kind of ['docx', 'html', 'epub']) {
    db.prepare(`INSERT INTO documents (path, kind, size, mtime_ms, title, status, indexed_at) VALUES (?, ?, 1, 1, ?, 'ok', 1)`).run(`/b.${kind}`, kind, `Title ${kind}`);
  }
  assert.throws(() => db.prepare(`INSERT INTO documents (path, kind, size, mtime_ms, status, indexed_at) VALUES ('/c.odt', 'odt', 1, 1, 'ok', 1)`).run(), /CHECK/);
  assert.equal(db.prepare('SELECT COUNT(*) FROM pages WHERE doc_id = 7').pluck().get(), 1);
  assert.equal(db.prepare('SELECT COUNT(*) FROM chunks WHERE doc_id = 7').pluck().get(), 1);
  const hits = db.prepare(`SELECT rowid FROM documents_title_fts WHERE documents_title_fts MATCH 'atlas OR epub'`).pluck().all();
  assert.equal(hits.length, 2, 'the title index still follows the rebuilt table');
  db.prepare('UPDATE pages SET ocr_key = ?, ocr_confidence = 91.5 WHERE doc_id = 7').run('k');
  db.prepare(`UPDATE chunks SET ocr_confidence = 91.5, locator = '{"paragraph":3}'`).run();
  db.prepare(`INSERT INTO ocr_cache (key, image_hash, langs, width, height, text, words, confidence, ms, created_at) VALUES ('k', 'h', 'eng', 1, 1, 't', '[]', 90, 1, 1)`).run();
  assert.throws(() => db.prepare(`INSERT INTO ocr_cache (key, image_hash, langs, width, height, text, words, confidence, ms, created_at) VALUES ('k2', 'h', 'eng', 1, 1, 't', 'nope', 90, 1, 1)`).run(), /CHECK/);
  db.prepare('DELETE FROM documents WHERE id = 7').run();
  assert.equal(db.prepare('SELECT COUNT(*) FROM chunks').pluck().get(), 0, 'cascades survive the rebuild');
  db.close();
});

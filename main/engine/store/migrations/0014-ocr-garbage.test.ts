import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDb } from '../db.js';
import { migrate, schemaVersion } from './index.js';

test('0014 adds pages.text_garbage (NULL: not judged), keeping pages', async () => {
  const { db } = await openDb(':memory:', { migrateTo: 12 });
  db.prepare(`INSERT INTO documents (id, path, kind, size, mtime_ms, status, indexed_at) VALUES (7, '/a.pdf', 'pdf', 1, 1, 'ok', 1)`).run();
  db.prepare(`INSERT INTO pages (doc_id, number, char_start, needs_ocr, text) VALUES (7, 1, 0, 0, 'text')`).run();
  migrate(db, 13);
  assert.equal(schemaVersion(db), 13);
  assert.equal(db.prepare('SELECT text_garbage FROM pages WHERE doc_id = 7').pluck().get(), null);
  db.prepare('UPDATE pages SET text_garbage = 1').run();
  assert.throws(() => db.prepare('UPDATE pages SET text_garbage = 2').run(), /CHECK/);
  db.close();
});

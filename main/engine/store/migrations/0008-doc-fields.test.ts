import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDb } from '../db.js';
import { migrate, schemaVersion } from './index.js';

const count = (db: import('../db.js').Db, sql: string) => db.prepare(sql).pluck().get() as number;

test('0008 adds pinned document fields: one per (document, field), JSON values, gone with their document', async () => {
  const { db } = await openDb(':memory:', { migrateTo: 7 });
  db.prepare(`INSERT INTO documents (id, path, kind, size, mtime_ms, title, status, indexed_at) VALUES (1, '/a.pdf', 'pdf', 1, 1, 'A', 'ok', 1)`).run();
  assert.throws(() => db.prepare('SELECT * FROM doc_fields').all(), /no such table/);
  migrate(db, 8);
  assert.equal(schemaVersion(db), 8);
  const put = db.prepare('INSERT INTO doc_fields (doc_id, field, value, source, updated_at) VALUES (?, ?, ?, ?, 1)');
  put.run(1, 'title', '"Corrected"', 'user');
  put.run(1, 'authors', '["Ada Lovelace"]', 'user');
  put.run(1, 'journal', 'null', 'user');
  assert.throws(() => put.run(1, 'title', '"Again"', 'user'), /UNIQUE|PRIMARY KEY/);
  assert.throws(() => put.run(1, 'abstract', '"x"', 'user'), /CHECK/);
  assert.throws(() => put.run(1, 'year', 'not json', 'user'), /CHECK/);
  assert.throws(() => put.run(99, 'year', '2020', 'user'), /FOREIGN KEY/);
  assert.equal(db.prepare("SELECT json_extract(value, '$') FROM doc_fields WHERE field = 'title'").pluck().get(), 'Corrected');
  db.prepare('DELETE FROM documents WHERE id = 1').run();
  assert.equal(count(db, 'SELECT COUNT(*) FROM doc_fields'), 0, 'the fields go with their document');
  db.close();
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDb } from '../db.js';
import { migrate, schemaVersion } from './index.js';

const count = (db: import('../db.js').Db, sql: string) => db.prepare(sql).pluck().get() as number;

test('0006 adds collections, evidence that outlives its document and chunk, and search history', async () => {
  const { db } = await openDb(':memory:', { migrateTo: 5 });
  db.prepare(`INSERT INTO documents (id, path, kind, size, mtime_ms, title, status, indexed_at) VALUES (1, '/a.md', 'note', 1, 1, 'A', 'ok', 1)`).run();
  db.prepare("INSERT INTO chunks (id, doc_id, ordinal, char_start, char_end, text, hash) VALUES (9, 1, 0, 0, 4, 'text', 'h')").run();
  migrate(db, 6);
  assert.equal(schemaVersion(db), 6);
  db.prepare("INSERT INTO collections (id, name, created_at) VALUES (1, 'heart', 1)").run();
  assert.throws(() => db.prepare("INSERT INTO collections (name, created_at) VALUES ('heart', 2)").run(), /UNIQUE/);
  const add = db.prepare(`INSERT INTO evidence (collection_id, doc_id, chunk_id, chunk_hash, doc_path, quote, stance, created_at)
    VALUES (1, 1, 9, 'h', '/a.md', 'text', ?, 1)`);
  add.run('supports');
  add.run(null);
  assert.throws(() => add.run('maybe'), /CHECK/);
  db.prepare('DELETE FROM chunks WHERE id = 9').run();
  assert.equal(count(db, 'SELECT COUNT(*) FROM evidence WHERE chunk_id IS NULL AND doc_id = 1'), 2, 'a replaced chunk unlinks, the evidence stays');
  db.prepare('DELETE FROM documents WHERE id = 1').run();
  assert.equal(count(db, "SELECT COUNT(*) FROM evidence WHERE doc_id IS NULL AND quote = 'text'"), 2, 'so does a removed document');
  db.prepare('DELETE FROM collections WHERE id = 1').run();
  assert.equal(count(db, 'SELECT COUNT(*) FROM evidence'), 0, 'evidence goes with its collection');
  db.prepare(`INSERT INTO search_history (query, mode, options, results, ms, at) VALUES ('q', 'bm25', '{}', 3, 1.5, 1)`).run();
  assert.equal(count(db, 'SELECT results FROM search_history'), 3);
  assert.deepEqual(db.pragma('foreign_key_check'), []);
  db.close();
});

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../../test/helpers/shared.js';
import { openDb } from '../db.js';
import { MIGRATIONS, migrate, schemaVersion } from './index.js';

// Numbered 0010 for issue 20; its version is its place in MIGRATIONS (the lead renumbers at merge).
const V = MIGRATIONS.find((m) => m.name === 'references')!.version;

const count = (db: import('../db.js').Db, sql: string) => db.prepare(sql).pluck().get() as number;

test('0010 rebuilds documents for kind reference, keeping ids, pages, chunks and the title index', async () => {
  const { db } = await openDb(join(tempDir('mig10-'), 'd.db'), { migrateTo: V - 1 });
  db.prepare(`INSERT INTO documents (id, path, kind, size, mtime_ms, title, status, page_count, indexed_at)
    VALUES (7, '/a.pdf', 'pdf', 10, 1, 'Heart failure outcomes', 'ok', 1, 1)`).run();
  db.prepare("INSERT INTO pages (doc_id, number, char_start, text) VALUES (7, 1, 0, 'text')").run();
  db.prepare("INSERT INTO chunks (id, doc_id, ordinal, char_start, char_end, text, hash) VALUES (3, 7, 0, 0, 20, 'exercise training helps', 'h')").run();
  assert.throws(() => db.prepare("UPDATE documents SET kind = 'reference' WHERE id = 7").run(), /CHECK/);
  migrate(db, V);
  assert.equal(schemaVersion(db), V);
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  assert.deepEqual(db.pragma('foreign_key_check'), []);
  assert.equal(count(db, 'SELECT COUNT(*) FROM pages WHERE doc_id = 7'), 1);
  assert.equal(count(db, "SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH 'exercise'"), 3);
  db.prepare(`INSERT INTO documents (id, path, kind, size, mtime_ms, title, status, indexed_at) VALUES (8, 'ref:doi:10.1/x', 'reference', 0, 0, 'Vitamin D in asthma', 'ok', 1)`).run();
  assert.equal(count(db, "SELECT rowid FROM documents_title_fts WHERE documents_title_fts MATCH 'vitamin'"), 8, 'the title triggers are back');
  assert.equal(count(db, "SELECT rowid FROM documents_title_fts WHERE documents_title_fts MATCH 'failure'"), 7);
  db.prepare("INSERT INTO ref_records (doc_id, identity, meta_hash, imported_at) VALUES (8, 'doi:10.1/x', 'h', 1)").run();
  db.prepare('DELETE FROM documents WHERE id = 8').run();
  assert.equal(count(db, 'SELECT COUNT(*) FROM ref_records'), 0, 'a record goes with its document');
  db.close();
});

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../../test/helpers/shared.js';
import { openDb } from '../db.js';
import { migrate, schemaVersion } from './index.js';

const count = (db: import('../db.js').Db, sql: string, ...args: unknown[]) => db.prepare(sql).pluck().get(...args) as number;

test('0005 rebuilds documents for kind pubmed without losing a page, a chunk or an id', async () => {
  const dir = tempDir('mig5-');
  const { db } = await openDb(join(dir, 'd.db'), { migrateTo: 4 });
  db.prepare(`INSERT INTO documents (id, path, kind, size, mtime_ms, title, doi, status, page_count, indexed_at)
    VALUES (7, '/a.pdf', 'pdf', 10, 1, 'Heart failure outcomes', '10.1/X', 'ok', 1, 1)`).run();
  db.prepare("INSERT INTO pages (doc_id, number, char_start, text) VALUES (7, 1, 0, 'text')").run();
  db.prepare("INSERT INTO chunks (id, doc_id, ordinal, char_start, char_end, text, hash) VALUES (3, 7, 0, 0, 20, 'exercise training helps', 'h')").run();
  assert.throws(() => db.prepare("UPDATE documents SET kind = 'pubmed' WHERE id = 7").run(), /CHECK/);

  migrate(db, 5);
  assert.equal(schemaVersion(db), 5);
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1, 'foreign keys are back on');
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  assert.deepEqual(db.pragma('foreign_key_check'), []);
  assert.equal(count(db, 'SELECT COUNT(*) FROM pages WHERE doc_id = 7'), 1);
  assert.equal(count(db, "SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH 'exercise'"), 3, 'chunk search still works');
  assert.equal(count(db, "SELECT rowid FROM documents_title_fts WHERE documents_title_fts MATCH 'failure'"), 7, 'existing titles are indexed');

  db.prepare(`INSERT INTO documents (id, path, kind, size, mtime_ms, title, status, indexed_at)
    VALUES (8, 'pubmed:123', 'pubmed', 0, 0, 'Vitamin D in asthma', 'ok', 1)`).run();
  assert.throws(() => db.prepare(`INSERT INTO documents (path, kind, size, mtime_ms, status, indexed_at) VALUES ('x', 'web', 0, 0, 'ok', 1)`).run(), /CHECK/);
  db.prepare("UPDATE documents SET title = 'Vitamin E in asthma' WHERE id = 8").run();
  assert.equal(count(db, "SELECT COUNT(*) FROM documents_title_fts WHERE documents_title_fts MATCH 'vitamin'"), 1);
  assert.equal(count(db, "SELECT COUNT(*) FROM documents_title_fts WHERE documents_title_fts MATCH '\"d\"'"), 0, 'the old title left the index');

  db.prepare("INSERT INTO pubmed_records (doc_id, pmid, doi, imported_at) VALUES (8, '123', '10.1/y', 1)").run();
  assert.throws(() => db.prepare("INSERT INTO pubmed_records (doc_id, pmid, imported_at) VALUES (7, '123', 1)").run(), /UNIQUE/);
  db.prepare("INSERT INTO pubmed_mesh (doc_id, descriptor, major, qualifier) VALUES (8, 'asthma', 1, NULL), (8, 'asthma', 0, 'drug therapy')").run();
  assert.throws(() => db.prepare("INSERT INTO pubmed_mesh (doc_id, descriptor, major) VALUES (999, 'x', 0)").run(), /FOREIGN KEY/);
  db.prepare('DELETE FROM documents WHERE id = 8').run();
  assert.equal(count(db, 'SELECT COUNT(*) FROM pubmed_records'), 0, 'records go with their document');
  assert.equal(count(db, 'SELECT COUNT(*) FROM pubmed_mesh'), 0);
  assert.equal(count(db, "SELECT COUNT(*) FROM documents_title_fts WHERE documents_title_fts MATCH 'vitamin'"), 0);
  db.prepare('DELETE FROM documents WHERE id = 7').run();
  assert.equal(count(db, 'SELECT COUNT(*) FROM chunks'), 0, 'chunks still cascade from the rebuilt table');
  db.close();
});

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../../test/helpers/shared.js';
import { openDb } from '../db.js';
import { migrate, MIGRATIONS, schemaVersion } from './index.js';

const count = (db: import('../db.js').Db, sql: string, ...args: unknown[]) => db.prepare(sql).pluck().get(...args) as number;
const TRIALS = MIGRATIONS.find((m) => m.name === 'trials')!.version;

test('0011 rebuilds documents for kind trial, keeping every row, id, index and trigger; trial tables cascade', async () => {
  const { db } = await openDb(join(tempDir('mig11-'), 'd.db'), { migrateTo: TRIALS - 1 });
  db.prepare(`INSERT INTO documents (id, path, kind, size, mtime_ms, title, doi, status, page_count, indexed_at)
    VALUES (7, '/a.pdf', 'pdf', 10, 1, 'Palbociclib adjuvant outcomes', '10.1200/JCO.21.01918', 'ok', 1, 1),
           (8, 'pubmed:34995105', 'pubmed', 0, 0, 'Treatment exposure in PALLAS', NULL, 'ok', 0, 1)`).run();
  db.prepare("INSERT INTO chunks (id, doc_id, ordinal, char_start, char_end, text, hash) VALUES (3, 7, 0, 0, 20, 'palbociclib breast', 'h')").run();
  db.prepare("INSERT INTO pubmed_records (doc_id, pmid, doi, imported_at) VALUES (8, '34995105', '10.1200/jco.21.01918', 1)").run();
  const before = db.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'documents' AND type IN ('index', 'trigger') ORDER BY name").pluck().all();
  assert.throws(() => db.prepare("INSERT INTO documents (path, kind, size, mtime_ms, status, indexed_at) VALUES ('trial:NCT02513394', 'trial', 0, 0, 'ok', 1)").run(), /CHECK/);

  migrate(db, TRIALS);
  assert.equal(schemaVersion(db), TRIALS);
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  assert.deepEqual(db.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'documents' AND type IN ('index', 'trigger') ORDER BY name").pluck().all(), before);
  assert.equal(count(db, 'SELECT COUNT(*) FROM documents'), 2);
  assert.equal(count(db, "SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH 'palbociclib'"), 3);
  assert.equal(count(db, 'SELECT doc_id FROM pubmed_records'), 8);

  db.prepare("INSERT INTO documents (id, path, kind, size, mtime_ms, title, status, indexed_at) VALUES (9, 'trial:NCT02513394', 'trial', 0, 0, 'PALLAS', 'ok', 1)").run();
  assert.equal(count(db, "SELECT rowid FROM documents_title_fts WHERE documents_title_fts MATCH 'pallas'"), 8, 'the title triggers still work (first match)');
  assert.throws(() => db.prepare("INSERT INTO documents (path, kind, size, mtime_ms, status, indexed_at) VALUES ('x', 'web', 0, 0, 'ok', 1)").run(), /CHECK/);
  db.prepare("INSERT INTO trial_records (doc_id, nct_id, imported_at) VALUES (9, 'NCT02513394', 1)").run();
  db.prepare("INSERT INTO trial_refs (doc_id, pmid, citation) VALUES (9, '34995105', 'Mayer EL …')").run();
  assert.throws(() => db.prepare("INSERT INTO trial_records (doc_id, nct_id, imported_at) VALUES (7, 'NCT02513394', 1)").run(), /UNIQUE/);
  db.prepare('DELETE FROM documents WHERE id = 9').run();
  assert.deepEqual([count(db, 'SELECT COUNT(*) FROM trial_records'), count(db, 'SELECT COUNT(*) FROM trial_refs')], [0, 0]);
  db.prepare('DELETE FROM documents WHERE id = 7').run();
  assert.equal(count(db, 'SELECT COUNT(*) FROM chunks'), 0, 'chunks still cascade');
  db.close();
});

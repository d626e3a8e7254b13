import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDb } from '../db.js';
import { migrate } from './index.js';

const count = (db: import('../db.js').Db, q: string) =>
  (db.prepare('SELECT COUNT(*) AS n FROM chunks_fts WHERE chunks_fts MATCH ?').get(q) as { n: number }).n;

test('0002 indexes chunks that existed before it, and follows inserts, updates and deletes', async () => {
  const { db } = await openDb(':memory:', { migrateTo: 1 });
  const doc = db.prepare(`INSERT INTO documents (path, kind, size, mtime_ms, status, indexed_at) VALUES ('/n.md', 'note', 1, 1, 'ok', 0) RETURNING id`).get() as { id: number };
  const ins = db.prepare(`INSERT INTO chunks (doc_id, ordinal, char_start, char_end, heading_path, text, hash) VALUES (?, ?, 0, 1, ?, ?, ?) RETURNING id`);
  ins.run(doc.id, 0, '["Intro"]', 'Running experiments with résumé parsers', 'h0');
  migrate(db, 2);
  assert.equal(count(db, 'run'), 1, 'porter stemming: run matches running');
  assert.equal(count(db, 'resume'), 1, 'diacritics folded');
  assert.equal(count(db, 'intro'), 1, 'heading path indexed');
  const second = ins.get(doc.id, 1, '[]', 'Ovarian cancer cohort', 'h1') as { id: number };
  assert.equal(count(db, 'ovarian'), 1);
  db.prepare('UPDATE chunks SET text = ? WHERE id = ?').run('Prostate cohort', second.id);
  assert.equal(count(db, 'ovarian'), 0);
  assert.equal(count(db, 'prostate'), 1);
  db.prepare('DELETE FROM documents').run();
  assert.equal(count(db, 'prostate OR run'), 0, 'cascade delete removes FTS rows');
  db.exec("INSERT INTO chunks_fts (chunks_fts) VALUES ('integrity-check')");
  db.close();
});

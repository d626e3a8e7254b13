import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDb } from '../db.js';

test('0001 creates documents, pages and chunks with cascading deletes and a unique path', async () => {
  const { db } = await openDb(':memory:', { migrateTo: 1 });
  const doc = db.prepare(`INSERT INTO documents (path, kind, size, mtime_ms, status, indexed_at) VALUES ('/a.pdf', 'pdf', 1, 1, 'ok', 0) RETURNING id`).get() as { id: number };
  db.prepare(`INSERT INTO pages (doc_id, number, label, char_start, text) VALUES (?, 1, 'i', 0, 'x')`).run(doc.id);
  db.prepare(`INSERT INTO chunks (doc_id, ordinal, first_page, last_page, char_start, char_end, text, hash) VALUES (?, 0, 1, 1, 0, 1, 'x', 'h')`).run(doc.id);
  assert.throws(() => db.prepare(`INSERT INTO documents (path, kind, size, mtime_ms, status, indexed_at) VALUES ('/a.pdf', 'pdf', 1, 1, 'ok', 0)`).run(), /UNIQUE/);
  assert.throws(() => db.prepare(`INSERT INTO documents (path, kind, size, mtime_ms, status, indexed_at) VALUES ('/b', 'exe', 1, 1, 'ok', 0)`).run(), /CHECK/);
  db.prepare('DELETE FROM documents WHERE id = ?').run(doc.id);
  assert.equal((db.prepare('SELECT COUNT(*) AS n FROM pages').get() as { n: number }).n, 0);
  assert.equal((db.prepare('SELECT COUNT(*) AS n FROM chunks').get() as { n: number }).n, 0);
  db.close();
});

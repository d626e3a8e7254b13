import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDb } from '../db.js';
import { migrate } from './index.js';

test('0013 adds the evidence order, soft deletion of evidence and collections, and keeps existing rows', async () => {
  const { db } = await openDb(':memory:', { migrateTo: 8 });
  db.prepare("INSERT INTO collections (id, name, created_at) VALUES (1, 'heart', 1)").run();
  db.prepare("INSERT INTO evidence (collection_id, doc_path, quote, created_at) VALUES (1, '/a.md', 'q', 1)").run();
  migrate(db);
  const row = db.prepare('SELECT position, deleted_at FROM evidence').get() as { position: number | null; deleted_at: number | null };
  assert.deepEqual({ ...row }, { position: null, deleted_at: null });
  const c = db.prepare('SELECT name, deleted_at, deleted_name FROM collections').get() as Record<string, unknown>;
  assert.deepEqual({ ...c }, { name: 'heart', deleted_at: null, deleted_name: null });
  db.close();
});

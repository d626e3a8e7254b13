import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDb } from '../db.js';
import { completeVectorTable, ensureVectorTable, modelKey } from '../vectors.js';

test('0003 registers models; their sqlite-vec table is keyed by chunk hash and answers KNN queries', async () => {
  const { db, vec } = await openDb(':memory:');
  assert.ok(vec.version, `sqlite-vec must load on this platform: ${vec.error}`);
  const model = { id: 'test-model', fingerprint: 'abc', dims: 4 };
  const t = ensureVectorTable(db, model);
  assert.equal(t.created, true);
  assert.deepEqual(ensureVectorTable(db, model), { key: 'test-model@abc', table: t.table, created: false, complete: false });
  const ins = db.prepare(`INSERT INTO ${t.table} (chunk_hash, embedding) VALUES (?, ?)`);
  ins.run('h1', new Float32Array([1, 0, 0, 0]));
  ins.run('h2', new Float32Array([0, 1, 0, 0]));
  const hits = db.prepare(`SELECT chunk_hash FROM ${t.table} WHERE embedding MATCH ? AND k = 1`).all(new Float32Array([0.1, 0.9, 0, 0])) as { chunk_hash: string }[];
  assert.deepEqual(hits.map((h) => h.chunk_hash), ['h2']);
  const row = db.prepare('SELECT fingerprint, dims FROM embedding_models WHERE id = ?').get(modelKey(model));
  assert.deepEqual({ ...(row as object) }, { fingerprint: 'abc', dims: 4 });
  const changed = ensureVectorTable(db, { ...model, fingerprint: 'def' });
  assert.equal(changed.created, true, 'a new fingerprint gets a fresh table');
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  assert.equal(count(t.table), 2, 'the old vectors stay while the new set is being built');
  assert.deepEqual(completeVectorTable(db, changed), [modelKey(model)]);
  assert.throws(() => count(t.table), /no such table/, 'once the new set is complete the old one is dropped');
  db.close();
});

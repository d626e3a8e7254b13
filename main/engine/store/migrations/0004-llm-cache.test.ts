import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDb } from '../db.js';

test('0004 creates the LLM cache, keyed by its hash', async () => {
  const { db } = await openDb(':memory:');
  const ins = db.prepare('INSERT INTO llm_cache (key, role, model, reply, created_at) VALUES (?, ?, ?, ?, ?)');
  ins.run('k1', 'judge', 'qwen3:4b', '{"score":7}', 1);
  assert.throws(() => ins.run('k1', 'judge', 'qwen3:4b', '{}', 2), /UNIQUE/);
  assert.equal(db.prepare('SELECT hits FROM llm_cache WHERE key = ?').pluck().get('k1'), 0);
  db.close();
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { weightedFtsQuery } from './weighted-query.js';

test('FTS5 counts a phrase once per time it is listed, which is how terms get weights', () => {
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61')");
  for (const x of ['alpha delta', 'beta zeta', 'omega theta']) db.prepare('INSERT INTO t (x) VALUES (?)').run(x);
  // Read scores from the ranked list: with an extra `rowid = ?` constraint FTS5 computes bm25 differently.
  const score = (q: string, id: number) => (db.prepare('SELECT rowid AS id, bm25(t) AS s FROM t WHERE t MATCH ? ORDER BY s').all(q) as { id: number; s: number }[]).find((r) => r.id === id)!.s;
  assert.ok(Math.abs(score('"alpha" OR "alpha" OR "beta"', 1) - 2 * score('"alpha" OR "beta"', 1)) < 1e-12);
  assert.equal(score('"alpha" OR "alpha" OR "beta"', 2), score('"alpha" OR "beta"', 2));
  db.close();
});

test('original terms outweigh expansion terms; repeated expansion terms saturate; stop words and operators are dropped', () => {
  const q = weightedFtsQuery({
    original: 'statins and muscle pain',
    expansions: ['Statin therapy causes myopathy. Myopathy is muscle pain. Myopathy myopathy myopathy myopathy.'],
    rewrite: '(statins OR statin) AND myopathy',
  });
  const w = Object.fromEntries(q.weights.map((x) => [x.term, x.weight]));
  assert.equal(w.statins, 2 + 2 + 1, 'twice in the text: 1 + ⌊log2 2⌋, original +2, rewrite +1');
  assert.equal(w.muscle, 2 + 2, 'twice in the text: 1 + ⌊log2 2⌋, original +2');
  assert.equal(w.myopathy, 3 + 1, 'seven times: capped at 3, rewrite +1');
  assert.equal(w.therapy, 1);
  assert.equal(w.and, undefined);
  assert.equal(w.or, undefined);
  assert.equal(q.match!.split(' OR ').filter((p) => p === '"statins"').length, 5);
});

test('text without a searchable term gives no query', () => {
  assert.equal(weightedFtsQuery({ original: '?!', expansions: ['…'] }).match, null);
});

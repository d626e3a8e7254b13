import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { Bm25Index, luceneIdf } from '../../main/engine/search/bm25/bm25-index.js';
import { loadBm25Index } from '../../main/engine/search/bm25/bm25-load.js';
import { fieldLengths, VariantScorer } from './variants.js';

function index(rows: [string, string][]) {
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE t USING fts5(text, heading_path, tokenize='porter unicode61')");
  for (const [text, heading] of rows) db.prepare('INSERT INTO t (text, heading_path) VALUES (?, ?)').run(text, heading);
  const data = loadBm25Index(db, 2 ** 30, 't');
  if (typeof data === 'string') throw new Error(data);
  return { db, data, lengths: fieldLengths(db, data, 't') };
}

test('BM25F with an empty heading column in every row is the engine\'s BM25', () => {
  const { db, data, lengths } = index([['alpha beta gamma', ''], ['alpha alpha delta epsilon zeta eta', ''], ['beta theta', '']]);
  const engine = new Bm25Index(data, { k1: 1.5, b: 0.75 });
  const f = new VariantScorer(data, { k1: 1.5, b: 0, fields: { b: [0.75, 0.3], lengths } });
  const q = [engine.find('alpha'), engine.find('beta')];
  const a = engine.top(q, [1, 0.5], 10);
  const b = f.top(q, [1, 0.5], 10);
  assert.deepEqual(b.map((x) => x.rowid), a.map((x) => x.rowid));
  b.forEach((x, i) => assert.ok(Math.abs(x.score - a[i]!.score) < 1e-12));
  db.close();
});

test('BM25F normalises each column by its own length before the weighted sum, then saturates once', () => {
  const { db, data, lengths } = index([['alpha beta gamma delta', 'alpha'], ['epsilon zeta', 'eta theta'], ['alpha iota', '']]);
  assert.deepEqual([...lengths[0]!], [4, 2, 2]);
  assert.deepEqual([...lengths[1]!], [1, 2, 0]);
  const [bt, bh, wh, k1] = [0.75, 0.5, 2, 1.5];
  const f = new VariantScorer(data, { k1, b: 0, fields: { b: [bt, bh], lengths } });
  const alpha = new Bm25Index(data).find('alpha');
  const top = f.top([alpha], [1, wh], 10);
  const idf = luceneIdf(3, 2);
  // Text lengths average 8/3, heading lengths 1.
  const row1 = 1 / (1 - bt + bt * 4 / (8 / 3)) + wh * 1 / (1 - bh + bh * 1 / 1);
  const row3 = 1 / (1 - bt + bt * 2 / (8 / 3));
  const want = [[1, idf * row1 / (row1 + k1)], [3, idf * row3 / (row3 + k1)]].sort((x, y) => y[1]! - x[1]!);
  assert.deepEqual(top.map((x) => x.rowid), want.map((x) => x[0]));
  top.forEach((x, i) => assert.ok(Math.abs(x.score - want[i]![1]!) < 1e-12));
  db.close();
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TopK } from './top-k.js';

test('ties at the cut keep the smaller id, whatever order the ids come in', () => {
  const h = new TopK(2);
  for (const [score, id] of [[1, 1], [1, 5], [1, 3], [2, 9]] as const) h.offer(score, id);
  assert.deepEqual([...h.entries().ids], [9, 1]);
});

test('the k best equal a full sort by score, then id', () => {
  fc.assert(fc.property(
    fc.uniqueArray(fc.nat(1000), { minLength: 0, maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 60, maxLength: 60 }), fc.nat(70),
    (ids, scores, k) => {
      const h = new TopK(k);
      ids.forEach((id, i) => h.offer(scores[i]!, id));
      const want = ids.map((id, i) => [scores[i]!, id] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, k);
      const got = h.entries();
      assert.deepEqual([...got.ids], want.map((w) => w[1]));
      assert.deepEqual([...got.scores], want.map((w) => w[0]));
    }));
});

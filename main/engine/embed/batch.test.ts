import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeBatches, positionIds } from './batch.js';

test('batches are sorted by length, padded on the requested side, and remember their rows', () => {
  const enc = [[1, 2, 3], [4], [5, 6], [7, 8, 9, 10]];
  const right = makeBatches(enc, 2, 0, 'right');
  assert.deepEqual(right.map((b) => b.rows), [[1, 2], [0, 3]]);
  assert.deepEqual([...right[0]!.inputIds], [4n, 0n, 5n, 6n]);
  assert.deepEqual([...right[0]!.mask], [1, 0, 1, 1]);
  const left = makeBatches(enc, 2, 9, 'left');
  assert.deepEqual([...left[1]!.inputIds], [9n, 1n, 2n, 3n, 7n, 8n, 9n, 10n]);
  assert.deepEqual([...left[1]!.attentionMask], [0n, 1n, 1n, 1n, 1n, 1n, 1n, 1n]);
});

test('position ids count real tokens only, so left padding does not shift them', () => {
  assert.deepEqual([...positionIds(Uint8Array.from([0, 0, 1, 1, 1, 1, 1, 0]), 2, 4)], [0n, 0n, 0n, 1n, 0n, 1n, 2n, 0n]);
});

test('a batch stops at the token budget (rows × its longest row), keeps at least one row, and covers every text once', () => {
  const lengths = [1, 1, 1, 1, 2, 2, 3, 8, 9];
  const enc = lengths.map((n, i) => Array.from({ length: n }, () => i + 1));
  const batches = makeBatches(enc, 4, 0, 'right', 6);
  assert.deepEqual(batches.map((b) => [b.rows.length, b.seq]), [[4, 1], [2, 2], [1, 3], [1, 8], [1, 9]]);
  for (const b of batches) assert.ok(b.rows.length === 1 || b.rows.length * b.seq <= 6);
  assert.deepEqual(batches.flatMap((b) => b.rows).sort((a, b) => a - b), lengths.map((_, i) => i));
  assert.deepEqual(makeBatches(enc, 4, 0, 'right').map((b) => b.rows.length), [4, 4, 1], 'no budget: batchSize alone');
});

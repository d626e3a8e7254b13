import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SearchResult } from '../api.js';
import { stageDelta } from './delta.js';

const list = (ids: number[]) => ids.map((chunkId) => ({ chunkId }) as SearchResult);

test('a stage delta counts the new results of the top 10 and lists each moved one with its ranks', () => {
  const before = list([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  const after = list([3, 1, 2, 4, 5, 6, 7, 8, 12, 99, 9]);
  const d = stageDelta(before, after, 11);
  assert.equal(d.newInTop10, 2, '12 (was 12th) and 99 (absent) are new to the top 10');
  assert.deepEqual(d.moved, [
    { chunkId: 3, from: 3, to: 1 }, { chunkId: 1, from: 1, to: 2 }, { chunkId: 2, from: 2, to: 3 },
    { chunkId: 12, from: 12, to: 9 }, { chunkId: 99, from: null, to: 10 },
  ]);
  assert.equal(d.hits, 11);
  assert.deepEqual(stageDelta(before, before), { newInTop10: 0, moved: [] });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fuseMinMax, fuseRrf, minMax } from './fuse.js';

const bm25 = [{ chunkId: 1, score: 12 }, { chunkId: 2, score: 8 }, { chunkId: 3, score: 2 }];
const dense = [{ chunkId: 3, score: 0.9 }, { chunkId: 4, score: 0.7 }, { chunkId: 1, score: 0.5 }];

test('min-max maps each list to [0, 1]; a flat list maps to 1', () => {
  assert.deepEqual([...minMax(bm25).entries()], [[1, 1], [2, 0.6], [3, 0]]);
  assert.deepEqual([...minMax([{ chunkId: 9, score: 3 }, { chunkId: 8, score: 3 }]).values()], [1, 1]);
});

test('min-max fusion: w·dense + (1−w)·bm25, hand-computed', () => {
  const f = fuseMinMax(bm25, dense, 0.5);
  const by = new Map(f.map((x) => [x.chunkId, x]));
  // chunk 1: bm25 1, dense (0.5-0.5)/0.4 = 0 → 0.5; chunk 3: bm25 0, dense 1 → 0.5
  // chunk 2: bm25 0.6, dense absent → 0.3; chunk 4: dense 0.5, bm25 absent → 0.25
  assert.ok(Math.abs(by.get(1)!.fused - 0.5) < 1e-12);
  assert.ok(Math.abs(by.get(3)!.fused - 0.5) < 1e-12);
  assert.ok(Math.abs(by.get(2)!.fused - 0.3) < 1e-12);
  assert.ok(Math.abs(by.get(4)!.fused - 0.25) < 1e-12);
  assert.deepEqual(f.map((x) => x.chunkId), [1, 3, 2, 4], 'ties go to the better single-list rank, then chunk id');
  assert.equal(by.get(4)!.bm25Rank, null);
  assert.equal(by.get(4)!.bm25Norm, 0, 'absent from a list scores 0 there, never negative');
});

test('w = 1 is the dense order, w = 0 the BM25 order', () => {
  assert.deepEqual(fuseMinMax(bm25, dense, 1).slice(0, 3).map((x) => x.chunkId), [3, 4, 1]);
  assert.deepEqual(fuseMinMax(bm25, dense, 0).slice(0, 3).map((x) => x.chunkId), [1, 2, 3]);
  assert.throws(() => fuseMinMax(bm25, dense, 1.5), RangeError);
});

test('reciprocal rank fusion with k = 60', () => {
  const f = fuseRrf(bm25, dense);
  const by = new Map(f.map((x) => [x.chunkId, x.fused]));
  assert.ok(Math.abs(by.get(1)! - (1 / 61 + 1 / 63)) < 1e-15);
  assert.ok(Math.abs(by.get(3)! - (1 / 63 + 1 / 61)) < 1e-15);
  assert.ok(Math.abs(by.get(4)! - 1 / 62) < 1e-15);
  assert.deepEqual(f.map((x) => x.chunkId), [1, 3, 2, 4]);
});

test('one empty list leaves the other list in its order', () => {
  assert.deepEqual(fuseMinMax(bm25, []).map((x) => x.chunkId), [1, 2, 3]);
  assert.deepEqual(fuseRrf([], dense).map((x) => x.chunkId), [3, 4, 1]);
});

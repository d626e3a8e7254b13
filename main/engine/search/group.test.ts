import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Fused } from './fusion/fuse.js';
import { groupByDocument, type PassageInfo } from './group.js';

const f = (chunkId: number, fused: number): Fused => ({ chunkId, fused, bm25Rank: chunkId, denseRank: null, bm25Norm: null, denseNorm: null });

test('passages are grouped by document in the order of each document\'s best passage, keeping their ranks', () => {
  const list = [f(1, 0.9), f(2, 0.8), f(3, 0.7), f(4, 0.6), f(5, 0.5), f(6, 0.4)];
  const info = new Map<number, PassageInfo>([
    [1, { docId: 10, frontMatter: true }], [2, { docId: 10, frontMatter: false }], [3, { docId: 20, frontMatter: false }],
    [4, { docId: 10, frontMatter: false }], [5, { docId: 30, frontMatter: true }],
    // 6: deleted since it was ranked (no row)
  ]);
  const groups = groupByDocument(list, info, 5);
  assert.deepEqual(groups.map((g) => g.docId), [10, 20, 30]);
  const [a, b, c] = groups;
  assert.equal(a!.best.fused.chunkId, 2, 'shown by its best passage that is not front matter');
  assert.equal(a!.best.passageRank, 2);
  assert.equal(a!.score, 0.9, 'ranked by its best passage, front matter included');
  assert.deepEqual(a!.more.map((m) => [m.fused.chunkId, m.passageRank]), [[1, 1], [4, 4]]);
  assert.equal(a!.passages, 3);
  assert.equal(b!.passages, 1);
  assert.deepEqual(b!.more, []);
  assert.equal(c!.best.fused.chunkId, 5, 'front matter is shown when the document has nothing else');
  assert.equal(groupByDocument(list, info, 1)[0]!.more.length, 1, 'more is capped');
  assert.equal(groupByDocument(list, info, 1)[0]!.passages, 3, 'the count is not');
});

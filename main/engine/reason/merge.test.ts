import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listwiseOrder, mergeRankings, pointwise } from './merge.js';

test('pointwise: final = α·llm/10 + (1−α)·fused; an unjudged passage counts as neutral 5', () => {
  const out = pointwise([{ chunkId: 1, fused: 0.9, llm: 0 }, { chunkId: 2, fused: 0.2, llm: 10 }, { chunkId: 3, fused: 0.5, llm: null }], 0.5, true);
  assert.deepEqual(out.map((o) => o.chunkId), [2, 3, 1]);
  assert.ok(Math.abs(out[0]!.final - (0.5 + 0.1)) < 1e-12);
  assert.ok(Math.abs(out[1]!.final - (0.25 + 0.25)) < 1e-12);
  assert.ok(Math.abs(out[2]!.final - 0.45) < 1e-12);
});

test('fused scores not already in [0, 1] are min-max normalised over the candidates', () => {
  const out = pointwise([{ chunkId: 1, fused: 12, llm: 5 }, { chunkId: 2, fused: 2, llm: 5 }], 0.5, false);
  assert.deepEqual(out.map((o) => [o.chunkId, o.fusedUsed, o.final]), [[1, 1, 0.75], [2, 0, 0.25]]);
});

test('DIVER v2 merge: 0.6·(−ln(r+1)) + 0.4·(−ln(r+1)) with 0-based ranks', () => {
  const out = mergeRankings([10, 20, 30], [30, 20, 10]);
  const f = (rp: number, rl: number) => 0.6 * -Math.log(rp + 1) + 0.4 * -Math.log(rl + 1);
  assert.deepEqual(out.map((o) => o.chunkId), [10, 30, 20]);
  assert.ok(Math.abs(out[0]!.final - f(0, 2)) < 1e-12);
  assert.ok(Math.abs(out[1]!.final - f(2, 0)) < 1e-12);
});

test('a listwise reply maps numbers to ids; duplicates, junk and out-of-range are dropped; missing ids follow in order', () => {
  assert.deepEqual(listwiseOrder([3, 3, 'x', 9, 1], [100, 200, 300]), { order: [300, 100, 200], valid: true });
  assert.deepEqual(listwiseOrder('nonsense', [100, 200]), { order: [100, 200], valid: false });
});

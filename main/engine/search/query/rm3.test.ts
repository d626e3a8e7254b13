import assert from 'node:assert/strict';
import { test } from 'node:test';
import { feedbackTermAllowed, rm3Expand } from './rm3.js';

test('RM3 weighs feedback terms by Σ tf/|d| · score, keeps fbTerms, and mixes the query in at originalQueryWeight', () => {
  const docs = [
    { score: 2, terms: new Map([['vitamin', 2], ['calcium', 1], ['bone', 1]]) },
    { score: 1, terms: new Map([['calcium', 3], ['kidney', 1]]) },
  ];
  const r = rm3Expand(['vitamin', 'cancer', 'cancer'], docs, () => true, { fbDocs: 10, fbTerms: 3, originalQueryWeight: 0.5 });
  // doc 1 pruned to its 3 terms: vitamin .5, calcium .25, bone .25 (× 2); doc 2: calcium .75, kidney .25 (× 1).
  // rm before pruning: vitamin 1, calcium 1.25, bone .5, kidney .25 → top 3 → /2.75.
  const rm = new Map(r.feedback.map((t) => [t.term, t.weight]));
  assert.deepEqual([...rm.keys()], ['calcium', 'vitamin', 'bone']);
  assert.ok(Math.abs(rm.get('calcium')! - 1.25 / 2.75) < 1e-12);
  const mixed = new Map(r.terms.map((t) => [t.term, t.weight]));
  assert.ok(Math.abs(mixed.get('cancer')! - 0.5 * (2 / 3)) < 1e-12);
  assert.ok(Math.abs(mixed.get('vitamin')! - (0.5 / 3 + 0.5 * (1 / 2.75))) < 1e-12);
  assert.ok(Math.abs(r.terms.reduce((s, t) => s + t.weight, 0) - 1) < 1e-12);
});

test('feedback terms: 2-20 characters of [a-z0-9], in at most 10% of the rows (Anserini)', () => {
  assert.equal(feedbackTermAllowed('calcium', 10, 100), true);
  assert.equal(feedbackTermAllowed('calcium', 11, 100), false);
  assert.equal(feedbackTermAllowed('a', 1, 100), false);
  assert.equal(feedbackTermAllowed('café', 1, 100), false);
  assert.equal(feedbackTermAllowed('x'.repeat(21), 1, 100), false);
});

test('with no usable feedback the query alone remains', () => {
  const r = rm3Expand(['cancer'], [{ score: 1, terms: new Map([['the', 5]]) }], (t) => t !== 'the');
  assert.deepEqual(r.terms, [{ term: 'cancer', weight: 0.5 }]);
  assert.deepEqual(r.feedback, []);
});

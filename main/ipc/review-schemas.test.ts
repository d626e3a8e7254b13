/** Argument schemas of the review editing commands (issue 24). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registry } from './registry.js';

const schemas = Object.fromEntries(Object.entries(registry).map(([k, v]) => [k, v.args])) as { [K in keyof typeof registry]: (typeof registry)[K]['args'] };

test('review editing commands take evidence ids, collection names and validated edits', () => {
  assert.equal(schemas.updateEvidence.safeParse([3, { stance: 'supports', note: 'n', tags: ['a'], quote: 'words' }]).success, true);
  assert.equal(schemas.updateEvidence.safeParse([3, { stance: null }]).success, true);
  assert.equal(schemas.updateEvidence.safeParse([3, { stance: 'maybe' }]).success, false);
  assert.equal(schemas.updateEvidence.safeParse([3, { quote: '   ' }]).success, false);
  assert.equal(schemas.updateEvidence.safeParse([3, { query: { text: 'q' } }]).success, false, 'the query that found it is not edited');
  assert.equal(schemas.updateEvidence.safeParse([0, {}]).success, false);
  assert.equal(schemas.removeEvidence.safeParse([1.5]).success, false);
  assert.equal(schemas.restoreEvidence.safeParse([7]).success, true);
  assert.equal(schemas.moveEvidence.safeParse([7, 0]).success, true);
  assert.equal(schemas.moveEvidence.safeParse([7, -1]).success, false);
  assert.equal(schemas.renameCollection.safeParse(['a', 'b']).success, true);
  assert.equal(schemas.renameCollection.safeParse(['a', ' ']).success, false);
  assert.equal(schemas.duplicateCollection.safeParse(['a']).success, false);
  assert.equal(schemas.deleteCollection.safeParse(['a']).success, true);
  assert.equal(schemas.deletedCollections.safeParse([]).success, true);
  assert.equal(schemas.restoreCollection.safeParse(['a']).success, false);
  assert.equal(schemas.evidence.safeParse(['a', 'manual']).success, true);
});

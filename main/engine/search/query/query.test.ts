import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFtsQuery } from './query.js';

test('terms are lower-cased, quoted and OR-ed, repeats kept (the ranking weighs them); stop words dropped', () => {
  assert.deepEqual(buildFtsQuery('The effect of ACE inhibitors on the ACE gene'), {
    match: '"effect" OR "ace" OR "inhibitors" OR "ace" OR "gene"', terms: ['effect', 'ace', 'inhibitors', 'gene'],
  });
});

test('a query of only stop words still searches them', () => {
  assert.equal(buildFtsQuery('to be or not to be').match, '"to" OR "be" OR "or" OR "not" OR "to" OR "be"');
});

test('FTS5 syntax in user text is just text', () => {
  assert.equal(buildFtsQuery('title:"x" AND (y OR -z) NOT w^2 NEAR(a b)').match,
    '"title" OR "x" OR "y" OR "z" OR "w" OR "2" OR "near" OR "b"', 'a is a stop word');
});

test('a trailing * asks for a prefix', () => {
  assert.equal(buildFtsQuery('inhibit* gene').match, '"inhibit" * OR "gene"');
});

test('other scripts are kept; emoji and punctuation alone give no query', () => {
  assert.deepEqual(buildFtsQuery('국회 연구 مرحبا').terms, ['국회', '연구', 'مرحبا']);
  assert.equal(buildFtsQuery('🙂 -- () "" *').match, null);
});

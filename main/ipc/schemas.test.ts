import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { schemas } from './schemas.js';

const abs = resolve('/tmp/papers');

test('index takes one non-empty list of absolute paths', () => {
  assert.equal(schemas.index.safeParse([[abs]]).success, true);
  assert.equal(schemas.index.safeParse([[]]).success, false);
  assert.equal(schemas.index.safeParse([['relative/dir']]).success, false);
  assert.equal(schemas.index.safeParse([[abs + '\0x']]).success, false);
  assert.equal(schemas.index.safeParse([abs]).success, false);
  assert.equal(schemas.index.safeParse([]).success, false);
});

test('search takes a query and optional {k, mode, fusion, weight, groupBy}', () => {
  assert.equal(schemas.search.safeParse(['sleep']).success, true);
  assert.equal(schemas.search.safeParse(['sleep', undefined]).success, true);
  assert.equal(schemas.search.safeParse(['sleep', { k: 5 }]).success, true);
  assert.equal(schemas.search.safeParse(['sleep', { k: 0 }]).success, false);
  assert.equal(schemas.search.safeParse(['sleep', { k: 1.5 }]).success, false);
  assert.equal(schemas.search.safeParse(['sleep', { mode: 'hybrid', fusion: 'rrf', weight: 0.3, groupBy: 'document' }]).success, true);
  assert.equal(schemas.search.safeParse(['sleep', { mode: 'vector' }]).success, false);
  assert.equal(schemas.search.safeParse(['sleep', { weight: 2 }]).success, false);
  assert.equal(schemas.search.safeParse(['sleep', { k: 5, mode: 'x' }]).success, false);
  assert.equal(schemas.search.safeParse(['']).success, false);
  assert.equal(schemas.search.safeParse([42]).success, false);
});

test('argument-less commands take no arguments', () => {
  assert.equal(schemas.status.safeParse([]).success, true);
  assert.equal(schemas.status.safeParse(['x']).success, false);
  assert.equal(schemas.pickFolders.safeParse([]).success, true);
});

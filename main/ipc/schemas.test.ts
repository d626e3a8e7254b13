import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { registry } from './registry.js';

const abs = resolve('/tmp/papers');

test('index takes one non-empty list of absolute paths', () => {
  assert.equal(registry.index.args.safeParse([[abs]]).success, true);
  assert.equal(registry.index.args.safeParse([[]]).success, false);
  assert.equal(registry.index.args.safeParse([['relative/dir']]).success, false);
  assert.equal(registry.index.args.safeParse([[abs + '\0x']]).success, false);
  assert.equal(registry.index.args.safeParse([abs]).success, false);
  assert.equal(registry.index.args.safeParse([]).success, false);
});

test('search takes a query and optional {k, mode, fusion, weight, groupBy}', () => {
  assert.equal(registry.search.args.safeParse(['sleep']).success, true);
  assert.equal(registry.search.args.safeParse(['sleep', undefined]).success, true);
  assert.equal(registry.search.args.safeParse(['sleep', { k: 5 }]).success, true);
  assert.equal(registry.search.args.safeParse(['sleep', { k: 0 }]).success, false);
  assert.equal(registry.search.args.safeParse(['sleep', { k: 1.5 }]).success, false);
  assert.equal(registry.search.args.safeParse(['sleep', { mode: 'hybrid', fusion: 'rrf', weight: 0.3, groupBy: 'document' }]).success, true);
  assert.equal(registry.search.args.safeParse(['sleep', { mode: 'vector' }]).success, false);
  assert.equal(registry.search.args.safeParse(['sleep', { weight: 2 }]).success, false);
  assert.equal(registry.search.args.safeParse(['sleep', { k: 5, mode: 'x' }]).success, false);
  assert.equal(registry.search.args.safeParse(['']).success, false);
  assert.equal(registry.search.args.safeParse([42]).success, false);
});

test('argument-less commands take no arguments', () => {
  assert.equal(registry.status.args.safeParse([]).success, true);
  assert.equal(registry.status.args.safeParse(['x']).success, false);
  assert.equal(registry.pickFolders.args.safeParse([]).success, true);
});

test('a deep search takes the user\'s stage edits: a rewrite, expansion rounds 1-5, RM3 terms with positive weights', () => {
  const deep = (edits: unknown) => registry.search.args.safeParse(['sleep', { mode: 'full', pipeline: { rm3Fallback: true, edits } }]).success;
  assert.equal(deep({ rewrite: 'insomnia cbt', expansions: { 1: ['one'], 2: ['two'] }, rm3: [{ term: 'sleep', weight: 0.5 }] }), true);
  assert.equal(deep({ expansions: { 6: ['six'] } }), false);
  assert.equal(deep({ expansions: { 1: [] } }), false);
  assert.equal(deep({ rm3: [] }), false);
  assert.equal(deep({ rm3: [{ term: 'sleep', weight: 0 }] }), false);
  assert.equal(deep({ rm3: [{ term: '', weight: 1 }] }), false);
  assert.equal(deep({ other: 1 }), false);
});

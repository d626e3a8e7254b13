/** The in-memory LRU response cache: TTL, forever entries, eviction order, canonical keys. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cacheKey, MemoryCache } from './cache.js';

test('entries expire after their TTL; null TTL keeps them', () => {
  let now = 0;
  const c = new MemoryCache(10, () => now);
  c.put('a', '1', 1000);
  c.put('b', '2', null);
  now = 999;
  assert.equal(c.get('a'), '1');
  now = 1000;
  assert.equal(c.get('a'), undefined);
  now = 1e12;
  assert.equal(c.get('b'), '2');
});

test('least recently used goes first when full', () => {
  const c = new MemoryCache(2);
  c.put('a', '1', null);
  c.put('b', '2', null);
  c.get('a');
  c.put('c', '3', null);
  assert.deepEqual([c.get('a'), c.get('b'), c.get('c')], ['1', undefined, '3']);
  assert.equal(c.size, 2);
});

test('keys do not depend on parameter order and skip undefined', () => {
  assert.equal(cacheKey('esearch', { term: 'a b', retmax: 5 }), cacheKey('esearch', { retmax: 5, term: 'a b', sort: undefined }));
  assert.notEqual(cacheKey('esearch', { term: 'a&b=1' }), cacheKey('esearch', { term: 'a', b: '1' }));
});

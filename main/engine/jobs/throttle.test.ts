import assert from 'node:assert/strict';
import { test } from 'node:test';
import { throttle } from './throttle.js';

test('the first value at once, a burst collapsed to its latest, delivered when the interval ends', async () => {
  const seen: number[] = [];
  const t = throttle((v: number) => seen.push(v), 50);
  t.push(1);
  t.push(2);
  t.push(3);
  assert.deepEqual(seen, [1]);
  await new Promise((r) => setTimeout(r, 80));
  assert.deepEqual(seen, [1, 3], 'the held value arrives without another push');
  t.push(4);
  t.flush();
  t.flush();
  assert.deepEqual(seen, [1, 3, 4], 'flush delivers the latest once');
  await new Promise((r) => setTimeout(r, 80));
  assert.deepEqual(seen, [1, 3, 4], 'nothing is delivered twice');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { throttle } from './throttle.js';

test('the first value at once, a burst collapsed to its latest, delivered when the interval ends', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let clock = 1000;
  const wait = (ms: number) => { clock += ms; t.mock.timers.tick(ms); };
  const seen: number[] = [];
  const th = throttle((v: number) => seen.push(v), 50, () => clock);
  th.push(1);
  th.push(2);
  th.push(3);
  assert.deepEqual(seen, [1]);
  wait(49);
  assert.deepEqual(seen, [1], 'nothing more before the interval ends');
  wait(1);
  assert.deepEqual(seen, [1, 3], 'the held value arrives without another push');
  th.push(4);
  th.flush();
  th.flush();
  assert.deepEqual(seen, [1, 3, 4], 'flush delivers the latest once');
  wait(80);
  assert.deepEqual(seen, [1, 3, 4], 'nothing is delivered twice');
});

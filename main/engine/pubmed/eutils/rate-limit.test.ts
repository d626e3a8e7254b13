/** The sliding-window limiter in simulated time: window bound, FIFO order, abortable waits, registry. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VirtualClock } from './clock.js';
import { EngineError } from '../../errors.js';
import { RateLimiter, sharedLimiter } from './rate-limit.js';
import { maxInWindow, minSpan } from '../../../../test/helpers/eutils-server/window.js';

test('bursting (minIntervalMs 0): never more than N starts in any window, and no slower than needed', async () => {
  const clock = new VirtualClock();
  const l = new RateLimiter(3, 1000, clock, { minIntervalMs: 0 });
  const starts: number[] = [];
  await Promise.all(Array.from({ length: 30 }, () => l.acquire().then(() => starts.push(clock.now()))));
  assert.equal(maxInWindow(starts, 1000), 3);
  assert.ok(minSpan(starts, 3) >= 1000);
  assert.deepEqual(starts.slice(0, 4), [0, 0, 0, 1000], 'three at once, then wait for the window');
  assert.equal(starts.at(-1), 9000, '30 starts at 3 per second: the last at 9 s');
});

test('by default starts are spread evenly: windowMs / perWindow apart', async () => {
  const clock = new VirtualClock();
  const l = new RateLimiter(10, 1020, clock);
  assert.equal(l.minIntervalMs, 102);
  const starts: number[] = [];
  await Promise.all(Array.from({ length: 25 }, () => l.acquire().then(() => starts.push(clock.now()))));
  assert.ok(starts.every((t, i) => i === 0 || Math.abs(t - starts[i - 1]! - 102) < 1e-6));
  assert.ok(minSpan(starts, 10) >= 1020 - 1e-6);
});

test('a sliding window, not fixed buckets: spaced-out starts free their slots one by one', async () => {
  const clock = new VirtualClock();
  const l = new RateLimiter(2, 1000, clock, { minIntervalMs: 0 });
  await l.acquire();
  clock.advance(600);
  await l.acquire();
  const t: number[] = [];
  await Promise.all([l.acquire().then(() => t.push(clock.now())), l.acquire().then(() => t.push(clock.now()))]);
  assert.deepEqual(t, [1000, 1600]);
});

test('first come, first served', async () => {
  const clock = new VirtualClock();
  const l = new RateLimiter(1, 1000, clock);
  const order: number[] = [];
  await Promise.all([0, 1, 2, 3, 4].map((i) => l.acquire().then(() => order.push(i))));
  assert.deepEqual(order, [0, 1, 2, 3, 4]);
});

test('an aborted waiter leaves the queue with CANCELLED and does not use a slot', async () => {
  const clock = new VirtualClock();
  const l = new RateLimiter(1, 1000, clock);
  await l.acquire();
  const ac = new AbortController();
  const doomed = l.acquire(ac.signal);
  const next = l.acquire();
  assert.equal(l.waiting, 2);
  ac.abort();
  await assert.rejects(doomed, (e: unknown) => e instanceof EngineError && e.code === 'CANCELLED');
  await next;
  assert.equal(clock.now(), 1000, 'the next waiter got the slot the aborted one would have had');
  await assert.rejects(l.acquire(AbortSignal.abort()), (e: unknown) => e instanceof EngineError && e.code === 'CANCELLED');
});

test('one shared limiter per base URL and key; 3/s without a key, 10/s with one', () => {
  const a = sharedLimiter('http://x/', undefined);
  assert.equal(a, sharedLimiter('http://x/', undefined));
  assert.equal(a, sharedLimiter('http://x', undefined), 'a trailing slash does not make another limiter');
  assert.notEqual(a, sharedLimiter('http://x/', 'k'));
  assert.notEqual(a, sharedLimiter('http://y/', undefined));
  assert.equal(a.perWindow, 3);
  assert.equal(sharedLimiter('http://x/', 'k').perWindow, 10);
});

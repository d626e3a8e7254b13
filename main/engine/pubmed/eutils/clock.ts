/**
 * Time as the E-utilities client sees it: the rate limiter and the retry backoff read `now()` and
 * wait with `sleep()`, so tests can run hundreds of requests in simulated time.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { cancelled } from './errors.js';

export interface Clock {
  /** Milliseconds on a monotonic scale. */
  now(): number;
  /** Wait `ms`; rejects with CANCELLED when `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => performance.now(),
  async sleep(ms, signal) {
    if (signal?.aborted) throw cancelled();
    if (ms <= 0) return;
    try {
      await delay(ms, undefined, signal ? { signal } : undefined);
    } catch (err) {
      if (signal?.aborted) throw cancelled();
      throw err;
    }
  },
};

/**
 * A simulated clock for tests: time moves only when something sleeps. A sleep first lets pending
 * work run (one macrotask turn, so a request granted just before is sent at the time it was
 * granted), then moves time forward to the sleeper's wake-up time (never backwards).
 */
export class VirtualClock implements Clock {
  private t: number;
  constructor(start = 0) { this.t = start; }
  now(): number { return this.t; }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw cancelled();
    const wake = this.t + Math.max(0, ms);
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (signal?.aborted) throw cancelled();
    this.t = Math.max(this.t, wake);
  }
  /** Move time forward by hand. */
  advance(ms: number): void { this.t += Math.max(0, ms); }
}

/**
 * NCBI's request-rate rule: at most 3 requests a second without an API key, 10 with one. Measured
 * as a sliding window: in any `windowMs` span there are at most `perWindow` request *starts*.
 * By default starts are also spread evenly (at least windowMs / perWindow apart, as Biopython
 * does): a burst of N simultaneous starts opens N connections whose set-up delays differ, so the
 * arrivals NCBI counts bunch up and the next burst can land inside the same second on its end;
 * evenly spaced starts arrive evenly. The long-run rate is the same. `minIntervalMs: 0` allows bursts.
 * Waiters are served first come, first served; a waiter whose signal aborts leaves the queue.
 * One limiter per process per (base URL, API key), so every client in the process shares it.
 */
import { realClock, type Clock } from './clock.js';
import { cancelled } from './errors.js';

export const RATE_NO_KEY = 3;
export const RATE_WITH_KEY = 10;
/**
 * The window the shared limiters use: 1 s plus a small guard, because NCBI counts arrivals at its
 * end and network jitter can bring two starts 1,000 ms apart closer together on arrival.
 */
export const DEFAULT_WINDOW_MS = 1_020;

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

export class RateLimiter {
  private readonly starts: number[] = [];
  private readonly queue: Waiter[] = [];
  private pumping = false;
  private last = -Infinity;
  readonly minIntervalMs: number;

  constructor(
    readonly perWindow: number,
    readonly windowMs = DEFAULT_WINDOW_MS,
    private readonly clock: Clock = realClock,
    opts: { minIntervalMs?: number } = {},
  ) {
    if (!(perWindow >= 1) || !(windowMs > 0)) throw new RangeError('a rate limit needs perWindow ≥ 1 and windowMs > 0');
    this.minIntervalMs = Math.max(0, opts.minIntervalMs ?? windowMs / perWindow);
  }

  /** Resolves when this caller may start a request (its start is counted then). */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(cancelled());
    return new Promise<void>((resolve, reject) => {
      const w: Waiter = {
        resolve, reject, signal,
        onAbort: () => {
          const i = this.queue.indexOf(w);
          if (i >= 0) this.queue.splice(i, 1);
          reject(cancelled());
        },
      };
      signal?.addEventListener('abort', w.onAbort, { once: true });
      this.queue.push(w);
      void this.pump();
    });
  }

  /** How many callers are waiting. */
  get waiting(): number { return this.queue.length; }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const now = this.clock.now();
        while (this.starts.length > 0 && now - this.starts[0]! >= this.windowMs) this.starts.shift();
        const full = this.starts.length >= this.perWindow;
        const wait = Math.max(full ? this.starts[0]! + this.windowMs - now : 0, this.last + this.minIntervalMs - now);
        if (wait <= 0) {
          const w = this.queue.shift()!;
          w.signal?.removeEventListener('abort', w.onAbort);
          this.starts.push(now);
          this.last = now;
          w.resolve();
          continue;
        }
        await this.clock.sleep(wait);
      }
    } finally {
      this.pumping = false;
    }
  }
}

const shared = new Map<string, RateLimiter>();

/** The process-wide limiter for this base URL and key (3/s without a key, 10/s with one). */
export function sharedLimiter(baseUrl: string, apiKey: string | undefined): RateLimiter {
  const id = `${baseUrl.replace(/\/+$/, '')}\u0000${apiKey ?? ''}`;
  let l = shared.get(id);
  if (!l) {
    l = new RateLimiter(apiKey ? RATE_WITH_KEY : RATE_NO_KEY);
    shared.set(id, l);
  }
  return l;
}

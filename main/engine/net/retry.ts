/**
 * The one retry loop: run an attempt, and on an error worth another try wait (backoff) and run the
 * next, up to `retries` more times. Used by E-utilities (pubmed/eutils/transport.ts), model
 * downloads (models/download.ts) and the LLM client (llm/client.ts); each says which errors are
 * worth retrying, how long to wait and how to sleep (an injected clock in tests), and what to throw
 * when it gives up. Also the delay helpers they share.
 */

export interface RetryOptions {
  /** Attempts after the first (0: no retry). */
  retries: number;
  /** Is this error worth another attempt? Any other error is thrown as it is. */
  retryable(err: unknown): boolean;
  /** Delay before the next attempt, after attempt `attempt` (0-based) failed with `err`. */
  delayMs(attempt: number, err: unknown): number;
  /** Waits; rejects when `signal` aborts (its error is thrown as it is). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  signal?: AbortSignal;
  /** What to throw when the retries are spent (default: the last error). */
  giveUp?(err: unknown, attempts: number): unknown;
  /** Called before each wait: the attempt about to run (1-based retry number), the delay, the error. */
  onRetry?(retry: number, delayMs: number, err: unknown): void;
}

export async function withRetry<T>(run: (attempt: number) => Promise<T>, o: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run(attempt);
    } catch (err) {
      if (!o.retryable(err)) throw err;
      if (attempt >= o.retries) throw o.giveUp ? o.giveUp(err, attempt + 1) : err;
      const ms = o.delayMs(attempt, err);
      o.onRetry?.(attempt + 1, ms, err);
      await o.sleep(ms, o.signal);
    }
  }
}

/** Exponential backoff: `baseMs` doubled after each failed attempt, capped at `maxMs`. */
export function exponentialDelay(attempt: number, baseMs: number, maxMs = Infinity): number {
  return Math.min(maxMs, baseMs * 2 ** attempt);
}

/** Exponential backoff with jitter: attempt 0 waits between base/2 and base, then doubles, capped. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const full = exponentialDelay(attempt, baseMs, maxMs);
  return full / 2 + random() * (full / 2);
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number, maxMs = 120_000): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.min(maxMs, Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.min(maxMs, Math.max(0, at - nowMs));
}

/**
 * How long to wait before retrying a ClinicalTrials.gov request. Kept in this one file so the
 * project's shared retry helper can replace it at merge: exponential backoff with jitter, and the
 * server's Retry-After (seconds or an HTTP date) when it sends one.
 */

export interface BackoffPolicy {
  /** Retries after the first attempt. */
  retries: number;
  baseMs: number;
  maxMs: number;
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { retries: 4, baseMs: 1_000, maxMs: 16_000, random: Math.random };

/** Attempt 0 waits between base/2 and base, then doubling, capped at maxMs. */
export function backoffDelay(attempt: number, p: BackoffPolicy): number {
  const full = Math.min(p.maxMs, p.baseMs * 2 ** attempt);
  return full / 2 + p.random() * (full / 2);
}

/** Retry-After as milliseconds (capped at `maxMs`); null when absent or unreadable. */
export function retryAfterMs(value: string | null, nowMs: number, maxMs = 120_000): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.min(maxMs, Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.min(maxMs, Math.max(0, at - nowMs));
}

/** The wait before the next attempt: the server's Retry-After when given, else the backoff. */
export function nextWait(attempt: number, retryAfter: number | null, p: BackoffPolicy): number {
  return retryAfter ?? backoffDelay(attempt, p);
}

/**
 * How long to wait before retrying a ClinicalTrials.gov request: the project's exponential backoff
 * with jitter (net/retry.ts), or the server's Retry-After (seconds or an HTTP date) when it sends one.
 */
import { backoffDelay as sharedBackoff, parseRetryAfter } from '../../net/retry.js';

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
  return sharedBackoff(attempt, p.baseMs, p.maxMs, p.random);
}

/** Retry-After as milliseconds (capped at `maxMs`); null when absent or unreadable. */
export const retryAfterMs = parseRetryAfter;

/** The wait before the next attempt: the server's Retry-After when given, else the backoff. */
export function nextWait(attempt: number, retryAfter: number | null, p: BackoffPolicy): number {
  return retryAfter ?? backoffDelay(attempt, p);
}

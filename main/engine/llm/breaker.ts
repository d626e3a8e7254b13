/**
 * A short circuit breaker per Ollama host: after a call finds nothing listening (connection
 * refused), calls to that host fail at once with the same error for `ttlMs` (2 s), so a user typing
 * queries while Ollama is down gets the hybrid results without a connection attempt per stage. Any
 * successful call closes it.
 */
import type { LlmError } from './failure.js';

const open = new Map<string, { until: number; error: LlmError }>();

export const BREAKER_TTL_MS = 2000;

export function tripped(host: string): LlmError | null {
  const b = open.get(host);
  if (!b) return null;
  if (performance.now() > b.until) {
    open.delete(host);
    return null;
  }
  return b.error;
}

export function trip(host: string, error: LlmError, ttlMs = BREAKER_TTL_MS): void {
  open.set(host, { until: performance.now() + ttlMs, error });
}

export function reset(host: string): void {
  open.delete(host);
}

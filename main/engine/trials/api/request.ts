/**
 * One ClinicalTrials.gov request: the pace before every attempt (one request start per `paceMs`,
 * shared by every client in the process for a base URL), a timeout per attempt, the caller's
 * AbortSignal, and retries (the shared loop net/retry.ts, waits from backoff.ts) on 429 (Retry-After honoured), 5xx, timeouts and network
 * resets. A 400 is the registry refusing the query (CTGOV_QUERY_INVALID), a 404 a missing study.
 * `fetch` is injected (a fetch-compatible function), so the project's HTTP client (proxies) can be
 * passed in.
 */
import { cancelled } from '../../pubmed/eutils/errors.js';
import type { Clock } from '../../pubmed/eutils/clock.js';
import type { RateLimiter } from '../../pubmed/eutils/rate-limit.js';
import { withRetry } from '../../net/retry.js';
import { nextWait, retryAfterMs, type BackoffPolicy } from './backoff.js';
import { TrialsError } from './errors.js';

export type FetchLike = (url: string, init: { method: 'GET'; headers: Record<string, string>; signal: AbortSignal }) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

export interface Transport {
  baseUrl: string;
  pace: RateLimiter;
  clock: Clock;
  fetch: FetchLike;
  timeoutMs: number;
  backoff: BackoffPolicy;
}

type Attempt = { text: string } | { error: TrialsError; retryAfter: number | null };

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_INVALID_URL']);

/** The request URL: `path` under the base URL (…/api/v2/), the parameters in their order. */
export function requestUrl(baseUrl: string, path: string, params: ReadonlyArray<[string, string]>): string {
  const base = new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).toString();
  const qs = new URLSearchParams(params as Array<[string, string]>).toString();
  return qs ? `${base}?${qs}` : base;
}

export async function ctgovGet(t: Transport, path: string, params: ReadonlyArray<[string, string]>, signal?: AbortSignal): Promise<string> {
  const url = requestUrl(t.baseUrl, path, params);
  return withRetry(async () => {
    await t.pace.acquire(signal);
    const r = await once(t, url, path, signal);
    if ('text' in r) return r.text;
    throw new Retryable(r.error, r.retryAfter);
  }, {
    retries: t.backoff.retries,
    retryable: (err) => err instanceof Retryable,
    delayMs: (attempt, err) => nextWait(attempt, (err as Retryable).retryAfter, t.backoff),
    sleep: (ms, s) => t.clock.sleep(ms, s),
    giveUp: (err) => (err as Retryable).error,
    ...(signal ? { signal } : {}),
  });
}

/** An attempt that may be tried again: its error, and the server's Retry-After. */
class Retryable extends Error {
  constructor(readonly error: TrialsError, readonly retryAfter: number | null) { super(error.message); }
}

function brief(text: string): string {
  const plain = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return plain.length > 300 ? `${plain.slice(0, 300)}…` : plain || '(empty body)';
}

async function once(t: Transport, url: string, what: string, signal: AbortSignal | undefined): Promise<Attempt> {
  const timeout = AbortSignal.timeout(t.timeoutMs);
  try {
    const res = await t.fetch(url, { method: 'GET', headers: { Accept: 'application/json' }, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    const text = await res.text();
    const retryAfter = retryAfterMs(res.headers.get('retry-after'), Date.now());
    if (res.status === 429) return { error: new TrialsError('CTGOV_RATE_LIMITED', `ClinicalTrials.gov asked to slow down (HTTP 429, ${what})`, { status: 429 }), retryAfter };
    if (res.status >= 500) return { error: new TrialsError('CTGOV_FAILED', `ClinicalTrials.gov answered HTTP ${res.status} (${what}): ${brief(text)}`, { status: res.status }), retryAfter };
    if (res.status === 400) throw new TrialsError('CTGOV_QUERY_INVALID', `ClinicalTrials.gov refused the request (${what}): ${brief(text)}`, { status: 400 });
    if (res.status === 404) throw new TrialsError('CTGOV_NOT_FOUND', `ClinicalTrials.gov has no such record (${what}): ${brief(text)}`, { status: 404 });
    if (res.status >= 300) throw new TrialsError('CTGOV_FAILED', `ClinicalTrials.gov answered HTTP ${res.status} (${what}): ${brief(text)}`, { status: res.status });
    return { text };
  } catch (err) {
    if (err instanceof TrialsError) throw err;
    if (signal?.aborted) throw cancelled();
    if (timeout.aborted) return { error: new TrialsError('CTGOV_TIMEOUT', `ClinicalTrials.gov did not answer within ${t.timeoutMs} ms (${what})`, { cause: err }), retryAfter: null };
    const code = networkCode(err);
    const e = new TrialsError('CTGOV_UNREACHABLE', `ClinicalTrials.gov could not be reached at ${t.baseUrl}: ${code ?? (err as Error).message}`, { cause: err });
    if (code && UNREACHABLE.has(code)) throw e;
    return { error: e, retryAfter: null };
  }
}

function networkCode(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

/**
 * One E-utilities request: the shared rate limit before every attempt, `tool`/`email`/`api_key`
 * on every request, POST (form-encoded) when the URL would be too long, a timeout per attempt,
 * and retries with exponential backoff and jitter on 429 (Retry-After honoured), on NCBI's
 * "API rate limit exceeded" body sent with status 200, on 5xx, on timeouts and on network resets.
 */
import type { Clock } from './clock.js';
import { cancelled, PubmedError } from './errors.js';
import type { RateLimiter } from './rate-limit.js';
import { backoffDelay, parseRetryAfter, withRetry } from '../../net/retry.js';

export interface Transport {
  baseUrl: string;
  tool: string;
  email: string | undefined;
  apiKey: string | undefined;
  limiter: RateLimiter;
  clock: Clock;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  maxBackoffMs: number;
  maxUrlLength: number;
  random: () => number;
}

type Attempt = { text: string } | { error: PubmedError; retryAfterMs: number | null };

/** Codes of network failures that retrying will not cure: nothing listens, or no such host. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_INVALID_URL']);

export async function eutilsRequest(t: Transport, endpoint: string, params: Record<string, string>, signal?: AbortSignal): Promise<string> {
  const query = new URLSearchParams(params);
  query.set('tool', t.tool);
  if (t.email) query.set('email', t.email);
  if (t.apiKey) query.set('api_key', t.apiKey);
  const base = new URL(endpoint, t.baseUrl.endsWith('/') ? t.baseUrl : `${t.baseUrl}/`).toString();
  const qs = query.toString();
  const post = base.length + 1 + qs.length > t.maxUrlLength;
  return withRetry(async () => {
    await t.limiter.acquire(signal);
    const r = await once(t, post ? base : `${base}?${qs}`, post ? qs : undefined, signal);
    if ('text' in r) return r.text;
    throw new Retryable(r.error, r.retryAfterMs);
  }, {
    retries: t.retries,
    retryable: (err) => err instanceof Retryable,
    delayMs: (attempt, err) => (err as Retryable).retryAfterMs ?? backoffDelay(attempt, t.backoffMs, t.maxBackoffMs, t.random),
    sleep: (ms, s) => t.clock.sleep(ms, s),
    ...(signal ? { signal } : {}),
    giveUp: (err) => (err as Retryable).error,
  });
}

/** A failed attempt worth another try (429, NCBI's rate-limit body, 5xx, timeout, network reset). */
class Retryable extends Error {
  constructor(readonly error: PubmedError, readonly retryAfterMs: number | null) {
    super(error.message);
  }
}

async function once(t: Transport, url: string, body: string | undefined, signal: AbortSignal | undefined): Promise<Attempt> {
  const timeout = AbortSignal.timeout(t.timeoutMs);
  const what = url.slice(0, url.indexOf('?') < 0 ? undefined : url.indexOf('?'));
  try {
    const res = await t.fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined ? {} : { body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    const text = await res.text();
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), Date.now());
    if (res.status === 429 || (res.status === 200 && isRateLimitBody(text))) {
      return { error: new PubmedError('PUBMED_RATE_LIMITED', `NCBI E-utilities rate limit exceeded (${what})`, { status: res.status }), retryAfterMs };
    }
    if (res.status >= 500) {
      return { error: new PubmedError('PUBMED_FAILED', `NCBI E-utilities answered HTTP ${res.status} (${what}): ${brief(text)}`, { status: res.status }), retryAfterMs };
    }
    if (res.status >= 400) {
      const reason = res.status === 400 ? 'PUBMED_QUERY_INVALID' : 'PUBMED_FAILED';
      throw new PubmedError(reason, `NCBI E-utilities rejected the request with HTTP ${res.status} (${what}): ${brief(text)}`, { status: res.status });
    }
    return { text };
  } catch (err) {
    if (err instanceof PubmedError) throw err;
    if (signal?.aborted) throw cancelled();
    if (timeout.aborted) {
      return { error: new PubmedError('PUBMED_TIMEOUT', `NCBI E-utilities did not answer within ${t.timeoutMs} ms (${what})`, { cause: err }), retryAfterMs: null };
    }
    const code = networkCode(err);
    const e = new PubmedError('PUBMED_UNREACHABLE', `NCBI E-utilities could not be reached at ${what}: ${code ?? (err as Error).message}`, { cause: err });
    if (code && UNREACHABLE.has(code)) throw e;
    return { error: e, retryAfterMs: null };
  }
}

/** NCBI sometimes answers an over-limit request with 200 and `{"error":"API rate limit exceeded",…}`. */
export function isRateLimitBody(text: string): boolean {
  const s = text.trimStart();
  if (!s.startsWith('{') || s.length > 4096) return false;
  try {
    const j = JSON.parse(s) as { error?: unknown };
    return typeof j.error === 'string' && /rate limit/i.test(j.error);
  } catch {
    return false;
  }
}

/** The readable core of an error body: NCBI's `error`/`ERROR` field, else the text without tags. */
export function brief(text: string): string {
  try {
    const j = JSON.parse(text) as { error?: unknown; esearchresult?: { ERROR?: unknown } };
    const m = j.error ?? j.esearchresult?.ERROR;
    if (typeof m === 'string') return m;
  } catch { /* not JSON */ }
  const plain = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return plain.length > 300 ? `${plain.slice(0, 300)}…` : plain || '(empty body)';
}

function networkCode(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

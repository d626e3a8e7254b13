/**
 * The ClinicalTrials.gov API v2 client: one page of /studies, every page up to a limit (following
 * nextPageToken), and one study from /studies/{nctId}. Every request keeps the pace (default one
 * request a second, robots.txt's crawl delay; the API publishes no limit), retries as request.ts
 * says, and answers are cached (searches 24 h, studies 24 h; in memory unless a cache is given).
 */
import { httpFetch } from '../../net/http.js';
import { MemoryCache, cacheKey, type EutilsCache } from '../../pubmed/eutils/cache.js';
import { realClock, type Clock } from '../../pubmed/eutils/clock.js';
import { RateLimiter } from '../../pubmed/eutils/rate-limit.js';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import { TrialsError } from './errors.js';
import { MAX_PAGE_SIZE, nctIds, studiesParams } from './params.js';
import { ctgovGet, type FetchLike, type Transport } from './request.js';
import { nctIdOf, type SearchAllResult, type StudiesPage, type StudiesQuery, type Study } from './types.js';

export const DEFAULT_CTGOV_URL = 'https://clinicaltrials.gov/api/v2/';
/** robots.txt's Crawl-delay for clinicaltrials.gov. */
export const DEFAULT_PACE_MS = 1_000;
export const CTGOV_TTL_MS = 24 * 60 * 60 * 1000;

export interface CtgovOptions {
  baseUrl?: string;
  /** Milliseconds between request starts (default 1,000). */
  paceMs?: number;
  /** A pace shared with others; by default one per process for (base URL, pace). */
  pace?: RateLimiter;
  clock?: Clock;
  /** The HTTP fetch (default: the project's proxy-aware client, net/http.ts). */
  fetch?: FetchLike;
  /** null for none. */
  cache?: EutilsCache | null;
  ttlMs?: number;
  timeoutMs?: number;
  backoff?: Partial<BackoffPolicy>;
}

export interface SearchAllOptions {
  /** Ids to read at most (default 1,000, DeepRetrieval's recall depth). */
  limit?: number;
  /** Studies per page (default and maximum 1,000). */
  pageSize?: number;
  signal?: AbortSignal;
}

export interface Ctgov {
  studies(q: StudiesQuery, opts?: { signal?: AbortSignal }): Promise<StudiesPage>;
  searchAll(q: StudiesQuery, opts?: SearchAllOptions): Promise<SearchAllResult>;
  study(nctId: string, opts?: { fields?: readonly string[]; signal?: AbortSignal }): Promise<Study>;
  readonly baseUrl: string;
}

const shared = new Map<string, RateLimiter>();

/** The process-wide pace for this base URL and interval. */
export function sharedPace(baseUrl: string, paceMs: number): RateLimiter {
  const key = `${baseUrl.replace(/\/+$/, '')}\u0000${paceMs}`;
  let l = shared.get(key);
  if (!l) { l = paceLimiter(paceMs); shared.set(key, l); }
  return l;
}

/** One request start per `paceMs` (no bursts). */
export function paceLimiter(paceMs: number, clock: Clock = realClock): RateLimiter {
  return new RateLimiter(1, Math.max(1, paceMs), clock, { minIntervalMs: Math.max(0, paceMs) });
}

type Json = Record<string, unknown>;

function parseJson(text: string, what: string): Json {
  try {
    const j = JSON.parse(text) as unknown;
    if (typeof j === 'object' && j !== null && !Array.isArray(j)) return j as Json;
  } catch { /* below */ }
  throw new TrialsError('CTGOV_FAILED', `ClinicalTrials.gov sent a body that is not a JSON object (${what}): ${text.slice(0, 120)}`);
}

export function createCtgov(o: CtgovOptions = {}): Ctgov {
  const baseUrl = o.baseUrl ?? DEFAULT_CTGOV_URL;
  const paceMs = o.paceMs ?? DEFAULT_PACE_MS;
  const clock = o.clock ?? realClock;
  const t: Transport = {
    baseUrl,
    pace: o.pace ?? (o.clock ? paceLimiter(paceMs, clock) : sharedPace(baseUrl, paceMs)),
    clock,
    fetch: o.fetch ?? (httpFetch as unknown as FetchLike),
    timeoutMs: o.timeoutMs ?? 30_000,
    backoff: { ...DEFAULT_BACKOFF, ...o.backoff },
  };
  const cache = o.cache === undefined ? new MemoryCache() : o.cache;
  const ttl = o.ttlMs ?? CTGOV_TTL_MS;

  async function cached(path: string, params: Array<[string, string]>, signal?: AbortSignal): Promise<Json> {
    const key = cacheKey(`ctgov|${path}`, Object.fromEntries(params));
    const hit = cache ? await cache.get(key) : undefined;
    if (hit !== undefined) return JSON.parse(hit) as Json;
    const text = await ctgovGet(t, path, params, signal);
    const body = parseJson(text, path);
    if (cache) await cache.put(key, text, ttl);
    return body;
  }

  async function studies(q: StudiesQuery, opts: { signal?: AbortSignal } = {}): Promise<StudiesPage> {
    const body = await cached('studies', studiesParams(q), opts.signal);
    if (!Array.isArray(body.studies)) throw new TrialsError('CTGOV_FAILED', 'ClinicalTrials.gov answered /studies without a "studies" list');
    return {
      studies: body.studies as Study[],
      totalCount: typeof body.totalCount === 'number' ? body.totalCount : null,
      nextPageToken: typeof body.nextPageToken === 'string' && body.nextPageToken ? body.nextPageToken : null,
    };
  }

  async function searchAll(q: StudiesQuery, opts: SearchAllOptions = {}): Promise<SearchAllResult> {
    const limit = Math.max(1, Math.trunc(opts.limit ?? 1000));
    const pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.trunc(opts.pageSize ?? MAX_PAGE_SIZE)));
    const base: StudiesQuery = { ...q, fields: q.fields ?? ['NCTId'], pageToken: undefined };
    const ids: string[] = [];
    const seen = new Set<string>();
    let count = 0;
    let pages = 0;
    let token: string | null = null;
    do {
      const want = Math.min(pageSize, limit - ids.length);
      const page: StudiesPage = await studies({ ...base, countTotal: pages === 0, pageSize: want, ...(token ? { pageToken: token } : {}) }, opts);
      if (pages === 0) count = page.totalCount ?? page.studies.length;
      pages++;
      for (const s of page.studies) {
        const id = nctIdOf(s);
        if (id && !seen.has(id) && ids.length < limit) { seen.add(id); ids.push(id); }
      }
      token = page.studies.length > 0 ? page.nextPageToken : null;
    } while (token && ids.length < limit);
    return { count, ids, pages };
  }

  async function study(nctId: string, opts: { fields?: readonly string[]; signal?: AbortSignal } = {}): Promise<Study> {
    const [id] = nctIds([nctId]);
    if (!id) throw new TrialsError('CTGOV_QUERY_INVALID', 'no NCT id given');
    const params: Array<[string, string]> = [['format', 'json']];
    if (opts.fields?.length) params.push(['fields', opts.fields.join(',')]);
    return await cached(`studies/${id}`, params, opts.signal) as Study;
  }

  return { studies, searchAll, study, baseUrl };
}

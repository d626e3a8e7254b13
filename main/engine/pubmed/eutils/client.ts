/**
 * The NCBI E-utilities client for PubMed: esearch (one page, or every page up to a limit), efetch
 * (full records from the XML, in batches of ≤ 200 ids, each record cached for good) and esummary.
 * Every request goes through the process-wide rate limiter and the retrying transport.
 */
import { ESEARCH_TTL_MS, MemoryCache, cacheKey, type EutilsCache } from './cache.js';
import { realClock, type Clock } from './clock.js';
import { PubmedError } from './errors.js';
import { parseEsearch } from './esearch.js';
import { parseEsummary } from './esummary.js';
import { DEFAULT_WINDOW_MS, RATE_NO_KEY, RATE_WITH_KEY, RateLimiter, sharedLimiter } from './rate-limit.js';
import { parseEfetch } from './records.js';
import { eutilsRequest, type Transport } from './transport.js';
import type { EsearchResult, EsummaryDoc, PubmedRecord } from './types.js';
import { httpFetch } from '../../net/http.js';

export const DEFAULT_BASE_URL = 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils/';
/** Ids per efetch / esummary request. */
export const ID_BATCH = 200;
/** The most ids one esearch page may return. */
export const ESEARCH_MAX_RETMAX = 10_000;
/** PubMed serves only the first 9,999 records of a search (retstart ≤ 9998, start + count clamped). */
export const PUBMED_MAX_RECORDS = 9_999;

export interface EutilsOptions {
  baseUrl?: string;
  tool?: string;
  email?: string;
  apiKey?: string;
  /** Response cache; in memory by default, null for none. */
  cache?: EutilsCache | null;
  esearchTtlMs?: number;
  /** Per attempt. */
  timeoutMs?: number;
  /** Retries after the first attempt (429, rate-limit body, 5xx, timeouts, resets). */
  retries?: number;
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Longer URLs are sent as a form-encoded POST. */
  maxUrlLength?: number;
  /** Defaults to the process-wide limiter for (baseUrl, apiKey); with a custom `clock`, a private one on that clock. */
  limiter?: RateLimiter;
  /** Time for the limiter and the backoff (tests pass a VirtualClock). */
  clock?: Clock;
  fetch?: typeof globalThis.fetch;
  random?: () => number;
}

export interface EsearchOptions {
  retmax?: number;
  retstart?: number;
  /** YYYY, YYYY/MM or YYYY/MM/DD; giving one of the two dates fills the other with an open end. */
  mindate?: string;
  maxdate?: string;
  /** pdat (publication, the default when a date is given), edat, mdat… */
  datetype?: string;
  sort?: string;
  signal?: AbortSignal;
}

export interface EsearchAllOptions extends Omit<EsearchOptions, 'retmax' | 'retstart'> {
  /** How many ids at most (default 3,000, DeepRetrieval's Recall@3K; never more than 9,999). */
  limit?: number;
  /** Ids per request (default and maximum 10,000). */
  pageSize?: number;
}

export interface Eutils {
  esearch(term: string, opts?: EsearchOptions): Promise<EsearchResult>;
  esearchAll(term: string, opts?: EsearchAllOptions): Promise<EsearchResult>;
  efetch(ids: readonly string[], opts?: { signal?: AbortSignal }): Promise<PubmedRecord[]>;
  esummary(ids: readonly string[], opts?: { signal?: AbortSignal }): Promise<EsummaryDoc[]>;
  readonly cache: EutilsCache | null;
}

export function createEutils(o: EutilsOptions = {}): Eutils {
  const baseUrl = o.baseUrl ?? DEFAULT_BASE_URL;
  const t: Transport = {
    baseUrl,
    tool: o.tool ?? 'delve',
    email: o.email,
    apiKey: o.apiKey,
    limiter: o.limiter ?? (o.clock ? new RateLimiter(o.apiKey ? RATE_WITH_KEY : RATE_NO_KEY, DEFAULT_WINDOW_MS, o.clock) : sharedLimiter(baseUrl, o.apiKey)),
    clock: o.clock ?? realClock,
    fetch: o.fetch ?? httpFetch,
    timeoutMs: o.timeoutMs ?? 30_000,
    retries: o.retries ?? 4,
    backoffMs: o.backoffMs ?? 500,
    maxBackoffMs: o.maxBackoffMs ?? 8_000,
    maxUrlLength: o.maxUrlLength ?? 2_000,
    random: o.random ?? Math.random,
  };
  const cache = o.cache === undefined ? new MemoryCache() : o.cache;
  const ttl = o.esearchTtlMs ?? ESEARCH_TTL_MS;

  async function esearch(term: string, opts: EsearchOptions = {}): Promise<EsearchResult> {
    if (term.trim() === '') throw new PubmedError('PUBMED_QUERY_INVALID', 'the PubMed query is empty');
    const params: Record<string, string> = { db: 'pubmed', term, retmode: 'json' };
    params.retmax = String(Math.max(0, Math.min(ESEARCH_MAX_RETMAX, Math.trunc(opts.retmax ?? 20))));
    params.retstart = String(Math.max(0, Math.trunc(opts.retstart ?? 0)));
    if (opts.mindate || opts.maxdate) {
      params.datetype = opts.datetype ?? 'pdat';
      params.mindate = opts.mindate || '1800/01/01';
      params.maxdate = opts.maxdate || '3000/12/31';
    }
    if (opts.sort) params.sort = opts.sort;
    const key = cacheKey('esearch', params);
    const hit = cache ? await cache.get(key) : undefined;
    if (hit !== undefined) return JSON.parse(hit) as EsearchResult;
    const result = parseEsearch(await eutilsRequest(t, 'esearch.fcgi', params, opts.signal), term);
    if (cache) await cache.put(key, JSON.stringify(result), ttl);
    return result;
  }

  async function esearchAll(term: string, opts: EsearchAllOptions = {}): Promise<EsearchResult> {
    const { limit: rawLimit = 3000, pageSize: rawPage = ESEARCH_MAX_RETMAX, ...rest } = opts;
    const limit = rawLimit > 0 ? Math.min(PUBMED_MAX_RECORDS, Math.trunc(rawLimit)) : PUBMED_MAX_RECORDS;
    const pageSize = Math.max(1, Math.min(ESEARCH_MAX_RETMAX, Math.trunc(rawPage)));
    const first = await esearch(term, { ...rest, retstart: 0, retmax: Math.min(pageSize, limit) });
    const seen = new Set(first.ids);
    const want = Math.min(limit, first.count);
    for (let start = Math.min(pageSize, limit), last = first.ids.length; seen.size < want && last > 0 && start < want; start += pageSize) {
      const page = await esearch(term, { ...rest, retstart: start, retmax: Math.min(pageSize, want - start) });
      for (const id of page.ids) seen.add(id);
      last = page.ids.length;
    }
    const ids = [...seen].slice(0, limit);
    return { ...first, retstart: 0, retmax: ids.length, ids };
  }

  async function efetch(ids: readonly string[], opts: { signal?: AbortSignal } = {}): Promise<PubmedRecord[]> {
    const wanted = pmids(ids);
    const found = new Map<string, PubmedRecord>();
    const missing: string[] = [];
    for (const id of wanted) {
      const hit = cache ? await cache.get(cacheKey('efetch', { db: 'pubmed', id })) : undefined;
      if (hit !== undefined) found.set(id, JSON.parse(hit) as PubmedRecord);
      else missing.push(id);
    }
    for (let i = 0; i < missing.length; i += ID_BATCH) {
      const batch = missing.slice(i, i + ID_BATCH);
      const xml = await eutilsRequest(t, 'efetch.fcgi', { db: 'pubmed', id: batch.join(','), retmode: 'xml' }, opts.signal);
      for (const r of parseEfetch(xml)) {
        found.set(r.pmid, r);
        if (cache) await cache.put(cacheKey('efetch', { db: 'pubmed', id: r.pmid }), JSON.stringify(r), null);
      }
    }
    return wanted.map((id) => found.get(id)).filter((r): r is PubmedRecord => r !== undefined);
  }

  async function esummary(ids: readonly string[], opts: { signal?: AbortSignal } = {}): Promise<EsummaryDoc[]> {
    const wanted = pmids(ids);
    const out: EsummaryDoc[] = [];
    for (let i = 0; i < wanted.length; i += ID_BATCH) {
      const batch = wanted.slice(i, i + ID_BATCH);
      out.push(...parseEsummary(await eutilsRequest(t, 'esummary.fcgi', { db: 'pubmed', id: batch.join(','), retmode: 'json' }, opts.signal)));
    }
    return out;
  }

  return { esearch, esearchAll, efetch, esummary, cache };
}

/** Trimmed, de-duplicated PMIDs in their order; anything that is not a PMID is refused. */
function pmids(ids: readonly string[]): string[] {
  const out = [...new Set(ids.map((s) => String(s).trim()).filter(Boolean))];
  const bad = out.filter((s) => !/^\d{1,9}$/.test(s));
  if (bad.length) throw new PubmedError('PUBMED_QUERY_INVALID', `not PubMed ids: ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ` and ${bad.length - 5} more` : ''}`);
  return out;
}

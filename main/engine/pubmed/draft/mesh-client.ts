/**
 * esearch and esummary on NCBI's MeSH database (db=mesh). The PubMed client (../eutils) asks
 * db=pubmed only, so this builds its own request settings on the same transport (rate limit before
 * every attempt, retries, tool/email/api_key) and, unless given one, the same process-wide limiter
 * for (base URL, API key) as the PubMed client, so PubMed and MeSH requests share NCBI's rate.
 * Answers are memoised for the life of the client.
 */
import { DEFAULT_BASE_URL } from '../eutils/client.js';
import { realClock } from '../eutils/clock.js';
import { PubmedError } from '../eutils/errors.js';
import { parseEsearch } from '../eutils/esearch.js';
import { sharedLimiter, type RateLimiter } from '../eutils/rate-limit.js';
import { eutilsRequest, type Transport } from '../eutils/transport.js';
import type { EsearchResult } from '../eutils/types.js';

export interface MeshClientOptions {
  baseUrl?: string;
  apiKey?: string;
  email?: string;
  tool?: string;
  limiter?: RateLimiter;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  retries?: number;
}

export interface MeshRecord {
  uid: string;
  /** D… for a descriptor, C… for a supplementary concept. */
  ui: string;
  /** The preferred heading (the first of ds_meshterms). */
  name: string;
  /** "descriptor", "supplemental-record", … */
  type: string;
}

export interface MeshClient {
  esearch(term: string, retmax: number, signal?: AbortSignal): Promise<EsearchResult>;
  esummary(uids: readonly string[], signal?: AbortSignal): Promise<MeshRecord[]>;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});

export function createMeshClient(o: MeshClientOptions = {}): MeshClient {
  const baseUrl = o.baseUrl ?? DEFAULT_BASE_URL;
  const t: Transport = {
    baseUrl, tool: o.tool ?? 'delve', email: o.email, apiKey: o.apiKey,
    limiter: o.limiter ?? sharedLimiter(baseUrl, o.apiKey), clock: realClock, fetch: o.fetch ?? globalThis.fetch,
    timeoutMs: o.timeoutMs ?? 30_000, retries: o.retries ?? 4, backoffMs: 500, maxBackoffMs: 8_000, maxUrlLength: 2_000,
    random: Math.random,
  };
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, run: () => Promise<T>): Promise<T> => {
    let p = memo.get(key) as Promise<T> | undefined;
    if (!p) {
      p = run();
      memo.set(key, p);
      p.catch(() => memo.delete(key));
    }
    return p;
  };

  return {
    esearch: (term, retmax, signal) => once(`s\u0000${retmax}\u0000${term}`, async () =>
      parseEsearch(await eutilsRequest(t, 'esearch.fcgi', { db: 'mesh', term, retmode: 'json', retmax: String(retmax) }, signal), term)),
    esummary: (uids, signal) => once(`m\u0000${uids.join(',')}`, async () => {
      if (uids.length === 0) return [];
      const text = await eutilsRequest(t, 'esummary.fcgi', { db: 'mesh', id: uids.join(','), retmode: 'json' }, signal);
      let body: Json;
      try { body = obj(JSON.parse(text)); } catch { throw new PubmedError('PUBMED_FAILED', `MeSH esummary sent a body that is not JSON: ${text.slice(0, 120)}`); }
      if (typeof body.error === 'string') throw new PubmedError('PUBMED_QUERY_INVALID', `MeSH esummary refused ${uids.join(',')}: ${body.error}`);
      const result = obj(body.result);
      return uids.map((uid): MeshRecord | null => {
        const r = obj(result[uid]);
        const terms = Array.isArray(r.ds_meshterms) ? r.ds_meshterms.filter((x): x is string => typeof x === 'string' && x !== '') : [];
        if (!terms[0]) return null;
        return { uid, ui: typeof r.ds_meshui === 'string' ? r.ds_meshui : '', name: terms[0], type: typeof r.ds_recordtype === 'string' ? r.ds_recordtype : '' };
      }).filter((r): r is MeshRecord => r !== null);
    }),
  };
}

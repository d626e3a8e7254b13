/** The NCBI E-utilities client (PubMed search, fetch, summaries). */
export { createEutils, DEFAULT_BASE_URL, ESEARCH_MAX_RETMAX, ID_BATCH, PUBMED_MAX_RECORDS } from './client.js';
export type { Eutils, EutilsOptions, EsearchOptions, EsearchAllOptions } from './client.js';
export { MemoryCache, ESEARCH_TTL_MS, cacheKey, type EutilsCache } from './cache.js';
export { realClock, VirtualClock, type Clock } from './clock.js';
export { PUBMED_ERROR_CODES, PubmedError, isPubmedErrorCode, type PubmedErrorCode } from './errors.js';
export { RateLimiter, sharedLimiter, RATE_NO_KEY, RATE_WITH_KEY, DEFAULT_WINDOW_MS } from './rate-limit.js';
export type * from './types.js';

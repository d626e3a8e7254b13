/**
 * The response cache of the E-utilities client. Entries are strings (JSON) under string keys with
 * an optional time to live, so the interface can be backed by a SQLite table
 * (key TEXT PRIMARY KEY, value TEXT, expires_at INTEGER NULL) without changing the client.
 * Keys: `esearch|<canonical params>` (24 h by default) and `efetch|pubmed|<pmid>` (kept forever).
 */
export interface EutilsCache {
  get(key: string): string | undefined | Promise<string | undefined>;
  /** `ttlMs` null: keep until evicted. */
  put(key: string, value: string, ttlMs: number | null): void | Promise<void>;
}

export const ESEARCH_TTL_MS = 24 * 60 * 60 * 1000;

interface Entry { value: string; expiresAt: number | null }

/** An in-memory LRU: the least recently read or written entry goes first when full. */
export class MemoryCache implements EutilsCache {
  private readonly map = new Map<string, Entry>();
  hits = 0;
  misses = 0;

  constructor(
    private readonly maxEntries = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): string | undefined {
    const e = this.map.get(key);
    if (!e || (e.expiresAt !== null && e.expiresAt <= this.now())) {
      if (e) this.map.delete(key);
      this.misses++;
      return undefined;
    }
    this.map.delete(key);
    this.map.set(key, e);
    this.hits++;
    return e.value;
  }

  put(key: string, value: string, ttlMs: number | null): void {
    this.map.delete(key);
    this.map.set(key, { value, expiresAt: ttlMs === null ? null : this.now() + ttlMs });
    while (this.map.size > this.maxEntries) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.map.delete(oldest.value);
    }
  }

  get size(): number { return this.map.size; }

  clear(): void { this.map.clear(); }
}

/** A cache key from a name and parameters, independent of the parameters' order. */
export function cacheKey(kind: string, params: Record<string, string | number | undefined>): string {
  const parts = Object.keys(params).sort()
    .filter((k) => params[k] !== undefined)
    .map((k) => `${k}=${encodeURIComponent(String(params[k]))}`);
  return `${kind}|${parts.join('&')}`;
}

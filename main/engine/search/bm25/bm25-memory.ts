/**
 * Keeps a database's BM25 postings in memory (search/bm25/bm25-index.ts) and answers BM25 from them while
 * they match the index; FTS5 answers otherwise, with the same scores (search/bm25/bm25.ts).
 *
 * - Loading starts on the first BM25 query and runs on a worker thread (in this thread for an
 *   in-memory database, which no other connection can open); queries meanwhile go to FTS5.
 * - Before each query the FTS5 structure and averages records are compared with the loaded ones:
 *   every committed write to the index changes them (the structure record carries a write counter
 *   that only grows), so stale postings are not used. They are dropped and read again once the index
 *   has been quiet for QUIET_MS, or twice the last load's time (an indexing job writes document by
 *   document). Inside an open write transaction FTS5 ranks, since the records change only at commit.
 *   FTS5's 'rebuild' and 'delete-all' restart that counter: Delve runs them only in migrations, before
 *   any search; code that runs them on an open library must detach (detachBm25Memory) first.
 * - Any failure on the memory path hands ranking to FTS5 for good, with the reason in status().
 * - Postings over `maxMb` are not held; `status()` says why.
 */
import { Worker } from 'node:worker_threads';
import type { Bm25SearchStatus } from '../../api.js';
import type { Db } from '../../store/db.js';
import { directCount, directTop } from './bm25-direct.js';
import { Bm25Index, DEFAULT_BM25, type Bm25IndexData, type Bm25Params, type Bm25Top } from './bm25-index.js';
import { indexStamp, loadBm25Index, readVarints, TOO_LARGE } from './bm25-load.js';
import type { LoadReply, LoadRequest } from './bm25-load-worker.js';
import { QueryTerms } from './bm25-phrases.js';

export const DEFAULT_BM25_MEMORY_MB = 384;
const QUIET_MS = 2_000;

export interface Bm25MemoryOptions {
  /** Most memory the postings may take, in MiB (default 384). */
  maxMb?: number;
  /** Where to read them: a worker thread (default for a file) or this thread. */
  load?: 'worker' | 'sync';
  nativeBinding?: string;
  /** BM25's k1 and b (default DEFAULT_BM25). */
  params?: Bm25Params;
  /** The clock that times quiet spells and loads, in ms (default performance.now; tests inject one). */
  now?: () => number;
}

export interface RankOptions {
  /** Per string of the MATCH expression: its weight (RM3). Default: each string counts once. */
  boosts?: readonly number[];
  /** Merge repeated terms into one with weight 1 + ln(count) (the user's query; see search/RANKING.md). */
  saturate?: boolean;
  /** Rank from the index directly even where the postings are in memory (tests, benchmarks). */
  direct?: boolean;
}

/** Repeated terms merged, each weighted 1 + ln(times it occurs), in order of first appearance. */
export function saturateTerms(terms: string[], boosts?: readonly number[]): { terms: string[]; boosts: number[] } {
  const count = new Map<string, number>();
  terms.forEach((t, i) => count.set(t, (count.get(t) ?? 0) + (boosts?.[i] ?? 1)));
  return { terms: [...count.keys()], boosts: [...count.values()].map((c) => (c >= 1 ? 1 + Math.log(c) : c)) };
}


type Stamp = ReturnType<typeof indexStamp>;
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
const sameStamp = (a: Stamp, b: Stamp) => sameBytes(a.structure, b.structure) && sameBytes(a.averages, b.averages);

export class Bm25Memory {
  private index: Bm25Index | null = null;
  private loading: Worker | null = null;
  /** Settles when the load in flight has been accepted or given up (see settled()). */
  private loaded: Promise<void> = Promise.resolve();
  /** The index's stamp as last seen without postings, and since when: loads wait for a quiet index. */
  private seen: { stamp: Stamp; at: number } | null = null;
  private reason: string | null = 'not loaded yet';
  /** Set when the memory path failed: FTS5 ranks from then on. */
  private broken: string | null = null;
  /** The row count of a load refused as too large: not tried again until it changes by a tenth. */
  private refusedRows: number | null = null;
  /** How long the last load took: the index must be quiet for twice that (at least QUIET_MS) before another. */
  private lastLoadMs = 0;
  private readonly terms: QueryTerms;
  private readonly maxBytes: number;
  private closed = false;

  private readonly now: () => number;

  constructor(private readonly db: Db, private readonly opts: Bm25MemoryOptions = {}) {
    this.now = opts.now ?? (() => performance.now());
    this.terms = new QueryTerms(db);
    this.maxBytes = (opts.maxMb ?? DEFAULT_BM25_MEMORY_MB) * 1048576;
    if (this.maxBytes === 0) this.reason = 'turned off (bm25MemoryMb: 0)';
  }

  get params(): Bm25Params {
    return this.opts.params ?? DEFAULT_BM25;
  }

  /**
   * The best n rows for `match` with these column weights: from the postings in memory when they are
   * current, else read from the index for this query alone (search/bm25/bm25-direct.ts; same scores);
   * null when FTS5 must rank them (an expression other than an OR of strings, or inside a write
   * transaction, where FTS5 sees rows its structure and averages records do not show yet).
   */
  top(match: string, weights: readonly number[], n: number, o: RankOptions = {}): Bm25Top[] | null {
    if (this.closed || !this.db.open || this.db.inTransaction) return null;
    const terms = this.terms.terms(match);
    return terms && this.topTerms(terms, weights, n, o);
  }

  /** The index terms of an OR of strings (as top() ranks them), or null for another expression. */
  queryTerms(match: string): string[] | null {
    return this.terms.terms(match);
  }

  /** As top(), for index terms already analysed (RM3's expansion terms). */
  topTerms(terms: string[], weights: readonly number[], n: number, o: RankOptions = {}): Bm25Top[] | null {
    if (this.closed || !this.db.open || this.db.inTransaction) return null;
    let boosts = o.boosts;
    if (o.saturate) ({ terms, boosts } = saturateTerms(terms, boosts));
    const index = this.broken || o.direct ? null : this.indexOrLoad();
    if (!index) return directTop(this.db, terms, weights, n, this.params, boosts);
    try {
      return index.top(terms.map((t) => index.find(t)), weights, n, boosts);
    } catch (err) {
      // Search goes on with FTS5; status() says why.
      this.broken = `in-memory BM25 failed: ${(err as Error).message}`;
      this.index = null;
      return directTop(this.db, terms, weights, n, this.params, boosts);
    }
  }

  /** How many rows hold at least one of these index terms: from the postings when current, else from the index. */
  countTerms(terms: string[]): number {
    const index = this.broken || this.db.inTransaction ? null : this.current();
    return index ? index.count(terms.map((t) => index.find(t))) : directCount(this.db, terms);
  }

  /** Analyses texts as the index does (search/bm25/bm25-phrases.ts). */
  analyze(texts: string[]): string[][] {
    return this.terms.analyze(texts);
  }

  /**
   * Row counts of terms for one query: `df(term)` and the index's rows, from the loaded index when it
   * is current, else read from the index (checked once, not per term).
   */
  dfLookup(): { rows: number; df: (term: string) => number } {
    const index = this.index && !this.broken ? this.current() : null;
    if (index) return { rows: index.data.rowids.length, df: (t) => { const i = index.find(t); return i < 0 ? 0 : index.data.df[i]!; } };
    return dfFromIndex(this.db);
  }

  private indexOrLoad(): Bm25Index | null {
    const index = this.current();
    if (!index) this.maybeLoad();
    return index;
  }

  /** Loads the postings now, in this thread (benchmarks, evaluation, tests). */
  warm(): Bm25SearchStatus {
    if (!this.closed && this.maxBytes > 0 && !this.current()) {
      this.seen = { stamp: indexStamp(this.db), at: Infinity };
      this.accept(this.loadHere());
    }
    return this.status();
  }

  status(): Bm25SearchStatus {
    const i = this.index;
    return {
      state: i ? 'memory' : this.loading ? 'loading' : 'fts5',
      rows: i?.data.rowids.length ?? 0, terms: i?.terms ?? 0, postings: i?.postings ?? 0,
      megabytes: i ? Math.round(i.bytes / 1048576) : 0, reason: i ? null : this.broken ?? this.reason,
    };
  }

  /**
   * Resolves, with the status, once no load of the postings is in flight: at once when none is,
   * else when the running load's result has been taken (held, refused or failed). Callers that must
   * know which path ranks (tests, benchmarks) await this instead of polling status() on a clock.
   */
  async settled(): Promise<Bm25SearchStatus> {
    await this.loaded;
    return this.status();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.index = null;
    const w = this.loading;
    this.loading = null;
    await w?.terminate();
  }

  /** The loaded index if it is still the database's, else null. */
  private current(): Bm25Index | null {
    if (!this.index) return null;
    if (sameStamp(indexStamp(this.db), this.index.data)) return this.index;
    this.index = null;
    this.reason = 'the library changed since the postings were read';
    return null;
  }

  /**
   * Starts a load at the first query, and after a change once the index has stayed the same for
   * QUIET_MS, so an indexing job's stream of writes does not set off a load per document.
   */
  private maybeLoad(): void {
    if (this.loading || this.maxBytes === 0) return;
    const stamp = indexStamp(this.db);
    const now = this.now();
    if (this.seen && sameStamp(stamp, this.seen.stamp) && now - this.seen.at < Math.max(QUIET_MS, 2 * this.lastLoadMs)) return;
    if (this.seen && !sameStamp(stamp, this.seen.stamp)) {
      this.seen = { stamp, at: now };
      return;
    }
    this.seen = { stamp, at: Infinity }; // no second load of the same index
    const rows = readVarints(stamp.averages, 1)[0] ?? 0;
    if (this.refusedRows !== null && Math.abs(rows - this.refusedRows) < this.refusedRows / 10) return;
    const started = this.now();
    if ((this.opts.load ?? 'worker') === 'sync' || this.db.memory) {
      this.accept(this.loadHere());
      this.lastLoadMs = this.now() - started;
      return;
    }
    const request: LoadRequest = { path: this.db.name, maxBytes: this.maxBytes, nativeBinding: this.opts.nativeBinding };
    const worker = new Worker(new URL('./bm25-load-worker.js', import.meta.url), { workerData: request });
    worker.unref(); // an exiting CLI does not wait for it
    this.loading = worker;
    let finish!: () => void;
    this.loaded = new Promise((resolve) => { finish = resolve; });
    const done = (result: Bm25IndexData | string) => {
      if (this.loading !== worker) return finish();
      this.loading = null;
      this.lastLoadMs = this.now() - started;
      try {
        this.accept(result);
      } catch (err) {
        // The database may have been closed meanwhile, or fail: an event handler must not throw.
        this.reason = `loading failed: ${(err as Error).message}`;
      }
      finish();
    };
    worker.once('message', (r: LoadReply) => done('data' in r ? r.data : 'refused' in r ? r.refused : `loading failed: ${r.error}`));
    worker.once('error', (err) => done(`loading failed: ${err.message}`));
    worker.once('exit', (code) => done(`loading failed: the loader exited with code ${code}`));
  }

  private loadHere(): Bm25IndexData | string {
    try {
      return loadBm25Index(this.db, this.maxBytes);
    } catch (err) {
      return `loading failed: ${(err as Error).message}`;
    }
  }

  private accept(data: Bm25IndexData | string): void {
    if (this.closed || !this.db.open) return;
    if (typeof data === 'string') {
      this.reason = data;
      this.refusedRows = data.startsWith(TOO_LARGE) ? readVarints(indexStamp(this.db).averages, 1)[0] ?? 0 : null;
      return;
    }
    this.refusedRows = null;
    // Read on another connection: the library may have changed while it loaded.
    if (!sameStamp(indexStamp(this.db), data)) {
      this.reason = 'the library changed while the postings loaded';
      this.seen = { stamp: indexStamp(this.db), at: this.now() };
      return;
    }
    this.index = new Bm25Index(data, this.params);
    this.reason = null;
  }
}

/** Terms' row counts and the index's rows, read from FTS5 (fts5vocab and the averages record). */
export function dfFromIndex(db: Db): { rows: number; df: (term: string) => number } {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.delve_bm25_rows USING fts5vocab(main, chunks_fts, row);`);
  const get = db.prepare('SELECT doc FROM temp.delve_bm25_rows WHERE term = ?').pluck();
  return { rows: readVarints(indexStamp(db).averages, 1)[0] ?? 0, df: (t) => (get.get(t) as number | undefined) ?? 0 };
}

const attached = new WeakMap<Db, Bm25Memory>();

/** Gives this connection in-memory BM25; bm25List (search/bm25/bm25.ts) uses it from then on. */
export function attachBm25Memory(db: Db, opts: Bm25MemoryOptions = {}): Bm25Memory {
  let m = attached.get(db);
  if (!m) {
    m = new Bm25Memory(db, opts);
    attached.set(db, m);
  }
  return m;
}

export function bm25MemoryOf(db: Db): Bm25Memory | undefined {
  return attached.get(db);
}

export async function detachBm25Memory(db: Db): Promise<void> {
  const m = attached.get(db);
  attached.delete(db);
  await m?.close();
}

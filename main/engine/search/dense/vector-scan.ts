/**
 * Exact dense search from memory: the model's vectors, held in shared WebAssembly memory
 * (search/dense/scan-rows.ts), are scored against the query by SIMD kernels in worker threads, each over
 * its share of the rows (search/dense/scan-worker.ts); their best lists are merged. sqlite-vec's own flat
 * KNN reads every vector through SQLite on each query (~60 ms at 100k 384-d vectors here); this scan
 * costs ~10 ms and runs in other threads, so search() runs BM25 meanwhile (search/search.ts).
 *
 * Results are the exact cosine top n, as sqlite-vec's KNN gives them (up to float rounding). The first
 * search of a table is answered by sqlite-vec while its vectors load just after. When the
 * scan cannot serve a table (over the memory limit, no WebAssembly SIMD, an unrecognised sqlite-vec
 * layout, a failed worker), the query goes to sqlite-vec's KNN and `status()` says why.
 *
 * A table whose float vectors exceed the limit (about 350k 384-d vectors at 512 MB) is held as int8
 * codes instead (search/dense/row-codec.ts, 4× smaller; 1M 384-d vectors take 400 MB) and scanned by
 * the int8 kernel on every core; the best `oversample × n` of that scan are re-scored with sqlite-vec's
 * own cosine arithmetic on the float vectors, read from a scratch file (search/dense/float-file.ts) or,
 * without one, through sqlite-vec (search/dense/dense-quantized.ts `rescore`), so every score returned
 * is the exact one; only a true neighbour the codes ranked below the pool can be missing.
 */
import { availableParallelism } from 'node:os';
import type { Db } from '../../store/db.js';
import { chunksOfHashes, denseList, MAX_K } from './dense.js';
import type { Scored } from '../fusion/fuse.js';
import { rescore } from './dense-quantized.js';
import { cosineSimilarity } from './float-file.js';
import { compileKernels, type Kernels } from './kernels.js';
import type { RowCodes } from './row-codec.js';
import { instantiate, MAX_PAGES, type ScoresFn } from './scan-kernel.js';
import { ScanPool } from './scan-pool.js';
import { scanRange, type RangeHits } from './scan-range.js';
import { ScanRows, type CodesChoice } from './scan-rows.js';

export interface VectorScanOptions {
  /**
   * Scan threads: each scan uses all of them. Default: one per core but the first (1 to 4) for float
   * rows, one per core (2 to 4) for int8 rows, whose scan is long enough (~80 ms a thread at 1M rows)
   * to gain from every core. 0 scans in the calling thread.
   */
  workers?: number;
  /** Most memory the vectors of a table may take, in MiB (default 512); larger tables use sqlite-vec. */
  maxMb?: number;
  /** How rows are held: `auto` (default) holds floats when they fit `maxMb`, else int8 codes. */
  codes?: CodesChoice;
  /** int8 rows: candidates re-scored exactly per result wanted (default 1.2). */
  oversample?: number;
  /**
   * int8 rows: re-score only the best this many candidates by code (default: all); the rest keep
   * their int8 estimates (error ~1e-3): fewer reads (a sqlite-vec lookup is ~0.2 ms at 1M rows where
   * there is no float file), inexact tail.
   */
  rescore?: number;
}

export interface VectorScanStatus {
  table: string;
  rows: number;
  megabytes: number;
  /** How the rows are held: float32 (exact scan) or int8 (scan, then exact re-scoring); null when not held. */
  codes: RowCodes | null;
  /** Candidates re-scored exactly per result wanted (int8 rows), else 0. */
  oversample: number;
  workers: number;
  /** Why the table is searched by sqlite-vec instead, or null. */
  fallbackReason: string | null;
  /** int8 rows: where candidates are re-scored from (the float file, or sqlite-vec's point lookups); else null. */
  rescoreFrom: 'file' | 'sqlite-vec' | null;
  /** int8 rows re-scored through sqlite-vec: why there is no float file. */
  rescoreNote: string | null;
}

export const DEFAULT_SCAN_MB = 512;
export const DEFAULT_INT8_OVERSAMPLE = 1.2;
/** A table the scan could not hold is tried again after this long (its size or layout may have changed). */
const RETRY_MS = 30_000;

export function defaultScanWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** Default scan threads for int8 rows: every core, 2 to 4. */
export function defaultInt8ScanWorkers(): number {
  return Math.max(2, Math.min(4, availableParallelism()));
}

let kernels: Kernels | string | null = null;

export class VectorScanner {
  private readonly rows = new Map<string, ScanRows>();
  private readonly refused = new Map<string, { reason: string; at: number }>();
  private readonly maxBytes: number;
  private readonly slots: number;
  private pool: ScanPool | null = null;
  private poolFailure: string | null = null;
  private local: { gen: number; scores: ScoresFn } | null = null;
  private readonly loading = new Map<string, NodeJS.Immediate>();
  private closed = false;

  constructor(private readonly db: Db, private readonly opts: VectorScanOptions = {}) {
    const workers = Math.max(0, Math.floor(opts.workers ?? defaultInt8ScanWorkers()));
    this.slots = workers + 1;
    this.maxBytes = Math.min((opts.maxMb ?? DEFAULT_SCAN_MB) * 1048576, MAX_PAGES * 65536 - 64 * 1048576);
  }

  private get workerCount(): number { return this.slots - 1; }

  /** Threads a scan of these rows uses. */
  private workersFor(codes: RowCodes): number {
    if (this.opts.workers !== undefined || codes === 'int8') return this.workerCount;
    return Math.min(this.workerCount, defaultScanWorkers());
  }

  /**
   * The best `n` chunks by cosine similarity, best first. The scan is handed to the workers before
   * this returns, so the caller can do other work while it runs.
   */
  search(table: string, query: Float32Array, n: number): Promise<Scored[]> {
    const k = Math.max(1, Math.min(MAX_K, Math.floor(n)));
    if (!this.rows.has(table) && !this.refused.has(table)) {
      // Not loaded yet (~0.8 s at 100k 384-d vectors): this query goes to sqlite-vec (~60 ms) and the
      // vectors load right after it, so neither the first search nor a one-shot CLI search waits.
      this.loadSoon(table);
      return Promise.resolve(denseList(this.db, table, query, k));
    }
    const rows = this.current(table);
    if (typeof rows === 'string' || query.length !== rows.dims) return Promise.resolve(denseList(this.db, table, query, k));
    const q = unitPadded(query, rows.layout.stride);
    const m = rows.layout.codes === 'int8' ? Math.min(MAX_K, Math.ceil(k * this.oversample)) : k;
    return this.scan(rows, q, m).then(
      (hits) => chunksOfHashes(this.db, rows.layout.codes === 'int8' ? this.rescored(rows, query, merge(rows, hits, m), k) : scoresOf(merge(rows, hits, k)), k),
      (err: Error) => {
        this.poolFailure = `scan workers failed (${err.message}); scanning in this thread`;
        void this.pool?.close();
        this.pool = null;
        return denseList(this.db, table, query, k);
      });
  }

  private get oversample(): number { return Math.max(1, this.opts.oversample ?? DEFAULT_INT8_OVERSAMPLE); }

  /**
   * The int8 scan's candidates with sqlite-vec's exact cosine similarity, the best `k`: from the rows'
   * float file (search/dense/float-file.ts, the same arithmetic) where it holds them, else sqlite-vec's
   * own distance.
   */
  private rescored(rows: ScanRows, query: Float32Array, candidates: Candidate[], k: number): Map<string, number> {
    const limit = this.opts.rescore;
    const take = limit === undefined ? candidates : candidates.slice(0, limit);
    const exact = new Map<string, number>();
    const missing: string[] = [];
    for (const [hash, , row] of take) {
      const v = rows.floatOf(row);
      if (v) exact.set(hash, cosineSimilarity(query, v, rows.dims));
      else missing.push(hash);
    }
    if (missing.length > 0) for (const [h, s] of rescore(this.db, rows.table, query, missing)) exact.set(h, s);
    const scored = limit === undefined ? [...exact] : candidates.map(([h, est]): [string, number] => [h, exact.get(h) ?? est]);
    return new Map(scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k));
  }

  /** Loads the table's vectors now (or brings them in step); its status after. */
  warm(table: string): VectorScanStatus | null {
    this.current(table);
    return this.status().find((x) => x.table === table) ?? null;
  }

  private loadSoon(table: string): void {
    if (this.loading.has(table) || this.closed) return;
    const timer = setImmediate(() => {
      this.loading.delete(table);
      if (!this.closed) this.current(table);
    });
    timer.unref(); // an exiting process does not wait for it
    this.loading.set(table, timer);
  }

  /** The table's rows in step with the database, or why the scan cannot serve it. */
  private current(table: string): ScanRows | string {
    if (typeof (kernels ??= compileKernels()) === 'string') return kernels as string;
    const refused = this.refused.get(table);
    if (refused && Date.now() - refused.at < RETRY_MS) return refused.reason;
    this.refused.delete(table);
    const had = this.rows.get(table);
    const next = had ? had.sync(this.db, this.slots) : ScanRows.open(this.db, table, this.slots, this.maxBytes, this.opts.codes ?? 'auto');
    if (typeof next === 'string') {
      this.refused.set(table, { reason: next, at: Date.now() });
      this.forget(table);
      return next;
    }
    if (next !== had) {
      this.forget(table);
      this.rows.set(table, next);
    }
    return next;
  }

  private forget(table: string): void {
    const old = this.rows.get(table);
    if (!old) return;
    this.rows.delete(table);
    old.release(); // a query still re-scoring on it reads sqlite-vec instead
    this.pool?.drop(old.gen);
  }

  private scan(rows: ScanRows, q: Float32Array, m: number): Promise<RangeHits[]> {
    const pool = this.workers();
    if (!pool) {
      if (this.local?.gen !== rows.gen) this.local = { gen: rows.gen, scores: instantiate((kernels as Kernels)[rows.layout.codes], rows.memory) };
      return Promise.resolve([scanRange(this.local.scores, rows.memory, rows.layout, this.workerCount, q, 0, rows.count, m)]);
    }
    const threads = Math.min(pool.size, this.workersFor(rows.layout.codes));
    const per = Math.ceil(rows.count / threads);
    const parts: Promise<RangeHits>[] = [];
    for (let w = 0; w < threads; w++) {
      const start = w * per;
      const count = Math.min(per, rows.count - start);
      if (count > 0) parts.push(pool.scan(w, rows, { slot: w, query: q, start, count, m }));
    }
    return Promise.all(parts);
  }

  private workers(): ScanPool | null {
    if (this.workerCount === 0 || this.poolFailure) return null;
    return (this.pool ??= new ScanPool(kernels as Kernels, this.workerCount));
  }

  /** How each table seen so far is searched. */
  status(): VectorScanStatus[] {
    const held = [...this.rows.values()].map((r): VectorScanStatus => ({
      table: r.table, rows: r.count, megabytes: Math.round(r.bytes / 1048576), codes: r.layout.codes, oversample: r.layout.codes === 'int8' ? this.oversample : 0,
      workers: this.poolFailure ? 0 : this.workersFor(r.layout.codes), fallbackReason: this.poolFailure,
      rescoreFrom: r.layout.codes !== 'int8' ? null : r.floats ? 'file' : 'sqlite-vec', rescoreNote: r.layout.codes === 'int8' ? r.floatsReason : null,
    }));
    const refused = [...this.refused].map(([table, { reason }]): VectorScanStatus => ({ table, rows: 0, megabytes: 0, codes: null, oversample: 0, workers: 0, fallbackReason: reason, rescoreFrom: null, rescoreNote: null }));
    return [...held, ...refused];
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.loading.values()) clearImmediate(t);
    this.loading.clear();
    for (const r of this.rows.values()) r.release();
    this.rows.clear();
    this.local = null;
    const pool = this.pool;
    this.pool = null;
    await pool?.close();
  }
}

/** The query scaled to unit length and zero-padded to the rows' stride. */
function unitPadded(query: Float32Array, stride: number): Float32Array {
  let sq = 0;
  for (let i = 0; i < query.length; i++) sq += query[i]! * query[i]!;
  const scale = sq > 0 ? 1 / Math.sqrt(sq) : 0;
  const q = new Float32Array(stride);
  for (let i = 0; i < query.length; i++) q[i] = query[i]! * scale;
  return q;
}

/** A candidate: its hash, its score from the scan, the row it was read from. */
type Candidate = [hash: string, score: number, row: number];

/** The best `m` distinct hashes of the workers' lists, best first. */
function merge(rows: ScanRows, parts: RangeHits[], m: number): Candidate[] {
  const all: [number, number][] = [];
  for (const p of parts) for (let i = 0; i < p.ids.length; i++) all.push([p.ids[i]!, p.scores[i]!]);
  all.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const [row, score] of all) {
    if (out.length >= m) break;
    const hash = rows.hashes[row]!;
    if (seen.has(hash)) continue;
    seen.add(hash);
    out.push([hash, score, row]);
  }
  return out;
}

const scoresOf = (c: Candidate[]) => new Map(c.map(([h, s]) => [h, s]));

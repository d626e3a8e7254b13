/**
 * What reading BM25's postings leaves resident: loadBm25Index (search/bm25/bm25-load.ts) on the search
 * benchmark's cached corpus of BENCH_SIZE chunks (default 1,000,000; build it first with
 * `BENCH_SIZES=1000000 npm run bench:search`), in this fresh process, then RSS after closing the
 * database and a full collection. Run with `node --expose-gc dist/test/bench/bm25-load-rss.js`; to see
 * what the C allocator keeps, again under `MALLOC_MMAP_THRESHOLD_=131072 MALLOC_TRIM_THRESHOLD_=131072`
 * (main/engine/BENCHMARKS.md, "At 1M chunks").
 */
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBm25Index } from '../../main/engine/search/bm25/bm25-load.js';
import { memory } from './memory.js';

const size = Number(process.env.BENCH_SIZE ?? 1_000_000);
// The cache folder of search-cache.ts, named here so that LanceDB's native library is not loaded too.
const path = join(process.env.DELVE_BENCH_CACHE ?? join(tmpdir(), 'delve-bench'), `search-${size}-v1`, 'bench.db');
const mb = (n: number) => Math.round(n / 1048576);
const before = memory();
const db = new Database(path, { readonly: true, fileMustExist: true });
const started = performance.now();
const data = loadBm25Index(db, 2 ** 31);
const loadS = (performance.now() - started) / 1000;
const loaded = memory();
db.close();
(globalThis as { gc?: () => void }).gc?.();
const usage = process.memoryUsage();
const report = {
  path, postings: typeof data === 'string' ? data : data.docs.length, loadS: Math.round(loadS * 10) / 10,
  before, loaded, afterCloseAndGc: memory(), heapUsedMb: mb(usage.heapUsed), arrayBuffersMb: mb(usage.arrayBuffers),
};
console.log(JSON.stringify(report));

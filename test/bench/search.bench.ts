/**
 * `npm run bench:search [-- --json]`: latency of Delve's search() in bm25, dense and hybrid modes
 * (k = 10, 100 candidates per list) over a real Delve database of 10k and then 100k chunks of real
 * text (SciFact abstracts + the shared notes; BENCH_SIZES=1000000 for a million), against LanceDB's
 * flat vector search and its IVF_PQ index over the same vectors in the same process. Each size's
 * corpus is built once and cached on disk (search-cache.ts: $DELVE_BENCH_CACHE, default
 * <tmp>/delve-bench); the build times reported are those of the run that built it. Vectors are a
 * random projection of term counts (search-vectors.ts), not a model's: flat KNN costs the same
 * whatever the values, and query vectors are precomputed, so the times are of search alone, without
 * query embedding. Dense and hybrid rows use the engine's default, the in-memory scan
 * (search/dense/vector-scan.ts: exact floats, or int8 codes re-scored exactly where the floats exceed
 * its limit), with sqlite-vec's exact KNN beside them (below 500k chunks: it takes seconds a query at
 * 1M, where it is only the untimed reference; the RM3 and index-per-query BM25 rows are also left out there).
 * Delve's default rows are timed first and the process's memory read after them (RSS of the engine's
 * default path), then the comparison rows. Untimed, every size checks the default path against exact
 * search (search-exact.ts).
 * Environment: BENCH_SIZES (default "10000,100000"), BENCH_QUERIES (100), BENCH_ROUNDS (2),
 * BM25 rows rank from the postings held in memory, the engine's default (search/bm25/bm25-memory.ts); the
 * "index per query" rows run the same search on a connection without them (search/bm25/bm25-direct.ts,
 * what answers while the postings load), and the RM3 row adds pseudo-relevance feedback.
 * BENCH_EMBEDDER=0 to skip timing a real query encoder, BENCH_QUANTIZED=0 to skip the quantised rows
 * (bit/int8 copies in sqlite-vec + float re-scoring; below 500k chunks), BENCH_SCAN_WORKERS to set the scan's threads,
 * BENCH_RESCORE to re-score only the best n int8 candidates (VectorScanOptions.rescore).
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../main/engine/store/db.js';
import { bm25List } from '../../main/engine/search/bm25/bm25.js';
import { attachBm25Memory } from '../../main/engine/search/bm25/bm25-memory.js';
import { denseList } from '../../main/engine/search/dense/dense.js';
import { search, type DenseSource } from '../../main/engine/search/search.js';
import { VectorScanner } from '../../main/engine/search/dense/vector-scan.js';
import { sharedDir } from '../helpers/shared.js';
import { benchCorpus, type BenchQ } from './search-cache.js';
import { queryEmbedMs } from './search-embedder.js';
import { exactAgreement } from './search-exact.js';
import { IVF_NPROBES, IVF_REFINE } from './search-lance.js';
import { quantizedRows } from './search-extra.js';
import { HYBRID_ROW, HYBRID_SQLITE_ROW, IVF_ROW, LANCE_ROW, printReport, type SizeReport } from './search-report.js';
import { measure, round, type Contender } from './search-timing.js';
import { memory } from './memory.js';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const QUANTIZED = process.env.BENCH_QUANTIZED !== '0';
const WARMUP = 10;
const K = 10;
const CANDIDATES = 100;
/** From this size on, sqlite-vec's exact KNN (~1 s a query at 1M) is only the untimed reference. */
const LARGE = 500_000;

type Q = BenchQ;

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const shared = sharedDir();
  const sizes: SizeReport[] = [];
  let sqliteVec: string | null = null;
  let textsForEmbedder: string[] = [];
  for (const size of SIZES) {
    const corpus = await benchCorpus(shared, size, log);
    const { db, table: t, lance: l } = corpus;
    sqliteVec = corpus.vecVersion;
    const queries = corpus.queries.slice(0, QUERIES);
    textsForEmbedder = queries.map((q) => q.text);
    const vecOf = new Map<string, Float32Array>(queries.map((q) => [q.text, q.vec]));
    const large = size >= LARGE;
    // The engine ranks BM25 from postings in memory (search/bm25/bm25-memory.ts); a second connection
    // without them reads each query's postings from the index, the "index per query" rows.
    const bm25Memory = attachBm25Memory(db);
    const { db: ftsDb } = await openDb(join(corpus.dir, 'bench.db'));
    const scanner = new VectorScanner(db, {
      ...(process.env.BENCH_SCAN_WORKERS ? { workers: Number(process.env.BENCH_SCAN_WORKERS) } : {}),
      ...(process.env.BENCH_RESCORE ? { rescore: Number(process.env.BENCH_RESCORE) } : {}),
    });
    const dense: DenseSource = { table: t.table, embedQuery: async (q) => vecOf.get(q)! };
    // The engine's default: the scan from memory (search/dense/vector-scan.ts), loaded untimed first.
    let t0 = performance.now();
    scanner.warm(t.table);
    const scanLoadMs = performance.now() - t0;
    const scanned: DenseSource = { ...dense, scan: (v, n) => scanner.search(t.table, v, n) };
    t0 = performance.now();
    const postings = bm25Memory.warm();
    const postingsLoadMs = performance.now() - t0;
    const own: Contender<Q>[] = [
      { name: 'delve search() bm25', run: (q) => search(db, q.text, { mode: 'bm25', k: K }, dense) },
      { name: 'delve search() dense', run: (q) => search(db, q.text, { mode: 'dense', k: K }, scanned) },
      { name: HYBRID_ROW, run: (q) => search(db, q.text, { mode: 'hybrid', k: K }, scanned) },
      { name: 'delve memory scan only (100)', run: (q) => scanner.search(t.table, q.vec, CANDIDATES) },
    ];
    const hasIvf = await l.hasIvf();
    const others: Contender<Q>[] = [
      ...(large ? [] : [
        { name: 'delve search() bm25 + RM3', run: (q: Q) => search(db, q.text, { mode: 'bm25', k: K, rm3: true }, dense) },
        { name: 'delve search() bm25, index per query', run: (q: Q) => search(ftsDb, q.text, { mode: 'bm25', k: K }, dense) },
        { name: 'delve search() hybrid, index per query', run: (q: Q) => search(ftsDb, q.text, { mode: 'hybrid', k: K }, scanned) },
        { name: 'delve search() dense, sqlite-vec KNN', run: (q: Q) => search(db, q.text, { mode: 'dense', k: K }, dense) },
        { name: HYBRID_SQLITE_ROW, run: (q: Q) => search(db, q.text, { mode: 'hybrid', k: K }, dense) },
        { name: 'delve sqlite-vec KNN only (denseList, 100)', run: (q: Q) => denseList(db, t.table, q.vec, CANDIDATES) },
      ]),
      { name: LANCE_ROW, run: (q) => l.search(q.vec, CANDIDATES) },
      ...(hasIvf ? [{ name: IVF_ROW, run: (q: Q) => l.searchIvf(q.vec, CANDIDATES) }] : []),
    ];
    const quant = QUANTIZED && !large ? quantizedRows(db, dense, queries, CANDIDATES) : { contenders: [], facts: {} };
    others.push(...quant.contenders);
    log(`size ${size}: measuring Delve's default rows…`);
    const latency = await measure(own, queries, ROUNDS, WARMUP);
    const mem = memory();
    // With `node --expose-gc`: also after a full collection (what is live, without the load's garbage).
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const afterGc = gc ? memory() : null;
    log(`size ${size}: RSS ${mem.rssMb} MB after them${afterGc ? `, ${afterGc.rssMb} MB after a full GC` : ''}; measuring the comparison rows…`);
    latency.push(...await measure(others, queries, ROUNDS, WARMUP));
    log(`size ${size}: checking against exact search (untimed)…`);
    const exact = await exactAgreement(db, scanned, l, hasIvf, queries, K, CANDIDATES);
    const scan = scanner.status().find((x) => x.table === t.table);
    const facts = {
      'memory after the default rows (MB)': mem,
      ...(afterGc ? { 'memory after the default rows and a full GC (MB)': afterGc } : {}),
      'memory scan': { codes: scan?.codes, oversample: scan?.oversample, workers: scan?.workers, megabytes: scan?.megabytes, loadMs: round(scanLoadMs, 0), fallbackReason: scan?.fallbackReason ?? null },
      'bm25 postings': { state: postings.state, reason: postings.reason, terms: postings.terms, postings: postings.postings, megabytes: postings.megabytes,
        loadMs: round(postingsLoadMs, 0), top100VsDirect: sameAsDirect(db, queries) },
      'against exact search (sqlite-vec KNN, untimed)': exact,
      'lancedb IVF_PQ': hasIvf ? { nprobes: IVF_NPROBES, refineFactor: IVF_REFINE, buildMs: round(corpus.build.ivfMs, 0) } : 'no index',
      ...quant.facts,
    };
    sizes.push({
      chunks: (db.prepare('SELECT COUNT(*) FROM chunks').pluck().get() as number), latency, meanSharedCandidates: exact.meanSharedCandidates,
      delveLanceTop10Agreement: exact.lanceFlatRecall10, delveBuildMs: corpus.build.delveMs, lanceBuildMs: corpus.build.lanceMs, cachedBuild: corpus.build.cached, extra: facts,
    });
    l.close();
    await scanner.close();
    await bm25Memory.close();
    ftsDb.close();
    db.close();
  }
  const embed = process.env.BENCH_EMBEDDER === '0' ? null : await queryEmbedMs(join(shared, 'models/bert-tiny-random'), textsForEmbedder);
  printReport({
    cores: availableParallelism(), sqliteVec, queries: Math.min(QUERIES, textsForEmbedder.length), rounds: ROUNDS, k: K, candidates: CANDIDATES,
    vectors: 'random projection of tf-idf term counts (384-d, unit length), not a trained model; query vectors precomputed the same way',
    queryEmbedding: embed, sizes,
  }, json);
}

/** In-memory BM25 against the index read per query: share of queries with the same top 100 in the same order, and the largest score difference. */
function sameAsDirect(db: import('../../main/engine/store/db.js').Db, qs: Q[]) {
  let order = 0;
  let maxScoreDiff = 0;
  for (const q of qs) {
    const a = bm25List(db, q.text, CANDIDATES, null, { direct: true }).hits;
    const b = bm25List(db, q.text, CANDIDATES).hits;
    if (a.map((h) => h.chunkId).join() === b.map((h) => h.chunkId).join()) order++;
    a.forEach((h, i) => { maxScoreDiff = Math.max(maxScoreDiff, Math.abs(h.score - (b[i]?.score ?? Infinity))); });
  }
  return { sameOrder: round(order / qs.length, 3), maxScoreDiff: Number(maxScoreDiff.toExponential(1)) };
}

await main();

/**
 * `npm run bench:search [-- --json]`: latency of Delve's search() in bm25, dense and hybrid modes
 * (k = 10, 100 candidates per list) over a real Delve database of 10k and then 100k chunks of real
 * text (SciFact abstracts + the shared notes), against LanceDB's flat vector search over the same
 * vectors in the same process. Vectors are a random projection of term counts (search-vectors.ts), not
 * a model's: flat KNN costs the same whatever the values, and query vectors are precomputed, so the
 * times are of search alone, without query embedding. Dense and hybrid rows use the engine's
 * default, the exact in-memory scan (search/dense/vector-scan.ts), with sqlite-vec's exact KNN beside them.
 * Environment: BENCH_SIZES (default "10000,100000"), BENCH_QUERIES (100), BENCH_ROUNDS (2),
 * BM25 rows rank from the postings held in memory, the engine's default (search/bm25/bm25-memory.ts); the
 * "index per query" rows run the same search on a connection without them (search/bm25/bm25-direct.ts,
 * what answers while the postings load), and the RM3 row adds pseudo-relevance feedback.
 * BENCH_EMBEDDER=0 to skip timing a real query encoder, BENCH_QUANTIZED=0 to skip the quantised rows
 * (bit/int8 copies + float re-scoring), BENCH_SCAN_WORKERS to set the scan's threads.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../main/engine/store/db.js';
import { bm25List } from '../../main/engine/search/bm25/bm25.js';
import { attachBm25Memory } from '../../main/engine/search/bm25/bm25-memory.js';
import { denseList } from '../../main/engine/search/dense/dense.js';
import { search, type DenseSource } from '../../main/engine/search/search.js';
import { VectorScanner } from '../../main/engine/search/dense/vector-scan.js';
import { sharedDir, tempDir } from '../helpers/shared.js';
import { benchChunks, benchQueries } from './search-corpus.js';
import { fillDb } from './search-db.js';
import { queryEmbedMs } from './search-embedder.js';
import { LanceBench } from './search-lance.js';
import { quantizedRows } from './search-extra.js';
import { HYBRID_ROW, HYBRID_SQLITE_ROW, printReport, type SizeReport } from './search-report.js';
import { measure, round, type Contender } from './search-timing.js';
import { Projector } from './search-vectors.js';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const QUANTIZED = process.env.BENCH_QUANTIZED !== '0';
const WARMUP = 10;
const K = 10;
const CANDIDATES = 100;

interface Q { text: string; vec: Float32Array }

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const shared = sharedDir();
  const dir = tempDir('delve-bench-search-');
  let t0 = performance.now();
  const chunks = benchChunks(shared, Math.max(...SIZES));
  const projector = new Projector(chunks.map((c) => c.text));
  const queries: Q[] = benchQueries(shared, QUERIES).map((q) => ({ text: q.text, vec: projector.embed(q.text) }));
  const vecOf = new Map<string, Float32Array>(queries.map((q) => [q.text, q.vec]));
  log(`corpus: ${chunks.length} chunks, ${queries.length} queries (${round(performance.now() - t0, 0)} ms)`);

  const { db, vec } = await openDb(join(dir, 'bench.db'));
  if (!vec.version) throw new Error(`sqlite-vec is not available: ${vec.error}`);
  // The engine ranks BM25 from postings in memory (search/bm25/bm25-memory.ts); a second connection
  // without them reads each query's postings from the index, the "index per query" rows.
  const bm25Memory = attachBm25Memory(db);
  const { db: ftsDb } = await openDb(join(dir, 'bench.db'));
  const vectors = new Map<string, Float32Array>();
  const vectorOf = (c: { hash: string; text: string }) => {
    let v = vectors.get(c.hash);
    if (!v) vectors.set(c.hash, (v = projector.embed(c.text)));
    return v;
  };
  let lance: LanceBench | null = null;
  const scanner = new VectorScanner(db, process.env.BENCH_SCAN_WORKERS ? { workers: Number(process.env.BENCH_SCAN_WORKERS) } : {});
  const sizes: SizeReport[] = [];
  for (const size of SIZES) {
    const part = chunks.slice(0, size);
    t0 = performance.now();
    const table = fillDb(db, part, vectorOf);
    const delveBuildMs = performance.now() - t0;
    const ids = new Map((db.prepare('SELECT hash, id FROM chunks').all() as { hash: string; id: number }[]).map((r) => [r.hash, r.id]));
    t0 = performance.now();
    const rows = part.map((c) => ({ id: ids.get(c.hash)!, vector: vectorOf(c) }));
    if (!lance) lance = await LanceBench.create(join(dir, 'lance'), rows);
    else await lance.add(rows.slice(await lance.count()));
    const lanceBuildMs = performance.now() - t0;
    const dense: DenseSource = { table: table.table, embedQuery: async (q) => vecOf.get(q)! };
    // The engine's default: the exact scan from memory (search/dense/vector-scan.ts), loaded untimed first.
    t0 = performance.now();
    scanner.warm(table.table);
    const scanLoadMs = performance.now() - t0;
    const scanned: DenseSource = { ...dense, scan: (v, n) => scanner.search(table.table, v, n) };
    t0 = performance.now();
    const postings = bm25Memory.warm();
    const postingsLoadMs = performance.now() - t0;
    const l = lance;
    const contenders: Contender<Q>[] = [
      { name: 'delve search() bm25', run: (q) => search(db, q.text, { mode: 'bm25', k: K }, dense) },
      { name: 'delve search() dense', run: (q) => search(db, q.text, { mode: 'dense', k: K }, scanned) },
      { name: HYBRID_ROW, run: (q) => search(db, q.text, { mode: 'hybrid', k: K }, scanned) },
      { name: 'delve search() bm25 + RM3', run: (q) => search(db, q.text, { mode: 'bm25', k: K, rm3: true }, dense) },
      { name: 'delve search() bm25, index per query', run: (q) => search(ftsDb, q.text, { mode: 'bm25', k: K }, dense) },
      { name: 'delve search() hybrid, index per query', run: (q) => search(ftsDb, q.text, { mode: 'hybrid', k: K }, scanned) },
      { name: 'delve memory scan only (100)', run: (q) => scanner.search(table.table, q.vec, CANDIDATES) },
      { name: 'delve search() dense, sqlite-vec KNN', run: (q) => search(db, q.text, { mode: 'dense', k: K }, dense) },
      { name: HYBRID_SQLITE_ROW, run: (q) => search(db, q.text, { mode: 'hybrid', k: K }, dense) },
      { name: 'delve sqlite-vec KNN only (denseList, 100)', run: (q) => denseList(db, table.table, q.vec, CANDIDATES) },
      { name: 'lancedb flat vectorSearch (100)', run: (q) => l.search(q.vec, CANDIDATES) },
    ];
    const quant = QUANTIZED ? quantizedRows(db, dense, queries, CANDIDATES) : { contenders: [], facts: {} };
    contenders.push(...quant.contenders);
    log(`size ${size}: delve build ${round(delveBuildMs / 1000, 1)} s, lance build ${round(lanceBuildMs / 1000, 1)} s; measuring…`);
    const latency = await measure(contenders, queries, ROUNDS, WARMUP);
    const scan = scanner.status().find((x) => x.table === table.table);
    const facts = { 'memory scan': { workers: scan?.workers, megabytes: scan?.megabytes, loadMs: round(scanLoadMs, 0), fallbackReason: scan?.fallbackReason ?? null,
      top100VsSqliteVec: await sameAsSqliteVec(db, table.table, queries) },
    'bm25 postings': { state: postings.state, reason: postings.reason, terms: postings.terms, postings: postings.postings, megabytes: postings.megabytes,
      loadMs: round(postingsLoadMs, 0), top100VsDirect: sameAsDirect(queries) }, ...quant.facts };
    sizes.push({ chunks: (db.prepare('SELECT COUNT(*) FROM chunks').pluck().get() as number), latency, ...await overlap(db, table.table, l, queries), delveBuildMs, lanceBuildMs, extra: facts });
  }
  const embed = process.env.BENCH_EMBEDDER === '0' ? null : await queryEmbedMs(join(shared, 'models/bert-tiny-random'), queries.map((q) => q.text));
  printReport({
    cores: availableParallelism(), sqliteVec: vec.version, queries: queries.length, rounds: ROUNDS, k: K, candidates: CANDIDATES,
    vectors: 'random projection of tf-idf term counts (384-d, unit length), not a trained model; query vectors precomputed the same way',
    queryEmbedding: embed, sizes,
  }, json);
  lance?.close();
  await scanner.close();
  await bm25Memory.close();
  ftsDb.close();
  db.close();

  /** In-memory BM25 against the index read per query: share of queries with the same top 100 in the same order, and the largest score difference. */
  function sameAsDirect(qs: Q[]) {
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

  /**
   * The memory scan against sqlite-vec's KNN over the same vectors: share of queries with the same
   * top 100 in the same order, with the same set, and the largest score difference.
   */
  async function sameAsSqliteVec(d: typeof db, t: string, qs: Q[]) {
    let order = 0;
    let set = 0;
    let maxScoreDiff = 0;
    for (const q of qs) {
      const a = denseList(d, t, q.vec, CANDIDATES);
      const b = await scanner.search(t, q.vec, CANDIDATES);
      if (b.map((x) => x.chunkId).join() === a.map((x) => x.chunkId).join()) order++;
      const ids = new Set(a.map((x) => x.chunkId));
      if (b.length === a.length && b.every((x) => ids.has(x.chunkId))) set++;
      const sa = new Map(a.map((x) => [x.chunkId, x.score]));
      for (const x of b) if (sa.has(x.chunkId)) maxScoreDiff = Math.max(maxScoreDiff, Math.abs(sa.get(x.chunkId)! - x.score));
    }
    return { sameOrder: round(order / qs.length, 3), sameSet: round(set / qs.length, 3), maxScoreDiff: Number(maxScoreDiff.toExponential(1)) };
  }
}

/** Sanity checks, untimed: how many candidates the BM25 and dense lists share, and Delve vs LanceDB top-10 agreement. */
async function overlap(db: import('../../main/engine/store/db.js').Db, table: string, lance: LanceBench, queries: Q[]) {
  let shared = 0;
  let agree = 0;
  for (const q of queries) {
    const d = denseList(db, table, q.vec, CANDIDATES).map((s) => s.chunkId);
    const b = new Set(bm25List(db, q.text, CANDIDATES).hits.map((h) => h.chunkId));
    shared += d.filter((id) => b.has(id)).length;
    const top = new Set(d.slice(0, K));
    agree += (await lance.search(q.vec, K)).filter((id) => top.has(id)).length / K;
  }
  return { meanSharedCandidates: round(shared / queries.length, 1), delveLanceTop10Agreement: round(agree / queries.length, 3) };
}

await main();

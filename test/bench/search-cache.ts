/**
 * The search benchmark's corpus at one size, built once and kept on disk: the Delve database (through
 * the real store code, search-db.ts), the LanceDB table with its IVF_PQ index, and the query vectors,
 * under $DELVE_BENCH_CACHE (default: <tmp>/delve-bench)/search-<size>-v<N>/. A later run opens them as
 * they are; `meta.json`, written last, marks a complete build and keeps its build times. A build cut
 * short after the Delve database was written (`delve.json` beside it) resumes with the LanceDB part.
 * Delete the folder (or change CACHE_VERSION) to rebuild.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../main/engine/store/db.js';
import { openDb } from '../../main/engine/store/db.js';
import { ensureVectorTable, type VectorTable } from '../../main/engine/store/vectors.js';
import { benchChunks, benchQueries } from './search-corpus.js';
import { BENCH_MODEL, fillDb } from './search-db.js';
import { LanceBench } from './search-lance.js';
import { round } from './search-timing.js';
import { Projector } from './search-vectors.js';

/** Bump when the corpus, its vectors or the build change. */
const CACHE_VERSION = 1;
/** Query vectors kept for every SciFact query (BENCH_QUERIES takes a prefix). */
const ALL_QUERIES = 300;
const LANCE_BATCH = 10_000;

export interface BenchQ { text: string; vec: Float32Array }

interface Meta { chunks: number; delveBuildMs: number; lanceBuildMs: number; ivfBuildMs: number; queries: { text: string; vec: number[] }[] }

export interface BenchCorpus {
  dir: string;
  db: Db;
  vecVersion: string | null;
  table: VectorTable;
  lance: LanceBench;
  queries: BenchQ[];
  /** Build times of the run that built the cache (this run or an earlier one). */
  build: { delveMs: number; lanceMs: number; ivfMs: number; cached: boolean };
}

export function cacheRoot(): string {
  return process.env.DELVE_BENCH_CACHE ?? join(tmpdir(), 'delve-bench');
}

/** Opens the cached corpus of `size` chunks, building it first when absent. */
export async function benchCorpus(shared: string, size: number, log: (s: string) => void): Promise<BenchCorpus> {
  const dir = join(cacheRoot(), `search-${size}-v${CACHE_VERSION}`);
  const metaPath = join(dir, 'meta.json');
  const cached = existsSync(metaPath);
  if (!cached) await build(shared, size, dir, log);
  const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Meta;
  const { db, vec } = await openDb(join(dir, 'bench.db'));
  if (!vec.version) throw new Error(`sqlite-vec is not available: ${vec.error}`);
  const table = { ...ensureVectorTable(db, BENCH_MODEL), complete: true };
  const lance = await LanceBench.open(join(dir, 'lance'));
  if (cached) log(`size ${size}: cached corpus in ${dir} (built in ${round(meta.delveBuildMs / 1000, 1)} s Delve, ${round(meta.lanceBuildMs / 1000, 1)} s LanceDB + ${round(meta.ivfBuildMs / 1000, 1)} s IVF_PQ)`);
  return {
    dir, db, vecVersion: vec.version, table, lance,
    queries: meta.queries.map((q) => ({ text: q.text, vec: Float32Array.from(q.vec) })),
    build: { delveMs: meta.delveBuildMs, lanceMs: meta.lanceBuildMs, ivfMs: meta.ivfBuildMs, cached },
  };
}

async function build(shared: string, size: number, dir: string, log: (s: string) => void): Promise<void> {
  const delvePath = join(dir, 'delve.json');
  const written = existsSync(delvePath) ? (JSON.parse(readFileSync(delvePath, 'utf8')) as { delveBuildMs: number }).delveBuildMs : null;
  if (written === null) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let t0 = performance.now();
  const chunks = benchChunks(shared, size);
  const projector = new Projector(chunks.map((c) => c.text));
  const queries = benchQueries(shared, ALL_QUERIES).map((q) => ({ text: q.text, vec: Array.from(projector.embed(q.text)) }));
  log(`size ${size}: building the cache in ${dir}: ${chunks.length} chunks cut (${round((performance.now() - t0) / 1000, 1)} s)`);

  const { db } = await openDb(join(dir, 'bench.db'));
  t0 = performance.now();
  if (written === null) fillDb(db, chunks, (c) => projector.embed(c.text));
  const delveBuildMs = written ?? performance.now() - t0;
  if (written === null) writeFileSync(delvePath, JSON.stringify({ delveBuildMs }));
  log(`size ${size}: Delve database written in ${round(delveBuildMs / 1000, 1)} s${written === null ? '' : ' (by an earlier run)'}`);
  const ids = new Map((db.prepare('SELECT hash, id FROM chunks').all() as { hash: string; id: number }[]).map((r) => [r.hash, r.id]));
  db.close();

  // Vectors are computed again per batch rather than held (1M × 1.5 KB).
  t0 = performance.now();
  const rowsOf = (from: number) => chunks.slice(from, from + LANCE_BATCH).map((c) => ({ id: ids.get(c.hash)!, vector: projector.embed(c.text) }));
  const lance = await LanceBench.create(join(dir, 'lance'), rowsOf(0));
  for (let i = LANCE_BATCH; i < chunks.length; i += LANCE_BATCH) await lance.add(rowsOf(i));
  const lanceBuildMs = performance.now() - t0;
  t0 = performance.now();
  await lance.createIvf();
  const ivfBuildMs = performance.now() - t0;
  lance.close();
  log(`size ${size}: LanceDB table written in ${round(lanceBuildMs / 1000, 1)} s, IVF_PQ index in ${round(ivfBuildMs / 1000, 1)} s`);
  const meta: Meta = { chunks: chunks.length, delveBuildMs, lanceBuildMs, ivfBuildMs, queries };
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta));
}

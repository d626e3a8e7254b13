/**
 * The engine's embedding runtime: the configured model folder, its embedder (created on first use,
 * in a worker thread) and the dense source search uses. Without an embedding config, search is BM25.
 */
import type { DenseSearchStatus, EmbedSummary, EmbeddingConfig, EmbeddingStatus } from './api.js';
import type { Embedder, EmbedderOptions } from './embed/api.js';
import { runEmbedJob, STATS_KEY, type EmbedJobOptions } from './index/embed-job.js';
import { loadModelFolder, type ModelFolder } from './models/folder.js';
import type { DenseSource } from './search/search.js';
import type { Db } from './store/db.js';
import { quantizedKinds, syncQuantized } from './store/quantized.js';
import { findVectorTable } from './store/vectors.js';
import { defaultScanWorkers, VectorScanner } from './search/vector-scan.js';

export type EmbedderFactory = (opts: EmbedderOptions) => Promise<Embedder>;

export interface EmbeddingRuntime {
  embed(opts?: EmbedJobOptions): Promise<EmbedSummary>;
  /** The dense source for search, or null when the model has no vectors in this database yet. */
  dense(): Promise<DenseSource | null>;
  status(): Promise<EmbeddingStatus>;
  close(): Promise<void>;
}

export function embeddingRuntime(db: Db, cfg: EmbeddingConfig, create: EmbedderFactory): EmbeddingRuntime {
  let folder: Promise<ModelFolder> | null = null;
  let embedder: Promise<Embedder> | null = null;
  let scanner: VectorScanner | null = null;
  const model = () => (folder ??= loadModelFolder(cfg.modelDir));
  const getEmbedder = () => (embedder ??= model().then((m) => create({
    modelDir: m.dir, manifest: m.manifest, provider: cfg.provider ?? 'auto', batchSize: cfg.batchSize, maxBatchTokens: cfg.maxBatchTokens, threads: cfg.threads,
  })));
  const ref = (m: ModelFolder) => ({ id: m.manifest.id, fingerprint: m.fingerprint, dims: m.manifest.dims });
  return {
    async embed(opts) {
      return runEmbedJob(db, await getEmbedder(), await model(), opts);
    },
    async dense() {
      const t = findVectorTable(db, ref(await model()));
      if (!t || !db.prepare(`SELECT 1 FROM ${t.table} LIMIT 1`).get()) return null;
      const e = await getEmbedder();
      // The quantised copy is built once, then kept in step by every embedding job (store/vectors.ts).
      if (cfg.quantize && !quantizedKinds(db, t.table).includes(cfg.quantize)) syncQuantized(db, t.table, cfg.quantize);
      const embedQuery = async (q: string) => (await e.embedQueries([q]))[0]!;
      if (cfg.quantize) return { table: t.table, embedQuery, quantized: cfg.quantize };
      if (cfg.scan === 'sqlite') return { table: t.table, embedQuery };
      const s = (scanner ??= new VectorScanner(db, { workers: cfg.scanWorkers, maxMb: cfg.scanMaxMb }));
      return { table: t.table, embedQuery, scan: (v, n) => s.search(t.table, v, n) };
    },
    async status() {
      const m = await model();
      const e = await getEmbedder();
      const t = findVectorTable(db, ref(m));
      const vectors = t ? (db.prepare(`SELECT COUNT(*) AS n FROM ${t.table}`).get() as { n: number }).n : 0;
      const texts = (db.prepare('SELECT COUNT(DISTINCT hash) AS n FROM chunks').get() as { n: number }).n;
      const saved = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(STATS_KEY) as string | undefined;
      const stats = saved ? JSON.parse(saved) as { model: string; provider: string; chunksPerSec: number | null; at: number } : null;
      return {
        model: m.manifest.id, dir: m.dir, dims: m.manifest.dims, fingerprint: m.fingerprint,
        requested: e.info.requested, provider: e.info.provider, fallbackReason: e.info.fallbackReason,
        vectors, texts, complete: t?.complete === true && vectors >= texts,
        lastJob: stats && t && stats.model === t.key ? { provider: stats.provider, chunksPerSec: stats.chunksPerSec, at: stats.at } : null,
        denseSearch: denseSearchStatus(cfg, scanner, t?.table ?? null),
      };
    },
    async close() {
      const sc = scanner;
      scanner = null;
      await sc?.close();
      const e = embedder;
      embedder = null;
      if (e) await (await e.catch(() => null))?.close();
    },
  };
}

function denseSearchStatus(cfg: EmbeddingConfig, scanner: VectorScanner | null, table: string | null): DenseSearchStatus {
  if (cfg.quantize) return { method: cfg.quantize, workers: 0, megabytes: 0, reason: null };
  if (cfg.scan === 'sqlite') return { method: 'sqlite', workers: 0, megabytes: 0, reason: null };
  const s = scanner?.status().find((x) => x.table === table);
  if (s && s.rows === 0 && s.fallbackReason) return { method: 'sqlite', workers: 0, megabytes: 0, reason: s.fallbackReason };
  return { method: 'memory', workers: s?.workers ?? cfg.scanWorkers ?? defaultScanWorkers(), megabytes: s?.megabytes ?? 0, reason: s?.fallbackReason ?? null };
}

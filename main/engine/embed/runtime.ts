/**
 * The engine's embedding runtime: the configured model (a local folder run in a worker thread, or a
 * remote Ollama model), its embedder (created on first use), the identity its vectors are stored
 * under, and the dense source search uses. Without an embedding config, search is BM25.
 */
import type { DenseSearchStatus, EmbedSummary, EmbeddingConfig, EmbeddingStatus } from '../api.js';
import type { Embedder, EmbedderOptions } from './api.js';
import { runEmbedJob, STATS_KEY, type EmbedJobOptions } from './job.js';
import type { OllamaEmbedder, OllamaEmbedderOptions } from './ollama.js';
import { remoteModelId } from './ollama-names.js';
import { EngineError } from '../errors.js';
import { resolveLlmConfig } from '../llm/config.js';
import { fingerprintOf, loadModelFolder, type ModelFolder } from '../models/folder.js';
import type { DenseSource } from '../search/search.js';
import type { Db } from '../store/db.js';
import { quantizedKinds, syncQuantized } from '../store/quantized.js';
import { findVectorTable, type EmbeddingModelRef } from '../store/vectors.js';
import { defaultScanWorkers, VectorScanner } from '../search/dense/vector-scan.js';

export type EmbedderFactory = (opts: EmbedderOptions) => Promise<Embedder>;

export interface EmbeddingRuntime {
  embed(opts?: EmbedJobOptions): Promise<EmbedSummary>;
  /** The dense source for search, or null when the model has no vectors in this database yet. */
  dense(): Promise<DenseSource | null>;
  status(): Promise<EmbeddingStatus>;
  close(): Promise<void>;
}

/** The model in use: its embedder, the identity its vectors are stored under, and where it runs. */
interface Active {
  embedder: Embedder;
  ref: EmbeddingModelRef;
  /** The model folder, or the Ollama host. */
  dir: string;
  host: string | null;
}

/** How an Ollama embedder is made (tests may pass their own retry wait). */
export type OllamaFactory = (opts: OllamaEmbedderOptions) => Promise<OllamaEmbedder>;

/** The Ollama client (and its HTTP stack) loads when a remote model is first used, not in every process. */
const createOllamaEmbedder: OllamaFactory = async (opts) => (await import('./ollama.js')).createOllamaEmbedder(opts);

export function embeddingRuntime(db: Db, cfg: EmbeddingConfig, create: EmbedderFactory, createRemote: OllamaFactory = createOllamaEmbedder): EmbeddingRuntime {
  let active: Promise<Active> | null = null;
  let scanner: VectorScanner | null = null;
  const remote = cfg.ollama;
  /** The model's id before any embedder exists: enough to know whether it has vectors at all. */
  const idHint = remote ? remoteModelId(remote.model) : null;
  let folder: Promise<ModelFolder> | null = null;
  const model = (dir: string) => (folder ??= loadModelFolder(dir));
  const local = async (dir: string): Promise<Active> => {
    const m = await model(dir);
    const embedder = await create({
      modelDir: m.dir, manifest: m.manifest, provider: cfg.provider ?? 'auto', batchSize: cfg.batchSize, maxBatchTokens: cfg.maxBatchTokens, threads: cfg.threads,
      weights: cfg.weights ?? 'auto',
    });
    // The graph that runs (int8 on CPU, fp32 on a GPU: embed/weights.ts) decides the fingerprint.
    const graph = embedder.info.graph ?? m.manifest.onnx;
    const fingerprint = graph === m.manifest.onnx ? m.fingerprint : await fingerprintOf(m.dir, { ...m.manifest, onnx: graph });
    return { embedder, ref: { id: m.manifest.id, fingerprint, dims: m.manifest.dims }, dir: m.dir, host: null };
  };
  const open = async (): Promise<Active> => {
    if (remote) {
      const e = await createRemote({
        host: remote.host ?? resolveLlmConfig({}).host, documents: remote.model, ...(remote.queryModel ? { queries: remote.queryModel } : {}),
        ...(remote.templates ? { templates: remote.templates } : {}), batchSize: remote.batchSize, concurrency: remote.concurrency,
        retries: remote.retries, timeoutMs: remote.timeoutMs,
      });
      return { embedder: e, ref: e.model, dir: e.host, host: e.host };
    }
    if (!cfg.modelDir) throw new EngineError('MODEL_NOT_FOUND', 'no embedding model: set a model folder or an Ollama embedding model');
    return local(cfg.modelDir);
  };
  const get = () => (active ??= open().catch((err: unknown) => { active = null; throw err; }));
  const hasAnyVectors = async () => {
    const id = idHint ?? (await model(cfg.modelDir ?? '')).manifest.id;
    return db.prepare("SELECT 1 FROM embedding_models WHERE id LIKE ? ESCAPE '\\'").get(`${id.replace(/[\\%_]/g, '\\$&')}@%`) !== undefined;
  };
  return {
    async embed(opts) {
      const a = await get();
      return runEmbedJob(db, a.embedder, a.ref, opts);
    },
    async dense() {
      if (!active && !(await hasAnyVectors())) return null;
      const { embedder: e, ref } = await get();
      const t = findVectorTable(db, ref);
      if (!t || !db.prepare(`SELECT 1 FROM ${t.table} LIMIT 1`).get()) return null;
      // The quantised copy is built once, then kept in step by every embedding job (store/vectors.ts).
      if (cfg.quantize && !quantizedKinds(db, t.table).includes(cfg.quantize)) syncQuantized(db, t.table, cfg.quantize);
      const embedQuery = async (q: string) => (await e.embedQueries([q]))[0]!;
      if (cfg.quantize) return { table: t.table, embedQuery, quantized: cfg.quantize };
      if (cfg.scan === 'sqlite') return { table: t.table, embedQuery };
      const s = (scanner ??= new VectorScanner(db, { workers: cfg.scanWorkers, maxMb: cfg.scanMaxMb }));
      return { table: t.table, embedQuery, scan: (v, n) => s.search(t.table, v, n) };
    },
    async status() {
      const { embedder: e, ref, dir, host } = await get();
      const t = findVectorTable(db, ref);
      const vectors = t ? (db.prepare(`SELECT COUNT(*) AS n FROM ${t.table}`).get() as { n: number }).n : 0;
      const texts = (db.prepare('SELECT COUNT(DISTINCT hash) AS n FROM chunks').get() as { n: number }).n;
      const saved = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(STATS_KEY) as string | undefined;
      const stats = saved ? JSON.parse(saved) as { model: string; provider: string; chunksPerSec: number | null; at: number } : null;
      return {
        model: host ? e.info.modelId : ref.id, dir, host, weights: e.info.weights ?? null, dims: ref.dims, fingerprint: ref.fingerprint,
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
      const a = active;
      active = null;
      if (a) await (await a.catch(() => null))?.embedder.close();
    },
  };
}

function denseSearchStatus(cfg: EmbeddingConfig, scanner: VectorScanner | null, table: string | null): DenseSearchStatus {
  if (cfg.quantize) return { method: cfg.quantize, workers: 0, megabytes: 0, reason: null };
  if (cfg.scan === 'sqlite') return { method: 'sqlite', workers: 0, megabytes: 0, reason: null };
  const s = scanner?.status().find((x) => x.table === table);
  if (s && s.rows === 0 && s.fallbackReason) return { method: 'sqlite', workers: 0, megabytes: 0, reason: s.fallbackReason };
  return { method: 'memory', workers: s?.workers ?? cfg.scanWorkers ?? defaultScanWorkers(), megabytes: s?.megabytes ?? 0, reason: s?.fallbackReason ?? s?.rescoreNote ?? null,
    ...(s?.codes ? { codes: s.codes } : {}), ...(s?.rescoreFrom ? { rescoreFrom: s.rescoreFrom } : {}) };
}

/**
 * The engine facade: the only entry point the CLI, the tests and the Electron host use.
 * `createEngine` opens the database; every method takes and returns plain data.
 */
import type { Engine, EngineConfig, IndexSummary, JobOptions, SearchOptions, SearchResponse, StatusReport } from './api.js';
import { chunkingFingerprint } from './chunk/chunker.js';
import { resolveConfig } from './config.js';
import { createEmbedder } from './embed/index.js';
import { embeddingRuntime, type EmbeddingRuntime } from './embedding.js';
import { EngineError, toErrorData } from './errors.js';
import { runIndex, type IndexContext } from './index/indexer.js';
import { watchFolders } from './index/watch.js';
import { search } from './search/search.js';
import { fullSearch } from './reason/full-search.js';
import { openDb, type OpenedDb } from './store/db.js';
import { attachBm25Memory, detachBm25Memory } from './search/bm25-memory.js';
import { importZotero } from './zotero/import.js';
import { statusReport } from './store/summary.js';
import { addEvidence, createCollection, evidenceTable, listCollections } from './review/collections.js';
import { exportCollection } from './review/export.js';
import { historyEntry, recordSearch, searchHistory } from './review/history.js';
import { documentDetail, documentFile, libraryMatches, listRoots, removeRoot, updateMetadata } from './library/index.js';
import { importRecords } from './pubmed/library/import.js';

export type * from './api.js';
export { EngineError } from './errors.js';
export type { ErrorCode, ErrorData } from './errors.js';
export type { IndexProgress } from './types.js';

export interface DelveEngine extends Engine {
  /** sqlite-vec version, or why it could not be loaded (search then runs on BM25 alone). */
  readonly vec: OpenedDb['vec'];
}

export async function createEngine(config: EngineConfig): Promise<DelveEngine> {
  const cfg = resolveConfig(config);
  const { db, vec } = await openDb(cfg.dbPath, { nativeBinding: cfg.nativeBinding });
  const ctx: IndexContext = {
    db, workers: cfg.workers, chunk: cfg.chunk, chunking: chunkingFingerprint(cfg.chunk),
    maxBytes: cfg.maxBytes, taskTimeoutMs: cfg.taskTimeoutMs, ocr: cfg.ocr,
  };
  const embedding = config.embedding ? embeddingRuntime(db, config.embedding, createEmbedder) : null;
  // BM25 from postings in memory (search/bm25-memory.ts), read on a worker at the first search.
  const bm25 = config.bm25MemoryMb === 0 ? null : attachBm25Memory(db, { maxMb: config.bm25MemoryMb, nativeBinding: cfg.nativeBinding });
  let running: Promise<unknown> = Promise.resolve();
  let closed = false;
  const guard = () => { if (closed) throw new EngineError('BAD_ARGUMENT', 'the engine is closed'); };
  const needEmbedding = (): EmbeddingRuntime => {
    if (!embedding) throw new EngineError('NO_EMBEDDINGS', 'no embedding model is configured: install one (delve models pull all-minilm-l6-v2) or pass --model');
    if (!vec.version) throw new EngineError('NO_EMBEDDINGS', `vector search is unavailable on this platform: ${vec.error}`);
    return embedding;
  };
  /** Jobs are serialised: one writer at a time. */
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    guard();
    const next = running.then(job);
    running = next.catch(() => undefined);
    return next;
  };
  const index = (paths: string[], opts?: JobOptions): Promise<IndexSummary> => serial(async () => {
    const summary = await runIndex(ctx, paths, opts);
    if (!embedding || !vec.version) return summary;
    try {
      summary.embedding = await embedding.embed(opts);
    } catch (err) {
      if (opts?.signal?.aborted) throw err;
      summary.embeddingError = toErrorData(err);
    }
    return summary;
  });
  const runSearch = async (query: string, opts: SearchOptions): Promise<SearchResponse> => {
    guard();
    if (opts.mode === 'full') {
      // The LLM stages use dense retrieval where the model's vectors exist, BM25 alone otherwise.
      const dense = embedding && vec.version ? await embedding.dense() : null;
      return fullSearch(db, query, opts, dense, config.llm);
    }
    // BM25 needs no model; the default mode is hybrid only where the model's vectors exist.
    const wantsDense = opts.mode === 'dense' || opts.mode === 'hybrid' || (opts.mode === undefined && embedding !== null && vec.version !== null);
    const dense = wantsDense ? await needEmbedding().dense() : null;
    if (wantsDense && !dense && opts.mode !== undefined) {
      throw new EngineError('NO_EMBEDDINGS', `${opts.mode} search needs vectors: none are stored for this model yet (run delve embed or delve index)`);
    }
    return search(db, query, opts, dense);
  };
  /** Every search goes into the search history, unless `history: false`. */
  const searchRecorded = async (query: string, opts: SearchOptions): Promise<SearchResponse> => {
    const r = await runSearch(query, opts);
    if (opts.history !== false) {
      try { recordSearch(db, query, r.mode, opts, r.results.length, r.ms); } catch { /* a search never fails for its history */ }
    }
    return r;
  };
  return {
    vec,
    index,
    status(): StatusReport {
      guard();
      const bm25Status = bm25?.status() ?? { state: 'fts5' as const, rows: 0, terms: 0, postings: 0, megabytes: 0, reason: 'turned off (bm25MemoryMb: 0)' };
      return { ...statusReport(db, ctx.chunking), bm25: bm25Status };
    },
    search(query: string, opts: SearchOptions = {}): Promise<SearchResponse> {
      return searchRecorded(query, opts);
    },
    embed(opts?: JobOptions) {
      const rt = needEmbedding();
      return serial(() => rt.embed(opts));
    },
    async embeddingStatus() {
      guard();
      return embedding ? embedding.status() : null;
    },
    watch(paths, opts = {}) {
      guard();
      return watchFolders(paths, (p) => index(p, opts), opts);
    },
    close() {
      if (closed) return;
      closed = true;
      void embedding?.close();
      void detachBm25Memory(db);
      db.close();
    },
    importZotero(dataDir: string, opts?: JobOptions) {
      return serial(() => importZotero(ctx, dataDir, opts, cfg.nativeBinding));
    },
    collections() { guard(); return listCollections(db); },
    createCollection(name, description) { guard(); return createCollection(db, name, description); },
    addEvidence(collection, target, fields) { guard(); return addEvidence(db, collection, target, fields); },
    evidence(collection, sort, order) { guard(); return evidenceTable(db, collection, { sort, order }); },
    exportCollection(collection, format) { guard(); return exportCollection(db, collection, format); },
    history(limit) { guard(); return searchHistory(db, limit); },
    async rerun(id) {
      guard();
      const h = historyEntry(db, id);
      return searchRecorded(h.query, h.options);
    },
    roots() { guard(); return listRoots(db); },
    /** Queued behind a running index or import, so that it cannot put the folder's documents back. */
    removeRoot(path) { return serial(async () => { guard(); return removeRoot(db, path); }); },
    document(docId) { guard(); return documentDetail(db, docId); },
    documentFile(docId) { guard(); return documentFile(db, docId); },
    updateMetadata(docId, patch) { guard(); return updateMetadata(db, docId, patch); },
    libraryMatches(keys) { guard(); return libraryMatches(db, keys); },
    importPubmed(records) { guard(); return importRecords(db, records, cfg.chunk); },
  };
}

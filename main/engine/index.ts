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
import { DEFAULT_BM25 } from './search/bm25-index.js';
import { attachBm25Memory, detachBm25Memory } from './search/bm25-memory.js';
import { importZotero } from './zotero/import.js';
import { statusReport } from './store/summary.js';
import { addEvidence, createCollection, evidenceTable, listCollections } from './review/collections.js';
import { exportCollection } from './review/export.js';
import { moveEvidence, removeEvidence, restoreEvidence, updateEvidence } from './review/edit.js';
import { deleteCollection, deletedCollections, duplicateCollection, renameCollection, restoreCollection } from './review/manage.js';
import { historyEntry, recordSearch, searchHistory } from './review/history.js';
import { documentDetail, documentFile, libraryMatches, listRoots, removeRoot, updateMetadata } from './library/index.js';
import { importRecords } from './pubmed/library/import.js';
import { offlineDocuments } from './pubmed/offline/documents.js';
import { importReferences } from './references/import.js';
import { chunkDetail } from './library/chunk.js';
import { importTrials, trialLinks, trialLinksReport, trialsInLibrary } from './trials/library/index.js';

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
  // With bm25MemoryMb 0 nothing is loaded: each query's postings are read from the index.
  const bm25Params = { ...DEFAULT_BM25, ...(config.bm25?.k1 !== undefined ? { k1: config.bm25.k1 } : {}), ...(config.bm25?.b !== undefined ? { b: config.bm25.b } : {}) };
  const bm25 = attachBm25Memory(db, { maxMb: config.bm25MemoryMb, nativeBinding: cfg.nativeBinding, params: bm25Params, now: config.bm25?.now });
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
    return search(db, query, { ...opts, rm3: opts.rm3 ?? config.bm25?.rm3 }, dense);
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
      return { ...statusReport(db, ctx.chunking, cfg.ocr.enabled), bm25: bm25.status() };
    },
    bm25Settled() {
      guard();
      return bm25.settled();
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
    updateEvidence(id, edit) { guard(); return updateEvidence(db, id, edit); },
    removeEvidence(id) { guard(); return removeEvidence(db, id); },
    restoreEvidence(id) { guard(); return restoreEvidence(db, id); },
    moveEvidence(id, index) { guard(); return moveEvidence(db, id, index); },
    renameCollection(name, to) { guard(); return renameCollection(db, name, to); },
    duplicateCollection(name, to) { guard(); return duplicateCollection(db, name, to); },
    deleteCollection(name) { guard(); return deleteCollection(db, name); },
    deletedCollections() { guard(); return deletedCollections(db); },
    restoreCollection(id) { guard(); return restoreCollection(db, id); },
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
    chunk(chunkId) { guard(); return chunkDetail(db, chunkId); },
    updateMetadata(docId, patch) { guard(); return updateMetadata(db, docId, patch); },
    libraryMatches(keys) { guard(); return libraryMatches(db, keys); },
    importPubmed(records) { guard(); return importRecords(db, records, cfg.chunk); },
    pubmedOffline(tree) { guard(); return offlineDocuments(db, tree); },
    importReferences(file, opts) { return serial(() => importReferences(ctx, file, opts)); },
    importTrials(studies) {
      guard();
      const imported = importTrials(db, studies, cfg.chunk);
      const links = new Map(trialLinks(db, imported.map((t) => t.docId)).map((l) => [l.docId, l]));
      return imported.map((t) => ({ ...t, links: links.get(t.docId)! }));
    },
    trialMatches(ids) {
      guard();
      const docs = trialsInLibrary(db, ids);
      return Object.fromEntries(ids.map((id, i) => [id, docs[i]]).filter(([, d]) => d !== null)) as Record<string, number>;
    },
    trialLinks(q) { guard(); return trialLinksReport(db, q); },
  };
}

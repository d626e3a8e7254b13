/**
 * The engine facade: the only entry point the CLI, the tests and the Electron host use.
 * `createEngine` opens the database; every method takes and returns plain data.
 */
import type { Engine, EngineConfig, IndexSummary, JobOptions, SearchOptions, SearchResponse, StatusReport } from './api.js';
import { chunkingFingerprint } from './chunk/chunker.js';
import { resolveConfig } from './config.js';
import { createEmbedder } from './embed/embedder.js';
import { embeddingRuntime, type EmbeddingRuntime } from './embed/runtime.js';
import { EngineError, toErrorData } from './errors.js';
import { runIndex, type IndexContext } from './indexing/indexer.js';
import { search } from './search/search.js';
import { openDb, type OpenedDb } from './store/db.js';
import { markSound, verifyDb } from './store/damage.js';
import { acquireWriterLock, describeHolder } from './store/writer-lock.js';
import { backupName, listBackups } from './backup/files.js';
import { copyDb } from './backup/copy.js';
import { snapshotUserData, writeUserData } from './backup/snapshot.js';
import { exportUserData } from './backup/user-data.js';
import { restoreInto } from './backup/restore.js';
import { DEFAULT_BM25 } from './search/bm25/bm25-index.js';
import { attachBm25Memory, detachBm25Memory } from './search/bm25/bm25-memory.js';
import { statusReport } from './store/summary.js';
import { addEvidence, createCollection, evidenceTable, listCollections } from './review/collections.js';
import { exportCollection } from './review/export.js';
import { moveEvidence, removeEvidence, restoreEvidence, updateEvidence } from './review/edit.js';
import { deleteCollection, deletedCollections, duplicateCollection, renameCollection, restoreCollection } from './review/manage.js';
import { historyEntry, recordSearch, searchHistory } from './review/history.js';
import { documentDetail, documentFile, libraryMatches, listRoots, removeRoot, updateMetadata } from './library/index.js';
import { importRecords } from './pubmed/library/import.js';
import { offlineDocuments } from './pubmed/offline/documents.js';
import { chunkDetail } from './library/chunk.js';
import { importTrials, trialLinks, trialLinksReport, trialsInLibrary } from './trials/library/index.js';


/** Errors of a remote (Ollama) embedding model that the default search mode answers with BM25 alone. */
const REMOTE_DOWN = new Set<string>(['OLLAMA_UNREACHABLE', 'LLM_TIMEOUT', 'LLM_FAILED', 'MODEL_MISSING']);
export type * from './api.js';
export { EngineError } from './errors.js';
export { restoreLibrary } from './backup/restore.js';
export { listBackups, watchBackups } from './backup/files.js';
export { describeBackups } from './backup/contents.js';
export type { ErrorCode, ErrorData } from './errors.js';
export type { IndexProgress } from './types.js';

/**
 * What only some calls need is loaded at their first use (the reasoning pipeline, folder watching,
 * Zotero and BibTeX/RIS imports): a one-off `delve search` does not pay for their modules.
 */
const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let p: Promise<T> | null = null;
  return () => (p ??= load());
};
const reasoning = once(() => import('./reason/full-search.js'));
const watching = once(() => import('./indexing/watch.js'));
const zotero = once(() => import('./zotero/import.js'));
const references = once(() => import('./references/import.js'));

/** Quiet time after a change to the user data before its automatic snapshot is written. */
const SNAPSHOT_DELAY_MS = 2000;

export interface DelveEngine extends Engine {
  /** sqlite-vec version, or why it could not be loaded (search then runs on BM25 alone). */
  readonly vec: OpenedDb['vec'];
}

export async function createEngine(config: EngineConfig): Promise<DelveEngine> {
  const cfg = resolveConfig(config);
  const { db, vec, verified } = await openDb(cfg.dbPath, { nativeBinding: cfg.nativeBinding, ...(config.maxDbMb !== undefined ? { maxMb: config.maxDbMb } : {}) });
  const ctx: IndexContext = {
    db, workers: cfg.workers, chunk: cfg.chunk, chunking: chunkingFingerprint(cfg.chunk),
    maxBytes: cfg.maxBytes, taskTimeoutMs: cfg.taskTimeoutMs, ocr: cfg.ocr,
  };
  const embedding = config.embedding ? embeddingRuntime(db, config.embedding, createEmbedder) : null;
  // BM25 from postings in memory (search/bm25/bm25-memory.ts), read on a worker at the first search.
  // With bm25MemoryMb 0 nothing is loaded: each query's postings are read from the index.
  const bm25Params = { ...DEFAULT_BM25, ...(config.bm25?.k1 !== undefined ? { k1: config.bm25.k1 } : {}), ...(config.bm25?.b !== undefined ? { b: config.bm25.b } : {}) };
  const bm25 = attachBm25Memory(db, { maxMb: config.bm25MemoryMb, nativeBinding: cfg.nativeBinding, params: bm25Params, now: config.bm25?.now });
  // Automatic backup of the user's own work: a snapshot now if none matches it, and again (debounced)
  // after each change through the facade, and at close (backup/snapshot.ts).
  const snapshot = () => { try { snapshotUserData(db, cfg.dbPath); } catch { /* a backup never fails the user's action */ } };
  snapshot();
  let snapshotTimer: NodeJS.Timeout | null = null;
  const changed = <T>(result: T): T => {
    snapshotTimer ??= setTimeout(() => { snapshotTimer = null; snapshot(); }, SNAPSHOT_DELAY_MS).unref();
    return result;
  };
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
  let checked = verified;
  const writerWaitMs = config.writerWaitMs ?? 600_000;
  /**
   * A job that writes: after SQLite's check of the file (once per engine, where open did not run it),
   * holding the library's writer lock against other Delve processes (store/writer-lock.ts).
   */
  const writeJob = <T>(job: string, opts: JobOptions | undefined, fn: () => Promise<T>): Promise<T> => serial(async () => {
    if (!checked) {
      verifyDb(db, cfg.dbPath);
      checked = true;
    }
    const release = await acquireWriterLock(db, {
      job, waitMs: writerWaitMs, signal: opts?.signal,
      onWait: (h) => opts?.onWait?.({ pid: h.pid, host: h.host, job: h.job, startedAt: h.startedAt, message: describeHolder(h) }),
    });
    try {
      return await fn();
    } finally {
      release();
    }
  });
  const index = (paths: string[], opts?: JobOptions): Promise<IndexSummary> => writeJob('indexing', opts, async () => {
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
      const { fullSearch } = await reasoning();
      return fullSearch(db, query, opts, dense, config.llm);
    }
    // BM25 needs no model; the default mode is hybrid only where the model's vectors exist.
    const wantsDense = opts.mode === 'dense' || opts.mode === 'hybrid' || (opts.mode === undefined && embedding !== null && vec.version !== null);
    const bm25Opts = { ...opts, rm3: opts.rm3 ?? config.bm25?.rm3 };
    try {
      const dense = wantsDense ? await needEmbedding().dense() : null;
      if (wantsDense && !dense && opts.mode !== undefined) {
        throw new EngineError('NO_EMBEDDINGS', `${opts.mode} search needs vectors: none are stored for this model yet (run delve embed or delve index)`);
      }
      return await search(db, query, bm25Opts, dense);
    } catch (err) {
      // The default mode with a remote embedding model that does not answer: BM25 alone, saying why.
      if (opts.mode !== undefined || !(err instanceof EngineError) || !REMOTE_DOWN.has(err.code)) throw err;
      return { ...await search(db, query, { ...bm25Opts, mode: 'bm25' }, null), denseError: err.toData() };
    }
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
      return writeJob('embedding', opts, () => rt.embed(opts));
    },
    async embeddingStatus() {
      guard();
      return embedding ? embedding.status() : null;
    },
    async watch(paths, opts = {}) {
      guard();
      const { watchFolders } = await watching();
      return watchFolders(paths, (p) => index(p, opts), opts);
    },
    close() {
      if (closed) return;
      closed = true;
      if (snapshotTimer) { clearTimeout(snapshotTimer); snapshotTimer = null; snapshot(); }
      void embedding?.close();
      void detachBm25Memory(db);
      db.close();
      if (checked) markSound(cfg.dbPath); // the next open skips the check while the file stays as left
    },
    importZotero(dataDir: string, opts?: JobOptions) {
      return writeJob('importing into', opts, async () => (await zotero()).importZotero(ctx, dataDir, opts, cfg.nativeBinding));
    },
    collections() { guard(); return listCollections(db); },
    createCollection(name, description) { guard(); return changed(createCollection(db, name, description)); },
    addEvidence(collection, target, fields) { guard(); return changed(addEvidence(db, collection, target, fields)); },
    evidence(collection, sort, order) { guard(); return evidenceTable(db, collection, { sort, order }); },
    exportCollection(collection, format) { guard(); return exportCollection(db, collection, format); },
    updateEvidence(id, edit) { guard(); return changed(updateEvidence(db, id, edit)); },
    removeEvidence(id) { guard(); return changed(removeEvidence(db, id)); },
    restoreEvidence(id) { guard(); return changed(restoreEvidence(db, id)); },
    moveEvidence(id, index) { guard(); return changed(moveEvidence(db, id, index)); },
    renameCollection(name, to) { guard(); return changed(renameCollection(db, name, to)); },
    duplicateCollection(name, to) { guard(); return changed(duplicateCollection(db, name, to)); },
    deleteCollection(name) { guard(); return changed(deleteCollection(db, name)); },
    deletedCollections() { guard(); return deletedCollections(db); },
    restoreCollection(id) { guard(); return changed(restoreCollection(db, id)); },
    history(limit) { guard(); return searchHistory(db, limit); },
    async rerun(id) {
      guard();
      const h = historyEntry(db, id);
      return searchRecorded(h.query, h.options);
    },
    roots() { guard(); return listRoots(db); },
    /** Queued behind a running index or import, so that it cannot put the folder's documents back. */
    removeRoot(path) { return serial(async () => { guard(); return changed(removeRoot(db, path)); }); },
    document(docId) { guard(); return documentDetail(db, docId); },
    documentFile(docId) { guard(); return documentFile(db, docId); },
    chunk(chunkId) { guard(); return chunkDetail(db, chunkId); },
    updateMetadata(docId, patch) { guard(); return changed(updateMetadata(db, docId, patch)); },
    libraryMatches(keys) { guard(); return libraryMatches(db, keys); },
    importPubmed(records) { guard(); return importRecords(db, records, cfg.chunk); },
    pubmedOffline(tree) { guard(); return offlineDocuments(db, tree); },
    importReferences(file, opts) { return writeJob('importing into', opts, async () => (await references()).importReferences(ctx, file, opts)); },
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
    async backup(opts = {}) {
      guard();
      if (opts.userData) {
        const data = { ...exportUserData(db), ...(opts.settings ? { settings: opts.settings } : {}) };
        return writeUserData(data, opts.out ?? backupName(cfg.dbPath, 'manual', 'json'));
      }
      return copyDb(db, opts.out ?? backupName(cfg.dbPath, 'manual', 'db'));
    },
    backups() { guard(); return listBackups(cfg.dbPath); },
    restore(file) { return writeJob('restoring', undefined, async () => changed(await restoreInto(db, cfg.dbPath, file, cfg.nativeBinding))); },
  };
}

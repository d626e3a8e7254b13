/**
 * The engine facade's public shapes: what the CLI prints with --json, what IPC carries to the
 * renderer. Plain data only.
 */
import type { ZoteroImportSummary } from './zotero/types.js';
import type { BackupInfo } from './backup/files.js';
import type { RestoreReport } from './backup/restore.js';
import type { ZoteroImportOptions } from './zotero/types.js';
import type { ReferenceImportSummary } from './references/import.js';
import type { BibPatch, ChunkDetail, DocumentDetail, LibraryRoot } from './api-library.js';
import type { SearchOptions, SearchResponse } from './api-search.js';
import type {
  CollectionExportFormat, CollectionInfo, DeletedCollection, EvidenceEdit, EvidenceFields, EvidenceRow, EvidenceSort,
  EvidenceTarget, SearchHistoryEntry,
} from './api-review.js';
import type { Study } from './trials/api/types.js';
import type { ImportedTrial, TrialLinks, TrialLinksReport } from './trials/library/index.js';
import type { PubmedRecord } from './pubmed/eutils/types.js';
import type { ImportedRecord } from './pubmed/library/import.js';
import type { OfflineMatches } from './pubmed/offline/documents.js';
import type { Node as QueryNode } from './pubmed/query/ast.js';
import type { ErrorCode, ErrorData } from './errors.js';
import type { ChunkOptions, DocKind, IndexProgress, SkippedFile } from './types.js';
import type { LlmConfig } from './llm/types.js';

export type { LlmConfig } from './llm/types.js';
export type * from './api-library.js';
export type * from './api-search.js';
export type * from './api-review.js';
export type { LlmSummary, PipelineOptions, PipelineStatus, StageInfo } from './reason/types.js';
export type { SkippedFile } from './types.js';
export type { ReferenceImportSummary } from './references/import.js';

export interface EmbeddingConfig {
  /** Folder of an installed or imported model (manifest.json, or config.json + ONNX graph + tokenizer.json); required unless `ollama` is set. */
  modelDir?: string;
  /** Remote embedding through an Ollama server's /api/embed instead of a local model (embed/ollama.ts). */
  ollama?: OllamaEmbeddingConfig;
  /** Local models: 'auto' (default) runs the manifest's int8 graph on CPU where it offers one, fp32 on GPU providers. */
  weights?: 'auto' | 'fp32' | 'int8';
  /** Execution provider: 'auto' (default) picks the best the platform has; a named one falls back to CPU with the reason. */
  provider?: 'auto' | 'cpu' | 'cuda' | 'dml' | 'coreml' | 'webgpu';
  batchSize?: number;
  /** Most padded tokens per ONNX run (default 4096 on CPU, 16384 on a GPU provider); see embed/api.ts. */
  maxBatchTokens?: number;
  threads?: number;
  /**
   * Large libraries: dense search scans 1-bit codes of the vectors in memory (4 × the candidates),
   * then re-scores those with the float vectors ('bit'); or uses sqlite-vec int8 vectors ('int8').
   * Default: exact float search. Measured by `npm run bench:search`.
   */
  quantize?: 'bit' | 'int8';
  /**
   * Exact dense search (no `quantize`): 'memory' (default) holds the vectors in memory and scans them
   * with SIMD in worker threads while BM25 runs (search/dense/vector-scan.ts); 'sqlite' uses sqlite-vec's KNN.
   */
  scan?: 'memory' | 'sqlite';
  /** Memory scan threads (default: one per core but the first, 1 to 4; 0 scans in the engine's thread). */
  scanWorkers?: number;
  /** Most memory the scan's vectors may take, in MiB (default 512); a larger set is searched by sqlite-vec. */
  scanMaxMb?: number;
}

export interface OllamaEmbeddingConfig {
  /** Ollama's address (default: the LLM's host, else $OLLAMA_HOST, else http://127.0.0.1:11434). */
  host?: string;
  /** The model for documents, e.g. "nomic-embed-text"; `queryModel` for queries (default the same). */
  model: string;
  queryModel?: string;
  /** Per-role templates, `{text}` the text (e.g. nomic-embed-text: "search_document: {text}", "search_query: {text}"). */
  templates?: { document?: string; query?: string };
  /** Texts per request (default 32), requests in flight (default 2), retries (default 3), per-request timeout (default 120 s). */
  batchSize?: number;
  concurrency?: number;
  retries?: number;
  timeoutMs?: number;
}

export interface EmbeddingStatus {
  model: string;
  /** The model folder; for a remote model, the Ollama host. */
  dir: string;
  /** Remote models: the Ollama host serving them (null for a local model). */
  host: string | null;
  /** Local models: the weights running ('fp32' or 'int8'); null for a remote model. */
  weights: 'fp32' | 'int8' | null;
  dims: number;
  fingerprint: string;
  requested: string;
  /** The execution provider running the model, and why a requested or preferred one is not used. */
  provider: string;
  fallbackReason: string | null;
  /** Vectors stored for this model, distinct chunk texts in the library, and whether all have one. */
  vectors: number;
  texts: number;
  complete: boolean;
  /** The last embedding job with this model: its provider and measured chunks/s. */
  lastJob: { provider: string; chunksPerSec: number | null; at: number } | null;
  denseSearch: DenseSearchStatus;
}

/**
 * How dense search runs: `memory` (exact, vectors scanned in memory by `workers` threads; `megabytes`
 * is 0 until the first search loads them), `sqlite` (sqlite-vec's exact KNN; `reason` says why when
 * the memory scan was wanted), or a quantised copy (`bit`, `int8`).
 */
export interface DenseSearchStatus {
  method: 'memory' | 'sqlite' | 'bit' | 'int8';
  workers: number;
  megabytes: number;
  reason: string | null;
  /** `memory` once loaded: float32 rows (exact scan), or int8 codes (floats over the limit) whose candidates are re-scored exactly. */
  codes?: 'float32' | 'int8';
  /** int8 codes: candidates re-scored from a scratch file of the float vectors beside the library, or by sqlite-vec (`reason` says why). */
  rescoreFrom?: 'file' | 'sqlite-vec';
}

/**
 * How BM25 is ranked: `memory` (the index's postings held in memory, ~1-2 ms), `loading` (they are
 * being read; each query's postings are read from the index meanwhile, same scores) or `fts5` (read
 * from the index per query, same scores; `reason` says why the postings are not held).
 */
export interface Bm25SearchStatus {
  state: 'memory' | 'loading' | 'fts5';
  rows: number;
  terms: number;
  postings: number;
  megabytes: number;
  reason: string | null;
}

export interface EngineConfig {
  /** SQLite database file (created if missing). */
  dbPath: string;
  /** Parser worker threads; defaults to the number of CPU cores. */
  workers?: number;
  chunk?: Partial<ChunkOptions>;
  /**
   * Path of a better-sqlite3 native binding built for the current runtime. The Electron host passes
   * the Electron-ABI build made at install time; plain Node (CLI, tests) uses the package default.
   */
  nativeBinding?: string;
  /** Largest file the indexer reads, in bytes, per kind. */
  maxBytes?: { pdf?: number; note?: number; document?: number };
  /** OCR of image-only PDF pages (on by default unless $DELVE_OCR is '0'; English); see main/engine/ocr/README.md. */
  ocr?: {
    enabled?: boolean; languages?: string[]; workers?: number;
    /** Also OCR pages whose text layer is garbage (ocr/garbage.ts), using the OCR text instead (default false). */
    garbageText?: boolean;
    /**
     * Which language data (ocr/data.ts): 'auto' (default) Tesseract's data installed on the computer
     * when it holds every language, else Delve's bundled npm data; 'bundled' or 'system' force one.
     */
    data?: OcrDataMode;
    /** The system tessdata folders to look in, instead of `$TESSDATA_PREFIX` and the usual install places (tests). */
    tessdataRoots?: string[];
  };
  /** Dense retrieval: the embedding model. Without it, search is BM25 only. */
  embedding?: EmbeddingConfig;
  /** The local LLM (Ollama) for `mode: 'full'`: host, model per role, timeout, concurrency. */
  llm?: LlmConfig;
  /** Most memory BM25's in-memory postings may take, in MiB (default 384: 1M chunks' ~40M postings take ~280); 0 reads each query's postings from the index. */
  bm25MemoryMb?: number;
  /**
   * A size limit for the library database, in MiB (SQLite's max_page_count): past it a write fails as
   * a full disk does (`DISK_FULL`). Tests use it to fill the "disk"; users, as a quota. Default none.
   */
  maxDbMb?: number;
  /**
   * How long a job that writes (index, embed, imports) waits for another Delve process writing the same
   * library, in ms (default 10 minutes; 0: fail at once with DB_BUSY naming the other process).
   */
  writerWaitMs?: number;
  /** BM25's parameters (default k1 1.5, b 0.75: search/RANKING.md); `rm3: true` expands every BM25 query with RM3. */
  bm25?: { k1?: number; b?: number; rm3?: boolean; /** Tests: the clock of the postings' reload timing (ms). */ now?: () => number };
}

export interface JobOptions {
  signal?: AbortSignal;
  onProgress?: (p: IndexProgress) => void;
  /** Least time between progress events of an embedding job, in ms (default 100; 0: after every group of texts). */
  progressMs?: number;
  /** Another Delve process holds the library's writer lock: this job waits for it (store/writer-lock.ts). */
  onWait?: (holder: WriterWait) => void;
}

/** Who holds the library's writer lock while a job waits for it: the process, what it does, since when, in words. */
export interface WriterWait { pid: number; host: string; job: string; startedAt: number; message: string }

export interface IndexSummary {
  documents: number;
  pages: number;
  chunks: number;
  /** Files that could not be indexed, each with a code and a message. */
  skipped: SkippedFile[];
  /** Indexed files with non-fatal problems (decoded from another encoding, truncated PDF...). */
  warnings: SkippedFile[];
  /** PDFs with pages that have no text layer. */
  needsOcr: { path: string; pages: number[] }[];
  /** What this run did: files parsed, files unchanged, files moved, files removed. */
  changes: { added: number; updated: number; unchanged: number; moved: number; removed: number };
  /** Set when the chunking settings changed since documents were indexed: they were re-chunked. */
  rechunked: number;
  ms: number;
  /** With an embedding model configured: the embedding job that followed, or why it failed (the index itself is kept). */
  embedding?: EmbedSummary;
  embeddingError?: ErrorData;
  /** The OCR phase (absent when OCR is off): pages recognised, taken from the cache, failed; pages/s. */
  ocr?: OcrSummary;
}

export interface OcrSummary {
  /** Pages that needed OCR at the start of the phase. */
  pages: number;
  /** Of those, pages with a garbage text layer (only with `ocr.garbageText` on). */
  garbagePages: number;
  /** Recognised by tesseract in this run, and taken from the cache. */
  recognised: number;
  cached: number;
  failed: { path: string; page: number; code: string; message: string }[];
  /** Recognised pages per second of the phase's wall time (null when none were recognised). */
  pagesPerSec: number | null;
  ms: number;
  /** The language data read: Delve's bundled npm data or Tesseract's on the computer, and its folder. */
  data?: { source: 'bundled' | 'system'; folder: string };
}

export type OcrDataMode = 'auto' | 'bundled' | 'system';

/** The OCR languages of each source: Delve's bundled npm packages, and Tesseract's data on the computer with its folders. */
export interface OcrLanguageSources { bundled: string[]; system: string[]; systemFolders: string[] }

export interface EmbedSummary {
  /** Model key `<id>@<fingerprint prefix>`. */
  model: string;
  provider: string;
  fallbackReason: string | null;
  /** Distinct chunk texts that got a vector in this run, already had one, and vectors removed. */
  embedded: number;
  reused: number;
  removed: number;
  chunksPerSec: number | null;
  complete: boolean;
  ms: number;
}

export interface DocumentStatus {
  id: number;
  path: string;
  kind: DocKind;
  title: string | null;
  pages: number;
  chunks: number;
  status: 'ok' | 'partial' | 'error';
  code: ErrorCode | null;
  message: string | null;
  /**
   * Scanned (image-only) pages, from the stored pages (`needs_ocr`, `ocr_key`): 'none' (no such page),
   * 'needed' (pages without text while OCR is off), 'pending' (OCR is on: the next index run reads
   * them), 'done' (every such page has OCR text).
   */
  ocr?: DocumentOcr;
  /** Image-only pages still without text. */
  ocrPages?: number;
}

export type DocumentOcr = 'none' | 'needed' | 'pending' | 'done';

export interface StatusReport {
  documents: DocumentStatus[];
  totals: {
    documents: number;
    pdfs: number;
    notes: number;
    /** PubMed records imported into the library (`pubmed:<PMID>` documents). */
    pubmed: number;
    /** References imported from .bib/.ris files (`ref:<identity>` documents). */
    references?: number;
    /** ClinicalTrials.gov studies imported into the library (`trial:<NCT id>` documents). */
    trials?: number;
    pages: number;
    chunks: number;
    errors: number;
    needsOcrPages: number;
    /** Documents whose chunks were made with other chunking settings (a re-index is planned). */
    staleChunking: number;
    dbBytes: number;
  };
  /** How BM25 is ranked (absent where the caller has no engine, e.g. a bare statusReport()). */
  bm25?: Bm25SearchStatus;
}

export interface Engine {
  index(paths: string[], opts?: JobOptions): Promise<IndexSummary>;
  status(): StatusReport;
  /** How BM25 ranks once the postings load in flight (if any) has finished: memory, or FTS5 and why. */
  bm25Settled(): Promise<Bm25SearchStatus>;
  search(query: string, opts?: SearchOptions): Promise<SearchResponse>;
  /** Gives every chunk a vector from the configured model (NO_EMBEDDINGS without one); resumable. */
  embed(opts?: JobOptions): Promise<EmbedSummary>;
  /** The embedding model, its execution provider (and why another was not used), vectors and speed; null without a model. */
  embeddingStatus(): Promise<EmbeddingStatus | null>;
  /** Watches folders and re-indexes on change (debounced); resolves to a stop function. */
  watch(paths: string[], opts?: JobOptions & { debounceMs?: number; onIndexed?: (s: IndexSummary) => void }): Promise<() => Promise<void>>;
  close(): void;
  /** Evidence collections, by name. */
  collections(): CollectionInfo[];
  createCollection(name: string, description?: string): CollectionInfo;
  /** Saves a chunk (or an excerpt of a document's page) into a collection; it survives re-indexing. */
  addEvidence(collection: string, target: EvidenceTarget, fields?: EvidenceFields): EvidenceRow;
  /** The collection's evidence table, with each document's title, authors, year and DOI. */
  evidence(collection: string, sort?: EvidenceSort, order?: 'asc' | 'desc'): EvidenceRow[];
  exportCollection(collection: string, format: CollectionExportFormat): string;
  /** Edits note, tags, stance or quote bounds of a piece of evidence (review/edit.ts). */
  updateEvidence(id: number, edit: EvidenceEdit): EvidenceRow;
  /** Removes a piece of evidence, kept for restoreEvidence (the undo); returns it as it was. */
  removeEvidence(id: number): EvidenceRow;
  restoreEvidence(id: number): EvidenceRow;
  /** Moves a piece of evidence to a 0-based place in its collection's own order; returns that order's ids. */
  moveEvidence(id: number, index: number): number[];
  renameCollection(name: string, to: string): CollectionInfo;
  /** A copy of a collection and its evidence under another name. */
  duplicateCollection(name: string, to: string): CollectionInfo;
  /** Deletes a collection, kept for restoreCollection (the undo). */
  deleteCollection(name: string): DeletedCollection;
  deletedCollections(): DeletedCollection[];
  restoreCollection(id: number): CollectionInfo;
  /** The most recent searches first. */
  history(limit?: number): SearchHistoryEntry[];
  /** Runs a search from the history again, with its saved options. */
  rerun(id: number): Promise<SearchResponse>;
  /**
   * Imports a Zotero library (read-only; never writes there): every regular item a record, its PDFs indexed with
   * Zotero's metadata; linked files resolved against `baseDir` or Zotero's prefs.js; a second import applies only the changes.
   */
  importZotero(dataDir: string, opts?: ZoteroImportOptions): Promise<ZoteroImportSummary>;
  /** The library's folders with their totals. */
  roots(): LibraryRoot[];
  /** Forgets a folder and its documents (files on disk are not touched); waits for a running job (index, import) first. */
  removeRoot(path: string): Promise<{ documents: number }>;
  /** One document: bibliographic fields with their sources, and its pages' text. */
  document(docId: number): DocumentDetail;
  /** One chunk's text with its document and page. */
  chunk(chunkId: number): ChunkDetail;
  /** A document's file path and kind, without its pages. */
  documentFile(docId: number): { path: string; kind: DocumentDetail['kind'] };
  /** The user's correction of bibliographic fields; each changed field's source becomes 'user'. */
  updateMetadata(docId: number, patch: BibPatch): DocumentDetail;
  /** Documents already in the library by PMID and by DOI (lower-cased): key → docId. */
  libraryMatches(keys: { pmids?: string[]; dois?: string[] }): { pmids: Record<string, number>; dois: Record<string, number> };
  /** Imports PubMed records as `pubmed:<PMID>` documents (a PMID already there is updated). */
  importPubmed(records: readonly PubmedRecord[]): ImportedRecord[];
  /** A checked PubMed query (its tree) run offline over the library: matching documents, terms not searched as PubMed would. */
  pubmedOffline(tree: QueryNode): OfflineMatches;
  /**
   * Imports a .bib or .ris file: every entry a searchable `ref:` record (duplicates merged by DOI,
   * PMID, then title + year), attached PDFs indexed with the record's metadata; a re-import applies only changes.
   */
  importReferences(file: string, opts?: JobOptions): Promise<ReferenceImportSummary>;
  /** Imports ClinicalTrials.gov studies as `trial:<NCT id>` documents, each with its publications in the library. */
  importTrials(studies: readonly Study[]): Array<ImportedTrial & { links: TrialLinks }>;
  /** Trials already in the library by NCT id: id → docId. */
  trialMatches(ids: readonly string[]): Record<string, number>;
  /** Trials in the library with their publications (by NCT id, or all), and the trials citing each PMID. */
  trialLinks(q: { ncts?: readonly string[]; pmids?: readonly string[] }): TrialLinksReport;
  /**
   * A backup now (backup/): a full copy by SQLite's online backup API, or with `userData` the user's own
   * work alone as JSON; into `out`, else backups/ beside the database.
   */
  backup(opts?: { out?: string; userData?: boolean; /** The app's settings, put into a user-data backup. */ settings?: Record<string, unknown> }): Promise<BackupInfo>;
  /** The backups beside the database, newest first (manual, pre-migration, automatic user-data snapshots). */
  backups(): BackupInfo[];
  /** Merges a backup's user data into this library; what the library holds wins, nothing is dropped. */
  restore(file: string): Promise<RestoreReport>;
}

export type { BackupInfo } from './backup/files.js';
export type { BackupChange } from './backup/changes.js';
export type { BackupContents, ListedBackup } from './backup/contents.js';
export type { RestoreReport } from './backup/restore.js';

export type { ZoteroImportSummary } from './zotero/types.js';

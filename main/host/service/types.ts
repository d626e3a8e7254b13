/**
 * Shapes the desktop app's engine service answers with, beyond the engine facade's own (api.ts):
 * settings, PubMed screens, model and LLM status. Types only: the contract imports them.
 */
import type { LlmHealth } from '../../engine/app/llm.js';
import type { ModelListing } from '../../engine/app/models.js';
import type { CheckedCandidate, PubmedCheckResult, PubmedImportResult } from '../../engine/app/pubmed.js';
import type { BibFields, BibPatch, DocumentDetail, DocumentPage, EmbeddingStatus, FieldSource, LibraryRoot } from '../../engine/api.js';

export type { PubmedCheckResult, PubmedImportResult };
export type { BibFields, BibPatch, CheckedCandidate, DocumentDetail, DocumentPage, EmbeddingStatus, FieldSource, LibraryRoot, LlmHealth, ModelListing };

/** Where `delve mcp` lives, for the client configuration Settings shows (main/engine/mcp/README.md). */
export interface McpSetup {
  /** bin/delve.js of this installation; null when the app is packaged (the CLI is not shipped with it). */
  cli: string | null;
  /** The library the app uses. */
  dbPath: string;
}

/** What the user sets in Settings; stored as settings.json in the app's data folder. */
export interface Settings {
  ollama: {
    host: string;
    /** Model per role; empty string: the default model. */
    expander: string;
    rewriter: string;
    judge: string;
    /** An Ollama embedding model that embeds the library instead of the local model ('' = the local model). */
    embedder: string;
  };
  /** Installed model id used for dense retrieval; null: BM25 only. */
  embeddingModel: string | null;
  provider: 'auto' | 'cpu' | 'cuda' | 'dml' | 'coreml' | 'webgpu';
  chunking: { size: number; overlap: number };
  /** BM25's k1 and b, and RM3 pseudo-relevance feedback on every BM25 query (engine/search/RANKING.md). */
  ranking: { k1: number; b: number; rm3: boolean };
  pubmed: { apiKey: string; email: string; eutils: string };
  theme: 'system' | 'light' | 'dark';
  /**
   * OCR of scanned PDF pages: on/off (null: the default, on unless $DELVE_OCR is '0') and the languages (installed packages);
   * `garbageText`: also OCR pages whose text layer is garbage, using the OCR text instead (off by default);
   * `data`: the language data, Tesseract's installed on the computer where it has the languages ('auto', the default) or Delve's bundled.
   */
  ocr: { enabled: boolean | null; languages: string[]; garbageText: boolean; data: 'auto' | 'bundled' };
}

/** A partial update: any subset of the fields, nested objects merged. */
export type SettingsPatch = {
  [K in keyof Settings]?: Settings[K] extends object | null ? Partial<NonNullable<Settings[K]>> | (null extends Settings[K] ? null : never) : Settings[K];
};

/** The `search` command's options. */
export interface SearchOpts {
  /** How many results (1 to 100, default 10). */
  k?: number;
  /** bm25, dense or hybrid; default hybrid where the library has vectors, else bm25. 'full' adds the LLM stages. */
  mode?: 'bm25' | 'dense' | 'hybrid' | 'full';
  fusion?: 'minmax' | 'rrf';
  /** Dense weight in min-max fusion, 0 to 1 (default 0.5). */
  weight?: number;
  groupBy?: 'chunk' | 'document';
  /** Full search: an id the renderer picks, to match `search:event`s and to cancel. */
  searchId?: string;
  /** false: leave this search out of the search history (default: recorded). */
  history?: boolean;
  pipeline?: { rounds?: number; rerankTop?: number; alpha?: number; listwise?: boolean; rewrite?: boolean; /** Without the LLM, rank with RM3 pseudo-relevance feedback instead of the fast results. */ rm3Fallback?: boolean;
    /** The user's corrections of the stages: the keyword rewrite, an expansion round's text, the RM3 terms (engine PipelineOptions.edits). */
    edits?: { rewrite?: string; expansions?: Record<string, string[]>; rm3?: { term: string; weight: number }[] } };
}

export interface PubmedDraftRequest {
  question: string;
  seeds?: string[];
  /** Candidates asked of the LLM (default 4). */
  k?: number;
}

/** A search strategy (Ovid MEDLINE or PubMed) translated line by line: main/engine/strategy. */
export type { LineCount as StrategyLineCount, Translation as StrategyTranslation } from '../../engine/app/strategy.js';

export interface PubmedRecordRow {
  pmid: string;
  title: string;
  authors: string[];
  journal: string | null;
  year: number | null;
  doi: string | null;
  /** The library's document for this PMID or DOI, if any. */
  inLibrary: number | null;
}

export interface PubmedSearchResult {
  query: string;
  count: number;
  translation: string | null;
  records: PubmedRecordRow[];
  /** With seeds: recall within the first 3,000 ids. */
  recall: number | null;
  seedsMissed: string[];
}


export interface ModelPullEvent {
  id: string;
  received: number;
  total: number | null;
  done: boolean;
  error?: { code: string; message: string };
  /** Sent before a retry's wait: the file, the attempt about to run (2…attempts), the wait, why. */
  retry?: { file: string; attempt: number; attempts: number; delayMs: number; error: string };
}

export interface LlmPullEvent {
  model: string;
  status: string;
  completed: number;
  total: number;
  done: boolean;
  error?: { code: string; message: string };
}

export interface AppStatus {
  documents: number;
  chunks: number;
  dbBytes: number;
  /** Documents by kind (kinds with none left out): the status bar's breakdown. */
  kinds: Partial<Record<DocumentDetail['kind'], number>>;
  /** Scanned PDF pages still without text (OCR off, or not run yet). */
  ocrPages: number;
  /** The embedding model and provider in use; null without one. */
  embedding: { model: string; provider: string; fallbackReason: string | null; vectors: number; complete: boolean; chunksPerSec: number | null } | null;
  ollama: { host: string; ok: boolean; message: string | null };
  indexing: boolean;
}

// ClinicalTrials.gov: the shapes live with the app-level facade (engine/app/trials.ts).
export type {
  TrialCandidate, TrialsCheckResult, TrialsDraftRequest, TrialsImportResult, TrialsSearchResult, TrialStudyRow,
} from '../../engine/app/trials.js';

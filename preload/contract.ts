/**
 * The one IPC contract between the renderer and the Electron main process: command and event
 * names, their argument and result types. Types and channel names only, no behaviour: it is
 * imported by main/ipc (handlers), preload/index.ts (the bridge) and renderer/src (callers).
 *
 * Every command resolves to a Result: errors cross IPC as data `{code, message}` (a thrown IPC
 * error only keeps its message). To add a command: add it to Commands and CHANNELS here, register
 * it in main/ipc/commands.ts with a zod schema, expose it in preload/index.ts, call it from the
 * renderer through renderer/src/api.ts.
 */
import type {
  CollectionExportFormat, CollectionInfo, DeletedCollection, EvidenceEdit, EvidenceFields, EvidenceRow, EvidenceSort, EvidenceTarget, IndexSummary,
  PipelineEvent, SearchHistoryEntry, SearchResponse, StatusReport,
} from '../main/engine/api.js';
import type { ErrorCode } from '../main/engine/errors.js';
import type { IndexProgress } from '../main/engine/types.js';
import type {
  AppStatus, BibPatch, CheckedCandidate, DocumentDetail, EmbeddingStatus, LibraryRoot, LlmHealth, LlmPullEvent,
  ModelListing, ModelPullEvent, PubmedCheckResult, PubmedDraftRequest, PubmedImportResult, PubmedSearchResult,
  Settings, SettingsPatch,
} from '../main/host/service/types.js';

export type {
  AppStatus, BibPatch, CheckedCandidate, CollectionExportFormat, CollectionInfo, DeletedCollection, DocumentDetail, EmbeddingStatus, EvidenceEdit,
  EvidenceFields, EvidenceRow, EvidenceSort, EvidenceTarget, IndexProgress, IndexSummary, LibraryRoot, LlmHealth,
  LlmPullEvent, ModelListing, ModelPullEvent, PipelineEvent, PubmedCheckResult, PubmedDraftRequest, PubmedImportResult,
  PubmedSearchResult, SearchHistoryEntry, SearchResponse, Settings, SettingsPatch, StatusReport,
};

/** Errors the host adds to the engine's codes. */
export type HostErrorCode =
  /** The call came from a frame that is not the app's own main frame. */
  | 'FORBIDDEN'
  /** The engine process could not start or stopped (its message says why). */
  | 'ENGINE_UNAVAILABLE';

export interface IpcError {
  code: ErrorCode | HostErrorCode;
  message: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: IpcError };

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
  pipeline?: { rounds?: number; rerankTop?: number; alpha?: number; listwise?: boolean; rewrite?: boolean };
}

/** Command name → argument tuple and result data. */
export interface Commands {
  // Library
  /** Opens the system folder picker; resolves to the chosen folders ([] when cancelled). */
  pickFolders: { args: []; result: string[] };
  /** Index files or folders (only ones the user picked or added before). Progress comes as `index:progress`. */
  index: { args: [paths: string[]]; result: IndexSummary };
  /** Index folders or files dropped on the window (the preload turns the dropped Files into their paths). */
  indexDropped: { args: [paths: string[]]; result: IndexSummary };
  /** Stops the running index job; work done so far is kept (indexing the same folder again resumes). False when none runs. */
  cancelIndex: { args: []; result: boolean };
  /** The library's folders with their totals. */
  roots: { args: []; result: LibraryRoot[] };
  /** Removes a folder and its documents from the library (the files are not touched). */
  removeRoot: { args: [path: string]; result: { documents: number } };
  status: { args: []; result: StatusReport };
  /** The status bar: library size, embedder, Ollama. */
  appStatus: { args: []; result: AppStatus };
  // Documents
  document: { args: [docId: number]; result: DocumentDetail };
  /** A PDF's bytes, for the viewer. */
  documentBytes: { args: [docId: number]; result: Uint8Array };
  /** The user's correction of bibliographic fields (recorded as source 'user'). */
  updateMetadata: { args: [docId: number, patch: BibPatch]; result: DocumentDetail };
  // Search
  search: { args: [query: string, opts?: SearchOpts]; result: SearchResponse };
  /** Cancels the full search with this id; false when it already ended. */
  cancelSearch: { args: [searchId: string]; result: boolean };
  history: { args: [limit?: number]; result: SearchHistoryEntry[] };
  // Review
  collections: { args: []; result: CollectionInfo[] };
  createCollection: { args: [name: string, description?: string]; result: CollectionInfo };
  addEvidence: { args: [collection: string, target: EvidenceTarget, fields?: EvidenceFields]; result: EvidenceRow };
  evidence: { args: [collection: string, sort?: EvidenceSort, order?: 'asc' | 'desc']; result: EvidenceRow[] };
  exportCollection: { args: [collection: string, format: CollectionExportFormat]; result: string };
  /** Exports through a save dialog; null when cancelled, else the file written. */
  saveExport: { args: [collection: string, format: CollectionExportFormat]; result: string | null };
  // Review editing (issue 24; engine: main/engine/review/edit.ts and manage.ts). Removing and deleting are undone by the restore commands.
  updateEvidence: { args: [id: number, edit: EvidenceEdit]; result: EvidenceRow };
  removeEvidence: { args: [id: number]; result: EvidenceRow };
  restoreEvidence: { args: [id: number]; result: EvidenceRow };
  /** Moves evidence to a 0-based place in its collection's own order ('manual' sort); the order's ids. */
  moveEvidence: { args: [id: number, index: number]; result: number[] };
  renameCollection: { args: [name: string, to: string]; result: CollectionInfo };
  duplicateCollection: { args: [name: string, to: string]; result: CollectionInfo };
  deleteCollection: { args: [name: string]; result: DeletedCollection };
  deletedCollections: { args: []; result: DeletedCollection[] };
  restoreCollection: { args: [id: number]; result: CollectionInfo };
  // PubMed
  pubmedDraft: { args: [request: PubmedDraftRequest]; result: CheckedCandidate[] };
  pubmedCheck: { args: [query: string]; result: PubmedCheckResult };
  pubmedSearch: { args: [query: string, opts?: { seeds?: string[]; retmax?: number }]; result: PubmedSearchResult };
  pubmedImport: { args: [pmids: string[]]; result: PubmedImportResult };
  // Settings
  getSettings: { args: []; result: Settings };
  /** Saves and applies: the engine reopens with the new settings. */
  setSettings: { args: [patch: SettingsPatch]; result: Settings };
  llmHealth: { args: []; result: LlmHealth };
  /** Asks Ollama to download a model; progress as `llm:pull`. */
  llmPull: { args: [model: string]; result: boolean };
  models: { args: []; result: ModelListing[] };
  embeddingStatus: { args: []; result: EmbeddingStatus | null };
  /** Downloads a catalog model; progress as `model:progress`. */
  modelPull: { args: [id: string]; result: { id: string; dir: string } };
  /** Opens an https link in the browser: PubMed, PMC and DOI resolvers only. */
  openExternal: { args: [url: string]; result: boolean };
}

export type CommandName = keyof Commands;
export type CommandArgs<N extends CommandName> = Commands[N]['args'];
export type CommandResult<N extends CommandName> = Commands[N]['result'];

/** Event name → payload, sent main → renderer. */
export interface Events {
  'index:progress': IndexProgress;
  /** A full search's stage or updated ranking, as it happens. */
  'search:event': { searchId: string; event: PipelineEvent };
  'model:progress': ModelPullEvent;
  'llm:pull': LlmPullEvent;
}

export type EventName = keyof Events;

const COMMAND_NAMES = [
  'pickFolders', 'index', 'indexDropped', 'cancelIndex', 'roots', 'removeRoot', 'status', 'appStatus',
  'document', 'documentBytes', 'updateMetadata',
  'search', 'cancelSearch', 'history',
  'collections', 'createCollection', 'addEvidence', 'evidence', 'exportCollection', 'saveExport',
  'updateEvidence', 'removeEvidence', 'restoreEvidence', 'moveEvidence',
  'renameCollection', 'duplicateCollection', 'deleteCollection', 'deletedCollections', 'restoreCollection',
  'pubmedDraft', 'pubmedCheck', 'pubmedSearch', 'pubmedImport',
  'getSettings', 'setSettings', 'llmHealth', 'llmPull', 'models', 'embeddingStatus', 'modelPull', 'openExternal',
] as const satisfies readonly CommandName[];

/** Compile-time check that COMMAND_NAMES lists every command. */
type Missing = Exclude<CommandName, (typeof COMMAND_NAMES)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;

export const COMMANDS: readonly CommandName[] = COMMAND_NAMES;

export const CHANNELS = Object.fromEntries(COMMAND_NAMES.map((n) => [n, `delve:${n}`])) as { [N in CommandName]: `delve:${N}` };

export const EVENT_CHANNELS = {
  'index:progress': 'delve:event:index:progress',
  'search:event': 'delve:event:search',
  'model:progress': 'delve:event:model:progress',
  'llm:pull': 'delve:event:llm:pull',
} as const satisfies Record<EventName, string>;

/** What the preload exposes as `window.delve`. */
export type DelveApi = {
  [N in Exclude<CommandName, 'indexDropped'>]: (...args: CommandArgs<N>) => Promise<Result<CommandResult<N>>>;
} & {
  /** Indexes dropped folders or files: only real dropped Files have a path, so the page cannot name arbitrary ones. */
  indexDropped(files: File[]): Promise<Result<IndexSummary>>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void;
};

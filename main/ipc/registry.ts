/**
 * The command registry: every app command declared once — its name, argument types and result
 * type, the zod schema that validates what the renderer sends, and who serves it. Everything else
 * is derived from this object: the contract's types (preload/contract.ts), the preload's
 * `window.delve` functions, the IPC handler map (handlers.ts: every `engine` command forwarded to
 * the engine process, where a method of the same name in main/host/service answers), the utility
 * process's dispatcher (host/engine-protocol.ts) and the browser test bridge (test/e2e/bridge/).
 *
 * `engine<Args, Result>(schema)`: served by the engine process (main/host/service/index.ts; the
 * EngineService type does not compile until the method is there). `host<Args, Result>(schema)`:
 * answered by the main process itself (dialogs, the browser, dropped files), in handlers.ts.
 * The schema must produce exactly the declared argument tuple (checked by the compiler).
 *
 * No Node imports and no behaviour: the preload bundle carries this file (for the names).
 */
import { z } from 'zod';
import type {
  BackupInfo, CollectionExportFormat, CollectionInfo, DeletedCollection, EvidenceEdit, EvidenceFields, EvidenceRow, EvidenceSort, EvidenceTarget, IndexSummary,
  ListedBackup, OcrLanguageSources, ReferenceImportSummary, RestoreReport, SearchHistoryEntry, SearchResponse, StatusReport,
} from '../engine/api.js';
import type {
  AppStatus, BibPatch, CheckedCandidate, DocumentDetail, EmbeddingStatus, LibraryRoot, LlmHealth, McpSetup, ModelListing,
  PubmedCheckResult, PubmedDraftRequest, PubmedImportResult, PubmedSearchResult, SearchOpts, Settings, SettingsPatch,
  StrategyLineCount, StrategyTranslation, TrialCandidate, TrialsCheckResult, TrialsDraftRequest, TrialsImportResult, TrialsSearchResult,
} from '../host/service/types.js';
import {
  absolutePath, backupOpts, bibPatch, docId, evidenceEdit, evidenceFields, evidenceId, evidenceSort, evidenceTarget, format, model, modelId, name, pathList,
  nct, pmid, pubmedDraftRequest, pubmedQuery, pubmedSearchOpts, searchOpts, settingsPatch, sortOrder, text,
  trialsDraftRequest, trialsQuery, trialsSearchOpts, url,
} from './schemas.js';

export type ServedBy = 'engine' | 'host';

/** One command: `args` validates the renderer's arguments; `result` is a type only (undefined at run time). */
export interface CommandDef<A extends unknown[] = unknown[], R = unknown, S extends ServedBy = ServedBy> {
  args: z.ZodType<A>;
  by: S;
  result: R;
}

const define = <S extends ServedBy>(by: S) => <A extends unknown[], R>(args: z.ZodType<A>): CommandDef<A, R, S> =>
  ({ args, by, result: undefined as R });
const engine = define('engine');
const host = define('host');
const none = z.tuple([]);

export const registry = {
  // Library
  /** Opens the system folder picker; resolves to the chosen folders ([] when cancelled). */
  pickFolders: host<[], string[]>(none),
  /** Index files or folders (only ones the user picked or added before). Progress comes as `index:progress`. */
  index: engine<[paths: string[]], IndexSummary>(z.tuple([pathList])),
  /** Index folders or files dropped on the window (the preload turns the dropped Files into their paths). */
  indexDropped: host<[paths: string[]], IndexSummary>(z.tuple([pathList])),
  /** Stops the running index job; work done so far is kept (indexing the same folder again resumes). False when none runs. */
  cancelIndex: engine<[], boolean>(none),
  /** The library's folders with their totals. */
  roots: engine<[], LibraryRoot[]>(none),
  /** Removes a folder and its documents from the library (the files are not touched). */
  removeRoot: engine<[path: string], { documents: number }>(z.tuple([absolutePath])),
  status: engine<[], StatusReport>(none),
  /** Opens the system file picker for a .bib or .ris file; the chosen file (granted for importReferences), or null when cancelled. */
  pickReferenceFile: host<[], string | null>(none),
  /**
   * Imports a .bib or .ris file (one picked with pickReferenceFile, or inside the library's folders): every
   * entry a record, attached files indexed, duplicates merged; a re-import applies only changes.
   * Progress comes as `index:progress`; cancelIndex stops it.
   */
  importReferences: engine<[path: string], ReferenceImportSummary>(z.tuple([absolutePath])),
  /** The status bar: library size, embedder, Ollama. */
  appStatus: engine<[], AppStatus>(none),
  // Documents
  document: engine<[docId: number], DocumentDetail>(z.tuple([docId])),
  /** A PDF's bytes, for the viewer. */
  documentBytes: engine<[docId: number], Uint8Array>(z.tuple([docId])),
  /** The user's correction of bibliographic fields (recorded as source 'user'). */
  updateMetadata: engine<[docId: number, patch: BibPatch], DocumentDetail>(z.tuple([docId, bibPatch])),
  // Search
  search: engine<[query: string, opts?: SearchOpts], SearchResponse>(z.tuple([z.string().min(1).max(2000), searchOpts.optional()])),
  /** Cancels the full search with this id; false when it already ended. */
  cancelSearch: engine<[searchId: string], boolean>(z.tuple([z.string().min(1).max(100)])),
  history: engine<[limit?: number], SearchHistoryEntry[]>(z.tuple([z.number().int().min(1).max(1000).optional()])),
  // Review
  collections: engine<[], CollectionInfo[]>(none),
  createCollection: engine<[name: string, description?: string], CollectionInfo>(z.tuple([name, text(2000).optional()])),
  addEvidence: engine<[collection: string, target: EvidenceTarget, fields?: EvidenceFields], EvidenceRow>(
    z.tuple([name, evidenceTarget, evidenceFields.optional()])),
  evidence: engine<[collection: string, sort?: EvidenceSort, order?: 'asc' | 'desc'], EvidenceRow[]>(
    z.tuple([name, evidenceSort.optional(), sortOrder.optional()])),
  exportCollection: engine<[collection: string, format: CollectionExportFormat], string>(z.tuple([name, format])),
  /** Exports through a save dialog; null when cancelled, else the file written. */
  saveExport: host<[collection: string, format: CollectionExportFormat], string | null>(z.tuple([name, format])),
  // Review editing (engine: review/edit.ts, review/manage.ts). Removing and deleting are undone by the restore commands.
  updateEvidence: engine<[id: number, edit: EvidenceEdit], EvidenceRow>(z.tuple([evidenceId, evidenceEdit])),
  removeEvidence: engine<[id: number], EvidenceRow>(z.tuple([evidenceId])),
  restoreEvidence: engine<[id: number], EvidenceRow>(z.tuple([evidenceId])),
  /** Moves evidence to a 0-based place in its collection's own order ('manual' sort); the order's ids. */
  moveEvidence: engine<[id: number, index: number], number[]>(z.tuple([evidenceId, z.number().int().min(0).max(1_000_000)])),
  renameCollection: engine<[name: string, to: string], CollectionInfo>(z.tuple([name, name])),
  duplicateCollection: engine<[name: string, to: string], CollectionInfo>(z.tuple([name, name])),
  deleteCollection: engine<[name: string], DeletedCollection>(z.tuple([name])),
  deletedCollections: engine<[], DeletedCollection[]>(none),
  restoreCollection: engine<[id: number], CollectionInfo>(z.tuple([evidenceId])),
  // PubMed
  pubmedDraft: engine<[request: PubmedDraftRequest], CheckedCandidate[]>(z.tuple([pubmedDraftRequest])),
  pubmedCheck: engine<[query: string], PubmedCheckResult>(z.tuple([pubmedQuery])),
  pubmedSearch: engine<[query: string, opts?: { seeds?: string[]; retmax?: number }], PubmedSearchResult>(
    z.tuple([pubmedQuery, pubmedSearchOpts.optional()])),
  pubmedImport: engine<[pmids: string[]], PubmedImportResult>(z.tuple([z.array(pmid).min(1).max(200)])),
  /** A pasted search strategy (Ovid MEDLINE or PubMed) translated line by line, with notes and located errors. */
  strategyTranslate: engine<[text: string, to: 'pubmed' | 'ovid'], StrategyTranslation>(
    z.tuple([z.string().min(1).max(200000), z.enum(['pubmed', 'ovid'])])),
  /** Each line's PubMed count (references expanded) through E-utilities; a per-line error where there is none. */
  strategyCounts: engine<[text: string], StrategyLineCount[]>(z.tuple([z.string().min(1).max(200000)])),
  // ClinicalTrials.gov (registry address: $DELVE_CTGOV_URL, pace: $DELVE_CTGOV_PACE_MS)
  /** Candidate registry queries drafted by the rewriter model, checked, counted and ranked by NCT recall. */
  trialsDraft: engine<[request: TrialsDraftRequest], TrialCandidate[]>(z.tuple([trialsDraftRequest])),
  /** An Essie expression checked: normalized, or errors with offsets. */
  trialsCheck: engine<[query: string], TrialsCheckResult>(z.tuple([trialsQuery])),
  /** Runs a query on the registry (recall of the seed NCT ids, library marks). */
  trialsSearch: engine<[query: string, opts?: { seeds?: string[]; limit?: number }], TrialsSearchResult>(
    z.tuple([trialsQuery, trialsSearchOpts.optional()])),
  /** Imports studies as `trial:<NCT>` documents, linked to their publications in the library. */
  trialsImport: engine<[ids: string[]], TrialsImportResult>(z.tuple([z.array(nct).min(1).max(200)])),
  // Backups (engine: backup/): the library's backups folder beside its database
  /** A backup now: a full copy by SQLite's online backup, or `{userData: true}` the user's own work alone as JSON. */
  backup: engine<[opts?: { userData?: boolean }], BackupInfo>(z.tuple([backupOpts.optional()])),
  /** The library's backups, newest first, each with what it holds (listed even when the library is damaged). */
  backups: engine<[], ListedBackup[]>(none),
  /**
   * Restores one of those backups: merged into a sound library (nothing made since is dropped); a damaged
   * library is moved aside and replaced by the copy plus the newest automatic snapshot.
   */
  restoreBackup: engine<[file: string], RestoreReport>(z.tuple([absolutePath])),
  /** "Export my work": the user-data export (as `delve backup --user-data`) written through a save dialog; null when cancelled, else the file. */
  saveUserData: host<[], string | null>(none),
  // Settings
  getSettings: engine<[], Settings>(none),
  /** Saves and applies: the engine reopens with the new settings. */
  setSettings: engine<[patch: SettingsPatch], Settings>(z.tuple([settingsPatch])),
  /** The OCR languages per source: Delve's bundled data, Tesseract's on the computer (and where); Settings → OCR's "Language data". */
  ocrLanguageSources: engine<[], OcrLanguageSources>(none),
  llmHealth: engine<[], LlmHealth>(none),
  /** Asks Ollama to download a model; progress as `llm:pull`. */
  llmPull: engine<[model: string], boolean>(z.tuple([model])),
  models: engine<[], ModelListing[]>(none),
  embeddingStatus: engine<[], EmbeddingStatus | null>(none),
  /** Downloads a catalog model; progress as `model:progress`. */
  modelPull: engine<[id: string], { id: string; dir: string }>(z.tuple([modelId])),
  /** Opens the system folder picker for a model folder (ONNX + tokenizer); null when cancelled. */
  pickModelFolder: host<[], string | null>(none),
  /** Copies a model folder picked with pickModelFolder into the data folder; it then lists as installed. */
  modelImport: engine<[folder: string], { id: string; dir: string; files: number; bytes: number }>(z.tuple([absolutePath])),
  /** Where bin/delve.js and the library are, for the MCP client configuration shown in Settings. */
  mcpSetup: host<[], McpSetup>(none),
  /** Opens an https link in the browser: PubMed, PMC and DOI resolvers only. */
  openExternal: host<[url: string], boolean>(z.tuple([url])),
} satisfies Record<string, CommandDef>;

export type Registry = typeof registry;
export type CommandName = keyof Registry;
/** Commands the main process answers itself (dialogs, the browser, dropped files' grants). */
export type HostCommand = { [N in CommandName]: Registry[N]['by'] extends 'host' ? N : never }[CommandName];
export type EngineCommand = Exclude<CommandName, HostCommand>;

export type ArgsOf<N extends CommandName> = z.output<Registry[N]['args']>;
export type ResultOf<N extends CommandName> = Registry[N]['result'];

/** A command's argument schema, typed by its name. */
export const argsSchema = <N extends CommandName>(name: N): z.ZodType<ArgsOf<N>> => registry[name].args as z.ZodType<ArgsOf<N>>;

/** Every command name, in declaration order. */
export const COMMANDS = Object.keys(registry) as CommandName[];

export const isHostCommand = (n: CommandName): n is HostCommand => registry[n].by === 'host';

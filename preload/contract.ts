/**
 * The one IPC contract between the renderer and the Electron main process, as the renderer sees
 * it: command names with their argument and result types (derived from the command registry,
 * main/ipc/registry.ts, where a command is declared), channels, events. Types and channel names
 * only, no behaviour: it is imported by main/ipc, preload/ and renderer/src (types only).
 *
 * Every command resolves to a Result: errors cross IPC as data `{code, message}` (a thrown IPC
 * error only keeps its message). To add a command, see main/README.md "Adding a command".
 */
import { COMMANDS, type ArgsOf, type CommandName, type ResultOf } from '../main/ipc/registry.js';
import type {
  BackupChange, BackupContents, BackupInfo, CollectionExportFormat, CollectionInfo, DeletedCollection, EvidenceEdit, EvidenceFields, EvidenceRow, EvidenceSort, EvidenceTarget, IndexSummary,
  ListedBackup, OcrLanguageSources, PipelineEvent, ReferenceImportSummary, RestoreReport, SearchHistoryEntry, SearchResponse, StatusReport, WriterWait,
} from '../main/engine/api.js';
import type { ErrorCode } from '../main/engine/errors.js';
import type { IndexProgress } from '../main/engine/types.js';
import type {
  AppStatus, BibPatch, CheckedCandidate, DocumentDetail, EmbeddingStatus, LibraryRoot, LlmHealth, LlmPullEvent, McpSetup,
  ModelListing, ModelPullEvent, PubmedCheckResult, PubmedDraftRequest, PubmedImportResult, PubmedSearchResult,
  SearchOpts, Settings, SettingsPatch, StrategyLineCount, StrategyTranslation, TrialCandidate, TrialsCheckResult, TrialsDraftRequest,
  TrialsImportResult, TrialsSearchResult, TrialStudyRow,
} from '../main/host/service/types.js';

export type {
  AppStatus, BackupChange, BackupContents, BackupInfo, BibPatch, CheckedCandidate, CollectionExportFormat, CollectionInfo, DeletedCollection, DocumentDetail, EmbeddingStatus,
  EvidenceEdit, EvidenceFields, EvidenceRow, EvidenceSort, EvidenceTarget, IndexProgress, IndexSummary, LibraryRoot, ListedBackup, LlmHealth,
  LlmPullEvent, McpSetup, ModelListing, ModelPullEvent, OcrLanguageSources, PipelineEvent, PubmedCheckResult, PubmedDraftRequest, PubmedImportResult,
  PubmedSearchResult, ReferenceImportSummary, RestoreReport, SearchHistoryEntry, SearchOpts, SearchResponse, Settings, SettingsPatch, StatusReport,
  StrategyLineCount, StrategyTranslation, TrialCandidate, TrialsCheckResult, TrialsDraftRequest, TrialsImportResult, TrialsSearchResult,
  TrialStudyRow, WriterWait,
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

/** Command name → argument tuple and result data, derived from the registry. */
export type Commands = { [N in CommandName]: { args: ArgsOf<N>; result: ResultOf<N> } };
export type { CommandName };
export type CommandArgs<N extends CommandName> = Commands[N]['args'];
export type CommandResult<N extends CommandName> = Commands[N]['result'];

/** Event name → payload, sent main → renderer. */
export interface Events {
  'index:progress': IndexProgress;
  /** An index or import job waits for another Delve process writing the library (the CLI, another window): who, since when. */
  'index:waiting': WriterWait;
  /** A full search's stage or updated ranking, as it happens. */
  'search:event': { searchId: string; event: PipelineEvent };
  'model:progress': ModelPullEvent;
  'llm:pull': LlmPullEvent;
  /**
   * A backup of the library was written or removed by the engine process (automatic snapshot, copy
   * before an upgrade, back up now, snapshot before a restore, rotation): the backups list is stale.
   */
  'backups:changed': BackupChange;
}

export type EventName = keyof Events;

export { COMMANDS };

export const CHANNELS = Object.fromEntries(COMMANDS.map((n) => [n, `delve:${n}`])) as { [N in CommandName]: `delve:${N}` };

export const EVENT_CHANNELS = {
  'index:progress': 'delve:event:index:progress',
  'index:waiting': 'delve:event:index:waiting',
  'search:event': 'delve:event:search',
  'model:progress': 'delve:event:model:progress',
  'llm:pull': 'delve:event:llm:pull',
  'backups:changed': 'delve:event:backups:changed',
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

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
import type { IndexSummary, PipelineEvent, SearchResponse, StatusReport } from '../main/engine/api.js';
import type { ErrorCode } from '../main/engine/errors.js';
import type { IndexProgress } from '../main/engine/types.js';

export type { IndexProgress, IndexSummary, PipelineEvent, SearchResponse, StatusReport };

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
  pipeline?: { rounds?: number; rerankTop?: number; alpha?: number; listwise?: boolean; rewrite?: boolean };
}

/** Command name → argument tuple and result data. */
export interface Commands {
  /** Index files or folders (only ones the user picked this session). */
  index: { args: [paths: string[]]; result: IndexSummary };
  status: { args: []; result: StatusReport };
  search: { args: [query: string, opts?: SearchOpts]; result: SearchResponse };
  /** Cancels the full search with this id; false when it already ended. */
  cancelSearch: { args: [searchId: string]; result: boolean };
  /** Opens the system folder picker; resolves to the chosen folders ([] when cancelled). */
  pickFolders: { args: []; result: string[] };
}

export type CommandName = keyof Commands;
export type CommandArgs<N extends CommandName> = Commands[N]['args'];
export type CommandResult<N extends CommandName> = Commands[N]['result'];

/** Event name → payload, sent main → renderer. */
export interface Events {
  'index:progress': IndexProgress;
  /** A full search's stage or updated ranking, as it happens. */
  'search:event': { searchId: string; event: PipelineEvent };
}

export type EventName = keyof Events;

export const CHANNELS = {
  index: 'delve:index',
  status: 'delve:status',
  search: 'delve:search',
  cancelSearch: 'delve:cancelSearch',
  pickFolders: 'delve:pickFolders',
} as const satisfies Record<CommandName, string>;

export const EVENT_CHANNELS = {
  'index:progress': 'delve:event:index:progress',
  'search:event': 'delve:event:search',
} as const satisfies Record<EventName, string>;

/** What the preload exposes as `window.delve`. */
export type DelveApi = {
  [N in CommandName]: (...args: CommandArgs<N>) => Promise<Result<CommandResult<N>>>;
} & {
  /** Subscribes to index progress; returns the unsubscribe function. */
  onIndexProgress(cb: (progress: IndexProgress) => void): () => void;
  /** Subscribes to full-search events; returns the unsubscribe function. */
  onSearchEvent(cb: (e: Events['search:event']) => void): () => void;
};

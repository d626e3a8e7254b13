/**
 * Messages between the main process (engineProcess.ts) and the engine's utility process
 * (engineServer.ts). Requests `{id, name, args}`; answers `{id, ok:true, data}` or
 * `{id, ok:false, error:{code,message}}`; events `{type:'event', name, payload}`.
 * Plain data (structured clone) and plain Node.
 */
import type { IndexSummary, PipelineEvent, SearchOptions, SearchResponse, StatusReport } from '../engine/api.js';
import type { ErrorData } from '../engine/errors.js';
import type { IndexProgress } from '../engine/types.js';

/** Engine method → argument tuple and result. `close` closes the database and ends the process. */
export interface EngineCalls {
  index: { args: [paths: string[]]; result: IndexSummary };
  status: { args: []; result: StatusReport };
  /** With `searchId` in the options, a full search streams its stages as `search:event` and can be cancelled. */
  search: { args: [query: string, opts?: SearchOptions & { searchId?: string }]; result: SearchResponse };
  /** Aborts the search with this id (its LLM calls in flight are cut); false when none is running. */
  cancel: { args: [searchId: string]; result: boolean };
  close: { args: []; result: null };
}

export type EngineMethod = keyof EngineCalls;
export const ENGINE_METHODS: readonly EngineMethod[] = ['index', 'status', 'search', 'cancel', 'close'];

export interface EngineRequest {
  id: number;
  name: EngineMethod;
  args: unknown[];
}

export type EngineResponse = { id: number; ok: true; data: unknown } | { id: number; ok: false; error: ErrorData };

export type EngineEvent =
  | { type: 'event'; name: 'index:progress'; payload: IndexProgress }
  | { type: 'event'; name: 'search:event'; payload: { searchId: string; event: PipelineEvent } };

/** What the server needs to open the engine; passed as one argv item (see configArg). */
export interface EngineServerConfig {
  dbPath: string;
  nativeBinding?: string;
}

const CONFIG_FLAG = '--delve-engine-config=';

export function configArg(config: EngineServerConfig): string {
  return CONFIG_FLAG + JSON.stringify(config);
}

export function parseConfigArg(argv: readonly string[]): EngineServerConfig | null {
  const arg = argv.find((a) => a.startsWith(CONFIG_FLAG));
  if (arg === undefined) return null;
  try {
    const c = JSON.parse(arg.slice(CONFIG_FLAG.length)) as Partial<EngineServerConfig>;
    if (typeof c.dbPath !== 'string' || (c.nativeBinding !== undefined && typeof c.nativeBinding !== 'string')) return null;
    return { dbPath: c.dbPath, ...(c.nativeBinding !== undefined ? { nativeBinding: c.nativeBinding } : {}) };
  } catch {
    return null;
  }
}

const isObject = (m: unknown): m is Record<string, unknown> => typeof m === 'object' && m !== null;

export function isEngineRequest(m: unknown): m is EngineRequest {
  return isObject(m) && Number.isInteger(m.id) && ENGINE_METHODS.includes(m.name as EngineMethod) && Array.isArray(m.args);
}

export function isEngineResponse(m: unknown): m is EngineResponse {
  return isObject(m) && Number.isInteger(m.id) && typeof m.ok === 'boolean' && (m.ok || isObject(m.error));
}

export function isEngineEvent(m: unknown): m is EngineEvent {
  return isObject(m) && m.type === 'event' && typeof m.name === 'string';
}

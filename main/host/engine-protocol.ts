/**
 * Messages between the main process (engine-process.ts) and the engine's utility process
 * (engine-server.ts). Requests `{id, name, args}`; answers `{id, ok:true, data}` or
 * `{id, ok:false, error:{code,message}}`; events `{type:'event', name, payload}`.
 * Plain data (structured clone) and plain Node.
 */
import type { Commands, EventName, Events } from '../../preload/contract.js';
import type { BackupInfo } from '../engine/api.js';
import type { ErrorData } from '../engine/errors.js';
import { COMMANDS, isHostCommand, type EngineCommand } from '../ipc/registry.js';

export type { EngineCommand, HostCommand } from '../ipc/registry.js';

/**
 * Engine method → argument tuple and result: every registry command served by the engine process
 * (main/host/service), plus two the main process alone calls (no window can send them: they are not
 * registry commands): `close`, which closes the database and ends the process, and `saveUserDataTo`,
 * which writes the user-data export ("Export my work") to the file the user chose in the save dialog.
 */
export type EngineCalls = { [N in EngineCommand]: Commands[N] } & {
  close: { args: []; result: null };
  saveUserDataTo: { args: [file: string]; result: BackupInfo };
};

export type EngineMethod = keyof EngineCalls;
export const ENGINE_METHODS: readonly EngineMethod[] = [
  ...COMMANDS.filter((n): n is EngineCommand => !isHostCommand(n)),
  'close',
  'saveUserDataTo',
];

/** What the engine process serves: one async function per method. */
export type EngineService = { [N in EngineMethod]: (...args: EngineCalls[N]['args']) => Promise<EngineCalls[N]['result']> };

export interface EngineRequest {
  id: number;
  name: EngineMethod;
  args: unknown[];
}

export type EngineResponse = { id: number; ok: true; data: unknown } | { id: number; ok: false; error: ErrorData };

export type EngineEvent = { [E in EventName]: { type: 'event'; name: E; payload: Events[E] } }[EventName];

/** What the server needs to open the engine; passed as one argv item (see configArg). */
export interface EngineServerConfig {
  /** The app's data folder: settings.json and installed models live here. */
  dataDir: string;
  dbPath: string;
  nativeBinding?: string;
  /** Folder of model manifests (the app's `models/`). */
  catalogDir?: string;
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
    if (typeof c.dbPath !== 'string' || typeof c.dataDir !== 'string') return null;
    if ([c.nativeBinding, c.catalogDir].some((v) => v !== undefined && typeof v !== 'string')) return null;
    return {
      dataDir: c.dataDir, dbPath: c.dbPath,
      ...(c.nativeBinding !== undefined ? { nativeBinding: c.nativeBinding } : {}),
      ...(c.catalogDir !== undefined ? { catalogDir: c.catalogDir } : {}),
    };
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

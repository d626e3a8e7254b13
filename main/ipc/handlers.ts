/**
 * The one handler map, without electron, derived from the registry (registry.ts): every `engine`
 * command is forwarded to the engine process (deps.engine) as it is; the `host` commands (dialogs,
 * the browser, file writes through deps) and `index`/`importReferences` (the grants) have their bodies here.
 * The Electron IPC layer (commands.ts) and the browser test bridge (test/e2e/bridge/server.ts) both
 * register exactly this map behind makeHandler's sender and argument checks.
 */
import { writeFile } from 'node:fs/promises';
import type { CommandArgs, CommandName, CommandResult } from '../../preload/contract.js';
import type { EngineCalls, EngineMethod } from '../host/engine-protocol.js';
import { EXTERNAL_HOSTS, isAllowedExternal } from '../host/app-url.js';
import { CodedError } from './envelope.js';
import { FolderGrants } from './grants.js';
import { COMMANDS, isHostCommand, type EngineCommand, type HostCommand } from './registry.js';

export interface HandlerDeps {
  engine: { call<N extends EngineMethod>(name: N, args: EngineCalls[N]['args']): Promise<EngineCalls[N]['result']> };
  /** Shows the system folder picker; [] when cancelled. */
  pickFolders(): Promise<string[]>;
  /** Shows the file picker for one .bib or .ris file; null when cancelled. */
  pickReferenceFile(): Promise<string | null>;
  /** Shows the folder picker for one model folder; null when cancelled. */
  pickModelFolder(): Promise<string | null>;
  /** Shows a save dialog proposing `defaultName`; null when cancelled. */
  pickSavePath(defaultName: string): Promise<string | null>;
  /** bin/delve.js (null when packaged without it) and the library's database. */
  mcpSetup(): { cli: string | null; dbPath: string };
  /** Opens a URL in the user's browser (already checked against the allow-list). */
  openExternal(url: string): Promise<void>;
}

type HandlerOf<N extends CommandName> = (...args: CommandArgs<N>) => Promise<CommandResult<N>>;
export type Handlers = { [N in CommandName]: HandlerOf<N> };

const EXTENSIONS = { md: 'md', csv: 'csv', bib: 'bib', ris: 'ris' } as const;

export function createHandlers(deps: HandlerDeps): Handlers {
  const grants = new FolderGrants();
  const call = deps.engine.call.bind(deps.engine);
  /** Folders already in the library may be re-indexed: grant them once the engine has answered. */
  let rootsGranted: Promise<void> | null = null;
  const grantRoots = () => (rootsGranted ??= call('roots', []).then(
    (roots) => grants.grant(roots.map((r) => r.path)),
    () => { rootsGranted = null; },
  ));
  /** Every engine command passes straight through. */
  const forwarded = Object.fromEntries(
    COMMANDS.filter((n): n is EngineCommand => !isHostCommand(n)).map((n) => [n, (...args: unknown[]) => call(n, args as never)]),
  ) as { [N in EngineCommand]: HandlerOf<N> };

  const own = {
    pickFolders: async () => {
      const folders = await deps.pickFolders();
      grants.grant(folders);
      return folders;
    },
    index: async (paths) => {
      await grantRoots();
      grants.check(paths);
      return call('index', [paths]);
    },
    pickReferenceFile: async () => {
      const file = await deps.pickReferenceFile();
      if (file !== null) grants.grant([file]);
      return file;
    },
    importReferences: async (path) => {
      await grantRoots();
      grants.check([path]);
      return call('importReferences', [path]);
    },
    pickModelFolder: async () => {
      const folder = await deps.pickModelFolder();
      if (folder !== null) grants.grant([folder]);
      return folder;
    },
    modelImport: async (folder) => {
      await grantRoots();
      grants.check([folder]);
      return call('modelImport', [folder]);
    },
    indexDropped: async (paths) => {
      // Only the preload sends these, from real dropped Files: dropping is the user's choice.
      grants.grant(paths);
      return call('index', [paths]);
    },
    saveExport: async (collection, format) => {
      const text = await call('exportCollection', [collection, format]);
      const safe = collection.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'collection';
      const path = await deps.pickSavePath(`${safe}.${EXTENSIONS[format]}`);
      if (path === null) return null;
      await writeFile(path, text, 'utf8');
      return path;
    },
    saveUserData: async () => {
      const path = await deps.pickSavePath(`delve-my-work-${new Date().toISOString().slice(0, 10)}.json`);
      if (path === null) return null;
      // Written by the engine straight to the chosen file (a method only the main process calls).
      return (await call('saveUserDataTo', [path])).file;
    },
    mcpSetup: async () => deps.mcpSetup(),
    openExternal: async (url) => {
      if (!isAllowedExternal(url)) throw new CodedError('FORBIDDEN', `Delve opens only https links to ${[...EXTERNAL_HOSTS].join(', ')}`);
      await deps.openExternal(url);
      return true;
    },
  } satisfies { [N in HostCommand]: HandlerOf<N> } & Partial<Handlers>;

  return { ...forwarded, ...own } satisfies Handlers;
}

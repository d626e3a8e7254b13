/**
 * The one handler map: every contract command's body, without electron. Engine commands go to the
 * engine process (deps.engine); dialogs, the browser and file writes go to deps. The Electron IPC
 * layer (commands.ts) and the renderer's browser test bridge (test/e2e/bridge.ts) both register
 * exactly this map behind makeHandler's sender and argument checks.
 */
import { writeFile } from 'node:fs/promises';
import type { CommandArgs, CommandName, CommandResult } from '../../preload/contract.js';
import type { EngineCalls, EngineMethod } from '../host/engineProtocol.js';
import { EXTERNAL_HOSTS, isAllowedExternal } from '../host/appUrl.js';
import { CodedError } from './envelope.js';
import { FolderGrants } from './grants.js';

export interface HandlerDeps {
  engine: { call<N extends EngineMethod>(name: N, args: EngineCalls[N]['args']): Promise<EngineCalls[N]['result']> };
  /** Shows the system folder picker; [] when cancelled. */
  pickFolders(): Promise<string[]>;
  /** Shows a save dialog proposing `defaultName`; null when cancelled. */
  pickSavePath(defaultName: string): Promise<string | null>;
  /** Opens a URL in the user's browser (already checked against the allow-list). */
  openExternal(url: string): Promise<void>;
}

export type Handlers = { [N in CommandName]: (...args: CommandArgs<N>) => Promise<CommandResult<N>> };

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
  const forward = <N extends Exclude<EngineMethod, 'close'>>(name: N) =>
    (...args: EngineCalls[N]['args']) => call(name, args);

  return {
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
    openExternal: async (url) => {
      if (!isAllowedExternal(url)) throw new CodedError('FORBIDDEN', `Delve opens only https links to ${[...EXTERNAL_HOSTS].join(', ')}`);
      await deps.openExternal(url);
      return true;
    },
    cancelIndex: forward('cancelIndex'),
    roots: forward('roots'),
    removeRoot: forward('removeRoot'),
    status: forward('status'),
    appStatus: forward('appStatus'),
    document: forward('document'),
    documentBytes: forward('documentBytes'),
    updateMetadata: forward('updateMetadata'),
    search: (query, opts) => call('search', [query, { ...opts, k: opts?.k ?? 10 }]),
    cancelSearch: forward('cancelSearch'),
    history: forward('history'),
    collections: forward('collections'),
    createCollection: forward('createCollection'),
    addEvidence: forward('addEvidence'),
    evidence: forward('evidence'),
    exportCollection: forward('exportCollection'),
    // Review editing (issue 24)
    updateEvidence: forward('updateEvidence'),
    removeEvidence: forward('removeEvidence'),
    restoreEvidence: forward('restoreEvidence'),
    moveEvidence: forward('moveEvidence'),
    renameCollection: forward('renameCollection'),
    duplicateCollection: forward('duplicateCollection'),
    deleteCollection: forward('deleteCollection'),
    deletedCollections: forward('deletedCollections'),
    restoreCollection: forward('restoreCollection'),
    pubmedDraft: forward('pubmedDraft'),
    pubmedCheck: forward('pubmedCheck'),
    pubmedSearch: forward('pubmedSearch'),
    pubmedImport: forward('pubmedImport'),
    getSettings: forward('getSettings'),
    setSettings: forward('setSettings'),
    llmHealth: forward('llmHealth'),
    llmPull: forward('llmPull'),
    models: forward('models'),
    embeddingStatus: forward('embeddingStatus'),
    modelPull: forward('modelPull'),
  };
}

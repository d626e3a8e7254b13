/**
 * Registers every contract command: one engine call each (through the engine's utility process),
 * plus the folder picker, whose answers are the only paths `index` accepts (grants.ts).
 */
import type { EngineCalls, EngineMethod } from '../host/engineProtocol.js';
import { FolderGrants } from './grants.js';
import { handle } from './handle.js';
import { schemas } from './schemas.js';

export interface CommandDeps {
  engine: { call<N extends EngineMethod>(name: N, args: EngineCalls[N]['args']): Promise<EngineCalls[N]['result']> };
  /** Shows the system folder picker; [] when cancelled. */
  pickFolders(): Promise<string[]>;
}

export function registerCommands(deps: CommandDeps): void {
  const grants = new FolderGrants();

  handle('pickFolders', schemas.pickFolders, async () => {
    const folders = await deps.pickFolders();
    grants.grant(folders);
    return folders;
  });

  handle('index', schemas.index, (paths) => {
    grants.check(paths);
    return deps.engine.call('index', [paths]);
  });

  handle('status', schemas.status, () => deps.engine.call('status', []));

  handle('search', schemas.search, (query, opts) => deps.engine.call('search', [query, { ...opts, k: opts?.k ?? 10 }]));

  handle('cancelSearch', schemas.cancelSearch, (searchId) => deps.engine.call('cancel', [searchId]));
}

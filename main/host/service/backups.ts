/**
 * The app's backup commands (engine: backup/). `backups` lists the backups folder without opening the
 * library, so a damaged one still shows its way out, each with what it holds (backup/contents.ts); `restoreBackup` takes only a file from that list
 * (the renderer cannot make the engine read other files), merges it into the open library, and when
 * the library is damaged closes it and lets `restoreLibrary` replace it. App settings travel in
 * user-data backups and are taken back only where none are stored (settings made since are kept).
 */
import type { BackupInfo, ListedBackup, RestoreReport } from '../../engine/api.js';
import { EngineError, toErrorData } from '../../engine/errors.js';
import { describeBackups, listBackups, restoreLibrary } from '../../engine/index.js';
import type { EngineServerConfig } from '../engine-protocol.js';
import type { EngineHolder } from './engine.js';

export interface SettingsAccess {
  /** The current settings, put into user-data backups. */
  current(): Record<string, unknown>;
  /** Takes a backup's settings when none are stored yet (a fresh install); false otherwise. */
  adopt(settings: Record<string, unknown>): boolean;
}

export function backupCalls(config: EngineServerConfig, engine: EngineHolder, settings: SettingsAccess) {
  const adopt = (r: RestoreReport): RestoreReport => {
    if (r.settings) settings.adopt(r.settings);
    return r;
  };
  return {
    backup: (opts?: { userData?: boolean }): Promise<BackupInfo> =>
      engine.use((e) => e.backup(opts?.userData ? { userData: true, settings: settings.current() } : {})),
    /** The user-data export written straight to `file` (the main process's save dialog chose it; no window can name it). */
    saveUserDataTo: (file: string): Promise<BackupInfo> =>
      engine.use((e) => e.backup({ userData: true, settings: settings.current(), out: file })),
    backups: async (): Promise<ListedBackup[]> => describeBackups(config.dbPath, config.nativeBinding),
    async restoreBackup(file: string): Promise<RestoreReport> {
      if (!listBackups(config.dbPath).some((b) => b.file === file)) {
        throw new EngineError('BAD_ARGUMENT', `${file} is not one of this library's backups (see the backups list)`);
      }
      try {
        return adopt(await engine.use((e) => e.restore(file)));
      } catch (err) {
        if (toErrorData(err).code !== 'DB_CORRUPT') throw err;
        engine.close();
        return adopt(await restoreLibrary(config.dbPath, file, config.nativeBinding !== undefined ? { nativeBinding: config.nativeBinding } : {}));
      }
    },
  };
}

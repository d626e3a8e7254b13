/**
 * Changes to a library's backups folder made by this process: a backup written (an automatic snapshot,
 * a copy before a database upgrade, "back up now", a snapshot before a restore) or removed (rotation of
 * old ones). The app re-reads its list of backups when told (issue 22). Process-wide, like the folder:
 * the list is read without opening the library (contents.ts), and a copy made before an upgrade or a
 * restore over a damaged library happens with no engine open. What another process writes (`delve
 * backup` from a terminal) is not seen here.
 */
import { dirname, resolve } from 'node:path';

export interface BackupChange {
  /** The backup file written or removed. */
  file: string;
  change: 'written' | 'removed';
}

type Listener = (change: BackupChange) => void;
const listeners = new Map<Listener, string>();

/** Tells whoever watches the file's folder; a listener's failure never fails the backup. */
export function backupChanged(file: string, change: BackupChange['change']): void {
  const dir = resolve(dirname(file));
  for (const [listener, watched] of listeners) {
    if (watched !== dir) continue;
    try { listener({ file, change }); } catch { /* a watcher never fails a backup */ }
  }
}

/** Calls `listener` after each change to the backups in `dir`; returns the way to stop. */
export function watchBackupDir(dir: string, listener: Listener): () => void {
  const own: Listener = (c) => listener(c); // one entry per call, even for the same function
  listeners.set(own, resolve(dir));
  return () => { listeners.delete(own); };
}

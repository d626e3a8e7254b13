/**
 * Full copies of a library by SQLite's online backup API (better-sqlite3's `db.backup`), written whole
 * or not at all, in rollback-journal mode: a copy opened read-only (contents.ts) leaves no -wal/-shm
 * beside it, and one opened to restore from is put back into WAL mode by openDb.
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from '../store/db.js';
import { toErrorData, EngineError } from '../errors.js';
import { backupChanged } from './changes.js';
import { backupInfo, type BackupInfo } from './files.js';

/** Best effort: a copy left in WAL mode is still whole (its contents are then not listed, contents.ts). */
function toRollbackMode(db: Db, file: string): void {
  try {
    db.prepare('ATTACH DATABASE ? AS delve_copy').run(file);
  } catch {
    return;
  }
  try {
    db.pragma('delve_copy.journal_mode = DELETE');
  } catch { /* see above */ } finally {
    db.exec('DETACH DATABASE delve_copy');
  }
}

export async function copyDb(db: Db, target: string): Promise<BackupInfo> {
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  try {
    await db.backup(partial);
    toRollbackMode(db, partial);
    renameSync(partial, target);
  } catch (err) {
    rmSync(partial, { force: true });
    const e = toErrorData(err, target);
    throw new EngineError(e.code === 'INTERNAL' ? 'FILE_UNREADABLE' : e.code, `backup to ${target} failed: ${e.message}`, { cause: err });
  }
  backupChanged(target, 'written');
  return backupInfo(target, 'full');
}

/**
 * Automatic backups of the user data: after it changes, a JSON snapshot (backups/<stem>-auto-<time>.json,
 * the newest 10 kept; none written when nothing differs from the newest). Small next to the index, so
 * taking one after every change costs little; a damaged library is restored from a full copy plus
 * the newest snapshot (restore.ts), so what was made after the copy is not lost.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { EngineError, toErrorData } from '../errors.js';
import type { Db } from '../store/db.js';
import { backupChanged } from './changes.js';
import { backupInfo, backupName, listBackups, rotate, type BackupInfo } from './files.js';
import { exportUserData, type UserData } from './user-data.js';

export const AUTO_KEEP = 10;

/** Writes user data as JSON, whole or not at all. */
export function writeUserData(data: UserData, target: string): BackupInfo {
  mkdirSync(dirname(target), { recursive: true });
  try {
    writeFileSync(`${target}.partial`, JSON.stringify(data, null, 1));
    renameSync(`${target}.partial`, target);
  } catch (err) {
    rmSync(`${target}.partial`, { force: true }); // a full disk leaves no half-written file
    throw new EngineError(toErrorData(err, target).code === 'DISK_FULL' ? 'DISK_FULL' : 'FILE_UNREADABLE', `${target}: ${(err as Error).message}`, { cause: err });
  }
  backupChanged(target, 'written');
  return backupInfo(target, 'user-data');
}

const isEmpty = (d: UserData) => d.collections.length + d.corrections.length + d.roots.length + d.history.length === 0;
/** What decides whether a snapshot is new: everything but the time and the search history (which every search changes). */
const body = (d: UserData) => JSON.stringify({ ...d, exportedAt: 0, history: [] });

/** The newest automatic snapshot of this library's user data, or null. */
export function newestSnapshot(dbPath: string): { file: string; data: UserData } | null {
  for (const b of listBackups(dbPath, 'auto')) {
    try {
      return { file: b.file, data: JSON.parse(readFileSync(b.file, 'utf8')) as UserData };
    } catch { /* a damaged snapshot: try the one before */ }
  }
  return null;
}

/** Takes a snapshot if the user data differs from the newest one; the file written, or null. */
export function snapshotUserData(db: Db, dbPath: string, label = 'auto'): BackupInfo | null {
  if (dbPath === ':memory:') return null;
  const data = exportUserData(db);
  const last = label === 'auto' ? newestSnapshot(dbPath) : null;
  if (last ? body(last.data) === body(data) : isEmpty({ ...data, history: [] })) return null;
  const info = writeUserData(data, backupName(dbPath, label, 'json', data.exportedAt));
  if (label === 'auto') rotate(dbPath, 'auto', AUTO_KEEP);
  return info;
}

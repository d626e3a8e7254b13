/**
 * Where a library's backups live and what they are called: `backups/` beside the database file,
 * `<stem>-<label>-<time>.db` (full copies by SQLite's online backup) and `<stem>-<label>-<time>.json`
 * (user data alone). Labels: `manual` (delve backup, the app's "Back up now"), `pre-migration` (before a
 * schema migration, 3 kept), `auto` (user data after it changed, 10 kept), `pre-restore`.
 */
import { existsSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { backupChanged, watchBackupDir, type BackupChange } from './changes.js';

export interface BackupInfo {
  file: string;
  kind: 'full' | 'user-data';
  /** Why it was made, from its name: 'auto', 'manual', 'pre-migration', 'pre-restore' ('manual' for a name not Delve's). */
  label: string;
  bytes: number;
  createdAt: number;
}

export function backupDir(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

const stem = (dbPath: string) => basename(dbPath).replace(/\.[^.]*$/, '');

export function backupName(dbPath: string, label: string, ext: 'db' | 'json', now = Date.now()): string {
  return join(backupDir(dbPath), `${stem(dbPath)}-${label}-${new Date(now).toISOString().replace(/[:.]/g, '-')}.${ext}`);
}

export const LABELS = ['auto', 'manual', 'pre-migration', 'pre-restore'] as const;
const NAMED = new RegExp(`-(${LABELS.join('|')})-\\d{4}-\\d{2}-\\d{2}T[\\d-]+Z\\.(?:db|json)$`);

/** A backup file's label (backupName's), or 'manual' for a file named otherwise (`delve backup --out`). */
export function labelOf(file: string): string {
  return NAMED.exec(basename(file))?.[1] ?? 'manual';
}

/** What a finished backup file is (its kind by its extension unless the writer says). */
export function backupInfo(file: string, kind: BackupInfo['kind'] = file.endsWith('.db') ? 'full' : 'user-data'): BackupInfo {
  const s = statSync(file);
  return { file, kind, label: labelOf(file), bytes: s.size, createdAt: s.mtimeMs };
}

/** The backups of this library, newest first (by the time in the name, then the file's). */
export function listBackups(dbPath: string, label?: string): BackupInfo[] {
  const dir = backupDir(dbPath);
  if (dbPath === ':memory:' || !existsSync(dir)) return [];
  const prefix = `${stem(dbPath)}-${label ? `${label}-` : ''}`;
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && (f.endsWith('.db') || f.endsWith('.json')))
    .map((f) => backupInfo(join(dir, f)))
    .sort((a, b) => b.createdAt - a.createdAt || b.file.localeCompare(a.file));
}

/** Keeps the newest `keep` backups with this label. */
export function rotate(dbPath: string, label: string, keep: number): void {
  for (const old of listBackups(dbPath, label).slice(keep)) {
    unlinkSync(old.file);
    backupChanged(old.file, 'removed');
  }
}

/**
 * Calls `listener` after each backup of this library that this process writes or removes (changes.ts);
 * returns the way to stop. Nothing for an in-memory library.
 */
export function watchBackups(dbPath: string, listener: (change: BackupChange) => void): () => void {
  if (dbPath === ':memory:') return () => {};
  const prefix = `${stem(dbPath)}-`; // as listBackups: another library's backups share the folder
  return watchBackupDir(backupDir(dbPath), (c) => { if (basename(c.file).startsWith(prefix)) listener(c); });
}

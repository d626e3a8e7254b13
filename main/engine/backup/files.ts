/**
 * Where a library's backups live and what they are called: `backups/` beside the database file,
 * `<stem>-<label>-<time>.db` (full copies by SQLite's online backup) and `<stem>-<label>-<time>.json`
 * (user data alone). Labels: `manual` (delve backup), `pre-vN` (before migrating to schema N, 3 kept),
 * `auto` (user data after it changed, 10 kept), `pre-restore`.
 */
import { existsSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface BackupInfo {
  file: string;
  kind: 'full' | 'user-data';
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

/** The backups of this library, newest first (by the time in the name, then the file's). */
export function listBackups(dbPath: string, label?: string): BackupInfo[] {
  const dir = backupDir(dbPath);
  if (dbPath === ':memory:' || !existsSync(dir)) return [];
  const prefix = `${stem(dbPath)}-${label ? `${label}-` : ''}`;
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && (f.endsWith('.db') || f.endsWith('.json')))
    .map((f) => {
      const s = statSync(join(dir, f));
      return { file: join(dir, f), kind: f.endsWith('.db') ? 'full' as const : 'user-data' as const, bytes: s.size, createdAt: s.mtimeMs };
    })
    .sort((a, b) => b.createdAt - a.createdAt || b.file.localeCompare(a.file));
}

/** Keeps the newest `keep` backups with this label. */
export function rotate(dbPath: string, label: string, keep: number): void {
  for (const old of listBackups(dbPath, label).slice(keep)) unlinkSync(old.file);
}

/**
 * A damaged database file is reported as `DB_CORRUPT` with the way out, never a crash. SQLite's own
 * quick_check (about 13 ms per MiB on an indexed library) runs at open when the file changed since
 * Delve last closed it after a check (a stamp of its size and time in backups/, written at close), on
 * files up to VERIFY_AT_OPEN_BYTES; on larger ones, before the first job that writes. So a library
 * Delve left sound opens without the check, and one changed behind its back (or left by a crash) is
 * checked. Errors SQLite raises later (SQLITE_CORRUPT, SQLITE_NOTADB) get the same code and message.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { backupDir, listBackups } from '../backup/files.js';
import { EngineError } from '../errors.js';
import type { Db } from './db.js';

export const VERIFY_AT_OPEN_BYTES = 32 * 1024 * 1024;

/**
 * The way out of a damaged library, naming the backup to restore when there is one: the newest copy of the
 * whole library (it brings the index back; the newest automatic snapshot then adds the work made since,
 * backup/restore.ts), else the newest backup of the user's work. The app's banner offers the same one.
 */
export function wayOut(dbPath: string): string {
  const list = dbPath === ':memory:' ? [] : listBackups(dbPath);
  const full = list.find((b) => b.kind === 'full');
  const restore = full
    ? `restore the newest copy of the whole library (delve restore "${full.file}"; what you made since comes back from the newest automatic snapshot)`
    : list[0]
      ? `restore the newest backup of your work (delve restore "${list[0].file}"), then index your folders again`
      : `restore a backup if you have one (delve restore <file>)`;
  return `${restore}, or move the file away and index your folders again (documents come back from your files; ` +
    `collections, notes and corrections come back from a backup or a user-data export)`;
}

export function corruptError(dbPath: string, detail: string, cause?: unknown): EngineError {
  return new EngineError('DB_CORRUPT', `${dbPath}: the library database is damaged (${detail}). Way out: ${wayOut(dbPath)}`, { cause });
}

/** SQLite's quick_check (structure, not index contents); throws DB_CORRUPT with the first problem. */
export function verifyDb(db: Db, dbPath: string): void {
  let rows: { quick_check: string }[];
  try {
    rows = db.pragma('quick_check(5)') as { quick_check: string }[];
  } catch (err) {
    throw corruptError(dbPath, (err as Error).message, err);
  }
  const problems = rows.map((r) => r.quick_check).filter((s) => s !== 'ok');
  if (problems.length > 0) throw corruptError(dbPath, problems.join('; '));
}

const stampFile = (dbPath: string) => join(backupDir(dbPath), `.${basename(dbPath)}.checked`);
const fileState = (dbPath: string) => {
  const s = statSync(dbPath);
  return `${s.size} ${s.mtimeMs}`;
};

/** Is the file exactly as Delve left it after a check (no -wal left behind by a crash)? */
export function leftSound(dbPath: string): boolean {
  if (dbPath === ':memory:' || !existsSync(dbPath) || existsSync(`${dbPath}-wal`)) return false;
  try {
    return readFileSync(stampFile(dbPath), 'utf8') === fileState(dbPath);
  } catch {
    return false;
  }
}

/** After closing a checked library: records the file's state, so the next open can skip the check. */
export function markSound(dbPath: string): void {
  if (dbPath === ':memory:' || !existsSync(dbPath) || existsSync(`${dbPath}-wal`)) return;
  try {
    mkdirSync(backupDir(dbPath), { recursive: true });
    writeFileSync(stampFile(dbPath), fileState(dbPath));
  } catch { /* the next open checks again */ }
}

/** What open does: 'skip' (as Delve left it, or new), 'check' (changed, small enough), 'defer' (changed, large: before the first write). */
export function checkAtOpen(dbPath: string): 'skip' | 'check' | 'defer' {
  if (dbPath === ':memory:' || !existsSync(dbPath) || leftSound(dbPath)) return 'skip';
  return statSync(dbPath).size <= VERIFY_AT_OPEN_BYTES ? 'check' : 'defer';
}

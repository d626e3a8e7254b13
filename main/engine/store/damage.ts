/**
 * A damaged database file is reported as `DB_CORRUPT` with the way out, never a crash: SQLite's own
 * quick_check runs at open on files up to VERIFY_AT_OPEN_BYTES (about 3 ms per MiB, so a small
 * library opens as fast as before) and, on larger ones, before the first job that writes; errors
 * SQLite raises later (SQLITE_CORRUPT, SQLITE_NOTADB) are mapped to the same code and message.
 */
import { existsSync, statSync } from 'node:fs';
import { listBackups } from '../backup/files.js';
import { EngineError } from '../errors.js';
import type { Db } from './db.js';

export const VERIFY_AT_OPEN_BYTES = 32 * 1024 * 1024;

/** The way out of a damaged library, naming the newest backup when there is one. */
export function wayOut(dbPath: string): string {
  const newest = dbPath === ':memory:' ? undefined : listBackups(dbPath)[0];
  const restore = newest
    ? `restore the newest backup (delve restore "${newest.file}")`
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

/** Is the file small enough to verify at open? */
export function verifyAtOpen(dbPath: string): boolean {
  if (dbPath === ':memory:' || !existsSync(dbPath)) return false;
  return statSync(dbPath).size <= VERIFY_AT_OPEN_BYTES;
}

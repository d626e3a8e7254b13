/**
 * What a backup holds, for the app's list of backups: its live collections, their evidence, the
 * evidence with a note, and the corrections of bibliographic fields. A user-data `.json` is read;
 * a full copy `.db` is opened read-only (copies are written in rollback-journal mode, copy.ts, so
 * reading leaves no -wal/-shm beside them; an older copy still in WAL mode is not opened: null).
 * Backups never change once written: each answer is kept per file, size and time.
 */
import Database from 'better-sqlite3';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { listBackups, type BackupInfo } from './files.js';
import type { UserData } from './user-data.js';

export interface BackupContents {
  /** Collections not deleted. */
  collections: number;
  /** Evidence in those collections, not removed. */
  evidence: number;
  /** Of that evidence, the pieces with a note. */
  notes: number;
  /** Corrected bibliographic fields. */
  corrections: number;
}

export interface ListedBackup extends BackupInfo {
  /** What it holds; null where it cannot be read cheaply (a damaged file, an old WAL-mode copy). */
  holds: BackupContents | null;
}

const known = new Map<string, BackupContents | null>();

function fromJson(file: string): BackupContents {
  const d = JSON.parse(readFileSync(file, 'utf8')) as UserData;
  const live = d.collections.filter((c) => c.deletedAt === null);
  const evidence = live.flatMap((c) => c.evidence.filter((e) => e.deletedAt === null || e.deletedAt === undefined));
  return { collections: live.length, evidence: evidence.length, notes: evidence.filter((e) => (e.note ?? '').trim() !== '').length, corrections: d.corrections.length };
}

/** Bytes 18–19 of a SQLite header are 2 in WAL mode. */
function inWalMode(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(20);
    return readSync(fd, head, 0, 20, 0) === 20 && head[18] === 2;
  } finally {
    closeSync(fd);
  }
}

function fromDb(file: string, nativeBinding?: string): BackupContents | null {
  if (inWalMode(file)) return null;
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    const live = `FROM evidence e JOIN collections c ON c.id = e.collection_id WHERE c.deleted_at IS NULL AND e.deleted_at IS NULL`;
    return {
      collections: count('SELECT count(*) FROM collections WHERE deleted_at IS NULL'),
      evidence: count(`SELECT count(*) ${live}`),
      notes: count(`SELECT count(*) ${live} AND trim(e.note) <> ''`),
      corrections: count('SELECT count(*) FROM doc_fields'),
    };
  } finally {
    db.close();
  }
}

/** What one backup holds, or null when it cannot be read (never throws). */
export function backupContents(b: BackupInfo, nativeBinding?: string): BackupContents | null {
  const key = `${b.file}\u0000${b.bytes}\u0000${b.createdAt}`;
  if (known.has(key)) return known.get(key)!;
  let holds: BackupContents | null;
  try {
    holds = b.kind === 'full' ? fromDb(b.file, nativeBinding) : fromJson(b.file);
  } catch {
    holds = null;
  }
  known.set(key, holds);
  return holds;
}

/** The library's backups, newest first, each with what it holds. */
export function describeBackups(dbPath: string, nativeBinding?: string): ListedBackup[] {
  const list = listBackups(dbPath).map((b) => ({ ...b, holds: backupContents(b, nativeBinding) }));
  if (known.size > 200) known.clear(); // rotated-away files; the next listing reads what is left
  return list;
}

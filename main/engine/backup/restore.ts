/**
 * Restoring a backup (a full copy `.db` or a user-data `.json`). Nothing made since is lost:
 *  - into a sound library, the backup's user data is merged (user-data.ts: what the library holds
 *    wins, what it lacks is added; a `pre-restore` snapshot is taken first);
 *  - a damaged or missing library is replaced: the damaged file is moved aside (`<db>.damaged-<time>`),
 *    a full copy is copied in (a `.json` starts a fresh library), then the newest automatic snapshot
 *    (snapshot.ts) is merged in, which holds what was made after the copy.
 */
import { copyFileSync, existsSync, mkdtempSync, openSync, readSync, closeSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineError, toErrorData } from '../errors.js';
import { openDb, type Db } from '../store/db.js';
import { acquireWriterLock } from '../store/writer-lock.js';
import { newestSnapshot, snapshotUserData } from './snapshot.js';
import { checkUserData, exportUserData, mergeUserData, type MergeReport, type UserData } from './user-data.js';

export interface RestoreReport extends MergeReport {
  file: string;
  kind: 'full' | 'user-data';
  /** Set when the library was damaged or missing and the backup took its place. */
  replaced: { damaged: string | null; snapshot: string | null } | null;
  /** The app settings a user-data backup holds (null: none); the caller applies them where none are stored. */
  settings: Record<string, unknown> | null;
}

function isSqlite(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && head.toString('latin1') === 'SQLite format 3\u0000';
  } finally {
    closeSync(fd);
  }
}

interface ReadBackup {
  kind: RestoreReport['kind'];
  data: UserData;
  /** A full copy: the checked, migrated temporary copy, whole (no -wal) once read; removed by `done`. */
  copy?: string;
  done(): void;
}

/** The user data in a backup file (a full copy is read from a temporary copy, migrated and checked). */
async function readBackup(file: string, nativeBinding?: string): Promise<ReadBackup> {
  if (!existsSync(file)) throw new EngineError('FILE_NOT_FOUND', `${file}: no such backup`);
  if (!isSqlite(file)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new EngineError('BAD_ARGUMENT', `${file}: neither a Delve database nor a user-data export (${(err as Error).message})`);
    }
    return { kind: 'user-data', data: checkUserData(raw, file), done: () => undefined };
  }
  const dir = mkdtempSync(join(tmpdir(), 'delve-restore-'));
  const done = () => rmSync(dir, { recursive: true, force: true });
  const copy = join(dir, 'backup.db');
  try {
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    const { db } = await openDb(copy, { nativeBinding });
    try {
      return { kind: 'full', data: exportUserData(db), copy, done };
    } finally {
      db.close();
    }
  } catch (err) {
    done();
    const e = toErrorData(err);
    throw new EngineError(e.code, `${file}: this backup cannot be read (${e.message})`, { cause: err });
  }
}

/** Merges a backup into an open, sound library. */
export async function restoreInto(db: Db, dbPath: string, file: string, nativeBinding?: string): Promise<RestoreReport> {
  const { kind, data, done } = await readBackup(file, nativeBinding);
  done();
  snapshotUserData(db, dbPath, 'pre-restore');
  return { file, kind, ...mergeUserData(db, data), replaced: null, settings: data.settings ?? null };
}

/** Restores into the library at `dbPath`, whether it opens, is damaged, or is missing. */
export async function restoreLibrary(dbPath: string, file: string, opts: { nativeBinding?: string } = {}): Promise<RestoreReport> {
  let damaged: string | null = null;
  if (existsSync(dbPath)) {
    try {
      const { db } = await openDb(dbPath, { nativeBinding: opts.nativeBinding });
      try {
        const release = await acquireWriterLock(db, { job: 'restoring', waitMs: 60_000 });
        try {
          return await restoreInto(db, dbPath, file, opts.nativeBinding);
        } finally {
          release();
        }
      } finally {
        db.close();
      }
    } catch (err) {
      if (toErrorData(err).code !== 'DB_CORRUPT') throw err;
    }
    damaged = `${dbPath}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dbPath, damaged);
    for (const ext of ['-wal', '-shm']) if (existsSync(dbPath + ext)) renameSync(dbPath + ext, damaged + ext);
  }
  const backup = await readBackup(file, opts.nativeBinding);
  try {
    if (backup.copy) copyFileSync(backup.copy, dbPath);
  } finally {
    backup.done();
  }
  const { db } = await openDb(dbPath, { nativeBinding: opts.nativeBinding });
  try {
    const report = mergeUserData(db, backup.data);
    // What was made after the backup: the newest automatic snapshot (added counts summed).
    const snap = newestSnapshot(dbPath);
    if (snap) {
      const since = mergeUserData(db, checkUserData(snap.data, snap.file));
      for (const k of ['collections', 'evidence', 'corrections', 'roots', 'history'] as const) report[k].added += since[k].added;
    }
    return { file, kind: backup.kind, ...report, replaced: { damaged, snapshot: snap?.file ?? null }, settings: backup.data.settings ?? null };
  } finally {
    db.close();
  }
}

/** Full copies of a library by SQLite's online backup API (better-sqlite3's `db.backup`), written whole or not at all. */
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from '../store/db.js';
import { toErrorData, EngineError } from '../errors.js';
import type { BackupInfo } from './files.js';

export async function copyDb(db: Db, target: string): Promise<BackupInfo> {
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  try {
    await db.backup(partial);
    renameSync(partial, target);
  } catch (err) {
    rmSync(partial, { force: true });
    const e = toErrorData(err, target);
    throw new EngineError(e.code === 'INTERNAL' ? 'FILE_UNREADABLE' : e.code, `backup to ${target} failed: ${e.message}`, { cause: err });
  }
  const s = statSync(target);
  return { file: target, kind: 'full', bytes: s.size, createdAt: s.mtimeMs };
}

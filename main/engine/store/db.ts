/**
 * Opens the Delve database: better-sqlite3 in WAL mode, foreign keys on, sqlite-vec loaded when the
 * platform has it (BM25 keeps working without it; the reason is recorded), migrations applied.
 * The caller owns the handle's lifetime.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { EngineError, toErrorData } from '../errors.js';
import { checkAtOpen, corruptError, verifyDb } from './damage.js';
import { MIGRATIONS, migrate, schemaVersion } from './migrations/index.js';
import { backupName, rotate } from '../backup/files.js';
import { copyDb } from '../backup/copy.js';

export type Db = Database.Database;

export interface OpenedDb {
  db: Db;
  /** sqlite-vec version, or null with the reason it could not be loaded. */
  vec: { version: string | null; error: string | null };
  /** Whether the file is known sound: checked at open, or as Delve left it after a check (store/damage.ts). */
  verified: boolean;
}

export interface OpenOptions {
  nativeBinding?: string;
  readonly?: boolean;
  /** The database may not grow past this many MiB (PRAGMA max_page_count); a write past it fails with SQLITE_FULL. */
  maxMb?: number;
  /** Stop after this migration (tests of individual migrations). */
  migrateTo?: number;
}

export async function openDb(path: string, opts: OpenOptions = {}): Promise<OpenedDb> {
  let db: Db;
  const check = opts.readonly ? 'defer' : checkAtOpen(path);
  const verify = check === 'check';
  try {
    if (path !== ':memory:' && !opts.readonly) mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { nativeBinding: opts.nativeBinding, readonly: opts.readonly ?? false });
  } catch (err) {
    const data = toErrorData(err, path);
    throw new EngineError(data.code === 'INTERNAL' ? 'DB_OPEN_FAILED' : data.code, `cannot open database ${path}: ${(err as Error).message}`, { cause: err });
  }
  try {
    // First, so that every later step waits for another process (two opening a new library at once).
    db.pragma('busy_timeout = 5000');
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    if (verify) verifyDb(db, path);
    db.pragma('foreign_keys = ON');
    if (opts.maxMb !== undefined) {
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      db.pragma(`max_page_count = ${Math.max(1, Math.floor((opts.maxMb * 1048576) / pageSize))}`);
    }
    const vec = await loadVec(db);
    if (!opts.readonly) {
      const from = schemaVersion(db);
      // A migration rewrites tables: the library as it was is copied first (the newest 3 such copies kept).
      if (path !== ':memory:' && from > 0 && from < (opts.migrateTo ?? MIGRATIONS.length)) {
        await copyDb(db, backupName(path, 'pre-migration', 'db'));
        rotate(path, 'pre-migration', 3);
      }
      migrate(db, opts.migrateTo);
    }
    return { db, vec, verified: check !== 'defer' };
  } catch (err) {
    db.close();
    const data = toErrorData(err, path);
    if (data.code === 'DB_CORRUPT') throw err instanceof EngineError ? err : corruptError(path, (err as Error).message, err);
    throw new EngineError(data.code === 'INTERNAL' ? 'DB_OPEN_FAILED' : data.code, data.message, { cause: err });
  }
}

async function loadVec(db: Db): Promise<OpenedDb['vec']> {
  try {
    const sqliteVec = await import('sqlite-vec');
    // SQLite cannot load an extension from inside app.asar; packaged builds unpack it.
    const file = sqliteVec.getLoadablePath().replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
    db.loadExtension(file);
    const row = db.prepare('SELECT vec_version() AS v').get() as { v: string };
    return { version: row.v, error: null };
  } catch (err) {
    return { version: null, error: (err as Error).message };
  }
}

/**
 * Opens a Zotero data folder's database without ever touching it: `zotero.sqlite` (and its `-wal`,
 * if Zotero is running) is copied into a private temporary folder and the copy is opened read-only.
 * Zotero keeps an exclusive lock on its database while it runs; a copy is unaffected by it, and
 * nothing is ever written into the user's folder.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EngineError, toErrorData } from '../errors.js';
import { checkVersion } from './version.js';

export { hasTable } from './schema.js';

export interface ZoteroDb {
  db: Database.Database;
  dataDir: string;
  /** Zotero's userdata schema version (zotero/version.ts), null when none is recorded. */
  version: number | null;
  close(): void;
}

const REQUIRED = ['items', 'itemTypes', 'itemData', 'itemDataValues', 'fields', 'itemAttachments', 'deletedItems'];

export function openZotero(dataDir: string, nativeBinding?: string): ZoteroDb {
  const dir = resolve(dataDir);
  const file = join(dir, 'zotero.sqlite');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new EngineError('FILE_NOT_FOUND', `${dir}: no such folder`);
  if (!existsSync(file)) throw new EngineError('ZOTERO_INVALID', `${dir} is not a Zotero data folder: it has no zotero.sqlite`);
  const tmp = mkdtempSync(join(tmpdir(), 'delve-zotero-'));
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });
  let db: Database.Database;
  try {
    const copy = join(tmp, 'zotero.sqlite');
    copyFileSync(file, copy);
    if (existsSync(file + '-wal')) copyFileSync(file + '-wal', copy + '-wal');
    db = new Database(copy, { readonly: true, fileMustExist: true, nativeBinding });
  } catch (err) {
    cleanup();
    const e = toErrorData(err, file);
    throw new EngineError(e.code === 'INTERNAL' || e.code === 'FILE_VANISHED' ? 'DB_OPEN_FAILED' : e.code, `cannot open ${file}: ${(err as Error).message}`, { cause: err });
  }
  const close = () => { db.close(); cleanup(); };
  let version: number | null = null;
  try {
    const names = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").pluck().all() as string[]);
    const missing = REQUIRED.filter((t) => !names.has(t));
    if (missing.length > 0 && !names.has('version')) throw new EngineError('ZOTERO_INVALID', `${file} is not a Zotero database: no ${missing.join(', ')} table`);
    version = checkVersion(db, file);
  } catch (err) {
    close();
    if (err instanceof EngineError) throw err;
    const e = toErrorData(err, file);
    const code = e.code === 'DB_CORRUPT' ? 'DB_CORRUPT' : e.code === 'DB_BUSY' ? 'DB_BUSY' : 'ZOTERO_INVALID';
    throw new EngineError(code, `${file}: ${(err as Error).message}${code === 'DB_CORRUPT' ? ' (if Zotero was writing, try again)' : ''}`, { cause: err });
  }
  return { db, dataDir: dir, version, close };
}

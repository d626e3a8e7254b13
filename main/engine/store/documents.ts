/** Reads of the documents table used by the indexer's planner and by `status`. */
import type { DocKind } from '../types.js';
import type { Db } from './db.js';
import { stmt } from './statements.js';

export interface StoredDoc {
  id: number;
  path: string;
  kind: DocKind;
  size: number;
  mtimeMs: number;
  contentHash: string | null;
  status: 'ok' | 'partial' | 'error';
  errorCode: string | null;
  chunking: string | null;
}

const COLUMNS = `id, path, kind, size, mtime_ms AS mtimeMs, content_hash AS contentHash, status,
  error_code AS errorCode, chunking`;

/** Documents whose path is one of `roots` or lies beneath one of them. */
export function docsUnder(db: Db, roots: string[]): StoredDoc[] {
  const out = new Map<number, StoredDoc>();
  const q = stmt(db, `SELECT ${COLUMNS} FROM documents WHERE path = ? OR substr(path, 1, length(?)) = ?`);
  for (const root of roots) {
    const prefix = root.endsWith('/') || root.endsWith('\\') ? root : root + pathSep(root);
    for (const row of q.all(root, prefix, prefix) as StoredDoc[]) out.set(row.id, row);
  }
  return [...out.values()];
}


export function removeDocs(db: Db, ids: number[]): void {
  const del = stmt(db, 'DELETE FROM documents WHERE id = ?');
  db.transaction(() => { for (const id of ids) del.run(id); })();
}

export function touchDoc(db: Db, id: number, size: number, mtimeMs: number): void {
  stmt(db, 'UPDATE documents SET size = ?, mtime_ms = ? WHERE id = ?').run(size, mtimeMs, id);
}

export function moveDoc(db: Db, id: number, path: string, size: number, mtimeMs: number): void {
  stmt(db, 'UPDATE documents SET path = ?, size = ?, mtime_ms = ? WHERE id = ?').run(path, size, mtimeMs, id);
}

export function upsertRoot(db: Db, path: string, watch: boolean): void {
  stmt(db, `INSERT INTO roots (path, watch, added_at) VALUES (?, ?, ?)
    ON CONFLICT (path) DO UPDATE SET watch = MAX(watch, excluded.watch)`).run(path, watch ? 1 : 0, Date.now());
}



function pathSep(p: string): string {
  return p.includes('\\') && !p.includes('/') ? '\\' : '/';
}

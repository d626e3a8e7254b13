/**
 * The library's folders (`roots`: every folder ever indexed) with their totals, and forgetting one.
 * Removing a folder deletes its documents from the library (pages, chunks and their FTS rows and
 * pinned fields cascade; the vectors of text no longer in the library are dropped), except those
 * that also lie under another folder still in the library. Files on disk are never touched.
 */
import { resolve } from 'node:path';
import type { LibraryRoot } from '../api-library.js';
import { EngineError } from '../errors.js';
import type { Db } from '../store/db.js';
import { docsUnder, removeDocs } from '../store/documents.js';
import { sliceOf } from '../store/summary.js';
import { dropUnusedVectors } from './vectors.js';

interface RootRow { id: number; path: string; added_at: number }

const rootRows = (db: Db) => db.prepare('SELECT id, path, added_at FROM roots ORDER BY path').all() as RootRow[];

export function listRoots(db: Db): LibraryRoot[] {
  return rootRows(db).map((r) => {
    const s = sliceOf(db, [r.path]);
    return { path: r.path, documents: s.documents, pages: s.pages, chunks: s.chunks, errors: s.errors.length, addedAt: r.added_at };
  });
}

/** The root named by `path` as given, resolved, or with a trailing separator. */
function findRoot(rows: RootRow[], path: string): RootRow | undefined {
  const trimmed = path.length > 1 ? path.replace(/[\\/]+$/, '') : path;
  const wanted = new Set([path, trimmed, resolve(path)]);
  return rows.find((r) => wanted.has(r.path));
}

export function removeRoot(db: Db, path: string): { documents: number } {
  if (typeof path !== 'string' || !path.trim()) throw new EngineError('BAD_ARGUMENT', 'which folder? the path is empty');
  const rows = rootRows(db);
  const root = findRoot(rows, path);
  if (!root) {
    const known = rows.length > 0 ? `; its folders are ${rows.map((r) => r.path).join(', ')}` : '; it has no folders';
    throw new EngineError('BAD_ARGUMENT', `${path} is not a folder of the library${known}`);
  }
  const others = rows.filter((r) => r.id !== root.id).map((r) => r.path);
  const kept = new Set(docsUnder(db, others).map((d) => d.id));
  const ids = docsUnder(db, [root.path]).map((d) => d.id).filter((id) => !kept.has(id));
  const hashes = db.prepare('SELECT DISTINCT hash FROM chunks WHERE doc_id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids)) as string[];
  db.transaction(() => {
    removeDocs(db, ids);
    db.prepare('DELETE FROM roots WHERE id = ?').run(root.id);
  })();
  dropUnusedVectors(db, hashes);
  return { documents: ids.length };
}

/** Chunk texts by id, in one statement (ids that no longer exist are absent from the map). */
import type { Db } from './db.js';
import { stmt } from './statements.js';

export function chunkTexts(db: Db, ids: readonly number[]): Map<number, string> {
  const rows = stmt(db, 'SELECT id, text FROM chunks WHERE id IN (SELECT value FROM json_each(?))').raw(true).all(JSON.stringify(ids)) as [number, string][];
  return new Map(rows);
}

/**
 * Drops the vectors of chunk texts that left the library (after its documents were removed): from
 * every model's float table, and from their quantised copies (store/quantized.ts brings those in
 * step with the float table). A hash still used by another chunk keeps its vector. Without
 * sqlite-vec the vector tables cannot be opened: they are left for the next embedding job, which
 * removes vectors of text no longer in the library too.
 */
import type { Db } from '../store/db.js';
import { quantizedKinds, syncQuantized } from '../store/quantized.js';
import { bumpVectorsVersion } from '../store/vectors.js';

export function dropUnusedVectors(db: Db, hashes: readonly string[]): number {
  if (hashes.length === 0) return 0;
  const stillUsed = db.prepare('SELECT 1 FROM chunks WHERE hash = ? LIMIT 1').pluck();
  const unused = hashes.filter((h) => stillUsed.get(h) === undefined);
  const tables = db.prepare('SELECT vec_table FROM embedding_models ORDER BY vec_table').pluck().all() as string[];
  if (unused.length === 0 || tables.length === 0) return 0;
  let removed = 0;
  try {
    db.transaction(() => {
      for (const table of tables) {
        const del = db.prepare(`DELETE FROM ${table} WHERE chunk_hash = ?`);
        let n = 0;
        for (const h of unused) n += del.run(h).changes;
        if (n > 0) bumpVectorsVersion(db, table);
        removed += n;
        for (const kind of quantizedKinds(db, table)) syncQuantized(db, table, kind);
      }
    })();
  } catch (err) {
    if (/no such module: vec0/.test((err as Error).message)) return 0;
    throw err;
  }
  return removed;
}

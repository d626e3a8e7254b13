/**
 * Per-model sqlite-vec tables. Vectors are keyed by chunk hash: identical text shares one vector, and
 * a re-indexed or moved document keeps its vectors. Each (model id, fingerprint) pair has its own
 * table, registered in `embedding_models` under the key `<id>@<fingerprint prefix>`; the fingerprint
 * (model files' hashes plus pooling and normalisation) decides whether stored vectors still belong
 * to the model in use. A new model (or a changed one) fills a new table while the old tables stay;
 * only when the new set is complete are the others dropped.
 *
 * Flat KNN reads every vector on each query; through SQLite's small page cache that is a copy of the
 * whole table per query, so vector search memory-maps the database file (`tuneForVectorReads`).
 */
import type { Db } from './db.js';
import { dropQuantized, quantizedKinds, syncQuantized } from './quantized.js';

export interface EmbeddingModelRef {
  id: string;
  fingerprint: string;
  dims: number;
}

export interface VectorTable {
  key: string;
  table: string;
  /** True when the table was created by this call. */
  created: boolean;
  /** True once every chunk had a vector at the end of an embedding job. */
  complete: boolean;
}

interface ModelRow { id: string; fingerprint: string; dims: number; vec_table: string; complete: number }

export function modelKey(model: EmbeddingModelRef): string {
  return `${model.id}@${model.fingerprint.slice(0, 16)}`;
}

/** The model's table, or null when no vectors were ever stored for it. */
export function findVectorTable(db: Db, model: EmbeddingModelRef): VectorTable | null {
  const key = modelKey(model);
  const row = db.prepare('SELECT id, fingerprint, dims, vec_table, complete FROM embedding_models WHERE id = ?').get(key) as ModelRow | undefined;
  if (!row || row.fingerprint !== model.fingerprint || row.dims !== model.dims) return null;
  return { key, table: row.vec_table, created: false, complete: row.complete === 1 };
}

/** Creates the model's vector table if needed; requires sqlite-vec to be loaded. */
export function ensureVectorTable(db: Db, model: EmbeddingModelRef): VectorTable {
  if (!Number.isInteger(model.dims) || model.dims <= 0) throw new Error(`invalid dimensions ${model.dims}`);
  return db.transaction((): VectorTable => {
    const found = findVectorTable(db, model);
    if (found) return found;
    const key = modelKey(model);
    const stale = db.prepare('SELECT vec_table FROM embedding_models WHERE id = ?').get(key) as { vec_table: string } | undefined;
    if (stale) { // same key prefix, different full fingerprint or dims: never valid, replace it
      dropQuantized(db, stale.vec_table);
      db.exec(`DROP TABLE IF EXISTS ${stale.vec_table}`);
      db.prepare('DELETE FROM settings WHERE key = ?').run(vectorsVersionKey(stale.vec_table));
      db.prepare('DELETE FROM embedding_models WHERE id = ?').run(key);
    }
    const next = db.prepare('SELECT COALESCE(MAX(CAST(substr(vec_table, 5) AS INTEGER)), 0) + 1 AS n FROM embedding_models').get() as { n: number };
    const table = `vec_${next.n}`;
    db.exec(`CREATE VIRTUAL TABLE ${table} USING vec0 (chunk_hash TEXT PRIMARY KEY, embedding float[${model.dims}] distance_metric=cosine)`);
    db.prepare('INSERT INTO embedding_models (id, fingerprint, dims, vec_table, complete, created_at) VALUES (?, ?, ?, ?, 0, ?)')
      .run(key, model.fingerprint, model.dims, table, Date.now());
    return { key, table, created: true, complete: false };
  })();
}

/**
 * Marks the model's set complete, brings its quantised copies (store/quantized.ts), if any, in step,
 * and drops every other model's vectors (they are now superseded).
 */
export function completeVectorTable(db: Db, t: VectorTable): string[] {
  return db.transaction(() => {
    db.prepare('UPDATE embedding_models SET complete = 1 WHERE id = ?').run(t.key);
    for (const kind of quantizedKinds(db, t.table)) syncQuantized(db, t.table, kind);
    const others = db.prepare('SELECT id, vec_table FROM embedding_models WHERE id != ?').all(t.key) as { id: string; vec_table: string }[];
    for (const o of others) {
      dropQuantized(db, o.vec_table);
      db.exec(`DROP TABLE IF EXISTS ${o.vec_table}`);
      db.prepare('DELETE FROM settings WHERE key = ?').run(vectorsVersionKey(o.vec_table));
      db.prepare('DELETE FROM embedding_models WHERE id = ?').run(o.id);
    }
    return others.map((o) => o.id);
  })();
}

/** Memory map used for vector reads: 1 GiB of address space (not memory), bounded by SQLite's own maximum. */
export const VECTOR_MMAP_BYTES = 1 << 30;
const tuned = new WeakSet<Db>();

/**
 * Memory-maps the database for reads, once per connection, unless the connection already has a map
 * size set. Exact KNN over 100k 384-d vectors is about a third faster this way, and point lookups of
 * single vectors (re-scoring) about four times faster.
 */
export function tuneForVectorReads(db: Db): void {
  if (tuned.has(db)) return;
  tuned.add(db);
  if (db.memory) return;
  if ((db.pragma('mmap_size', { simple: true }) as number) === 0) db.pragma(`mmap_size = ${VECTOR_MMAP_BYTES}`);
}

/** Settings key of the version bumped whenever vectors are removed from `table`. */
export const vectorsVersionKey = (table: string) => `vectors.version:${table}`;

/**
 * Records that rows were removed from `table`. In-memory copies of the vectors (search/dense/scan-rows.ts)
 * see new rows by themselves (sqlite-vec's rowids only grow) but learn of removals from this version.
 */
export function bumpVectorsVersion(db: Db, table: string): void {
  const key = vectorsVersionKey(table);
  const previous = Number(db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) ?? 0);
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(key, String(Math.max(previous + 1, Date.now())));
}

/** Marks the set incomplete again (new chunks arrived without vectors). */
export function markIncomplete(db: Db, t: VectorTable): void {
  db.prepare('UPDATE embedding_models SET complete = 0 WHERE id = ?').run(t.key);
}

/**
 * Optional quantised copies of a model's vectors, for large libraries: `bit` (1 bit per dimension,
 * sign of each component, 32× smaller) or `int8` (sqlite-vec's 'unit' scaling, 4× smaller). They sit
 * in their own sqlite-vec table `<vec table>_<kind>` beside the float vectors, which stay the
 * reference: quantised search takes its candidates here and re-scores them with the exact float
 * cosine (search/dense/dense-quantized.ts). Nothing here runs unless a caller enables a kind; the float
 * table and its search are unchanged. completeVectorTable keeps existing copies in step after each
 * embedding job. Each sync bumps a version in `settings`, so in-memory caches know when to reload.
 */
import type { Db } from './db.js';

export type QuantKind = 'bit' | 'int8';
export const QUANT_KINDS: readonly QuantKind[] = ['bit', 'int8'];

export function quantizedTable(table: string, kind: QuantKind): string {
  if (!/^vec_\d+$/.test(table)) throw new Error(`not a vector table name: ${table}`);
  return `${table}_${kind}`;
}

/** sqlite-vec's SQL function turning a float vector into the kind's representation. */
export function quantizeSql(kind: QuantKind, arg: string): string {
  return kind === 'bit' ? `vec_quantize_binary(${arg})` : `vec_quantize_int8(${arg}, 'unit')`;
}

const versionKey = (q: string) => `quantized:${q}`;

function exists(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE name = ?").get(name) !== undefined;
}

/** The kinds that have a quantised copy of `table`. */
export function quantizedKinds(db: Db, table: string): QuantKind[] {
  return QUANT_KINDS.filter((k) => exists(db, quantizedTable(table, k)));
}

/** Version of the copy's last sync, or null when the copy does not exist. */
export function quantizedVersion(db: Db, table: string, kind: QuantKind): number | null {
  const q = quantizedTable(table, kind);
  const v = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(versionKey(q)) as string | undefined;
  return v !== undefined && exists(db, q) ? Number(v) : null;
}

export interface SyncSummary { table: string; added: number; removed: number; version: number }

/**
 * Creates the copy if needed and brings it in step with the float table: quantises vectors it lacks,
 * removes those whose text left the library. Enabling a kind is calling this once.
 */
export function syncQuantized(db: Db, table: string, kind: QuantKind): SyncSummary {
  const q = quantizedTable(table, kind);
  const dims = db.prepare('SELECT dims FROM embedding_models WHERE vec_table = ?').pluck().get(table) as number | undefined;
  if (dims === undefined) throw new Error(`${table} is not a registered vector table`);
  if (kind === 'bit' && dims % 8 !== 0) throw new Error(`bit vectors need dimensions divisible by 8, got ${dims}`);
  return db.transaction((): SyncSummary => {
    const column = kind === 'bit' ? `bit[${dims}]` : `int8[${dims}] distance_metric=cosine`;
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS ${q} USING vec0 (chunk_hash TEXT PRIMARY KEY, embedding ${column})`);
    const have = new Set(db.prepare(`SELECT chunk_hash FROM ${q}`).pluck().all() as string[]);
    const live = db.prepare(`SELECT chunk_hash FROM ${table}`).pluck().all() as string[];
    const liveSet = new Set(live);
    const insert = db.prepare(`INSERT INTO ${q} (chunk_hash, embedding) SELECT chunk_hash, ${quantizeSql(kind, 'embedding')} FROM ${table} WHERE chunk_hash = ?`);
    const del = db.prepare(`DELETE FROM ${q} WHERE chunk_hash = ?`);
    let added = 0;
    let removed = 0;
    for (const h of live) if (!have.has(h)) added += insert.run(h).changes;
    for (const h of have) if (!liveSet.has(h)) removed += del.run(h).changes;
    const previous = quantizedVersion(db, table, kind) ?? 0;
    const version = added + removed > 0 || previous === 0 ? Math.max(previous + 1, Date.now()) : previous;
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(versionKey(q), String(version));
    return { table: q, added, removed, version };
  })();
}

/** Removes a copy (or every copy of `table` when no kind is given). */
export function dropQuantized(db: Db, table: string, kind?: QuantKind): void {
  for (const k of kind ? [kind] : QUANT_KINDS) {
    const q = quantizedTable(table, k);
    db.exec(`DROP TABLE IF EXISTS ${q}`);
    db.prepare('DELETE FROM settings WHERE key = ?').run(versionKey(q));
  }
}

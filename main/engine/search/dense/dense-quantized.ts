/**
 * Dense candidates from a quantised copy of the vectors (store/quantized.ts), re-scored exactly:
 * the copy proposes `oversample × n` hashes (for `bit`, the float query against each code's signs,
 * scanned in memory, or sqlite-vec's Hamming KNN; for `int8`, sqlite-vec's int8 cosine KNN), each is re-scored with sqlite-vec's float cosine against the stored float vector — the very
 * distance the float KNN reports — and the best `n` are kept. Scores are therefore the float path's
 * scores; only a true neighbour the copy failed to propose can be missing.
 */
import type { Db } from '../../store/db.js';
import { quantizedTable, quantizeSql, type QuantKind } from '../../store/quantized.js';
import { tuneForVectorReads } from '../../store/vectors.js';
import { bitCodes, signNearest } from './bit-codes.js';
import { chunksOfHashes, MAX_K, toBlob } from './dense.js';
import type { Scored } from '../fusion/fuse.js';

export const DEFAULT_OVERSAMPLE = 4;

export interface QuantizedOptions {
  /** Candidates taken from the copy per result wanted (default 4). */
  oversample?: number;
  /** `bit` only: scan codes held in memory against the float query (default) or use sqlite-vec's Hamming KNN. */
  scan?: 'memory' | 'sqlite';
}

/** Hashes the quantised copy proposes, nearest first where the scan orders them. */
export function quantizedCandidates(db: Db, table: string, kind: QuantKind, query: Float32Array, m: number, scan: 'memory' | 'sqlite' = 'memory'): string[] {
  if (kind === 'bit' && scan === 'memory') {
    const codes = bitCodes(db, table);
    if (!codes) throw new Error(`${table} has no bit copy: enable it with syncQuantized(db, table, 'bit')`);
    return signNearest(codes, query, m).map((i) => codes.hashes[i]!);
  }
  const q = quantizedTable(table, kind);
  return db.prepare(`SELECT chunk_hash FROM ${q} WHERE embedding MATCH ${quantizeSql(kind, '?')} AND k = ? ORDER BY distance`)
    .pluck().all(toBlob(query), Math.min(MAX_K, m)) as string[];
}

/** Exact cosine similarity (1 − sqlite-vec's float cosine distance) of each hash's stored vector. */
export function rescore(db: Db, table: string, query: Float32Array, hashes: string[]): Map<string, number> {
  const one = db.prepare(`SELECT vec_distance_cosine(embedding, ?) FROM ${table} WHERE chunk_hash = ?`).pluck();
  const q = toBlob(query);
  const out = new Map<string, number>();
  for (const h of hashes) {
    const d = one.get(q, h) as number | undefined;
    if (d !== undefined) out.set(h, 1 - d);
  }
  return out;
}

/** The best `n` chunks by exact cosine similarity among the copy's candidates, best first. */
export function denseListQuantized(db: Db, table: string, kind: QuantKind, query: Float32Array, n: number, opts: QuantizedOptions = {}): Scored[] {
  tuneForVectorReads(db);
  const k = Math.max(1, Math.min(MAX_K, Math.floor(n)));
  const m = Math.max(k, Math.ceil(k * Math.max(1, opts.oversample ?? DEFAULT_OVERSAMPLE)));
  const sim = rescore(db, table, query, quantizedCandidates(db, table, kind, query, m, opts.scan));
  const best = new Map([...sim].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k));
  return chunksOfHashes(db, best, k);
}

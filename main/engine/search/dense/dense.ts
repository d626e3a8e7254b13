/**
 * The dense candidate list: sqlite-vec's k-nearest-neighbour search over the model's vector table
 * (cosine distance), mapped from chunk hashes back to chunks. Chunks with identical text share one
 * vector, so one hash can stand for several chunks; each gets the hash's similarity.
 */
import type { Db } from '../../store/db.js';
import { tuneForVectorReads } from '../../store/vectors.js';
import type { Scored } from '../fusion/fuse.js';

/** sqlite-vec's KNN limit per query. */
export const MAX_K = 4096;

export function toBlob(v: Float32Array): Buffer {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

/** Chunks of the given hashes with their hash's similarity, best first (ties by chunk id), at most `k`. */
export function chunksOfHashes(db: Db, sim: Map<string, number>, k: number): Scored[] {
  if (sim.size === 0) return [];
  const rows = db.prepare(`SELECT c.id, c.hash FROM chunks c WHERE c.hash IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify([...sim.keys()])) as { id: number; hash: string }[];
  return rows
    .map((r) => ({ chunkId: r.id, score: sim.get(r.hash)! }))
    .sort((a, b) => b.score - a.score || a.chunkId - b.chunkId)
    .slice(0, k);
}

/** The best `n` chunks by cosine similarity (1 − cosine distance), best first. */
export function denseList(db: Db, table: string, query: Float32Array, n: number): Scored[] {
  tuneForVectorReads(db);
  const k = Math.max(1, Math.min(MAX_K, Math.floor(n)));
  const near = db.prepare(`SELECT chunk_hash AS hash, distance FROM ${table} WHERE embedding MATCH ? AND k = ? ORDER BY distance`)
    .all(toBlob(query), k) as { hash: string; distance: number }[];
  return chunksOfHashes(db, new Map(near.map((r) => [r.hash, 1 - r.distance])), k);
}

/**
 * Binary codes held in memory for the scan of quantised search: every vector of a `bit` copy
 * (store/quantized.ts), 48 bytes per 384-d vector (4.8 MB per 100k chunks). Loaded once per
 * connection and copy version, reloaded when a sync changes the copy. The scan scores the float
 * query against each code's signs with per-byte lookup tables and keeps the top m in a heap, so it
 * costs about 10 ms at 100k vectors whatever m; sqlite-vec's own KNN keeps its top k by repeated
 * passes, which at k in the hundreds costs more than the distances.
 */
import type { Db } from '../../store/db.js';
import { quantizedTable, quantizedVersion } from '../../store/quantized.js';
import { TopK } from '../top-k.js';

export interface BitCodes {
  version: number;
  /** Bytes per vector (dims / 8). */
  bytesPer: number;
  hashes: string[];
  /** Every vector's code, back to back. */
  bytes: Uint8Array;
}

const caches = new WeakMap<Db, Map<string, BitCodes>>();

/** The copy's codes, or null when `table` has no `bit` copy. */
export function bitCodes(db: Db, table: string): BitCodes | null {
  const version = quantizedVersion(db, table, 'bit');
  if (version === null) return null;
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(table);
  if (hit && hit.version === version) return hit;
  const rows = db.prepare(`SELECT chunk_hash, embedding FROM ${quantizedTable(table, 'bit')}`).raw().all() as [string, Buffer][];
  const bytesPer = rows.length > 0 ? rows[0]![1].length : 0;
  const bytes = new Uint8Array(rows.length * bytesPer);
  rows.forEach((r, i) => bytes.set(r[1], i * bytesPer));
  const codes: BitCodes = { version, bytesPer, hashes: rows.map((r) => r[0]), bytes };
  cache.set(table, codes);
  return codes;
}

/** Sign of dimension `d` in vector `i` of the codes: bit d of the vector's bytes, lowest bit first (vec_quantize_binary's layout). */
export function codeSign(c: BitCodes, i: number, d: number): 1 | -1 {
  return (c.bytes[i * c.bytesPer + (d >>> 3)]! >>> (d & 7)) & 1 ? 1 : -1;
}

/**
 * Indexes of the `m` vectors with the highest asymmetric score Σ q_d · sign_d (the float query against
 * each vector's signs), best first. Per query byte a 256-entry table holds the partial sums of its 8
 * dimensions, so a vector costs one table lookup per byte. Keeping the query in floats finds the
 * true neighbours far more often than Hamming distance between sign codes does.
 */
export function signNearest(c: BitCodes, query: Float32Array, m: number): number[] {
  const per = c.bytesPer;
  const lut = new Float32Array(per * 256);
  for (let b = 0; b < per; b++) {
    for (let v = 0; v < 256; v++) {
      let s = 0;
      for (let j = 0; j < 8; j++) s += ((v >>> j) & 1 ? 1 : -1) * (query[b * 8 + j] ?? 0);
      lut[(b << 8) | v] = s;
    }
  }
  const heap = new TopK(Math.min(m, c.hashes.length));
  const { bytes } = c;
  for (let i = 0, o = 0; i < c.hashes.length; i++, o += per) {
    let s = 0;
    for (let b = 0; b < per; b++) s += lut[(b << 8) | bytes[o + b]!]!;
    heap.offer(s, i);
  }
  return heap.drain();
}

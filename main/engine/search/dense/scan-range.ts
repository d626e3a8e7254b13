/**
 * One thread's share of the in-memory vector scan: score rows [start, start + count) against the
 * query with the SIMD kernel (search/dense/scan-kernel.ts), a block of rows at a time, and keep the best m.
 * The same function runs in the scan workers and, when no worker can run, in the calling thread.
 *
 * Memory layout (search/dense/scan-rows.ts makes it): one scratch slot per thread at the start, each the
 * padded query followed by a block of scores; then the unit-length rows, `stride` floats each.
 */
import { LANES, type ScoresFn, type WasmMemory } from './scan-kernel.js';
import { TopK } from '../top-k.js';

/** Rows scored per kernel call: their scores fit a 16 KiB scratch block. */
export const BLOCK_ROWS = 4096;

export interface ScanLayout {
  /** Floats per row and per query: the dimensions padded to a multiple of LANES. */
  stride: number;
  /** Bytes per scratch slot (query, then BLOCK_ROWS scores). */
  slotBytes: number;
  /** Byte offset of row 0. */
  rowsBase: number;
}

export function scanLayout(dims: number, slots: number): ScanLayout {
  const stride = Math.ceil(dims / LANES) * LANES;
  const slotBytes = (stride + BLOCK_ROWS) * 4;
  return { stride, slotBytes, rowsBase: slots * slotBytes };
}

export interface RangeHits {
  /** Row indexes, best first. */
  ids: Int32Array;
  /** Their dot products with the query. */
  scores: Float64Array;
}

/** The best `m` rows of the range by dot product with `query` (already padded to the stride). */
export function scanRange(scores: ScoresFn, memory: WasmMemory, layout: ScanLayout, slot: number,
  query: Float32Array, start: number, count: number, m: number): RangeHits {
  const f = new Float32Array(memory.buffer);
  const qAt = slot * layout.slotBytes;
  const outAt = qAt + layout.stride * 4;
  if (query.length !== layout.stride) throw new Error(`query has ${query.length} floats, rows have ${layout.stride}`);
  f.set(query, qAt / 4);
  const heap = new TopK(Math.max(0, Math.min(m, count)));
  const rowBytes = layout.stride * 4;
  const outIndex = outAt / 4;
  for (let b = start; b < start + count; b += BLOCK_ROWS) {
    const c = Math.min(BLOCK_ROWS, start + count - b);
    scores(qAt, layout.rowsBase + b * rowBytes, c, rowBytes, outAt);
    for (let j = 0; j < c; j++) heap.offer(f[outIndex + j]!, b + j);
  }
  return heap.entries();
}

/**
 * One thread's share of the in-memory vector scan: score rows [start, start + count) against the
 * query with the SIMD kernel (search/dense/scan-kernel.ts), a block of rows at a time, and keep the best m.
 * The same function runs in the scan workers and, when no worker can run, in the calling thread.
 *
 * Memory layout (search/dense/scan-rows.ts makes it): one scratch slot per thread at the start, each the
 * padded query followed by a block of scores; then the rows, `rowBytes` each, in the form of their
 * codes (search/dense/row-codec.ts: unit-length floats, or int8 codes and a scale).
 */
import { LANES, type ScoresFn, type WasmMemory } from './scan-kernel.js';
import { codecOf, type RowCodes } from './row-codec.js';
import { TopK } from '../top-k.js';

/** Rows scored per kernel call: their scores fit a 16 KiB scratch block. */
export const BLOCK_ROWS = 4096;

export interface ScanLayout {
  /** How rows are held (search/dense/row-codec.ts). */
  codes: RowCodes;
  /** Values per row and per query: the dimensions padded to a multiple of LANES. */
  stride: number;
  /** Bytes per row. */
  rowBytes: number;
  /** Bytes per scratch slot (query, then BLOCK_ROWS scores). */
  slotBytes: number;
  /** Byte offset of row 0. */
  rowsBase: number;
}

export function scanLayout(dims: number, slots: number, codes: RowCodes = 'float32'): ScanLayout {
  const stride = Math.ceil(dims / LANES) * LANES;
  const slotBytes = (stride + BLOCK_ROWS) * 4;
  return { codes, stride, rowBytes: codecOf(codes).pitch(stride), slotBytes, rowsBase: slots * slotBytes };
}

export interface RangeHits {
  /** Row indexes, best first. */
  ids: Int32Array;
  /** Their cosine similarities with the query (estimates, for int8 rows). */
  scores: Float64Array;
}

/** The best `m` rows of the range by dot product with `query` (unit length, padded to the stride). */
export function scanRange(scores: ScoresFn, memory: WasmMemory, layout: ScanLayout, slot: number,
  query: Float32Array, start: number, count: number, m: number): RangeHits {
  const f = new Float32Array(memory.buffer);
  const qAt = slot * layout.slotBytes;
  const outAt = qAt + layout.stride * 4;
  if (query.length !== layout.stride) throw new Error(`query has ${query.length} floats, rows have ${layout.stride}`);
  const factor = codecOf(layout.codes).writeQuery(new Uint8Array(memory.buffer), qAt, query);
  const heap = new TopK(Math.max(0, Math.min(m, count)));
  const { rowBytes } = layout;
  const outIndex = outAt / 4;
  for (let b = start; b < start + count; b += BLOCK_ROWS) {
    const c = Math.min(BLOCK_ROWS, start + count - b);
    scores(qAt, layout.rowsBase + b * rowBytes, c, rowBytes, outAt);
    for (let j = 0; j < c; j++) heap.offer(f[outIndex + j]!, b + j);
  }
  const hits = heap.entries();
  if (factor !== 1) for (let j = 0; j < hits.scores.length; j++) hits.scores[j]! *= factor;
  return hits;
}

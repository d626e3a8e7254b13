/**
 * How the in-memory vector scan holds each row, and how a query meets it (search/dense/scan-rows.ts
 * writes rows, search/dense/scan-range.ts writes queries):
 * - `float32`: the unit-length vector, zero-padded to the stride (4 bytes a dimension); the kernel of
 *   scan-kernel.ts gives exact cosine similarities.
 * - `int8`: the unit-length vector as int8 codes c = round(127·x / max|x|), padded to the stride, then
 *   the row's scale max|x| / 127 (f32) and 12 bytes of padding (1 byte a dimension + 16 a row: 400
 *   bytes for 384 dimensions, against 1,536); the query as int16 codes. The kernel of
 *   scan-kernel-int8.ts gives scale · (q·c), which divided by the query's own scale approximates the
 *   cosine (error about 1e-3 on 384-d unit vectors), so int8 hits are candidates to re-score.
 */
import { LANES } from './scan-kernel.js';

export type RowCodes = 'float32' | 'int8';

export interface RowCodec {
  codes: RowCodes;
  /** Bytes per row for `stride` dimensions (a multiple of LANES). */
  pitch(stride: number): number;
  /** Writes `src[from, from + d)`, scaled to unit length, as one row at byte `at` of `bytes`. */
  write(bytes: Uint8Array, at: number, src: Float32Array, from: number, d: number, stride: number): void;
  /**
   * Writes the query (unit length, padded to the stride) at byte `at` in the form the kernel reads;
   * returns the factor that turns the kernel's scores into cosine similarities.
   */
  writeQuery(bytes: Uint8Array, at: number, query: Float32Array): number;
}

/** The unit-length copy of `src[from, from + d)` (a zero vector stays zero). */
export function unitOf(src: Float32Array, from: number, d: number, to: Float32Array = new Float32Array(d)): Float32Array {
  let sq = 0;
  for (let k = 0; k < d; k++) sq += src[from + k]! * src[from + k]!;
  const scale = sq > 0 ? 1 / Math.sqrt(sq) : 0;
  for (let k = 0; k < d; k++) to[k] = src[from + k]! * scale;
  return to;
}

const float32: RowCodec = {
  codes: 'float32',
  pitch: (stride) => stride * 4,
  write(bytes, at, src, from, d, stride) {
    const f = new Float32Array(bytes.buffer, bytes.byteOffset + at, stride);
    unitOf(src, from, d, f);
    f.fill(0, d);
  },
  writeQuery(bytes, at, query) {
    new Float32Array(bytes.buffer, bytes.byteOffset + at, query.length).set(query);
    return 1;
  },
};

/** Most a query code may be: keeps Σ|q|·127 (the largest possible int32 sum) under 2^31. */
const I16_MAX = 32767;

const int8: RowCodec = {
  codes: 'int8',
  pitch: (stride) => stride + LANES,
  write(bytes, at, src, from, d, stride) {
    const unit = unitOf(src, from, d, scratch(d));
    let max = 0;
    for (let k = 0; k < d; k++) max = Math.max(max, Math.abs(unit[k]!));
    const codes = new Int8Array(bytes.buffer, bytes.byteOffset + at, stride);
    const inv = max > 0 ? 127 / max : 0;
    for (let k = 0; k < d; k++) codes[k] = Math.round(unit[k]! * inv);
    codes.fill(0, d);
    new DataView(bytes.buffer, bytes.byteOffset + at + stride, LANES).setFloat32(0, max / 127, true);
    new Uint8Array(bytes.buffer, bytes.byteOffset + at + stride + 4, LANES - 4).fill(0);
  },
  writeQuery(bytes, at, query) {
    let max = 0;
    let sum = 0;
    for (let k = 0; k < query.length; k++) { const a = Math.abs(query[k]!); max = Math.max(max, a); sum += a; }
    if (max === 0) { new Int16Array(bytes.buffer, bytes.byteOffset + at, query.length).fill(0); return 0; }
    // Rounding adds at most 0.5 a code: (sum·s + 0.5·len)·127 < 2^31.
    const scale = Math.min(I16_MAX / max, ((2 ** 31 - 1) / 127 - 0.5 * query.length) / sum);
    const q = new Int16Array(bytes.buffer, bytes.byteOffset + at, query.length);
    for (let k = 0; k < query.length; k++) q[k] = Math.round(query[k]! * scale);
    return 1 / scale;
  },
};

let scratchRow = new Float32Array(0);
function scratch(d: number): Float32Array {
  if (scratchRow.length < d) scratchRow = new Float32Array(d);
  return scratchRow.length === d ? scratchRow : scratchRow.subarray(0, d);
}

export function codecOf(codes: RowCodes): RowCodec {
  return codes === 'int8' ? int8 : float32;
}

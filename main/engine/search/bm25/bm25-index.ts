/**
 * BM25 as Lucene defines it (BM25Similarity, Lucene 8+; Anserini/Pyserini's ranking), computed from
 * postings held in memory: for each term t of the OR query (a term listed twice counts twice),
 * score += idf_t · f / (f + k1·(1 − b + b·D/avgdl)), with idf_t = ln(1 + (N − n_t + 0.5) / (n_t + 0.5)),
 * f the column-weighted count of t in the row, D the row's length in tokens (all columns), N the rows
 * and avgdl the mean row length. Lucene 8 dropped the constant (k1 + 1) numerator factor (ranks are
 * unchanged by it); its idf is never negative, unlike FTS5's ln((N − n + 0.5)/(n + 0.5)) with a 1e-6
 * floor. With `lossyLengths` D is rounded as Lucene stores it (one byte per row: SmallFloat.intToByte4),
 * so scores match Anserini's index more closely; search/RANKING.md has the measurements.
 *
 * FTS5's bm25() (k1 = 1.2 and b = 0.75 fixed) costs ~1 µs per matching row; here the same kind of
 * sum runs over typed arrays in ~1-2 ms for a query at 100k chunks.
 */

import { TopK } from '../top-k.js';

/** BM25's two parameters; Anserini's defaults for BEIR and the classic collections are k1 0.9, b 0.4. */
export interface Bm25Params {
  k1: number;
  b: number;
  /** Round row lengths as Lucene's one-byte norms do. */
  lossyLengths?: boolean;
}

export const LUCENE_DEFAULTS: Bm25Params = { k1: 0.9, b: 0.4 };
/** Delve's defaults, chosen by measurement over nine collections (search/RANKING.md). */
export const DEFAULT_BM25: Bm25Params = { k1: 1.5, b: 0.75 };

/** Lucene's SmallFloat.longToInt4: 4 significant bits, float-like. */
function longToInt4(i: number): number {
  const numBits = 32 - Math.clz32(i);
  if (numBits < 4) return i;
  const shift = numBits - 4;
  return ((i >>> shift) & 0x07) | ((shift + 1) << 3);
}
function int4ToLong(i: number): number {
  const bits = i & 0x07;
  const shift = (i >>> 3) - 1;
  return shift === -1 ? bits : (bits | 0x08) * 2 ** shift;
}
const NUM_FREE_VALUES = 255 - longToInt4(2147483647);

/** A row length as Lucene's norms keep it: SmallFloat.byte4ToInt(SmallFloat.intToByte4(n)). */
export function luceneLength(n: number): number {
  if (n < NUM_FREE_VALUES) return n;
  return NUM_FREE_VALUES + int4ToLong(longToInt4(Math.min(n, 2147483647) - NUM_FREE_VALUES));
}

/** Lucene's idf: ln(1 + (N − n + 0.5) / (n + 0.5)), always positive. */
export const luceneIdf = (N: number, n: number): number => Math.log(1 + (N - n + 0.5) / (n + 0.5));

/** What the loader reads (search/bm25/bm25-load.ts); every array can be transferred between threads. */
export interface Bm25IndexData {
  /** Row ids, ascending: a row's position here is its index in `docs`. */
  rowids: Float64Array;
  /** Tokens in each row, all columns (FTS5's %_docsize). */
  lengths: Uint32Array;
  /** Total tokens, from FTS5's averages record (N, its row count, is rowids.length). */
  nToken: number;
  nCol: number;
  /** Terms as UTF-8, in FTS5's (memcmp) order: term t is termBytes[termStarts[t] .. termStarts[t+1]). */
  termBytes: Uint8Array;
  termStarts: Uint32Array;
  /** Rows holding each term (n_t). */
  df: Uint32Array;
  /** Term t's postings are docs[postStarts[t] .. postStarts[t+1]), rows ascending. */
  postStarts: Uint32Array;
  docs: Int32Array;
  /** Occurrences per posting and column: tf[p·nCol + c] (one byte where every count fits). */
  tf: Uint8Array | Uint16Array;
  /** Rows in the index when this holds only some of them (search/bm25/bm25-direct.ts); else rowids.length. */
  nRows?: number;
  /** FTS5's structure and averages records when this was read: the index is current while they are. */
  structure: Uint8Array;
  averages: Uint8Array;
}

export interface Bm25Top {
  rowid: number;
  /** BM25 (higher is better). */
  score: number;
}

const encoder = new TextEncoder();

export class Bm25Index {
  private readonly kd: Float64Array;
  private readonly idf: Float64Array;
  private readonly acc: Float64Array;
  private readonly touched: Int32Array;
  private readonly seen: Uint8Array;

  constructor(readonly data: Bm25IndexData, readonly params: Bm25Params = LUCENE_DEFAULTS) {
    const N = data.nRows ?? data.rowids.length;
    const avgdl = data.nToken / N;
    const { k1, b, lossyLengths } = params;
    this.kd = Float64Array.from(data.lengths, (D) => k1 * (1 - b + b * (lossyLengths ? luceneLength(D) : D) / avgdl));
    this.idf = Float64Array.from(data.df, (n) => luceneIdf(N, n));
    this.acc = new Float64Array(data.rowids.length);
    this.touched = new Int32Array(data.rowids.length);
    this.seen = new Uint8Array(data.rowids.length);
  }

  get terms(): number { return this.data.termStarts.length - 1; }
  get postings(): number { return this.data.docs.length; }
  get bytes(): number {
    const d = this.data;
    return [d.rowids, d.lengths, d.termBytes, d.termStarts, d.df, this.idf, d.postStarts, d.docs, d.tf, this.kd, this.acc, this.touched, this.seen].reduce((s, a) => s + a.byteLength, 0);
  }

  /** The term's number, or -1 when no row holds it. */
  find(term: string): number {
    const key = encoder.encode(term);
    const { termBytes, termStarts } = this.data;
    let lo = 0;
    let hi = this.terms - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareBytes(termBytes, termStarts[mid]!, termStarts[mid + 1]!, key);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** How many rows hold at least one of these terms (term numbers from find(), -1 for none): an OR query's hit count. */
  count(phrases: number[]): number {
    const { docs, postStarts } = this.data;
    const { seen, touched } = this;
    let count = 0;
    for (const t of phrases) {
      if (t < 0) continue;
      for (let p = postStarts[t]!; p < postStarts[t + 1]!; p++) {
        const d = docs[p]!;
        if (seen[d] === 0) { seen[d] = 1; touched[count++] = d; }
      }
    }
    for (let i = 0; i < count; i++) seen[touched[i]!] = 0;
    return count;
  }

  /**
   * The best `n` rows for an OR of single-term phrases (term numbers from find(), -1 for a term no
   * row holds; a term listed twice counts twice), each weighted by its boost (default 1; RM3's term
   * weights), best first, ties by row id.
   */
  top(phrases: number[], weights: readonly number[], n: number, boosts?: readonly number[]): Bm25Top[] {
    const { docs, tf, postStarts, nCol, rowids } = this.data;
    const { acc, touched, seen, kd } = this;
    const w = Array.from({ length: nCol }, (_, c) => weights[c] ?? 1.0);
    let count = 0;
    for (const [q, t] of phrases.entries()) {
      if (t < 0) continue;
      const from = postStarts[t]!;
      const to = postStarts[t + 1]!;
      const idf = this.idf[t]! * (boosts?.[q] ?? 1);
      for (let p = from; p < to; p++) {
        const d = docs[p]!;
        let f = 0;
        for (let c = 0; c < nCol; c++) f += tf[p * nCol + c]! * w[c]!;
        if (seen[d] === 0) { seen[d] = 1; touched[count++] = d; }
        acc[d] = acc[d]! + idf * (f / (f + kd[d]!));
      }
    }
    // Rows are numbered in row id order, so TopK's ties (smaller number first) are FTS5's (rowid).
    const best = new TopK(Math.max(0, Math.min(Math.floor(n), count)));
    for (let i = 0; i < count; i++) best.offer(acc[touched[i]!]!, touched[i]!);
    const { ids, scores } = best.entries();
    const out = Array.from(ids, (d, i) => ({ rowid: rowids[d]!, score: scores[i]! }));
    for (let i = 0; i < count; i++) { acc[touched[i]!] = 0; seen[touched[i]!] = 0; }
    return out;
  }
}

/** Compares termBytes[from, to) with key as memcmp does (then shorter first). */
function compareBytes(bytes: Uint8Array, from: number, to: number, key: Uint8Array): number {
  const len = Math.min(to - from, key.length);
  for (let i = 0; i < len; i++) {
    const diff = bytes[from + i]! - key[i]!;
    if (diff !== 0) return diff;
  }
  return (to - from) - key.length;
}

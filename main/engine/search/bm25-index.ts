/**
 * FTS5's BM25 computed from postings held in memory. FTS5's bm25() costs ~1 µs per matching row
 * (instance lists, a %_docsize lookup), and a query's common words match tens of thousands of rows
 * in a large library; here the same sum runs over typed arrays in ~1-2 ms.
 *
 * The scores are FTS5's own (fts5_aux.c, fts5Bm25Function): for each phrase i of the OR query, in
 * order, score += idf_i · f·(k1+1) / (f + k1·(1 − b + b·D/avgdl)), with k1 = 1.2, b = 0.75,
 * idf_i = ln((N − n_i + 0.5) / (n_i + 0.5)) (1e-6 where that is ≤ 0), f the column-weighted count of
 * the term in the row, D the row's tokens in all columns, N and avgdl from FTS5's averages record.
 * The same operations in the same order give the same doubles, so ranks and ties match FTS5's: idf is
 * computed by SQLite's own ln() at load time (V8's Math.log differs from C's log in the last bit for
 * ~7% of arguments), and f is summed per column rather than per occurrence, which is exact for
 * weights such as 1 and 0.5. (A C compiler that fuses multiply-adds, as on some arm64 builds, can
 * still differ in the last bit.)
 */

import { TopK } from './top-k.js';

const K1 = 1.2;
const B = 0.75;

/** What the loader reads (search/bm25-load.ts); every array can be transferred between threads. */
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
  /** ln((N − n_t + 0.5) / (n_t + 0.5)) for each term, as SQLite computes it (before the 1e-6 floor). */
  idf: Float64Array;
  /** Term t's postings are docs[postStarts[t] .. postStarts[t+1]), rows ascending. */
  postStarts: Uint32Array;
  docs: Int32Array;
  /** Occurrences per posting and column: tf[p·nCol + c]. */
  tf: Uint16Array;
  /** FTS5's structure and averages records when this was read: the index is current while they are. */
  structure: Uint8Array;
  averages: Uint8Array;
}

export interface Bm25Top {
  rowid: number;
  /** BM25 with FTS5's sign flipped (higher is better). */
  score: number;
}

const encoder = new TextEncoder();

export class Bm25Index {
  private readonly kd: Float64Array;
  private readonly acc: Float64Array;
  private readonly touched: Int32Array;
  private readonly seen: Uint8Array;

  constructor(readonly data: Bm25IndexData) {
    const avgdl = data.nToken / data.rowids.length;
    this.kd = Float64Array.from(data.lengths, (D) => K1 * (1 - B + B * D / avgdl));
    this.acc = new Float64Array(data.rowids.length);
    this.touched = new Int32Array(data.rowids.length);
    this.seen = new Uint8Array(data.rowids.length);
  }

  get terms(): number { return this.data.termStarts.length - 1; }
  get postings(): number { return this.data.docs.length; }
  get bytes(): number {
    const d = this.data;
    return [d.rowids, d.lengths, d.termBytes, d.termStarts, d.idf, d.postStarts, d.docs, d.tf, this.kd, this.acc, this.touched, this.seen].reduce((s, a) => s + a.byteLength, 0);
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

  /**
   * The best `n` rows for an OR of single-term phrases (term numbers from find(), -1 for a term no
   * row holds; a term listed twice counts twice, as in FTS5), best first, ties by row id.
   */
  top(phrases: number[], weights: readonly number[], n: number): Bm25Top[] {
    const { docs, tf, postStarts, nCol, rowids } = this.data;
    const { acc, touched, seen, kd } = this;
    const w = Array.from({ length: nCol }, (_, c) => weights[c] ?? 1.0);
    let count = 0;
    for (const t of phrases) {
      if (t < 0) continue;
      const from = postStarts[t]!;
      const to = postStarts[t + 1]!;
      let idf = this.data.idf[t]!;
      if (idf <= 0.0) idf = 1e-6;
      for (let p = from; p < to; p++) {
        const d = docs[p]!;
        let f = 0;
        for (let c = 0; c < nCol; c++) f += tf[p * nCol + c]! * w[c]!;
        if (seen[d] === 0) { seen[d] = 1; touched[count++] = d; }
        acc[d] = acc[d]! + idf * ((f * (K1 + 1.0)) / (f + kd[d]!));
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

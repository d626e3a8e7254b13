/**
 * Development tool (not a test), used by test/eval/sweep.ts: BM25 term-frequency variants from the
 * literature scored over the same in-memory postings as search/bm25/bm25-index.ts, so they can be
 * compared side by side with the engine's ranking:
 * - bm25:  f / (f + k1·(1 − b + b·D/avgdl))  (Lucene's BM25Similarity, the engine's)
 * - bm25+: the same + δ for every matched term (Lv & Zhai, CIKM 2011: a lower bound on a match's
 *   contribution, so long documents are not over-penalised)
 * - bm25l: c = f / (1 − b + b·D/avgdl); (c + δ) / (k1 + c + δ)  (Lv & Zhai, ICTIR 2011)
 * - tfldp: 1 + ln(1 + ln(c + δ))  (Rousseau & Vazirgiannis, SIGIR 2013, TF_l∘δ∘p)
 * and document lengths counted without stop words (as Lucene's EnglishAnalyzer, which removes them
 * before the length norm is stored).
 * - bm25f: each column normalised by its own length before the weighted sum (Robertson, Zaragoza &
 *   Taylor, CIKM 2004; Zaragoza et al., TREC-13 2004; Robertson & Zaragoza 2009 §3.4):
 *   f̃ = Σ_c w_c · tf_c / (1 − b_c + b_c · len_c / avglen_c), then f̃ / (f̃ + k1) as BM25 (no (k1 + 1)
 *   factor, as Lucene 8+). The engine's form is the special case of one b over the summed length.
 */
import type { Bm25IndexData, Bm25Top } from '../../main/engine/search/bm25/bm25-index.js';
import { luceneIdf } from '../../main/engine/search/bm25/bm25-index.js';
import { readVarints } from '../../main/engine/search/bm25/bm25-load.js';
import type { Db } from '../../main/engine/store/db.js';

export interface ScoreVariant {
  k1: number;
  b: number;
  tf?: 'bm25' | 'bm25+' | 'bm25l' | 'tfldp' | 'va';
  delta?: number;
  /** BM25F: per-column b (text, heading path) and per-column lengths (fieldLengths()); params.b is then unused. */
  fields?: { b: readonly number[]; lengths: readonly Float64Array[] };
}

/** Each row's length per column, from FTS5's %_docsize, in the order of data.rowids (ascending id). */
export function fieldLengths(db: Db, data: Bm25IndexData, table = 'chunks_fts'): Float64Array[] {
  const out = Array.from({ length: data.nCol }, () => new Float64Array(data.rowids.length));
  let d = 0;
  for (const [id, sz] of db.prepare(`SELECT id, sz FROM "${table}_docsize" ORDER BY id`).raw().iterate() as Iterable<[number, Uint8Array]>) {
    if (id !== data.rowids[d]) throw new Error(`row ${id} is not the index's row ${d}`);
    readVarints(sz, data.nCol).forEach((n, c) => { out[c]![d] = n; });
    d++;
  }
  return out;
}

/** Row lengths less the occurrences of these term numbers (all columns). */
export function lengthsWithout(data: Bm25IndexData, terms: number[]): Float64Array {
  const out = Float64Array.from(data.lengths);
  for (const t of terms) {
    if (t < 0) continue;
    for (let p = data.postStarts[t]!; p < data.postStarts[t + 1]!; p++) {
      let f = 0;
      for (let c = 0; c < data.nCol; c++) f += data.tf[p * data.nCol + c]!;
      out[data.docs[p]!] = Math.max(1, out[data.docs[p]!]! - f);
    }
  }
  return out;
}

export class VariantScorer {
  private norm: Float64Array;
  /** BM25F: 1 / (1 − b_c + b_c · len_c / avglen_c) per column, row. */
  private readonly fieldInv: Float64Array[] | null = null;
  private readonly acc: Float64Array;
  private readonly touched: Int32Array;
  private readonly seen: Uint8Array;

  /**
   * `extra`: per term, per row number, occurrences to add (weighted) to f: a title counted again in a
   * second, weighted field, as the heading path is (BM25F-style, Robertson et al. 2004).
   */
  constructor(private readonly data: Bm25IndexData, private readonly v: ScoreVariant, lengths?: Float64Array,
    private readonly extra?: { weight: number; tf: Map<string, Map<number, number>>; termOf: (t: number) => string }) {
    const L = lengths ?? Float64Array.from(data.lengths);
    const avgdl = L.reduce((a, x) => a + x, 0) / L.length;
    this.norm = Float64Array.from(L, (D) => 1 - v.b + v.b * D / avgdl);
    if (v.tf === 'va') {
      // Lipani et al. (ICTIR 2015), BM25-VA: B_d = mavgtf⁻²·L_d/|T_d| + (1 − mavgtf⁻¹)·L_d/avgdl, no b.
      const uniq = new Float64Array(L.length);
      for (const d of data.docs) uniq[d]!++;
      const avgtf = (d: number) => L[d]! / Math.max(1, uniq[d]!);
      let m = 0;
      for (let d = 0; d < L.length; d++) m += avgtf(d);
      m /= L.length;
      this.norm = Float64Array.from(L, (D, d) => avgtf(d) / (m * m) + (1 - 1 / m) * D / avgdl);
    }
    if (v.fields) {
      this.fieldInv = v.fields.lengths.map((Lc, c) => {
        const bc = v.fields!.b[c] ?? v.b;
        const avg = Lc.reduce((a, x) => a + x, 0) / Lc.length;
        // A column empty in every row has no terms to normalise.
        return Float64Array.from(Lc, (len) => 1 / (avg > 0 ? 1 - bc + bc * len / avg : 1));
      });
    }
    this.acc = new Float64Array(L.length);
    this.touched = new Int32Array(L.length);
    this.seen = new Uint8Array(L.length);
  }

  private part(f: number, norm: number): number {
    const { k1, tf = 'bm25', delta = 0 } = this.v;
    if (tf === 'bm25' || tf === 'va') return f / (f + k1 * norm);
    if (tf === 'bm25+') return f / (f + k1 * norm) + delta;
    const c = f / norm;
    if (tf === 'bm25l') return (c + delta) / (k1 + c + delta);
    return 1 + Math.log(1 + Math.log(c + delta));
  }

  top(phrases: number[], weights: readonly number[], n: number, boosts?: readonly number[]): Bm25Top[] {
    const { docs, tf, postStarts, nCol, rowids, df } = this.data;
    const N = rowids.length;
    let count = 0;
    for (const [q, t] of phrases.entries()) {
      if (t < 0) continue;
      const idf = luceneIdf(N, df[t]!) * (boosts?.[q] ?? 1);
      const more = this.extra?.tf.get(this.extra.termOf(t));
      for (let p = postStarts[t]!; p < postStarts[t + 1]!; p++) {
        const d = docs[p]!;
        let f = 0;
        const inv = this.fieldInv;
        if (inv) for (let c = 0; c < nCol; c++) f += tf[p * nCol + c]! * (weights[c] ?? 1) * inv[c]![d]!;
        else for (let c = 0; c < nCol; c++) f += tf[p * nCol + c]! * (weights[c] ?? 1);
        if (more) f += (more.get(d) ?? 0) * this.extra!.weight;
        if (f <= 0) continue;
        if (this.seen[d] === 0) { this.seen[d] = 1; this.touched[count++] = d; }
        this.acc[d] = this.acc[d]! + idf * (inv ? f / (f + this.v.k1) : this.part(f, this.norm[d]!));
      }
    }
    const all = Array.from(this.touched.subarray(0, count), (d) => ({ d, s: this.acc[d]! }));
    all.sort((a, b) => b.s - a.s || a.d - b.d);
    for (let i = 0; i < count; i++) { this.acc[this.touched[i]!] = 0; this.seen[this.touched[i]!] = 0; }
    return all.slice(0, n).map((x) => ({ rowid: rowids[x.d]!, score: x.s }));
  }
}

/**
 * Büttcher, Clarke & Lushman (SIGIR 2006) term proximity: walking the row's tokens, each occurrence
 * of a query term t_j preceded (nearest previous query-term occurrence) by a different query term t_i
 * at distance d adds w_{t_i}/d² to acc(t_j) and w_{t_j}/d² to acc(t_i); the score adds
 * Σ_t min(1, w_t) · acc_t / (acc_t + K), with K the row's BM25 length norm k1·(1 − b + b·D/avgdl)
 * (Lucene's form, without the (k1 + 1) factor, as the BM25 part). w_t is the term's idf.
 */
export function buttcherProximity(tokens: readonly string[], weights: ReadonlyMap<string, number>, K: number): number {
  const acc = new Map<string, number>();
  let prev: string | null = null;
  let prevAt = -1;
  tokens.forEach((t, at) => {
    const w = weights.get(t);
    if (w === undefined) return;
    if (prev !== null && prev !== t) {
      const d2 = (at - prevAt) ** 2;
      acc.set(t, (acc.get(t) ?? 0) + weights.get(prev)! / d2);
      acc.set(prev, (acc.get(prev) ?? 0) + w / d2);
    }
    prev = t;
    prevAt = at;
  });
  let s = 0;
  for (const [t, a] of acc) s += Math.min(1, weights.get(t)!) * a / (a + K);
  return s;
}

/**
 * Tao & Zhai (SIGIR 2007): the minimum distance between occurrences of two different query terms in
 * the row (the row's length when it holds fewer than two of them); their proximity bonus is
 * log(α + exp(−MinDist)), α = 0.3.
 */
export function minDist(tokens: readonly string[], terms: ReadonlySet<string>): number {
  let best = tokens.length;
  let prev: string | null = null;
  let prevAt = -1;
  tokens.forEach((t, at) => {
    if (!terms.has(t)) return;
    if (prev !== null && prev !== t) best = Math.min(best, at - prevAt);
    prev = t;
    prevAt = at;
  });
  return best;
}

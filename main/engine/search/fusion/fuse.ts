/**
 * Fusion of the BM25 and dense lists, after DIVER: each list's top-N scores are min-max normalised to
 * [0, 1] and combined as `final = w·dense + (1−w)·bm25`; reciprocal rank fusion (k = 60) is the
 * alternative. A chunk missing from one list scores 0 in that list after normalisation.
 */

export interface Scored {
  chunkId: number;
  score: number;
}

export interface Fused {
  chunkId: number;
  fused: number;
  /** 1-based rank in each list, null when absent. */
  bm25Rank: number | null;
  denseRank: number | null;
  /** Normalised score in each list (min-max fusion), 0 when absent; null under RRF. */
  bm25Norm: number | null;
  denseNorm: number | null;
}

export const RRF_K = 60;

/** Min-max normalisation; a list whose scores are all equal maps every entry to 1. */
export function minMax(list: Scored[]): Map<number, number> {
  const out = new Map<number, number>();
  if (list.length === 0) return out;
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of list) { lo = Math.min(lo, s.score); hi = Math.max(hi, s.score); }
  const span = hi - lo;
  for (const s of list) out.set(s.chunkId, span > 0 ? (s.score - lo) / span : 1);
  return out;
}

function ranks(list: Scored[]): Map<number, number> {
  return new Map(list.map((s, i) => [s.chunkId, i + 1]));
}

/** Ordered by fused score, ties by the better of the two ranks, then chunk id. */
function order(a: Fused, b: Fused): number {
  const best = (f: Fused) => Math.min(f.bm25Rank ?? Infinity, f.denseRank ?? Infinity);
  return b.fused - a.fused || best(a) - best(b) || a.chunkId - b.chunkId;
}

/** Lists must be ordered best first. `w` weighs the dense list. */
export function fuseMinMax(bm25: Scored[], dense: Scored[], w = 0.5): Fused[] {
  if (!(w >= 0 && w <= 1)) throw new RangeError(`fusion weight must be within [0, 1], got ${w}`);
  const nb = minMax(bm25);
  const nd = minMax(dense);
  const rb = ranks(bm25);
  const rd = ranks(dense);
  const ids = new Set([...rb.keys(), ...rd.keys()]);
  const out: Fused[] = [];
  for (const id of ids) {
    // DIVER's fusion code gives a document missing from one list a negative value there; a chunk the
    // other retriever did not return is simply not evidence for it, so it counts as 0 (the list's
    // minimum after normalisation), never below the weakest chunk that list did return.
    const b = nb.get(id) ?? 0;
    const d = nd.get(id) ?? 0;
    out.push({ chunkId: id, fused: w * d + (1 - w) * b, bm25Rank: rb.get(id) ?? null, denseRank: rd.get(id) ?? null, bm25Norm: b, denseNorm: d });
  }
  return out.sort(order);
}

/** Reciprocal rank fusion: Σ 1 / (k + rank) over the lists a chunk appears in. */
export function fuseRrf(bm25: Scored[], dense: Scored[], k = RRF_K): Fused[] {
  const rb = ranks(bm25);
  const rd = ranks(dense);
  const ids = new Set([...rb.keys(), ...rd.keys()]);
  const out: Fused[] = [];
  for (const id of ids) {
    const b = rb.get(id) ?? null;
    const d = rd.get(id) ?? null;
    const fused = (b === null ? 0 : 1 / (k + b)) + (d === null ? 0 : 1 / (k + d));
    out.push({ chunkId: id, fused, bm25Rank: b, denseRank: d, bm25Norm: null, denseNorm: null });
  }
  return out.sort(order);
}

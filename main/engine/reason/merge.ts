/**
 * The arithmetic of reranking, apart from the calls:
 * - pointwise (DIVER v1): final = α·(llm/10) + (1−α)·fused. `fused` is the hybrid min-max score
 *   (already in [0, 1]); for other fusions or a single list it is min-max normalised over the
 *   candidates first, so both terms share a scale. A passage the judge could not score (the call
 *   failed) counts as the neutral 5.
 * - listwise merge (DIVER v2): each ranking r (0-based) scores −ln(r+1); final = 0.6·point + 0.4·list.
 */
export interface Candidate { chunkId: number; fused: number; llm: number | null }

export function normaliseFused(values: number[], alreadyUnit: boolean): number[] {
  if (alreadyUnit || values.length === 0) return values;
  const max = Math.max(...values);
  const min = Math.min(...values);
  return values.map((v) => (max > min ? (v - min) / (max - min) : 1));
}

export function pointwise(c: Candidate[], alpha: number, fusedUnit: boolean, neutral = 5): { chunkId: number; final: number; fusedUsed: number }[] {
  const fused = normaliseFused(c.map((x) => x.fused), fusedUnit);
  return c
    .map((x, i) => ({ chunkId: x.chunkId, fusedUsed: fused[i]!, final: alpha * ((x.llm ?? neutral) / 10) + (1 - alpha) * fused[i]!, order: i }))
    .sort((a, b) => b.final - a.final || a.order - b.order)
    .map(({ chunkId, final, fusedUsed }) => ({ chunkId, final, fusedUsed }));
}

/** DIVER v2: merges two rankings of the same ids (best first) by 0.6·(−ln(r+1)) + 0.4·(−ln(r+1)). */
export function mergeRankings(point: number[], list: number[], wPoint = 0.6, wList = 0.4): { chunkId: number; final: number }[] {
  const listRank = new Map(list.map((id, r) => [id, r]));
  return point
    .map((id, r) => ({ chunkId: id, final: wPoint * -Math.log(r + 1) + wList * -Math.log((listRank.get(id) ?? point.length) + 1), r }))
    .sort((a, b) => b.final - a.final || a.r - b.r)
    .map(({ chunkId, final }) => ({ chunkId, final }));
}

/** A listwise reply's ranking of passage numbers 1..n → chunk ids; ids it left out follow in retrieval order. */
export function listwiseOrder(ranking: unknown, ids: number[]): { order: number[]; valid: boolean } {
  const seen = new Set<number>();
  const order: number[] = [];
  if (Array.isArray(ranking)) {
    for (const v of ranking) {
      const n = Number(v);
      if (Number.isInteger(n) && n >= 1 && n <= ids.length && !seen.has(n)) {
        seen.add(n);
        order.push(ids[n - 1]!);
      }
    }
  }
  const valid = order.length > 0;
  for (const [i, id] of ids.entries()) if (!seen.has(i + 1)) order.push(id);
  return { order, valid };
}

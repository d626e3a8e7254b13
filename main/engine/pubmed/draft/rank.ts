/**
 * Ordering drafted queries the way DeepRetrieval scores them: by seed recall within the first 3,000
 * PubMed records (higher first); equal recalls by how far the hit count is from a reasonable size
 * for a systematic search, |ln count − ln target| (closer first; no hits is farthest); then by the
 * order the candidates were drafted in. Candidates with an error (no query read, invalid syntax,
 * NCBI refused it) come last, in their order.
 *
 * DeepRetrieval's reward (verl/utils/reward_score/pubmed.py) is given for information: format +1
 * when the reply's tags are well formed, −4 when not (and then nothing else); plus the answer reward
 * from recall: ≥0.7 → 5, ≥0.5 → 4, ≥0.4 → 3, ≥0.3 → 1, ≥0.1 → 0.5, ≥0.05 → 0.1, else −3.5; −4 for
 * a JSON or search error.
 */

/** A PubMed search of about this many records is "reasonable" for a systematic review (1,000–5,000). */
export const DEFAULT_TARGET_COUNT = 3000;

export interface Rankable {
  /** Order of drafting (the lowest sample number that produced it). */
  order: number;
  failed: boolean;
  recall: number | null;
  count: number | null;
}

/** |ln count − ln target|; Infinity without hits or without a count. */
export function countDistance(count: number | null, target = DEFAULT_TARGET_COUNT): number {
  if (count === null || count <= 0) return Infinity;
  return Math.abs(Math.log(count) - Math.log(Math.max(1, target)));
}

const cmp = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);

export function compareCandidates(a: Rankable, b: Rankable, target = DEFAULT_TARGET_COUNT): number {
  if (a.failed !== b.failed) return a.failed ? 1 : -1;
  if (a.failed) return cmp(a.order, b.order);
  return cmp(b.recall ?? -1, a.recall ?? -1)
    || cmp(countDistance(a.count, target), countDistance(b.count, target))
    || cmp(a.order, b.order);
}

/** The items in rank order (a stable sort; `view` says how an item ranks). */
export function rankCandidates<T>(items: readonly T[], view: (t: T) => Rankable, target = DEFAULT_TARGET_COUNT): T[] {
  return items.map((t) => ({ t, r: view(t) })).sort((a, b) => compareCandidates(a.r, b.r, target)).map((x) => x.t);
}

/** DeepRetrieval's answer reward for a recall. */
export function recallReward(recall: number): number {
  if (recall >= 0.7) return 5;
  if (recall >= 0.5) return 4;
  if (recall >= 0.4) return 3;
  if (recall >= 0.3) return 1;
  if (recall >= 0.1) return 0.5;
  if (recall >= 0.05) return 0.1;
  return -3.5;
}

/** Format + answer reward; `recall` null means a JSON or search error. */
export function deepRetrievalReward(formatOk: boolean, recall: number | null): number {
  if (!formatOk) return -4;
  return 1 + (recall === null ? -4 : recallReward(recall));
}

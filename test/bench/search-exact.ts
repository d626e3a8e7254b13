/**
 * Untimed checks of the search benchmark against exact search, per query: sqlite-vec's exact float
 * KNN (100 candidates) is the reference. Reports how often the engine's default dense list (the
 * memory scan: exact floats, or int8 codes re-scored) has the same top 10 in the same order and the
 * same top 100, how often hybrid search has the same top 10 as hybrid fed the exact dense list, the
 * largest score difference, LanceDB flat's and IVF_PQ's recall@10 against the same reference, and how
 * many candidates the BM25 and dense lists share (hybrid has something to fuse).
 */
import { bm25List } from '../../main/engine/search/bm25/bm25.js';
import { denseList } from '../../main/engine/search/dense/dense.js';
import { search, type DenseSource } from '../../main/engine/search/search.js';
import type { Db } from '../../main/engine/store/db.js';
import type { LanceBench } from './search-lance.js';
import { round } from './search-timing.js';

interface Q { text: string; vec: Float32Array }

export interface ExactAgreement {
  denseTop10SameOrder: number;
  denseTop100SameSet: number;
  hybridTop10SameOrder: number;
  maxDenseScoreDiff: number;
  lanceFlatRecall10: number;
  lanceIvfRecall10: number | null;
  meanSharedCandidates: number;
  exactKnnMs: number;
}

export async function exactAgreement(db: Db, scanned: DenseSource, lance: LanceBench, ivf: boolean, queries: Q[], k: number, n: number): Promise<ExactAgreement> {
  const scan = scanned.scan!;
  let order10 = 0;
  let set100 = 0;
  let hybrid10 = 0;
  let maxDiff = 0;
  let flat = 0;
  let approx = 0;
  let shared = 0;
  let knnMs = 0;
  const recall = (ids: number[], want: Set<number>) => ids.filter((id) => want.has(id)).length / Math.max(1, want.size);
  for (const q of queries) {
    const t0 = performance.now();
    const exact = denseList(db, scanned.table, q.vec, n);
    knnMs += performance.now() - t0;
    const got = await scan(q.vec, n);
    const ids = (xs: { chunkId: number }[], at: number) => xs.slice(0, at).map((x) => x.chunkId);
    if (ids(got, k).join() === ids(exact, k).join()) order10++;
    const exactSet = new Set(ids(exact, n));
    if (got.length === exact.length && got.every((x) => exactSet.has(x.chunkId))) set100++;
    const exactScore = new Map(exact.map((x) => [x.chunkId, x.score]));
    for (const x of got) if (exactScore.has(x.chunkId)) maxDiff = Math.max(maxDiff, Math.abs(exactScore.get(x.chunkId)! - x.score));
    const fused = await search(db, q.text, { mode: 'hybrid', k }, scanned);
    const fusedExact = await search(db, q.text, { mode: 'hybrid', k }, { ...scanned, scan: () => Promise.resolve(exact) });
    if (fused.results.map((r) => r.chunkId).join() === fusedExact.results.map((r) => r.chunkId).join()) hybrid10++;
    const top = new Set(ids(exact, k));
    flat += recall(await lance.search(q.vec, k), top);
    if (ivf) approx += recall(await lance.searchIvf(q.vec, k), top);
    const bm25 = new Set(bm25List(db, q.text, n).hits.map((h) => h.chunkId));
    shared += exact.filter((x) => bm25.has(x.chunkId)).length;
  }
  const share = (x: number) => round(x / queries.length, 3);
  return {
    denseTop10SameOrder: share(order10), denseTop100SameSet: share(set100), hybridTop10SameOrder: share(hybrid10),
    maxDenseScoreDiff: Number(maxDiff.toExponential(1)), lanceFlatRecall10: share(flat), lanceIvfRecall10: ivf ? share(approx) : null,
    meanSharedCandidates: round(shared / queries.length, 1), exactKnnMs: round(knnMs / queries.length, 0),
  };
}

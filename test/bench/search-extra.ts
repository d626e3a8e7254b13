/**
 * Quantised rows of the search benchmark: `bit` and `int8` copies of the vectors (store/quantized.ts)
 * with exact float re-scoring of 4×n candidates, timed like the float path, plus their recall against
 * exact float search (untimed): recall@10 and recall@100 of the 100-candidate list. The first size
 * creates the copies here; at later sizes completeVectorTable (in the build) has already kept them in
 * step, so the sync adds nothing.
 */
import { denseList } from '../../main/engine/search/dense/dense.js';
import { denseListQuantized, type QuantizedOptions } from '../../main/engine/search/dense/dense-quantized.js';
import { search, type DenseSource } from '../../main/engine/search/search.js';
import type { Db } from '../../main/engine/store/db.js';
import { syncQuantized, type QuantKind } from '../../main/engine/store/quantized.js';
import type { Contender } from './search-timing.js';
import { round } from './search-timing.js';

interface Q { text: string; vec: Float32Array }

const VARIANTS: { label: string; kind: QuantKind; opts: QuantizedOptions }[] = [
  { label: 'bit, in-memory sign scan', kind: 'bit', opts: { scan: 'memory' } },
  { label: 'bit, sqlite-vec Hamming KNN', kind: 'bit', opts: { scan: 'sqlite' } },
  { label: 'int8, sqlite-vec KNN', kind: 'int8', opts: {} },
];

function recall(exact: number[], got: number[], at: number): number {
  const want = new Set(exact.slice(0, at));
  return got.slice(0, at).filter((id) => want.has(id)).length / Math.max(1, Math.min(at, want.size));
}

export function quantizedRows(db: Db, dense: DenseSource, queries: Q[], n: number): { contenders: Contender<Q>[]; facts: Record<string, unknown> } {
  const facts: Record<string, unknown> = {};
  for (const kind of ['bit', 'int8'] as const) {
    const t0 = performance.now();
    const s = syncQuantized(db, dense.table, kind);
    facts[`${kind} copy, syncQuantized`] = { added: s.added, ms: round(performance.now() - t0, 0) };
  }
  for (const v of VARIANTS) {
    let r10 = 0;
    let r100 = 0;
    for (const q of queries) {
      const exact = denseList(db, dense.table, q.vec, n).map((s) => s.chunkId);
      const got = denseListQuantized(db, dense.table, v.kind, q.vec, n, v.opts).map((s) => s.chunkId);
      r10 += recall(exact, got, 10);
      r100 += recall(exact, got, n);
    }
    facts[`recall vs exact, ${v.label} + rescore`] = { at10: round(r10 / queries.length, 3), [`at${n}`]: round(r100 / queries.length, 3) };
  }
  const bit: DenseSource = { ...dense, quantized: 'bit' };
  const contenders: Contender<Q>[] = [
    { name: 'delve search() dense, bit+rescore', run: (q) => search(db, q.text, { mode: 'dense', k: 10 }, bit) },
    { name: 'delve search() hybrid, bit+rescore', run: (q) => search(db, q.text, { mode: 'hybrid', k: 10 }, bit) },
    ...VARIANTS.map((v): Contender<Q> => ({ name: `${v.label} 4n + rescore`, run: (q) => denseListQuantized(db, dense.table, v.kind, q.vec, n, v.opts) })),
  ];
  return { contenders, facts };
}

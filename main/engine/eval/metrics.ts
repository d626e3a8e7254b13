/**
 * Retrieval metrics computed as trec_eval computes them, so a TREC run file written by `delve eval`
 * scores the same under trec_eval (`-m ndcg_cut.10 -m recall.100`):
 * - the run is re-sorted by score, descending, ties broken by document id in *descending* string
 *   order (trec_eval's comp_sim_docno), whatever order or ranks the run came with;
 * - nDCG@k uses the graded relevance as the gain and log2(rank + 1) as the discount; the ideal DCG
 *   sorts every judged document of the query by relevance;
 * - recall@k is relevant retrieved in the top k over all relevant (relevance > 0);
 * - MRR@10 (BEIR's) is 1 / rank of the first relevant document in the top 10, else 0.
 * Averages are over the judged queries that have at least one relevant document; a query with no
 * results scores 0 (trec_eval -c).
 */
import type { Qrels } from './beir.js';

export interface RunHit { doc: string; score: number }
export type Run = Map<string, RunHit[]>;

export interface Metrics { 'ndcg@10': number; 'recall@100': number; 'mrr@10': number; queries: number }

/** trec_eval's order: score descending, then document id descending. */
export function trecOrder(hits: RunHit[]): RunHit[] {
  return [...hits].sort((a, b) => b.score - a.score || (a.doc < b.doc ? 1 : a.doc > b.doc ? -1 : 0));
}

export function ndcgAt(hits: RunHit[], rels: Map<string, number>, k: number): number {
  const ideal = [...rels.values()].filter((r) => r > 0).sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((s, g, i) => s + g / Math.log2(i + 2), 0);
  if (idcg === 0) return 0;
  const dcg = trecOrder(hits).slice(0, k).reduce((s, h, i) => s + Math.max(0, rels.get(h.doc) ?? 0) / Math.log2(i + 2), 0);
  return dcg / idcg;
}

export function recallAt(hits: RunHit[], rels: Map<string, number>, k: number): number {
  const relevant = [...rels.values()].filter((r) => r > 0).length;
  if (relevant === 0) return 0;
  return trecOrder(hits).slice(0, k).filter((h) => (rels.get(h.doc) ?? 0) > 0).length / relevant;
}

export function mrrAt(hits: RunHit[], rels: Map<string, number>, k: number): number {
  const i = trecOrder(hits).slice(0, k).findIndex((h) => (rels.get(h.doc) ?? 0) > 0);
  return i < 0 ? 0 : 1 / (i + 1);
}

export function evaluateRun(run: Run, qrels: Qrels): Metrics {
  let n = 0;
  const sum = { ndcg: 0, recall: 0, mrr: 0 };
  for (const [qid, rels] of qrels) {
    if (![...rels.values()].some((r) => r > 0)) continue;
    const hits = run.get(qid) ?? [];
    n++;
    sum.ndcg += ndcgAt(hits, rels, 10);
    sum.recall += recallAt(hits, rels, 100);
    sum.mrr += mrrAt(hits, rels, 10);
  }
  const avg = (x: number) => (n === 0 ? 0 : x / n);
  return { 'ndcg@10': avg(sum.ndcg), 'recall@100': avg(sum.recall), 'mrr@10': avg(sum.mrr), queries: n };
}

/** The run in TREC format: `qid Q0 docid rank score tag`, in trec_eval's order. */
export function formatTrecRun(run: Run, tag: string): string {
  const lines: string[] = [];
  for (const [qid, hits] of run) {
    trecOrder(hits).forEach((h, i) => lines.push(`${qid} Q0 ${h.doc} ${i + 1} ${h.score} ${tag}`));
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

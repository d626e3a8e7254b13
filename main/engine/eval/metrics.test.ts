/**
 * The metrics pinned by hand-computed values. Query q1 has graded judgments d1=2, d2=1, d4=1 and a
 * judged non-relevant d3=0; the run scores d3 3, d1 2, d5 2, d2 1. trec_eval breaks the d1/d5 tie by
 * descending id, so the order is d3, d5, d1, d2:
 *   DCG@10  = 2/log2(4) + 1/log2(5)              = 1.4306765581
 *   IDCG@10 = 2/log2(2) + 1/log2(3) + 1/log2(4)  = 3.1309297536
 *   nDCG@10 = 0.4569494274  (ascending tie-break would give 0.5405857679)
 *   recall@100 = 2/3, MRR@10 = 1/3.
 * q2 (one relevant document, nothing retrieved) scores 0; q3 (no relevant document) is not counted.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateRun, formatTrecRun, mrrAt, ndcgAt, recallAt, trecOrder, type Run } from './metrics.js';

const rels = new Map([['d1', 2], ['d2', 1], ['d3', 0], ['d4', 1]]);
const hits = [{ doc: 'd3', score: 3 }, { doc: 'd1', score: 2 }, { doc: 'd5', score: 2 }, { doc: 'd2', score: 1 }];
const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} ≠ ${b}`);

test('ties are broken by descending document id, as trec_eval does', () => {
  assert.deepEqual(trecOrder(hits).map((h) => h.doc), ['d3', 'd5', 'd1', 'd2']);
});

test('nDCG@10 with graded gains equals the hand-computed value', () => {
  close(ndcgAt(hits, rels, 10), 0.4569494273838043);
  close(ndcgAt([{ doc: 'd1', score: 9 }, { doc: 'd2', score: 8 }, { doc: 'd4', score: 7 }], rels, 10), 1);
  close(ndcgAt([], rels, 10), 0);
});

test('a cutoff drops what lies below it', () => {
  // top 3 = d3, d5, d1: DCG = 2/log2(4) = 1; IDCG@3 = 3.1309297536
  close(ndcgAt(hits, rels, 3), 1 / 3.1309297535714573);
  close(recallAt(hits, rels, 2), 0);
});

test('recall@100 and MRR@10', () => {
  close(recallAt(hits, rels, 100), 2 / 3);
  close(mrrAt(hits, rels, 10), 1 / 3);
});

test('averages over queries with a relevant document; a query with no results counts 0', () => {
  const qrels = new Map([['q1', rels], ['q2', new Map([['d9', 1]])], ['q3', new Map([['d7', 0]])]]);
  const run: Run = new Map([['q1', hits], ['q3', [{ doc: 'd7', score: 1 }]]]);
  const m = evaluateRun(run, qrels);
  assert.equal(m.queries, 2);
  close(m['ndcg@10'], 0.4569494273838043 / 2);
  close(m['recall@100'], 1 / 3);
  close(m['mrr@10'], 1 / 6);
});

test('the TREC run file lists hits in trec_eval order with their scores', () => {
  const text = formatTrecRun(new Map([['q1', hits]]), 'delve-bm25');
  assert.equal(text.split('\n')[1], 'q1 Q0 d5 2 2 delve-bm25');
  assert.equal(text.trim().split('\n').length, 4);
});

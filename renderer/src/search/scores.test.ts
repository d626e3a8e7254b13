import { describe, expect, it } from 'vitest';
import { rankLine, scoreLine, scoreParts } from './scores.js';
import { expansionText, mergeStage, settle, stageRows } from './stages.js';
import { trace } from './testFixtures.js';

describe('scoreParts', () => {
  it('uses the normalised scores of a hybrid search', () => {
    expect(scoreParts(trace(), 1).map((p) => [p.key, p.value])).toEqual([['bm25', 0.8], ['dense', 0.6]]);
  });

  it('scales a bm25-only score by the best in the list, and clamps', () => {
    const t = trace({ fusion: 'none', bm25Norm: null, denseNorm: null, denseRank: null, denseScore: null, fused: 6 });
    expect(scoreParts(t, 12).map((p) => [p.key, p.shown])).toEqual([['bm25', '0.50']]);
    expect(scoreParts({ ...t, fused: 20 }, 12)[0]!.value).toBe(1);
    expect(rankLine(t)).toBe('BM25 #1');
  });

  it('uses the cosine in dense-only mode', () => {
    const t = trace({ fusion: 'none', bm25Norm: null, denseNorm: null, bm25Rank: null, bm25Score: null, denseScore: 0.42, denseRank: 3 });
    expect(scoreParts(t, 0.42).map((p) => [p.key, p.shown])).toEqual([['dense', '0.42']]);
    expect(rankLine(t)).toBe('dense #3');
  });

  it('adds the judge and the final blend', () => {
    const t = trace({ llm: { score: 6.5, sampled: 7, expected: 6.5, reason: '', parsed: true }, rerank: { alpha: 0.5, fused: 0.4, pointwise: 0.5, listRank: null } });
    const parts = scoreParts(t, 1);
    expect(parts[2]).toEqual({ key: 'llm', label: 'LLM', value: 0.65, shown: '6.5/10' });
    expect(scoreLine(t, parts, 0.525)).toBe('BM25 0.80 · Dense 0.60 · LLM 6.5/10 · fused 0.70 (minmax) · final 0.53 (α 0.5)');
    expect(scoreLine({ ...t, rerank: { ...t.rerank!, listRank: 2 } }, parts, 0.61)).toMatch(/final 0.61 \(α 0.5, listwise #2\)$/);
  });

  it('lists the ranks per stage, absent ones as a dash', () => {
    expect(rankLine(trace({ denseRank: null, stages: { initial: null, expanded: 3, final: 2 } }))).toBe('BM25 #1 · dense – · initial – → expanded #3 → final #2');
    expect(rankLine(trace({ stages: { initial: 1, expanded: null, final: 1 } }))).toBe('BM25 #1 · dense #2 · initial #1 → final #1');
  });
});

describe('stage rows', () => {
  it('updates a rerank row in place and appends new stages', () => {
    let rows = mergeStage([], { name: 'initial', ms: 5 });
    rows = mergeStage(rows, { name: 'rerank', done: 3, total: 30, ms: 100 });
    rows = mergeStage(rows, { name: 'expand', round: 1, text: 'q\n\nmore', ms: 900 });
    rows = mergeStage(rows, { name: 'rerank', done: 12, total: 30, ms: 400 });
    expect(rows.map((r) => [r.label, r.detail, r.running])).toEqual([
      ['Initial retrieval', null, false], ['LLM rerank', 'judged 12/30', true], ['Expansion round 1', null, false],
    ]);
    expect(settle(rows).some((r) => r.running)).toBe(false);
  });

  it('a retrieving stage shows what it changed', () => {
    const [row] = stageRows([{ name: 'retrieve', ms: 40, delta: { newInTop10: 3, moved: [{ chunkId: 1, from: 4, to: 1 }, { chunkId: 9, from: null, to: 2 }], hits: 30 } }]);
    expect(row?.detail).toBe('3 new in the top 10, 2 moved, 30 hits');
  });

  it('a partial rerank with a note is not running', () => {
    const [row] = stageRows([{ name: 'rerank', done: 4, total: 30, ms: 50, note: 'partial: 4 of 30 judged (LLM_TIMEOUT)' }]);
    expect(row).toMatchObject({ detail: 'judged 4/30', running: false, note: 'partial: 4 of 30 judged (LLM_TIMEOUT)' });
  });

  it('shows the expander’s text without the query', () => {
    expect(expansionText('aspirin\n\nAntiplatelets reduce stroke.', 'aspirin')).toBe('Antiplatelets reduce stroke.');
    expect(expansionText('other text', 'aspirin')).toBe('other text');
  });
});

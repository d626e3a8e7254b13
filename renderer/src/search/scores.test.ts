import { describe, expect, it } from 'vitest';
import { explanation, signalLine, signals, topsOf } from './scores.js';
import { expansionText, mergeStage, settle, stageRows } from './stages.js';
import { result, trace } from './testFixtures.js';

describe('signals', () => {
  it('a better keyword rank never has a shorter bar: the bar is the BM25 score the rank is taken from, relative to the best shown', () => {
    // The first card came first by the words-together bonus; by BM25 alone it is #3.
    const lifted = result(1, { trace: trace({ bm25Rank: 3, bm25Score: 9, proximityBonus: 4, fused: 13, fusion: 'none', bm25Norm: null, denseNorm: null, denseRank: null, denseScore: null }) });
    const best = result(2, { trace: trace({ bm25Rank: 1, bm25Score: 12, proximityBonus: 0, fused: 12, fusion: 'none', bm25Norm: null, denseNorm: null, denseRank: null, denseScore: null }) });
    const tops = topsOf([lifted, best]);
    const [a] = signals(lifted.trace, tops);
    const [b] = signals(best.trace, tops);
    expect([a!.rank, a!.value]).toEqual(['#3', 0.75]);
    expect([b!.rank, b!.value]).toEqual(['#1', 1]);
    expect(explanation(lifted.trace)[0]).toMatch(/close together/);
    expect(signals(lifted.trace, tops).map((s) => s.label)).toEqual(['Keyword match']);
  });

  it('the meaning bar is the cosine, absent signals say so in a hybrid search, the judge out of 10', () => {
    const t = trace({ bm25Rank: null, bm25Score: null, denseScore: 0.42, denseRank: 3, llm: { score: 6.5, sampled: 7, expected: 6.5, reason: 'on topic', parsed: true } });
    expect(signals(t, { bm25: 10 }).map((s) => [s.label, s.rank, s.value])).toEqual([
      ['Keyword match', 'none', 0], ['Meaning match', '#3', 0.42], ['LLM judge', '6.5/10', 0.65],
    ]);
    expect(signalLine(t, { bm25: 10 })).toBe('keyword match none · meaning match #3 · LLM judge 6.5/10');
  });

  it('dense-only: no keyword row', () => {
    const t = trace({ fusion: 'none', bm25Rank: null, bm25Score: null, denseScore: 0.5, denseRank: 1 });
    expect(signals(t, { bm25: 0 }).map((s) => s.key)).toEqual(['dense']);
  });

  it('tells the deep steps, the blend and the title block in words', () => {
    const t = trace({ stages: { initial: null, expanded: 3, final: 2 }, rerank: { alpha: 0.5, fused: 0.4, pointwise: 0.5, listRank: 2 }, frontMatter: true, proximityBonus: 0 });
    expect(explanation(t)).toEqual([
      'Keyword and meaning matches were combined with equal weight.',
      "The LLM judge's score and the search's score were blended, then the LLM put it #2 when comparing the best passages side by side.",
      'Place in each step: first search not in the list → after expanding the search #3 → final #2.',
      "This is the paper's title and authors block.",
    ]);
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

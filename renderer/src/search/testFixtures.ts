/** Search results and responses for the search screen's component tests. */
import type { SearchResponse } from '../api.js';
import type { Result, Trace } from './scores.js';

export const trace = (t: Partial<Trace> = {}): Trace => ({
  bm25Rank: 1, bm25Score: 12.5, proximity: 0.5, proximityBonus: 1, ftsQuery: 'aspirin', denseRank: 2, denseScore: 0.71,
  bm25Norm: 0.8, denseNorm: 0.6, fused: 0.7, fusion: 'minmax', ...t,
});

export function result(chunkId: number, r: Partial<Result> = {}): Result {
  const snippetText = `Aspirin lowered the risk of stroke in passage ${chunkId}.`;
  return {
    rank: chunkId, chunkId, docId: 100 + chunkId, path: `/papers/paper-${chunkId}.pdf`, title: `Paper ${chunkId}`, kind: 'pdf',
    page: 4, pageLabel: '4', headingPath: [], snippet: `«Aspirin» lowered the risk of stroke in passage ${chunkId}.`,
    snippetText, marks: [[0, 7]], score: 0.7, trace: trace(), ...r,
  };
}

export const response = (results: Result[], r: Partial<SearchResponse> = {}): SearchResponse => ({ query: 'aspirin', mode: 'hybrid', results, ms: 12.4, ...r });

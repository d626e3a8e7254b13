/**
 * What a deep-search stage changed: how many of its top 10 were not in the previous ranking's top
 * 10, which of its top 10 moved and by how much (from their rank in the previous ranking, null when
 * it was absent), and how many results its retrieval returned.
 */
import type { SearchResult } from '../api.js';
import type { StageDelta } from './types.js';

export const DELTA_TOP = 10;

export function stageDelta(previous: readonly SearchResult[], next: readonly SearchResult[], hits?: number): StageDelta {
  const rankBefore = new Map(previous.map((r, i) => [r.chunkId, i + 1]));
  const topBefore = new Set(previous.slice(0, DELTA_TOP).map((r) => r.chunkId));
  const top = next.slice(0, DELTA_TOP);
  const moved = top.map((r, i) => ({ chunkId: r.chunkId, from: rankBefore.get(r.chunkId) ?? null, to: i + 1 })).filter((m) => m.from !== m.to);
  return { newInTop10: top.filter((r) => !topBefore.has(r.chunkId)).length, moved, ...(hits !== undefined ? { hits } : {}) };
}

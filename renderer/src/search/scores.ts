/**
 * What a result's trace says about how it was ranked, as plain values and lines: the score bar's
 * parts (BM25, dense, LLM, each 0..1), the numbers for its tooltip, and the rank in each stage.
 */
import type { SearchResponse } from '../api.js';

export type Result = SearchResponse['results'][number];
export type Trace = Result['trace'];

export interface ScorePart {
  key: 'bm25' | 'dense' | 'llm';
  label: string;
  /** 0..1 */
  value: number;
  /** The number as shown (e.g. "0.82", "8/10"). */
  shown: string;
}

const clamp = (v: number): number => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);
const fmt = (v: number): string => v.toFixed(2);

/**
 * The signals behind a result. `top` is the best fused score in the list: in bm25-only mode the
 * engine normalises nothing, so the BM25 part is the score relative to the best one.
 */
export function scoreParts(trace: Trace, top: number): ScorePart[] {
  const parts: ScorePart[] = [];
  const bm25 = trace.bm25Norm ?? (trace.fusion === 'none' && trace.bm25Score !== null && top > 0 ? trace.fused / top : null);
  if (bm25 !== null) parts.push({ key: 'bm25', label: 'BM25', value: clamp(bm25), shown: fmt(clamp(bm25)) });
  const dense = trace.denseNorm ?? (trace.fusion === 'none' && trace.denseScore !== null ? trace.denseScore : null);
  if (dense !== null) parts.push({ key: 'dense', label: 'Dense', value: clamp(dense), shown: fmt(clamp(dense)) });
  if (trace.llm) parts.push({ key: 'llm', label: 'LLM', value: clamp(trace.llm.score / 10), shown: `${trace.llm.score.toFixed(trace.llm.score % 1 === 0 ? 0 : 1)}/10` });
  return parts;
}

/** "BM25 0.82 · Dense 0.64 · LLM 8/10 · fused 0.73 · final 0.78"; `score` is the result's final score. */
export function scoreLine(trace: Trace, parts: ScorePart[], score: number): string {
  const out = parts.map((p) => `${p.label} ${p.shown}`);
  if (trace.fusion !== 'none') out.push(`fused ${fmt(trace.fused)} (${trace.fusion})`);
  if (trace.rerank) out.push(`final ${fmt(score)} (α ${trace.rerank.alpha}${trace.rerank.listRank === null ? '' : `, listwise #${trace.rerank.listRank}`})`);
  return out.join(' · ');
}

const rank = (r: number | null | undefined): string => (r === null || r === undefined ? '–' : `#${r}`);

/** "BM25 #3 · dense #5" and, after a deep search, "initial #4 → expanded #2 → final #1". */
export function rankLine(trace: Trace): string {
  const lists: string[] = [];
  if (trace.bm25Rank !== null || trace.fusion !== 'none' || trace.denseRank === null) lists.push(`BM25 ${rank(trace.bm25Rank)}`);
  if (trace.denseRank !== null || trace.fusion !== 'none') lists.push(`dense ${rank(trace.denseRank)}`);
  const s = trace.stages;
  const stages = s ? [`initial ${rank(s.initial)}`, ...(s.expanded !== null || s.initial !== s.final ? [`expanded ${rank(s.expanded)}`] : []), `final ${rank(s.final)}`].join(' → ') : '';
  return [lists.join(' · '), stages].filter((x) => x !== '').join(' · ');
}

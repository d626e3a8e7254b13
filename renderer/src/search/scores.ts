/**
 * Why a result ranked where it did, in plain words: one row per signal (keyword match, meaning
 * match, LLM judge), each with the rank the signal gave and a bar that follows that same rank, plus
 * the words-together bonus and, after a deep search, the place in each step's ranking.
 *
 * A bar shows the value the rank was taken from: the keyword rank is by BM25 score (before the
 * words-together bonus), so its bar is that score relative to the best BM25 score in the list; the
 * meaning rank is by cosine similarity, so its bar is the cosine; the judge's bar is its score of 10.
 * Hence a better rank never has a shorter bar.
 */
import type { SearchResponse } from '../api.js';

export type Result = SearchResponse['results'][number];
export type Trace = Result['trace'];

export interface Signal {
  key: 'bm25' | 'dense' | 'llm';
  label: 'Keyword match' | 'Meaning match' | 'LLM judge';
  /** 0..1 */
  value: number;
  /** "#3 of the passages", "8/10". */
  rank: string;
  /** What the value is, in words: "score 12.4, 80% of the best shown". */
  detail: string;
}

/** The best raw values among the results shown: the keyword bar is relative to the first. */
export interface Tops { bm25: number }

const clamp = (v: number): number => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);
const pct = (v: number): string => `${Math.round(clamp(v) * 100)}%`;

/** The best BM25 score among the results and their other passages. */
export function topsOf(results: readonly Result[]): Tops {
  let bm25 = 0;
  for (const r of results) for (const x of [r, ...(r.group?.more ?? [])]) bm25 = Math.max(bm25, x.trace.bm25Score ?? 0);
  return { bm25 };
}

export function signals(trace: Trace, tops: Tops): Signal[] {
  const out: Signal[] = [];
  if (trace.bm25Score !== null && trace.bm25Rank !== null) {
    const v = tops.bm25 > 0 ? clamp(trace.bm25Score / tops.bm25) : 0;
    out.push({ key: 'bm25', label: 'Keyword match', value: v, rank: `#${trace.bm25Rank}`, detail: `${pct(v)} of the best keyword score shown` });
  } else if (trace.fusion !== 'none' || trace.denseRank === null) {
    out.push({ key: 'bm25', label: 'Keyword match', value: 0, rank: 'none', detail: 'the words of the search were not found here' });
  }
  if (trace.denseScore !== null && trace.denseRank !== null) {
    out.push({ key: 'dense', label: 'Meaning match', value: clamp(trace.denseScore), rank: `#${trace.denseRank}`, detail: `similarity ${clamp(trace.denseScore).toFixed(2)}` });
  } else if (trace.fusion !== 'none') {
    out.push({ key: 'dense', label: 'Meaning match', value: 0, rank: 'none', detail: 'not among the closest in meaning' });
  }
  if (trace.llm) {
    const s = trace.llm.score;
    out.push({ key: 'llm', label: 'LLM judge', value: clamp(s / 10), rank: `${s.toFixed(s % 1 === 0 ? 0 : 1)}/10`, detail: trace.llm.reason || 'no reason given' });
  }
  return out;
}

/** Further lines: the words-together bonus, how the signals were combined, the place after each deep step. */
export function explanation(trace: Trace): string[] {
  const lines: string[] = [];
  if (trace.proximityBonus > 0) lines.push(`The search's words appear close together here (${pct(trace.proximity)} of their pairs), which lifted it above passages that only contain them.`);
  if (trace.fusion === 'minmax') lines.push('Keyword and meaning matches were combined with equal weight.');
  else if (trace.fusion === 'rrf') lines.push('Keyword and meaning matches were combined by their ranks.');
  if (trace.rerank) lines.push(`The LLM judge's score and the search's score were blended${trace.rerank.listRank === null ? '' : `, then the LLM put it #${trace.rerank.listRank} when comparing the best passages side by side`}.`);
  const s = trace.stages;
  if (s) {
    const at = (r: number | null) => (r === null ? 'not in the list' : `#${r}`);
    const steps = [`first search ${at(s.initial)}`, ...(s.expanded !== null || s.initial !== s.final ? [`after expanding the search ${at(s.expanded)}`] : []), `final ${at(s.final)}`];
    lines.push(`Place in each step: ${steps.join(' → ')}.`);
  }
  if (trace.frontMatter) lines.push("This is the paper's title and authors block.");
  return lines;
}

/** A one-line summary for a passage listed under a card: "keyword match #4 · meaning match #9". */
export function signalLine(trace: Trace, tops: Tops): string {
  return signals(trace, tops).map((s) => `${s.key === 'llm' ? s.label : s.label.toLowerCase()} ${s.rank}`).join(' · ');
}

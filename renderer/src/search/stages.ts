/**
 * The deep search's stage panel as rows: each StageInfo event becomes or updates one row (rerank
 * progress events update the same row), with a label and a short detail such as "judged 12/30".
 */
import type { SearchResponse } from '../api.js';

export type StageInfo = NonNullable<SearchResponse['stages']>[number];

export interface StageRow {
  key: string;
  label: string;
  /** "judged 12/30", or null. */
  detail: string | null;
  /** The expansion text or the keyword rewrite. */
  text: string | null;
  note: string | null;
  ms: number;
  running: boolean;
}

const LABELS: Record<StageInfo['name'], string> = {
  initial: 'Initial retrieval',
  expand: 'Expansion',
  rewrite: 'Keyword rewrite',
  retrieve: 'Retrieval with the expanded query',
  rerank: 'LLM rerank',
  listwise: 'Listwise ranking',
  rm3: 'RM3 feedback expansion',
};

export function stageRow(s: StageInfo): StageRow {
  const progress = s.total !== undefined;
  return {
    key: `${s.name}:${s.round ?? ''}`,
    label: s.name === 'expand' ? `${LABELS.expand} round ${s.round ?? 1}` : LABELS[s.name],
    detail: progress ? `judged ${s.done ?? 0}/${s.total}`
      : s.delta ? `${s.delta.newInTop10} new in the top 10, ${s.delta.moved.length} moved${s.delta.hits !== undefined ? `, ${s.delta.hits} hits` : ''}` : null,
    text: s.text ?? (s.terms ? s.terms.map((t) => `${t.term} ${t.weight.toFixed(3)}`).join(', ') : null),
    note: s.note ?? null,
    ms: s.ms,
    running: progress && (s.done ?? 0) < (s.total ?? 0) && !s.note,
  };
}

/** The rows with this event applied: an update of a row in place, or a new row at the end. */
export function mergeStage(rows: readonly StageRow[], s: StageInfo): StageRow[] {
  const row = stageRow(s);
  const at = rows.findIndex((r) => r.key === row.key);
  if (at < 0) return [...rows, row];
  return rows.map((r, i) => (i === at ? row : r));
}

export const stageRows = (stages: readonly StageInfo[]): StageRow[] => stages.reduce<StageRow[]>(mergeStage, []);

/** An expansion's text is the query, a blank line, then the expander's passages: show the passages. */
export function expansionText(text: string, query: string): string {
  return text.startsWith(query) ? text.slice(query.length).trim() || text : text;
}

/** When the search ended (or was stopped), nothing is still running. */
export const settle = (rows: readonly StageRow[]): StageRow[] => rows.map((r) => (r.running ? { ...r, running: false } : r));

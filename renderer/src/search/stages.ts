/**
 * The deep search's stage panel as rows: each StageInfo event becomes or updates one row (rerank
 * progress events update the same row), with a label, a short detail such as "judged 12/30" or what
 * the stage changed, its queries' hit counts, and, for the stages a user can correct (the keyword
 * rewrite, each expansion round, the RM3 terms), what to edit.
 */
import type { SearchOpts, SearchResponse } from '../api.js';

export type StageInfo = NonNullable<SearchResponse['stages']>[number];
export type PipelineEdits = NonNullable<NonNullable<SearchOpts['pipeline']>['edits']>;

/** Which stage an edit corrects. */
export type StageEdit = { kind: 'rewrite' } | { kind: 'expand'; round: number } | { kind: 'rm3' };

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
  /** Each result of the top 10 that moved: "#4 → #1 (up 3)", "new → #3". */
  moves: { chunkId: number; text: string }[];
  /** The stage's queries with their hit counts. */
  queries: { label: string; hits: number }[];
  /** What the user may correct in this stage, and its current value as text; null when not editable. */
  edit: StageEdit | null;
  editValue: string | null;
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

/** RM3 terms as the stage shows them and as they are edited: "vitamin 0.250, cancer 0.125". */
export const rm3Text = (terms: readonly { term: string; weight: number }[]): string => terms.map((t) => `${t.term} ${t.weight.toFixed(3)}`).join(', ');

/**
 * The user's RM3 terms from "term weight, term weight" (commas or new lines between terms; a term
 * without a weight gets the mean of the others', 1 when none has one; a lone number is a term), or
 * why it cannot be read.
 */
export function parseRm3Terms(text: string): { terms: { term: string; weight: number }[] } | { error: string } {
  const parts = text.split(/[,\n]/).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) return { error: 'Give at least one term.' };
  const read: { term: string; weight: number | null }[] = [];
  for (const p of parts) {
    const m = /^(.*?)(?:\s+(\d+(?:\.\d+)?|\.\d+))?$/.exec(p)!;
    const term = m[1]!.trim();
    const weight = m[2] === undefined ? null : Number(m[2]);
    if (weight !== null && !(weight > 0)) return { error: `The weight of “${term}” must be above 0.` };
    read.push({ term, weight });
  }
  const given = read.flatMap((r) => (r.weight === null ? [] : [r.weight]));
  const fill = given.length > 0 ? given.reduce((a, b) => a + b, 0) / given.length : 1;
  return { terms: read.map((r) => ({ term: r.term, weight: r.weight ?? fill })) };
}

/** The edits for a re-run after this one: later expansion rounds' edits are dropped (their prompts change). */
export function withEdit(edits: PipelineEdits, edit: StageEdit, value: string | { term: string; weight: number }[]): PipelineEdits {
  if (edit.kind === 'rewrite') return { ...edits, rewrite: value as string };
  if (edit.kind === 'rm3') return { ...edits, rm3: value as { term: string; weight: number }[] };
  const expansions = Object.fromEntries(Object.entries(edits.expansions ?? {}).filter(([r]) => Number(r) < edit.round));
  return { ...edits, expansions: { ...expansions, [String(edit.round)]: [value as string] } };
}

const move = (m: { chunkId: number; from: number | null; to: number }) => ({
  chunkId: m.chunkId,
  text: m.from === null ? `new → #${m.to}` : `#${m.from} → #${m.to} (${m.from > m.to ? 'up' : 'down'} ${Math.abs(m.from - m.to)})`,
});

function editOf(s: StageInfo): StageEdit | null {
  if (s.name === 'rewrite') return { kind: 'rewrite' };
  if (s.name === 'expand') return { kind: 'expand', round: s.round ?? 1 };
  if (s.name === 'rm3' && (s.terms ?? []).length > 0) return { kind: 'rm3' };
  return null;
}

export function stageRow(s: StageInfo): StageRow {
  const progress = s.total !== undefined;
  const edit = editOf(s);
  return {
    key: `${s.name}:${s.round ?? ''}`,
    label: s.name === 'expand' ? `${LABELS.expand} round ${s.round ?? 1}` : LABELS[s.name],
    detail: progress ? `judged ${s.done ?? 0}/${s.total}`
      : s.delta ? `${s.delta.newInTop10} new in the top 10, ${s.delta.moved.length} moved${s.delta.hits !== undefined ? `, ${s.delta.hits} hits` : ''}` : null,
    text: s.text ?? (s.terms ? rm3Text(s.terms) : null),
    note: s.note ?? null,
    ms: s.ms,
    running: progress && (s.done ?? 0) < (s.total ?? 0) && !s.note,
    moves: (s.delta?.moved ?? []).map(move),
    queries: (s.queries ?? []).map((q) => ({ label: q.label, hits: q.hits })),
    edit,
    editValue: edit === null ? null : edit.kind === 'rm3' ? rm3Text(s.terms ?? []) : s.text ?? '',
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

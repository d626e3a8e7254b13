/**
 * The pinned scores (test/eval/pinned-scores.json, Pyserini-2CR style: per collection and mode the
 * command and the expected nDCG@10 / recall@100 / MRR@10) as the Markdown table of
 * main/engine/search/RANKING.md. pinned-scores.test.ts fails when that table differs from this one;
 * `node dist/test/eval/pinned-table.js --write` rewrites it between its markers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface PinnedRun {
  collection: string;
  mode: string;
  /** Arguments after `delve eval --dataset ../shared/data/<collection> --json`. */
  args: string[];
  'ndcg@10': number;
  'recall@100': number;
  'mrr@10': number;
  queries: number;
}

export interface Pinned {
  tolerance: number;
  runs: PinnedRun[];
  /** Today's BM25 before this ranking (FTS5's bm25(), k1 1.2, b 0.75), measured 2026-12-07. */
  before: Record<string, { 'ndcg@10': number; 'recall@100': number }>;
  /** Published BM25 nDCG@10 where one exists, with its source. */
  references: Record<string, { 'ndcg@10': number; source: string }>;
}

const ROOT = new URL('../../../', import.meta.url);
export const PINNED_FILE = fileURLToPath(new URL('test/eval/pinned-scores.json', ROOT));
export const RANKING_MD = fileURLToPath(new URL('main/engine/search/RANKING.md', ROOT));
export const START = '<!-- pinned-scores:start (generated from test/eval/pinned-scores.json) -->';
export const END = '<!-- pinned-scores:end -->';

export const readPinned = (): Pinned => JSON.parse(readFileSync(PINNED_FILE, 'utf8')) as Pinned;
export const commandOf = (r: PinnedRun): string => ['delve eval --dataset', `../shared/data/${r.collection}`, ...r.args, '--json'].join(' ');

export function pinnedTable(p: Pinned): string {
  const f = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(4));
  const modes = [...new Set(p.runs.map((r) => r.mode))];
  const collections = [...new Set(p.runs.map((r) => r.collection))];
  const run = (c: string, m: string) => p.runs.find((r) => r.collection === c && r.mode === m);
  const head = ['collection', 'before: nDCG@10 / R@100', ...modes.map((m) => `${m}: nDCG@10 / R@100 / MRR@10`), 'published BM25 nDCG@10'];
  const rows = collections.map((c) => [c, `${f(p.before[c]?.['ndcg@10'])} / ${f(p.before[c]?.['recall@100'])}`,
    ...modes.map((m) => { const r = run(c, m); return r ? `${f(r['ndcg@10'])} / ${f(r['recall@100'])} / ${f(r['mrr@10'])}` : '—'; }),
    p.references[c] ? `${f(p.references[c]['ndcg@10'])} (${p.references[c].source})` : '—']);
  const mean = (xs: (number | undefined)[]) => xs.every((x) => x !== undefined) ? (xs as number[]).reduce((a, b) => a + b, 0) / xs.length : undefined;
  rows.push(['**mean**', `${f(mean(collections.map((c) => p.before[c]?.['ndcg@10'])))} / ${f(mean(collections.map((c) => p.before[c]?.['recall@100'])))}`,
    ...modes.map((m) => `${f(mean(collections.map((c) => run(c, m)?.['ndcg@10'])))} / ${f(mean(collections.map((c) => run(c, m)?.['recall@100'])))} / ${f(mean(collections.map((c) => run(c, m)?.['mrr@10'])))}`), '']);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const commands = modes.map((m) => `- ${m}: \`${commandOf(p.runs.find((r) => r.mode === m)!).replace(/data\/\S+/, 'data/<collection>')}\``);
  return [line(head), line(head.map(() => '---')), ...rows.map(line), '', `Tolerance ±${p.tolerance}. Commands:`, ...commands].join('\n');
}

/** RANKING.md's table as it stands (between the markers). */
export function tableInReadme(text: string): string | null {
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  return a < 0 || b < a ? null : text.slice(a + START.length, b).trim();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv.includes('--write')) {
  const text = readFileSync(RANKING_MD, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${RANKING_MD} lacks the markers`);
  writeFileSync(RANKING_MD, `${text.slice(0, a + START.length)}\n${pinnedTable(readPinned())}\n${text.slice(b)}`);
}

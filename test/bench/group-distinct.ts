/**
 * Results by paper, measured: for 10 queries over ../shared/pdfs and the Foam notes, how many
 * distinct documents the first screen of results shows (the first 3 cards, and the first 10),
 * passages ungrouped (groupBy 'chunk') against grouped by document, and what grouping costs in engine
 * time per search. BM25 (no model needed).
 *
 *   npx tsc -p tsconfig.json && node dist/test/bench/group-distinct.js [--db <file>]
 *
 * Without --db it indexes into a temporary database first.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../../main/engine/index.js';
import { sharedDir, tempDir } from '../helpers/shared.js';

export const QUERIES = [
  'patient experiences of heart failure programmes',
  'citation graph of scientific papers',
  'angiotensin converting enzyme inhibitors',
  'human evaluation of faithfulness in summarization',
  'stressful life events and dementia',
  'quality improvement in resource-limited hospitals',
  'wikilinks and backlinks between notes',
  'daily notes template',
  'selective pressure analysis of protein sequences',
  'protecting controlled unclassified information',
];

const distinct = (paths: string[]) => new Set(paths).size;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' } } });
  const shared = sharedDir();
  const dbPath = values.db ?? join(tempDir('delve-group-distinct-'), 'delve.db');
  const engine = await createEngine({ dbPath, workers: 1, bm25MemoryMb: 0 });
  try {
    if (!values.db) await engine.index([join(shared, 'pdfs'), join(shared, 'notes', 'foam-docs')]);
    const rows: string[][] = [];
    const sums = [0, 0, 0, 0];
    for (const q of QUERIES) {
      const flat = (await engine.search(q, { mode: 'bm25', k: 10, history: false })).results.map((r) => r.path);
      const grouped = (await engine.search(q, { mode: 'bm25', k: 10, groupBy: 'document', history: false })).results.map((r) => r.path);
      const row = [distinct(flat.slice(0, 3)), distinct(grouped.slice(0, 3)), distinct(flat), distinct(grouped)];
      row.forEach((v, i) => (sums[i]! += v));
      rows.push([q, ...row.map(String)]);
    }
    console.log('query | first 3: before | after | first 10: before | after');
    for (const r of rows) console.log(r.join(' | '));
    console.log(`total | ${sums.join(' | ')}`);
    console.log(`mean | ${sums.map((s) => (s / QUERIES.length).toFixed(1)).join(' | ')}`);
    // What grouping costs: engine time per search as the app asks (k = 20), after a warm-up pass.
    const ms = { chunk: 0, document: 0 };
    for (const pass of [0, 1]) {
      for (const groupBy of ['chunk', 'document'] as const) {
        for (const q of QUERIES) {
          const r = await engine.search(q, { mode: 'bm25', k: 20, groupBy, history: false });
          if (pass === 1) ms[groupBy] += r.ms;
        }
      }
    }
    console.log(`engine ms per search, k = 20 (mean of ${QUERIES.length}): by passage ${(ms.chunk / QUERIES.length).toFixed(1)}, by document ${(ms.document / QUERIES.length).toFixed(1)}`);
  } finally {
    engine.close();
  }
}

await main();

/**
 * Retrieval scores pinned Pyserini-2CR style: every run listed in test/eval/pinned-scores.json is
 * re-run with the real CLI on ../shared/data and must land within the file's tolerance of its
 * nDCG@10, recall@100 and MRR@10; main/engine/search/RANKING.md's table must be the one generated
 * from the file. (The nine collections × three modes take a few minutes; the corpora are imported
 * once per collection into a shared evaluation home. DELVE_PINNED_MODES="bm25" re-runs only the
 * listed modes, comma-separated, e.g. on a slow machine.)
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { delveJson } from '../helpers/cli.js';
import { sharedDir, tempDir } from '../helpers/shared.js';
import { commandOf, pinnedTable, RANKING_MD, readPinned, tableInReadme } from './pinned-table.js';

interface EvalJson { 'ndcg@10': number; 'recall@100': number; 'mrr@10': number; queries: number }

const pinned = readPinned();
const DEFAULT_MODE = 'bm25';

test('RANKING.md shows the table generated from pinned-scores.json', () => {
  assert.equal(tableInReadme(readFileSync(RANKING_MD, 'utf8')), pinnedTable(pinned),
    'regenerate it: node dist/test/eval/pinned-table.js --write');
});

test('every collection in ../shared/data is pinned in every mode', () => {
  const data = join(sharedDir(), 'data');
  const collections = readdirSync(data).filter((n) => statSync(join(data, n)).isDirectory()).sort();
  const modes = [...new Set(pinned.runs.map((r) => r.mode))];
  for (const c of collections) for (const m of modes) assert.ok(pinned.runs.some((r) => r.collection === c && r.mode === m), `${c} / ${m} is not pinned`);
});

test('the pinned default ranking meets its goals: no collection below today\'s by over 0.005, none below its published BM25 by over 0.005', () => {
  const runs = pinned.runs.filter((r) => r.mode === DEFAULT_MODE);
  for (const r of runs) {
    const before = pinned.before[r.collection];
    if (before) assert.ok(r['ndcg@10'] >= before['ndcg@10'] - 0.005, `${r.collection}: ${r['ndcg@10']} vs ${before['ndcg@10']} before`);
    const ref = pinned.references[r.collection];
    if (ref) assert.ok(r['ndcg@10'] >= ref['ndcg@10'] - 0.005, `${r.collection}: ${r['ndcg@10']} vs published ${ref['ndcg@10']}`);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const beforeMean = mean(runs.map((r) => pinned.before[r.collection]!['ndcg@10']));
  assert.ok(mean(runs.map((r) => r['ndcg@10'])) > beforeMean, 'the mean improves on today\'s');
});

const home = tempDir('delve-pinned-');
const only = process.env.DELVE_PINNED_MODES?.split(',').map((m) => m.trim());
for (const r of pinned.runs.filter((x) => !only || only.includes(x.mode))) {
  test(`${commandOf(r)} gives nDCG@10 ${r['ndcg@10']}, recall@100 ${r['recall@100']}, MRR@10 ${r['mrr@10']} (±${pinned.tolerance})`, async () => {
    const got = await delveJson<EvalJson>(['eval', '--dataset', join(sharedDir(), 'data', r.collection), ...r.args], { env: { ...process.env, DELVE_HOME: home } });
    assert.equal(got.queries, r.queries);
    for (const m of ['ndcg@10', 'recall@100', 'mrr@10'] as const) {
      assert.ok(Math.abs(got[m] - r[m]) <= pinned.tolerance, `${r.collection} ${r.mode} ${m}: ${got[m].toFixed(4)}, pinned ${r[m]}`);
    }
  });
}

/**
 * Retrieval end to end, with the real CLI on ../shared (BM25's scores on every collection are pinned
 * in test/eval/pinned-scores.test.ts):
 * - `delve eval --mode dense|hybrid` with the random-weight BERT (its quality means nothing): dense
 *   evaluation is deterministic, and hybrid with the dense weight at 0 ranks the top 10 as BM25 does.
 * - 200 SciFact documents, each queried with its own text in dense mode, come back at rank 1.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createEngine } from '../../main/engine/index.js';
import { delve, delveJson } from '../helpers/cli.js';
import { sharedDir, tempDir } from '../helpers/shared.js';

interface EvalJson { 'ndcg@10': number; 'recall@100': number; 'mrr@10': number; queries: number; ms: number; model: string | null }

const scifact = () => join(sharedDir(), 'data', 'scifact');
const model = () => join(sharedDir(), 'models', 'bert-tiny-random');

/** A BEIR folder with SciFact's first `n` judged queries, their relevant documents and 300 others. */
function miniScifact(n: number): string {
  const dir = tempDir('delve-mini-');
  const read = (f: string) => readFileSync(join(scifact(), f), 'utf8').split('\n').filter((l) => l.trim());
  const qrels = read('qrels.tsv').slice(1).map((l) => l.split('\t') as [string, string, string]);
  const qids = [...new Set(qrels.map((q) => q[0]))].slice(0, n);
  const kept = qrels.filter((q) => qids.includes(q[0]));
  const relevant = new Set(kept.map((q) => q[1]));
  const corpus = read('corpus.jsonl').filter((l, i) => i < 300 || relevant.has((JSON.parse(l) as { _id: string })._id));
  writeFileSync(join(dir, 'corpus.jsonl'), corpus.join('\n') + '\n');
  writeFileSync(join(dir, 'queries.jsonl'), read('queries.jsonl').filter((l) => qids.includes((JSON.parse(l) as { _id: string })._id)).join('\n') + '\n');
  writeFileSync(join(dir, 'qrels.tsv'), ['query-id\tcorpus-id\tscore', ...kept.map((q) => q.join('\t'))].join('\n') + '\n');
  return dir;
}

test('dense evaluation with the random-weight model is deterministic; hybrid at dense weight 0 ranks the top 10 as BM25 does', async () => {
  const home = tempDir('delve-eval-');
  const env = { ...process.env, DELVE_HOME: home };
  const dataset = miniScifact(20);
  const common = ['eval', '--dataset', dataset, '--model', model()];
  const dense = await delveJson<EvalJson>([...common, '--mode', 'dense'], { env });
  assert.equal(dense.queries, 20);
  assert.ok(dense.model, 'the model is reported');
  const again = await delveJson<EvalJson>([...common, '--mode', 'dense'], { env });
  assert.deepEqual([again['ndcg@10'], again['recall@100'], again['mrr@10']], [dense['ndcg@10'], dense['recall@100'], dense['mrr@10']]);
  const bm25 = await delveJson<EvalJson>(['eval', '--dataset', dataset, '--mode', 'bm25'], { env });
  const hybrid = await delveJson<EvalJson>([...common, '--mode', 'hybrid', '--fusion', 'minmax', '--weight', '0'], { env });
  assert.equal(hybrid.queries, 20);
  assert.ok(bm25['ndcg@10'] > 0.3, `BM25 finds SciFact's relevant documents: ${bm25['ndcg@10']}`);
  assert.ok(Math.abs(hybrid['ndcg@10'] - bm25['ndcg@10']) < 1e-9 && Math.abs(hybrid['mrr@10'] - bm25['mrr@10']) < 1e-9, `hybrid ${JSON.stringify(hybrid)} vs bm25 ${JSON.stringify(bm25)}`);
});

test('200 SciFact documents queried with their own text return themselves first in dense mode', async () => {
  const dir = tempDir('delve-self-');
  const lib = join(dir, 'lib');
  mkdirSync(lib);
  const seen = new Set<string>();
  const docs: { id: string; text: string }[] = [];
  for (const line of readFileSync(join(scifact(), 'corpus.jsonl'), 'utf8').split('\n')) {
    if (docs.length === 200 || !line.trim()) continue;
    const d = JSON.parse(line) as { _id: string; title: string; text: string };
    const text = `${d.title}\n\n${d.text}`.trim();
    if (d.text.length < 200 || seen.has(text)) continue;
    seen.add(text);
    docs.push({ id: d._id, text });
    writeFileSync(join(lib, `${d._id}.txt`), text + '\n');
  }
  const engine = await createEngine({ dbPath: join(dir, 'self.db'), workers: 1, chunk: { targetChars: 20000, overlapChars: 0 }, embedding: { modelDir: model() } });
  try {
    const s = await engine.index([lib]);
    assert.equal(s.documents, 200);
    assert.equal(s.embedding?.complete, true, JSON.stringify(s.embeddingError));
    const misses: string[] = [];
    for (const d of docs) {
      const r = await engine.search(d.text, { mode: 'dense', k: 1, groupBy: 'document' });
      if (!r.results[0]?.path.endsWith(`${d.id}.txt`)) misses.push(`${d.id} → ${r.results[0]?.path}`);
    }
    assert.deepEqual(misses, []);
  } finally {
    engine.close();
  }
});

test('delve eval takes BM25\'s k1, b and RM3 from the command line and reports them; bad values are usage errors', async () => {
  const env = { ...process.env, DELVE_HOME: tempDir('delve-eval-') };
  const adi = join(sharedDir(), 'data', 'adi');
  const r = await delveJson<EvalJson & { bm25: { k1: number; b: number; rm3: boolean } }>(['eval', '--dataset', adi, '--k1', '0.9', '--b', '0.4', '--rm3'], { env });
  assert.deepEqual([r.bm25.k1, r.bm25.b, r.bm25.rm3, r.queries], [0.9, 0.4, true, 35]);
  const bad = await delve(['eval', '--dataset', adi, '--b', '2'], { env });
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /--b must be a number from 0 to 1/);
});

/**
 * Development tool (not a test): how chunk scores roll up to documents, measured on chunked
 * evaluation databases made with `delve eval --dataset ../shared/data/<name> --db <dir>/<name>.db
 * --chunk-size 1200 --chunk-overlap 150`. Ranks the top 300 chunks by the engine's BM25 list (with
 * the word-order bonus) and scores documents by: their best chunk (the engine's), the sum of their
 * two best, best + ½ second, and their first chunk's score when it is among the candidates.
 *   node dist/test/eval/rollup.js <dir> time med …
 */
import { join, resolve } from 'node:path';
import { loadBeir } from '../../main/engine/eval/beir.js';
import { DOC_PREFIX } from '../../main/engine/eval/corpus-index.js';
import { evaluateRun, type Run } from '../../main/engine/eval/metrics.js';
import { bm25List } from '../../main/engine/search/bm25/bm25.js';
import { attachBm25Memory } from '../../main/engine/search/bm25/bm25-memory.js';
import { openDb } from '../../main/engine/store/db.js';

const shared = resolve(process.env.DELVE_SHARED ?? '../shared');
const [dir, ...names] = process.argv.slice(2);
const rules: Record<string, (scores: number[], firstScore: number | null) => number | null> = {
  max: (s) => s[0]!,
  sumTop2: (s) => s[0]! + (s[1] ?? 0),
  maxPlusHalfSecond: (s) => s[0]! + 0.5 * (s[1] ?? 0),
  firstChunk: (_s, first) => first,
};
for (const name of names) {
  const ds = loadBeir(join(shared, 'data', name));
  const { db } = await openDb(join(dir!, `${name}.db`));
  attachBm25Memory(db).warm();
  const rows = db.prepare('SELECT c.id, c.ordinal, d.path FROM chunks c JOIN documents d ON d.id = c.doc_id').raw().all() as [number, number, string][];
  const docOf = new Map(rows.map((r) => [r[0], r[2].slice(DOC_PREFIX.length)]));
  const firstOf = new Map(rows.map((r) => [r[0], r[1] === 0]));
  const runs = Object.fromEntries(Object.keys(rules).map((k) => [k, new Map() as Run]));
  for (const q of ds.queries) {
    const hits = bm25List(db, q.text, 300).hits;
    const perDoc = new Map<string, { scores: number[]; first: number | null }>();
    for (const h of hits) {
      const d = docOf.get(h.chunkId)!;
      const e = perDoc.get(d) ?? { scores: [], first: null };
      e.scores.push(h.score);
      if (firstOf.get(h.chunkId)) e.first = h.score;
      perDoc.set(d, e);
    }
    for (const [k, rule] of Object.entries(rules)) {
      const list = [...perDoc].map(([doc, e]) => ({ doc, score: rule(e.scores, e.first) })).filter((x): x is { doc: string; score: number } => x.score !== null);
      runs[k]!.set(q.id, list.sort((a, b) => b.score - a.score).slice(0, 100));
    }
  }
  const chunks = rows.length;
  console.log(`${name} (${ds.corpus.length} docs, ${chunks} chunks): ${Object.entries(runs).map(([k, run]) => { const m = evaluateRun(run, ds.qrels); return `${k} ${m['ndcg@10'].toFixed(4)}/${m['recall@100'].toFixed(3)}`; }).join('  ')}`);
  db.close();
}

/**
 * Development tool (not a test): what ranking costs while the postings load. For each collection's
 * evaluation database (left by `delve eval`), times the load of all postings and the median / p95 of
 * one query ranked from memory and ranked directly from the index (search/bm25/bm25-direct.ts).
 *   DELVE_HOME=... node dist/test/eval/direct-cost.js scifact npl
 */
import { join, resolve } from 'node:path';
import { evalDbPath } from '../../main/engine/cli/eval-command.js';
import { loadBeir } from '../../main/engine/eval/beir.js';
import { bm25List } from '../../main/engine/search/bm25/bm25.js';
import { attachBm25Memory, detachBm25Memory } from '../../main/engine/search/bm25/bm25-memory.js';
import { openDb } from '../../main/engine/store/db.js';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!.toFixed(2);
const shared = resolve(process.env.DELVE_SHARED ?? '../shared');
for (const name of process.argv.slice(2)) {
  const dir = join(shared, 'data', name);
  const ds = loadBeir(dir);
  const { db } = await openDb(evalDbPath(process.env.DELVE_HOME!, dir));
  const t0 = performance.now();
  attachBm25Memory(db).warm();
  const loadMs = performance.now() - t0;
  const time = (direct: boolean) => ds.queries.map((q) => {
    const t = performance.now();
    bm25List(db, q.text, 100, undefined, { direct });
    return performance.now() - t;
  });
  time(true);
  const mem = time(false);
  const dir2 = time(true);
  console.log(`${name}: ${ds.corpus.length} docs; load ${loadMs.toFixed(0)} ms; memory p50 ${pct(mem, 0.5)} p95 ${pct(mem, 0.95)} ms; direct p50 ${pct(dir2, 0.5)} p95 ${pct(dir2, 0.95)} ms`);
  await detachBm25Memory(db);
  db.close();
}

/**
 * Development tool (not a test): measures BM25 variants on every collection in ../shared/data from
 * the evaluation databases `delve eval` leaves behind (run `delve eval --dataset ../shared/data/<name>`
 * once per collection first, with the same DELVE_HOME). Prints nDCG@10 / recall@100 per collection
 * and the mean for each variant. Usage:
 *   DELVE_HOME=... node dist/test/eval/sweep.js [k1,b;k1,b...]
 * search/RANKING.md records what it measured.
 */
import { join, resolve } from 'node:path';
import { evalDbPath } from '../../main/engine/cli/eval-command.js';
import { loadBeir } from '../../main/engine/eval/beir.js';
import { DOC_PREFIX } from '../../main/engine/eval/corpus-index.js';
import { evaluateRun, type Run } from '../../main/engine/eval/metrics.js';
import { Bm25Index, type Bm25Params } from '../../main/engine/search/bm25/bm25-index.js';
import { loadBm25Index } from '../../main/engine/search/bm25/bm25-load.js';
import { QueryTerms } from '../../main/engine/search/bm25/bm25-phrases.js';
import { bigramOverlap, bigrams } from '../../main/engine/search/bm25/proximity.js';
import { normalizeForSearch, STOP_WORDS, TOKEN } from '../../main/engine/search/query/query.js';
import { feedbackTermAllowed, rm3Expand, type Rm3Options } from '../../main/engine/search/query/rm3.js';
import { openDb } from '../../main/engine/store/db.js';

const LUCENE_STOP = new Set('a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(' '));
const NAMES = ['scifact', 'nfcorpus-partial', 'cranfield', 'med', 'cisi', 'npl', 'lisa', 'time', 'adi'];

export interface Variant {
  name: string;
  params: Bm25Params;
  stop: 'delve' | 'lucene' | 'none';
  qtf: 'dedup' | 'count' | 'log' | 'sqrt';
  prox: number; // bonus = prox · proximity^exp · top
  exp?: number;
  rm3?: Rm3Options;
}

async function main(): Promise<void> {
  const home = process.env.DELVE_HOME!;
  const shared = resolve(process.env.DELVE_SHARED ?? '../shared');
  const variants: Variant[] = JSON.parse(process.argv[2] ?? '[]') as Variant[];
  const table: Record<string, Record<string, string>> = {};
  const means: Record<string, number[]> = {};
  for (const name of (process.env.SWEEP_ONLY?.split(',') ?? NAMES)) {
    const ds = loadBeir(join(shared, 'data', name));
    const { db } = await openDb(evalDbPath(home, join(shared, 'data', name)));
    const data = loadBm25Index(db, 2 ** 40);
    if (typeof data === 'string') throw new Error(data);
    const rows = db.prepare('SELECT c.id, c.text, d.path FROM chunks c JOIN documents d ON d.id = c.doc_id').raw().all() as [number, string, string][];
    const text = new Map(rows.map((r) => [r[0], r[1]]));
    const docOf = new Map(rows.map((r) => [r[0], r[2].slice(DOC_PREFIX.length)]));
    const pairsOf = new Map<number, Set<string>>();
    const qt = new QueryTerms(db);
    const vectors = new Map<number, Map<string, number>>();
    const vectorOf = (id: number) => {
      let v = vectors.get(id);
      if (!v) {
        v = new Map();
        for (const t of qt.analyze([text.get(id) ?? ''])[0]!) v.set(t, (v.get(t) ?? 0) + 1);
        vectors.set(id, v);
      }
      return v;
    };
    for (const v of variants) {
      const index = new Bm25Index(data, v.params);
      const N = data.rowids.length;
      const run: Run = new Map();
      for (const q of ds.queries) {
        const words = (normalizeForSearch(q.text).match(TOKEN) ?? []);
        const stop = v.stop === 'delve' ? STOP_WORDS : v.stop === 'lucene' ? LUCENE_STOP : new Set<string>();
        let kept = words.filter((w) => !stop.has(w));
        if (kept.length === 0) kept = words;
        if (v.qtf === 'dedup') kept = [...new Set(kept)];
        const stems = kept.length ? qt.terms(kept.map((w) => `"${w}"`).join(' OR ')) ?? [] : [];
        let ids = stems.map((t) => index.find(t));
        let boosts: number[] | undefined;
        if (v.qtf === 'log' || v.qtf === 'sqrt') {
          const c = new Map<string, number>();
          for (const t of stems) c.set(t, (c.get(t) ?? 0) + 1);
          const uniq = [...c.keys()];
          ids = uniq.map((t) => index.find(t));
          boosts = uniq.map((t) => v.qtf === 'log' ? 1 + Math.log(c.get(t)!) : Math.sqrt(c.get(t)!));
        }
        let hits = index.top(ids, [1, 0.5], 300, boosts);
        if (v.rm3) {
          const fb = hits.slice(0, v.rm3.fbDocs).map((h) => ({ score: h.score, terms: vectorOf(h.rowid) }));
          const ex = rm3Expand(stems, fb, (t) => { const i = index.find(t); return i >= 0 && feedbackTermAllowed(t, data.df[i]!, N); }, v.rm3);
          ids = ex.terms.map((w) => index.find(w.term));
          boosts = ex.terms.map((w) => w.weight);
          hits = index.top(ids, [1, 0.5], 300, boosts);
        }
        const qp = bigrams(q.text);
        const top = hits[0]?.score ?? 0;
        const scored = hits.map((h, i) => {
          let p = 0;
          if (v.prox > 0 && qp.size > 0) {
            let cp = pairsOf.get(h.rowid);
            if (!cp) { cp = bigrams(text.get(h.rowid) ?? ''); pairsOf.set(h.rowid, cp); }
            let n = 0;
            for (const b of qp) if (cp.has(b)) n++;
            p = n / qp.size;
          }
          return { id: h.rowid, s: h.score + v.prox * p ** (v.exp ?? 2) * top, i };
        }).sort((a, b) => b.s - a.s || a.i - b.i);
        run.set(q.id, scored.map((h) => ({ doc: docOf.get(h.id)!, score: h.s })));
      }
      const m = evaluateRun(run, ds.qrels);
      (table[v.name] ??= {})[name] = `${m['ndcg@10'].toFixed(4)}/${m['recall@100'].toFixed(3)}`;
      (means[v.name] ??= []).push(m['ndcg@10']);
    }
    db.close();
  }
  for (const [v, row] of Object.entries(table)) {
    const mean = means[v]!.reduce((a, b) => a + b, 0) / means[v]!.length;
    console.log(`${v.padEnd(28)} mean ${mean.toFixed(4)}  ${Object.entries(row).map(([k, x]) => `${k.slice(0, 5)} ${x}`).join('  ')}`);
  }
}

void bigramOverlap;
await main();

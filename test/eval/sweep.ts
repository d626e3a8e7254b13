/**
 * Development tool (not a test): measures BM25 variants on every collection in ../shared/data from
 * the evaluation databases `delve eval` leaves behind (run `delve eval --dataset ../shared/data/<name>`
 * once per collection first, with the same DELVE_HOME). Prints nDCG@10 / recall@100 per collection
 * and the mean for each variant. Usage:
 *   DELVE_HOME=... node dist/test/eval/sweep.js '[{"name":"default","params":{"k1":1.5,"b":0.75},"stop":"delve","qtf":"log","prox":1,"exp":3}]'
 * (a JSON array of Variant; SWEEP_ONLY=scifact,npl limits the collections).
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
import { buttcherProximity, fieldLengths, minDist, lengthsWithout, VariantScorer, type ScoreVariant } from './variants.js';
import { luceneIdf } from '../../main/engine/search/bm25/bm25-index.js';

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
  /** A term-frequency variant (test/eval/variants.ts); params.k1 and params.b apply. */
  tf?: ScoreVariant['tf'];
  delta?: number;
  /** Row lengths: all tokens (the index's), or without Lucene's or Delve's stop words. */
  len?: 'all' | 'lucene' | 'delve' | 'uax';
  /** Word pairs for the word-order bonus: all words (the engine's) or content words only. */
  pairs?: 'raw' | 'content' | 'stem';
  /** The word-order bonus scaled by the best BM25 score (the engine's) or by the chunk's own. */
  scale?: 'top' | 'own';
  /** Büttcher et al.'s term proximity (test/eval/variants.ts) added, times this weight. */
  tp?: number;
  /** The title counted again with this weight (and in the row length), as if it were also the heading path. */
  title?: number;
  /** Tao & Zhai's log(α + exp(−MinDist)) added, times this weight (α 0.3). */
  md?: number;
  /** The heading-path column's weight (the engine's: 0.5). */
  heading?: number;
  /** BM25F (test/eval/variants.ts): per-column b, [text, heading path], each column normalised by its own length; params.k1 applies. */
  bf?: number[];
}

function contentPairs(text: string): Set<string> {
  const words = (normalizeForSearch(text).match(TOKEN) ?? []).filter((w) => !STOP_WORDS.has(w));
  const out = new Set<string>();
  for (let i = 1; i < words.length; i++) out.add(`${words[i - 1]} ${words[i]}`);
  return out;
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
    const pairsCache = { raw: new Map<number, Set<string>>(), content: new Map<number, Set<string>>(), stem: new Map<number, Set<string>>() };
    const qt = new QueryTerms(db);
    const vectors = new Map<number, Map<string, number>>();
    const tokenCache = new Map<number, string[]>();
    const rowOf = new Map<number, number>();
    data.rowids.forEach((r, i) => rowOf.set(r, i));
    const tokensOf = (id: number) => {
      let t = tokenCache.get(id);
      if (!t) { t = qt.analyze([text.get(id) ?? ''])[0]!; tokenCache.set(id, t); }
      return t;
    };
    const vectorOf = (id: number) => {
      let v = vectors.get(id);
      if (!v) {
        v = new Map();
        for (const t of qt.analyze([text.get(id) ?? ''])[0]!) v.set(t, (v.get(t) ?? 0) + 1);
        vectors.set(id, v);
      }
      return v;
    };
    const finder = new Bm25Index(data, { k1: 1, b: 0 });
    const stopLengths = (words: Set<string>) => lengthsWithout(data, [...new Set(qt.analyze([...words]).flat())].map((t) => finder.find(t)));
    // Lucene-like token counts from the text: numbers such as 3.5 and words such as don't one token, stop words out.
    const UAX = /[\p{L}\p{N}\p{M}]+(?:[.,'’_][\p{L}\p{N}\p{M}]+)*/gu;
    const uax = Float64Array.from(data.rowids, (r) => Math.max(1, (normalizeForSearch(text.get(r) ?? '').match(UAX) ?? [])
      .filter((w) => !LUCENE_STOP.has(w.replace(/['’]s$/, ''))).length));
    const lengths = { lucene: stopLengths(LUCENE_STOP), delve: stopLengths(STOP_WORDS), uax };
    let titles: { tf: Map<string, Map<number, number>>; lengths: Float64Array } | null = null;
    const titleData = () => {
      if (titles) return titles;
      const titleOf = new Map(ds.corpus.map((d) => [d.id, d.title]));
      const rowNo = [...data.rowids];
      const tokens = qt.analyze(rowNo.map((r) => titleOf.get(docOf.get(r) ?? '') ?? ''));
      const tf = new Map<string, Map<number, number>>();
      const L = Float64Array.from(data.lengths);
      tokens.forEach((ts, d) => {
        L[d] = L[d]! + ts.length;
        for (const t of ts) {
          let m = tf.get(t);
          if (!m) tf.set(t, m = new Map());
          m.set(d, (m.get(d) ?? 0) + 1);
        }
      });
      return titles = { tf, lengths: L };
    };
    let columnLengths: Float64Array[] | undefined;
    const dec = new TextDecoder();
    const termOf = (t: number) => dec.decode(data.termBytes.subarray(data.termStarts[t]!, data.termStarts[t + 1]!));
    for (const v of variants) {
      const custom = v.tf || (v.len && v.len !== 'all') || v.title || v.bf;
      const fields = v.bf ? { b: v.bf, lengths: columnLengths ??= fieldLengths(db, data) } : undefined;
      const index = custom ? new VariantScorer(data, { ...v.params, tf: v.tf, delta: v.delta, fields },
        v.title ? titleData().lengths : v.len && v.len !== 'all' ? lengths[v.len] : undefined,
        v.title ? { weight: v.title, tf: titleData().tf, termOf } : undefined)
        : new Bm25Index(data, v.params);
      const N = data.rowids.length;
      const run: Run = new Map();
      for (const q of ds.queries) {
        const words = (normalizeForSearch(q.text).match(TOKEN) ?? []);
        const stop = v.stop === 'delve' ? STOP_WORDS : v.stop === 'lucene' ? LUCENE_STOP : new Set<string>();
        let kept = words.filter((w) => !stop.has(w));
        if (kept.length === 0) kept = words;
        if (v.qtf === 'dedup') kept = [...new Set(kept)];
        const stems = kept.length ? qt.terms(kept.map((w) => `"${w}"`).join(' OR ')) ?? [] : [];
        let ids = stems.map((t) => finder.find(t));
        let boosts: number[] | undefined;
        if (v.qtf === 'log' || v.qtf === 'sqrt') {
          const c = new Map<string, number>();
          for (const t of stems) c.set(t, (c.get(t) ?? 0) + 1);
          const uniq = [...c.keys()];
          ids = uniq.map((t) => finder.find(t));
          boosts = uniq.map((t) => v.qtf === 'log' ? 1 + Math.log(c.get(t)!) : Math.sqrt(c.get(t)!));
        }
        const columns = [1, v.heading ?? 0.5];
        let hits = index.top(ids, columns, 300, boosts);
        if (v.rm3) {
          const fb = hits.slice(0, v.rm3.fbDocs).map((h) => ({ score: h.score, terms: vectorOf(h.rowid) }));
          const ex = rm3Expand(stems, fb, (t) => { const i = finder.find(t); return i >= 0 && feedbackTermAllowed(t, data.df[i]!, N); }, v.rm3);
          ids = ex.terms.map((w) => finder.find(w.term));
          boosts = ex.terms.map((w) => w.weight);
          hits = index.top(ids, columns, 300, boosts);
        }
        const tpWeights = new Map<string, number>();
        const stemSet = new Set(stems);
        if (v.tp) for (const t of stems) { const i = finder.find(t); if (i >= 0) tpWeights.set(t, luceneIdf(N, data.df[i]!)); }
        const avgdl = data.nToken / N;
        const stemPairs = (t: string, id?: number) => {
          const w = id === undefined ? qt.analyze([t])[0]! : tokensOf(id);
          const out = new Set<string>();
          for (let i = 1; i < w.length; i++) out.add(`${w[i - 1]} ${w[i]}`);
          return out;
        };
        const pairsFn = v.pairs === 'content' ? contentPairs : bigrams;
        const qp = v.pairs === 'stem' ? stemPairs(q.text) : pairsFn(q.text);
        const pairsOf = pairsCache[v.pairs ?? 'raw'];
        const top = hits[0]?.score ?? 0;
        const scored = hits.map((h, i) => {
          let p = 0;
          if (v.prox > 0 && qp.size > 0) {
            let cp = pairsOf.get(h.rowid);
            if (!cp) { cp = v.pairs === 'stem' ? stemPairs('', h.rowid) : pairsFn(text.get(h.rowid) ?? ''); pairsOf.set(h.rowid, cp); }
            let n = 0;
            for (const b of qp) if (cp.has(b)) n++;
            p = n / qp.size;
          }
          let tp = 0;
          if (v.tp) {
            const D = data.lengths[rowOf.get(h.rowid)!]!;
            tp = v.tp * buttcherProximity(tokensOf(h.rowid), tpWeights, v.params.k1 * (1 - v.params.b + v.params.b * D / avgdl));
          }
          if (v.md) tp += v.md * Math.log(0.3 + Math.exp(-minDist(tokensOf(h.rowid), stemSet)));
          return { id: h.rowid, s: h.score + tp + v.prox * p ** (v.exp ?? 2) * (v.scale === 'own' ? h.score : top), i };
        }).sort((a, b) => b.s - a.s || a.i - b.i);
        // Each document once, as its best chunk (as `delve eval`'s grouping): a document split into
        // chunks would otherwise be counted once per chunk.
        const seenDocs = new Set<string>();
        run.set(q.id, scored.filter((h) => !seenDocs.has(docOf.get(h.id)!) && seenDocs.add(docOf.get(h.id)!)).slice(0, 100)
          .map((h) => ({ doc: docOf.get(h.id)!, score: h.s })));
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

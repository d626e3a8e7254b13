/**
 * BM25 for one query straight from the FTS5 index, for when the postings are not in memory (still
 * loading, stale after a write, or too large to hold). It reads only the query's terms: each term's
 * rows and per-column counts from fts5vocab (instance), the matched rows' lengths from %_docsize,
 * N and the total length from the averages record, and scores them with the same code as the
 * in-memory index (search/bm25/bm25-index.ts) over a small index holding just those terms, so scores,
 * ranks and ties are the same doubles whichever path answers. Cost grows with the rows the query's
 * terms match (search/RANKING.md has the measurements).
 */
import type { Db } from '../../store/db.js';
import { Bm25Index, type Bm25IndexData, type Bm25Params, type Bm25Top } from './bm25-index.js';
import { FTS_TABLE, indexStamp, readVarints } from './bm25-load.js';

const encoder = new TextEncoder();

/** The best `n` rows for these index terms (repeats count), each times its boost, or null if the index is empty. */
export function directTop(db: Db, terms: string[], colWeights: readonly number[], n: number, params: Bm25Params, boosts?: readonly number[], table = FTS_TABLE): Bm25Top[] | null {
  const nCol = (db.prepare(`SELECT count(*) FROM pragma_table_info('${table}')`).pluck().get() as number);
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.delve_bm25_instances USING fts5vocab(main, ${table}, instance);`);
  const columns = db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[];
  const colCase = columns.map((c, i) => `WHEN '${c.replaceAll("'", "''")}' THEN ${i}`).join(' ');
  const instances = db.prepare(`SELECT group_concat(doc * ${nCol} + CASE col ${colCase} END) FROM temp.delve_bm25_instances WHERE term = ?`).pluck();
  return db.transaction((): Bm25Top[] | null => {
    const { structure, averages } = indexStamp(db, table);
    const [nRow = 0, ...totals] = readVarints(averages, 1 + nCol);
    if (nRow === 0) return null;
    const unique = [...new Set(terms)].sort((a, b) => Buffer.compare(encoder.encode(a), encoder.encode(b)));
    // Per term: rows ascending, each with its per-column counts.
    const lists = unique.map((t) => {
      const rows = new Map<number, number[]>();
      const list = (instances.get(t) as string | null) ?? '';
      for (const token of list === '' ? [] : list.split(',')) {
        const v = Number(token);
        const rowid = Math.floor(v / nCol);
        let counts = rows.get(rowid);
        if (!counts) rows.set(rowid, counts = new Array<number>(nCol).fill(0));
        counts[v - rowid * nCol]!++;
      }
      return [...rows].sort((a, b) => a[0] - b[0]);
    });
    const rowids = Float64Array.from(new Set(lists.flatMap((l) => l.map((r) => r[0])))).sort();
    const position = new Map(Array.from(rowids, (r, i) => [r, i]));
    const lengths = new Uint32Array(rowids.length);
    const sizes = db.prepare(`SELECT id, sz FROM "${table}_docsize" WHERE id IN (SELECT value FROM json_each(?))`).raw().all(JSON.stringify(Array.from(rowids))) as [number, Uint8Array][];
    for (const [id, sz] of sizes) lengths[position.get(id)!] = readVarints(sz, nCol).reduce((a, b) => a + b, 0);
    const termBytes = encoder.encode(unique.join(''));
    const termStarts = new Uint32Array(unique.length + 1);
    const postStarts = new Uint32Array(unique.length + 1);
    const nPost = lists.reduce((s, l) => s + l.length, 0);
    const docs = new Int32Array(nPost);
    const tf = new Uint16Array(nPost * nCol);
    let at = 0;
    let p = 0;
    unique.forEach((t, i) => {
      termStarts[i] = at;
      at += encoder.encode(t).length;
      postStarts[i] = p;
      for (const [rowid, counts] of lists[i]!) {
        docs[p] = position.get(rowid)!;
        counts.forEach((c, col) => { tf[p * nCol + col] = c; });
        p++;
      }
    });
    termStarts[unique.length] = at;
    postStarts[unique.length] = p;
    const data: Bm25IndexData = {
      rowids, lengths, nToken: totals.reduce((a, b) => a + b, 0), nCol, termBytes, termStarts,
      // One-byte counts where they fit, as the loaded postings hold them (one array type for the scoring loop).
      df: Uint32Array.from(lists, (l) => l.length), postStarts, docs, tf: tf.every((c) => c <= 255) ? Uint8Array.from(tf) : tf, structure, averages, nRows: nRow,
    };
    const index = new Bm25Index(data, params);
    return index.top(terms.map((t) => index.find(t)), colWeights, n, boosts);
  })();
}

/** How many rows hold at least one of these index terms, read from fts5vocab (the hit count of an OR query). */
export function directCount(db: Db, terms: string[], table = FTS_TABLE): number {
  if (terms.length === 0) return 0;
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.delve_bm25_instances USING fts5vocab(main, ${table}, instance);`);
  return db.prepare('SELECT count(DISTINCT doc) FROM temp.delve_bm25_instances WHERE term IN (SELECT value FROM json_each(?))').pluck()
    .get(JSON.stringify([...new Set(terms)])) as number;
}

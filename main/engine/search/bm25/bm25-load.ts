/**
 * Reads an FTS5 table's postings into the arrays of search/bm25/bm25-index.ts, in one read transaction so
 * that they are one snapshot of the index: row lengths from %_docsize, N and total tokens from the
 * averages record (%_data id 1), terms and per-row, per-column counts from fts5vocab (the index's own
 * stemmed tokens, so no second tokenizer is involved). ~4 s at 100k chunks, on a worker thread
 * (search/bm25/bm25-load-worker.ts) for a database on disk. Counts per posting and column are held
 * in one byte (6 bytes a posting with the two columns, against 8 in two bytes: the bench's 1M
 * chunks, 40M postings, take 270 MiB, within the default 384); the first term occurring over 255
 * times in one row's column widens the counts to two bytes in place, and the load goes on.
 */
import type { Db } from '../../store/db.js';
import type { Bm25IndexData } from './bm25-index.js';

export const FTS_TABLE = 'chunks_fts';
/** How a refusal for size begins (search/bm25/bm25-memory.ts does not retry those until the library grows). */
export const TOO_LARGE = 'its postings would take';
const STRUCTURE_ID = 10;
const AVERAGES_ID = 1;
const COMMA = 44;
const ZERO = 48;

/** SQLite's varint (as FTS5 writes them): 7 bits a byte, high bit set on all but the last; a 9th byte holds 8 bits. */
export function readVarints(blob: Uint8Array, count: number): number[] {
  const out: number[] = [];
  let at = 0;
  while (out.length < count && at < blob.length) {
    let v = 0;
    let i = 0;
    for (; i < 8 && at < blob.length; i++) {
      const byte = blob[at++]!;
      v = v * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) break;
    }
    if (i === 8 && at < blob.length) v = v * 256 + blob[at++]!;
    out.push(v);
  }
  return out;
}

/** FTS5's structure and averages records: they change whenever the index does. */
export function indexStamp(db: Db, table = FTS_TABLE): { structure: Uint8Array; averages: Uint8Array } {
  const rows = db.prepare(`SELECT id, block FROM "${table}_data" WHERE id IN (${AVERAGES_ID}, ${STRUCTURE_ID})`).raw().all() as [number, Uint8Array][];
  const of = (id: number) => rows.find((r) => r[0] === id)?.[1] ?? new Uint8Array(0);
  return { structure: new Uint8Array(of(STRUCTURE_ID)), averages: new Uint8Array(of(AVERAGES_ID)) };
}

function rowIndex(rowids: Float64Array): (rowid: number) => number {
  const n = rowids.length;
  const max = n > 0 ? rowids[n - 1]! : 0;
  if (max < 4 * n + 1024) {
    const table = new Int32Array(max + 1).fill(-1);
    rowids.forEach((r, i) => { table[r] = i; });
    return (r) => table[r] ?? -1;
  }
  return (r) => {
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (rowids[mid] === r) return mid;
      if (rowids[mid]! < r) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
}

/**
 * The index's postings, or why they are not held (too large, empty, an unexpected layout). Counts
 * are held in one byte; the first count over 255 widens them to two bytes in place.
 */
export function loadBm25Index(db: Db, maxBytes: number, table = FTS_TABLE): Bm25IndexData | string {
  const columns = db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[];
  const nCol = columns.length;
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.delve_bm25_rows USING fts5vocab(main, ${table}, row);
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.delve_bm25_instances USING fts5vocab(main, ${table}, instance);`);
  return db.transaction((): Bm25IndexData | string => {
    const { structure, averages } = indexStamp(db, table);
    const [nRow = 0, ...totals] = readVarints(averages, 1 + nCol);
    if (nRow === 0) return 'the full-text index is empty';
    // Row lengths straight into their arrays (a million [id, blob] rows held at once cost ~200 MB).
    const rowids = new Float64Array(nRow);
    const lengths = new Uint32Array(nRow);
    let nSize = 0;
    for (const [id, sz] of db.prepare(`SELECT id, sz FROM "${table}_docsize" ORDER BY id`).raw().iterate() as Iterable<[number, Uint8Array]>) {
      if (nSize < nRow) {
        rowids[nSize] = id;
        lengths[nSize] = readVarints(sz, nCol).reduce((a, b) => a + b, 0);
      }
      nSize++;
    }
    if (nSize !== nRow) return `the full-text index holds ${nRow} rows but ${nSize} row lengths`;
    if (rowids[nRow - 1]! > Number.MAX_SAFE_INTEGER) return 'row ids beyond 2^53';
    const terms = db.prepare(`SELECT term, doc FROM temp.delve_bm25_rows`).raw().all() as [string, number][];
    const nPost = terms.reduce((s, t) => s + t[1], 0);
    const estimate = (countBytes: number) => nPost * (4 + countBytes * nCol) + nRow * 41 + terms.length * 24;
    const tooLarge = (bytes: number) => `${TOO_LARGE} ${Math.ceil(bytes / 1048576)} MiB (limit ${Math.floor(maxBytes / 1048576)} MiB)`;
    if (estimate(1) > maxBytes) return tooLarge(estimate(1));

    const indexOf = rowIndex(rowids);
    const encoder = new TextEncoder();
    const termBytes = new Uint8Array(terms.reduce((s, t) => s + Buffer.byteLength(t[0], 'utf8'), 0));
    const termStarts = new Uint32Array(terms.length + 1);
    const postStarts = new Uint32Array(terms.length + 1);
    const docs = new Int32Array(nPost);
    let tf: Uint8Array | Uint16Array = new Uint8Array(nPost * nCol);
    let tfMax = 255;
    const df = Uint32Array.from(terms, (t) => t[1]);
    const colCase = columns.map((c, i) => `WHEN '${c.replaceAll("'", "''")}' THEN ${i}`).join(' ');
    const instances = db.prepare(`SELECT group_concat(doc * ${nCol} + CASE col ${colCase} END) FROM temp.delve_bm25_instances WHERE term = ?`).pluck();
    let bytesAt = 0;
    let p = 0;
    for (let t = 0; t < terms.length; t++) {
      termStarts[t] = bytesAt;
      bytesAt += encoder.encodeInto(terms[t]![0], termBytes.subarray(bytesAt)).written;
      postStarts[t] = p;
      const list = (instances.get(terms[t]![0]) as string | null) ?? '';
      let prev = -1;
      // The numbers are read in place: splitting a frequent term's list (millions of instances at 1M
      // chunks) made an array of as many strings, the bulk of the load's transient memory.
      let v = 0;
      for (let i = 0; i <= list.length; i++) {
        const c = i < list.length ? list.charCodeAt(i) : COMMA;
        if (c !== COMMA) {
          v = v * 10 + (c - ZERO);
          continue;
        }
        if (i === 0) break; // an empty list
        const rowid = Math.floor(v / nCol);
        const col = v - rowid * nCol;
        v = 0;
        if (rowid !== prev) {
          const d = indexOf(rowid);
          if (d < 0 || p >= nPost) return `term "${terms[t]![0]}" lists a row the index does not hold`;
          docs[p++] = d;
          prev = rowid;
        }
        const slot = (p - 1) * nCol + col;
        if (tf[slot] === tfMax) {
          if (tfMax === 65535) return `term "${terms[t]![0]}" occurs over 65535 times in one row`;
          if (estimate(2) > maxBytes) return tooLarge(estimate(2));
          const wide: Uint16Array = new Uint16Array(tf.length);
          wide.set(tf);
          tf = wide;
          tfMax = 65535;
        }
        tf[slot] = tf[slot]! + 1;
      }
      if (p - postStarts[t]! !== terms[t]![1]) return `term "${terms[t]![0]}": ${p - postStarts[t]!} rows listed, ${terms[t]![1]} counted`;
      if (t > 0 && !ascending(termBytes, termStarts[t - 1]!, termStarts[t]!, bytesAt)) return 'terms are not in byte order';
    }
    termStarts[terms.length] = bytesAt;
    postStarts[terms.length] = p;
    return { rowids, lengths, nToken: totals.reduce((a, b) => a + b, 0), nCol, termBytes, termStarts, df, postStarts, docs, tf, structure, averages };
  })();
}

/** Whether bytes[a, b) sorts before bytes[b, c) (memcmp, then shorter first). */
function ascending(bytes: Uint8Array, a: number, b: number, c: number): boolean {
  const len = Math.min(b - a, c - b);
  for (let i = 0; i < len; i++) {
    if (bytes[a + i] !== bytes[b + i]) return bytes[a + i]! < bytes[b + i]!;
  }
  return b - a < c - b;
}

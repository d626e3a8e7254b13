/**
 * The LanceDB side of the write benchmark: the same chunk rows (id, document, ordinal, text, heading
 * path, hash and 384-d vector) appended to a local LanceDB table in batches of 10,000 as Arrow
 * tables (LanceDB's own format, its fastest input: the vectors go in as one Float32Array per batch);
 * then, timed apart, LanceDB's full-text index over the text (Delve's FTS5 index is written with the
 * chunks, so "LanceDB + FTS" is the like-for-like figure).
 */
import { connect, Index, type Table } from '@lancedb/lancedb';
import { Field, FixedSizeList, Float32, makeData, Schema, Table as ArrowTable, Utf8, vectorFromArray, Vector, makeVector, RecordBatch, Struct } from 'apache-arrow';
import type { ParsedFile } from '../../main/engine/store/write.js';

const BATCH = 10_000;

import { cpuMs } from './write-delve.js';

export interface LanceWrite { rowsMs: number; ftsMs: number; rowsCpuMs: number; ftsCpuMs: number; rows: number }

interface Row { id: number; docId: number; ordinal: number; text: string; headingPath: string; hash: string; vector: Float32Array }

function arrowBatch(rows: Row[]): ArrowTable {
  const dims = rows[0]!.vector.length;
  const flat = new Float32Array(rows.length * dims);
  rows.forEach((r, i) => flat.set(r.vector, i * dims));
  const item = new Field('item', new Float32(), true);
  const vectorType = new FixedSizeList(dims, item);
  const child = makeData({ type: new Float32(), length: flat.length, data: flat });
  const vector = makeVector(makeData({ type: vectorType, length: rows.length, child }));
  const columns: Record<string, Vector> = {
    id: makeVector(Int32Array.from(rows, (r) => r.id)),
    doc_id: makeVector(Int32Array.from(rows, (r) => r.docId)),
    ordinal: makeVector(Int32Array.from(rows, (r) => r.ordinal)),
    text: vectorFromArray(rows.map((r) => r.text), new Utf8()),
    heading_path: vectorFromArray(rows.map((r) => r.headingPath), new Utf8()),
    hash: vectorFromArray(rows.map((r) => r.hash), new Utf8()),
    vector,
  };
  const fields = Object.entries(columns).map(([name, v]) => new Field(name, v.type, name === 'vector'));
  const schema = new Schema(fields);
  const data = makeData({ type: new Struct(fields), length: rows.length, nullCount: 0, children: Object.values(columns).map((v) => v.data[0]!) });
  return new ArrowTable(schema, new RecordBatch(schema, data));
}

export async function lanceWrite(dir: string, docs: ParsedFile[], vectors: Map<string, Float32Array>, fts: boolean): Promise<LanceWrite> {
  const rows: Row[] = [];
  let t0 = performance.now();
  let c0 = process.cpuUsage();
  const conn = await connect(dir);
  let table: Table | null = null;
  let id = 0;
  const flush = async () => {
    if (rows.length === 0) return;
    const batch = arrowBatch(rows);
    if (!table) table = await conn.createTable('chunks', batch, { mode: 'overwrite' });
    else await table.add(batch);
    rows.length = 0;
  };
  for (const [d, f] of docs.entries()) {
    for (const c of f.chunks) {
      rows.push({ id: ++id, docId: d + 1, ordinal: c.ordinal, text: c.text, headingPath: JSON.stringify(c.headingPath), hash: c.hash, vector: vectors.get(c.text)! });
      if (rows.length >= BATCH) await flush();
    }
  }
  await flush();
  const rowsMs = performance.now() - t0;
  const rowsCpuMs = cpuMs(c0);
  const t = table as Table | null;
  if (!t) throw new Error('no rows to write');
  let ftsMs = NaN;
  let ftsCpuMs = NaN;
  if (fts) {
    t0 = performance.now();
    c0 = process.cpuUsage();
    await t.createIndex('text', { config: Index.fts() });
    ftsMs = performance.now() - t0;
    ftsCpuMs = cpuMs(c0);
  }
  const count = await t.countRows();
  t.close();
  conn.close();
  return { rowsMs, ftsMs, rowsCpuMs, ftsCpuMs, rows: count };
}

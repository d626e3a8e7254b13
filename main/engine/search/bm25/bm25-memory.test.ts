import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { benchChunks, benchQueries } from '../../../../test/bench/search-corpus.js';
import { fillDb } from '../../../../test/bench/search-db.js';
import { sharedDir, tempDir } from '../../../../test/helpers/shared.js';
import { openDb, type Db } from '../../store/db.js';
import { bm25List } from './bm25.js';
import { readVarints } from './bm25-load.js';
import { attachBm25Memory, detachBm25Memory } from './bm25-memory.js';
import { weightedFtsQuery } from '../query/weighted-query.js';

/** 4000 real chunks (SciFact abstracts and the shared notes) through the store's own writes. */
async function library(path = ':memory:'): Promise<Db> {
  const { db } = await openDb(path);
  const unit = new Float32Array(384);
  unit[0] = 1;
  fillDb(db, benchChunks(sharedDir(), 4000), () => unit);
  return db;
}

/** A chunk of `text` in the library's first document. */
function addChunk(db: Db, text: string, hash: string): void {
  const doc = db.prepare('SELECT id FROM documents LIMIT 1').pluck().get() as number;
  db.prepare(`INSERT INTO chunks (doc_id, ordinal, first_page, last_page, char_start, char_end, heading_path, text, hash)
    VALUES (?, 9999, NULL, NULL, 0, 0, '[]', ?, ?)`).run(doc, text, hash);
}

/** The list ranked from the index directly (as while the postings load) and the in-memory one: the same doubles, in the same order. */
function assertSame(db: Db, query: string, prepared?: string | null): void {
  const a = bm25List(db, query, 100, prepared, { direct: true }).hits;
  const b = bm25List(db, query, 100, prepared).hits;
  assert.deepEqual(b, a, query);
}

test('readVarints decodes SQLite varints of 1, 2, 3 and 9 bytes', () => {
  assert.deepEqual(readVarints(Uint8Array.from([0x05, 0x81, 0x00, 0x86, 0x8d, 0x20]), 3), [5, 128, 100000]);
  assert.deepEqual(readVarints(Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x81, 0x01]), 1), [257]);
  assert.deepEqual(readVarints(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), 1), [2 ** 64 - 1]);
});

test('in-memory BM25 gives the same rankings and scores as the direct path for real queries, weighted queries and any script', async () => {
  const db = await library();
  const memory = attachBm25Memory(db);
  const status = memory.warm();
  assert.equal(status.state, 'memory', JSON.stringify(status));
  assert.equal(status.rows, (db.prepare('SELECT count(*) FROM chunks').pluck().get() as number));
  const queries = benchQueries(sharedDir(), 100).map((q) => q.text);
  for (const q of queries) {
    assert.ok(bm25List(db, q, 10).hits.length > 0, q);
    assertSame(db, q);
  }
  for (let i = 0; i + 2 < queries.length; i += 10) {
    const w = weightedFtsQuery({ original: queries[i]!, expansions: [queries[i + 1]!], rewrite: queries[i + 2]! });
    assertSame(db, queries[i]!, w.match);
  }
  for (const q of ['Café naïve RÉSUMÉ', 'running runs ran', 'cell', 'zzzz-not-a-word qqqq', '국회입법조사처 보고서', 'p53 BRCA1 2019']) assertSame(db, q);
  // The memory path answered: its timing is not FTS5's (checked here by the index's own method).
  assert.ok(memory.top('"cell" OR "cells"', [1.0, 0.5], 10)!.length === 10);
  await detachBm25Memory(db);
  db.close();
});

test('prefix queries and strings of several tokens go to FTS5; results are the same either way', async () => {
  const db = await library();
  const memory = attachBm25Memory(db);
  memory.warm();
  assert.equal(memory.top('"canc" *', [1.0, 0.5], 10), null);
  assert.equal(memory.top('"tumour-suppressor"', [1.0, 0.5], 10), null);
  assert.equal(memory.top('cancer OR cells', [1.0, 0.5], 10), null, 'unquoted expressions are not parsed here');
  assert.ok(bm25List(db, 'canc* growth', 10).hits.length > 0);
  assertSame(db, 'canc* growth');
  await detachBm25Memory(db);
  db.close();
});

test('a write to the index retires the postings: the index answers directly until they are read again, and nothing stale is returned', async () => {
  const db = await library();
  const memory = attachBm25Memory(db);
  memory.warm();
  addChunk(db, 'xylophonist xylophonist quartet', 'fresh-hash');
  assert.equal(memory.top('"xylophonist"', [1.0, 0.5], 10)!.length, 1, 'the direct path sees the new row');
  assert.equal(memory.status().state, 'fts5');
  assert.match(memory.status().reason ?? '', /changed/);
  const hits = bm25List(db, 'xylophonist', 10).hits;
  assert.equal(hits.length, 1);
  assert.equal(memory.warm().state, 'memory');
  assert.equal(memory.top('"xylophonist"', [1.0, 0.5], 10)!.length, 1);
  db.prepare("DELETE FROM chunks WHERE hash = 'fresh-hash'").run();
  assert.deepEqual(memory.top('"xylophonist"', [1.0, 0.5], 10), []);
  assert.equal(memory.status().state, 'fts5');
  assert.equal(memory.warm().state, 'memory');
  assert.deepEqual(memory.top('"xylophonist"', [1.0, 0.5], 10), []);
  assertSame(db, 'cancer cells quartet');
  await detachBm25Memory(db);
  db.close();
});

test('inside an open write transaction FTS5 ranks (its records change only at commit)', async () => {
  const db = await library();
  const memory = attachBm25Memory(db);
  memory.warm();
  db.transaction(() => {
    addChunk(db, 'xylophonist', 'tx-hash');
    assert.equal(memory.top('"xylophonist"', [1.0, 0.5], 10), null);
    assert.equal(bm25List(db, 'xylophonist', 10).hits.length, 1);
  })();
  await detachBm25Memory(db);
  db.close();
});

test('postings over the memory limit are not held, and status says why', async () => {
  const db = await library();
  const memory = attachBm25Memory(db, { maxMb: 0.01 });
  const s = memory.warm();
  assert.equal(s.state, 'fts5');
  assert.match(s.reason!, /MiB \(limit 0 MiB\)/);
  assert.ok(bm25List(db, 'cancer cells', 10).hits.length > 0);
  await detachBm25Memory(db);
  db.close();
});

test('for a database on disk the postings load on a worker thread while the index answers directly, with the same results', async () => {
  const path = join(tempDir('delve-bm25-'), 'lib.db');
  (await library(path)).close();
  const { db } = await openDb(path);
  const memory = attachBm25Memory(db);
  const before = bm25List(db, 'vitamin D deficiency', 100).hits;
  assert.ok(before.length > 0);
  assert.equal(memory.status().state, 'loading');
  const settled = await memory.settled();
  assert.equal(settled.state, 'memory', JSON.stringify(settled));
  assert.notEqual(memory.top('"vitamin" OR "d"', [1.0, 0.5], 10), null);
  assert.deepEqual(bm25List(db, 'vitamin D deficiency', 100).hits, before);
  assertSame(db, 'vitamin D deficiency');
  await detachBm25Memory(db);
  db.close();
});

test('a load that finishes after its database was closed is dropped without an error', async () => {
  const path = join(tempDir('delve-bm25-'), 'lib.db');
  (await library(path)).close();
  const { db } = await openDb(path);
  const memory = attachBm25Memory(db);
  bm25List(db, 'vitamin D deficiency', 10);
  assert.equal(memory.status().state, 'loading');
  db.close();
  assert.equal((await memory.settled()).state, 'fts5');
  assert.equal(memory.top('"vitamin"', [1.0, 0.5], 10), null);
  await memory.close();
});

test('counts are held in one byte; a column holding a term over 255 times widens them to two bytes, with the same results', async () => {
  const db = await library();
  const memory = attachBm25Memory(db);
  memory.warm();
  const data = (memory as unknown as { index: { data: { tf: ArrayLike<number> } } }).index.data;
  assert.ok(data.tf instanceof Uint8Array, 'one byte a count');
  await detachBm25Memory(db);
  addChunk(db, `${'glioblastoma '.repeat(300)}cells`, 'many-glioblastoma');
  const again = attachBm25Memory(db);
  again.warm();
  const wide = (again as unknown as { index: { data: { tf: ArrayLike<number> } } }).index.data;
  assert.ok(wide.tf instanceof Uint16Array, 'two bytes a count');
  assert.equal(Array.from(wide.tf).reduce((a, b) => Math.max(a, b), 0), 300);
  for (const q of ['glioblastoma cells', 'glioblastoma multiforme treatment', 'cells']) assertSame(db, q);
  assert.equal(bm25List(db, 'glioblastoma', 1).hits[0]!.chunkId, db.prepare("SELECT id FROM chunks WHERE hash = 'many-glioblastoma'").pluck().get());
  await detachBm25Memory(db);
  db.close();
});

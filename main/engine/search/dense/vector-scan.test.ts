import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { dropUnusedVectors } from '../../library/vectors.js';
import { openDb, type Db } from '../../store/db.js';
import { completeVectorTable, ensureVectorTable } from '../../store/vectors.js';
import { denseList, toBlob } from './dense.js';
import { search } from '../search.js';
import { VectorScanner } from './vector-scan.js';
import { seeded } from '../../../../test/helpers/seeded.js';

/** Clustered vectors (not unit length: the scan must normalise), so nearest neighbours mean something. */
function vectors(count: number, dims: number, seed: number): Float32Array[] {
  const r = seeded(seed);
  const centres = Array.from({ length: 40 }, () => Float32Array.from({ length: dims }, r));
  return Array.from({ length: count }, (_, i) => centres[i % 40]!.map((c) => (c + 0.15 * r()) * (1 + (i % 7))));
}

interface Lib { db: Db; table: string; add(vs: Float32Array[], from: number): void }

async function library(vs: Float32Array[], dims: number, model = 'synthetic', path = ':memory:'): Promise<Lib> {
  const { db } = await openDb(path);
  const doc = (db.prepare(`INSERT INTO documents (path, kind, size, mtime_ms, status, indexed_at) VALUES ('/a.md', 'note', 1, 1, 'ok', 0) RETURNING id`).get() as { id: number }).id;
  const t = ensureVectorTable(db, { id: model, fingerprint: 'f'.repeat(64), dims });
  const chunk = db.prepare(`INSERT INTO chunks (doc_id, ordinal, char_start, char_end, text, hash) VALUES (?, ?, 0, 0, ?, ?)`);
  const vec = db.prepare(`INSERT INTO ${t.table} (chunk_hash, embedding) VALUES (?, ?)`);
  const add = (list: Float32Array[], from: number) => db.transaction(() => list.forEach((v, j) => {
    chunk.run(doc, from + j, `chunk ${from + j}`, `h${from + j}`);
    vec.run(`h${from + j}`, toBlob(v));
  }))();
  add(vs, 0);
  completeVectorTable(db, t);
  return { db, table: t.table, add };
}

/** Hash indexes of the exact cosine top n, computed in float64. */
function bruteForce(vs: Map<number, Float32Array>, q: Float32Array, n: number): { ids: number[]; score: Map<number, number> } {
  const norm = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  const score = new Map([...vs].map(([i, v]) => [i, v.reduce((s, x, d) => s + x * q[d]!, 0) / (norm(v) * norm(q))]));
  return { ids: [...score.keys()].sort((a, b) => score.get(b)! - score.get(a)! || a - b).slice(0, n), score };
}

const hashIndex = (db: Db, chunkId: number) => Number((db.prepare('SELECT hash FROM chunks WHERE id = ?').pluck().get(chunkId) as string).slice(1));

for (const workers of [0, 1, 2]) {
  test(`the scan (${workers} workers) returns the exact cosine top n, as sqlite-vec's KNN does`, async () => {
    const dims = workers === 2 ? 100 : 384; // 100: rows padded to 112 floats
    const vs = vectors(workers === 2 ? 5000 : 1500, dims, 11 + workers);
    const { db, table } = await library(vs, dims);
    const sc = new VectorScanner(db, { workers });
    const first = vectors(1, dims, 98)[0]!;
    assert.deepEqual(await sc.search(table, first, 20), denseList(db, table, first, 20), 'the first search: sqlite-vec, while the vectors load');
    await new Promise((r) => setImmediate(r));
    assert.equal(sc.status()[0]?.rows, vs.length, 'loaded just after');
    const all = new Map(vs.map((v, i) => [i, v]));
    for (const qi of [0, 17, 333, 1499]) {
      const q = vectors(qi + 1, dims, 99)[qi]!;
      const got = await sc.search(table, q, 50);
      const want = bruteForce(all, q, 50);
      assert.deepEqual(got.map((s) => hashIndex(db, s.chunkId)), want.ids);
      got.forEach((s) => assert.ok(Math.abs(s.score - want.score.get(hashIndex(db, s.chunkId))!) < 1e-5));
      assert.deepEqual(got.map((s) => s.chunkId), denseList(db, table, q, 50).map((s) => s.chunkId));
    }
    assert.deepEqual(sc.status(), [{ table, rows: vs.length, megabytes: Math.round((vs.length * (dims === 100 ? 112 : 384) * 4) / 1048576), codes: 'float32', oversample: 0, workers, fallbackReason: null, rescoreFrom: null, rescoreNote: null }]);
    await sc.close();
    db.close();
  });
}

test('new vectors are found by the next search; removed ones are gone; a new model\'s table is loaded afresh', async () => {
  const dims = 64;
  const vs = vectors(800, dims, 5);
  const lib = await library(vs, dims);
  const sc = new VectorScanner(lib.db, { workers: 1 });
  sc.warm(lib.table);
  const probe = vectors(1, dims, 1234)[0]!;
  assert.notEqual(hashIndex(lib.db, (await sc.search(lib.table, probe, 5))[0]!.chunkId), 800);
  const gen = (sc as unknown as { rows: Map<string, { gen: number }> }).rows.get(lib.table)!.gen;

  lib.add([probe, ...vectors(300, dims, 6)], 800); // as an embedding job commits a group
  const after = await sc.search(lib.table, probe, 5);
  assert.equal(hashIndex(lib.db, after[0]!.chunkId), 800);
  assert.ok(Math.abs(after[0]!.score - 1) < 1e-6);
  const rows = (sc as unknown as { rows: Map<string, { gen: number; count: number }> }).rows.get(lib.table)!;
  assert.equal(rows.gen, gen, 'appended in place');
  assert.equal(rows.count, 1101);

  lib.db.prepare("DELETE FROM chunks WHERE hash IN ('h800', 'h3')").run(); // as removing a document does
  assert.equal(dropUnusedVectors(lib.db, ['h800', 'h3']), 2);
  const gone = await sc.search(lib.table, probe, 1100);
  assert.equal(gone.length, 1099);
  assert.ok(!gone.some((s) => [800, 3].includes(hashIndex(lib.db, s.chunkId))));
  assert.notEqual((sc as unknown as { rows: Map<string, { gen: number }> }).rows.get(lib.table)!.gen, gen, 'a new generation');
  const all = new Map(vs.map((v, i) => [i, v]));
  all.delete(3);
  assert.deepEqual((await sc.search(lib.table, vs[10]!, 20)).map((s) => hashIndex(lib.db, s.chunkId)), bruteForce(all, vs[10]!, 20).ids);

  // A new model: its own table, filled and completed, replaces the old one.
  const t2 = ensureVectorTable(lib.db, { id: 'other', fingerprint: 'e'.repeat(64), dims: 32 });
  const v2 = vectors(50, 32, 8);
  const ins = lib.db.prepare(`INSERT INTO ${t2.table} (chunk_hash, embedding) VALUES (?, ?)`);
  v2.forEach((v, i) => ins.run(`h${i + 10}`, toBlob(v)));
  completeVectorTable(lib.db, t2);
  sc.warm(t2.table);
  const m2 = await sc.search(t2.table, v2[0]!, 3);
  assert.equal(hashIndex(lib.db, m2[0]!.chunkId), 10);
  assert.throws(() => sc.search(lib.table, probe, 3), /no such table: vec_1/, 'the old table is gone: handed to sqlite-vec, which says so');
  assert.match(sc.status().find((x) => x.table === lib.table)!.fallbackReason!, /vec_1 is not a registered vector table/);
  await sc.close();
  lib.db.close();
});

test('a library over the memory limit even as int8 codes is searched by sqlite-vec, and status says why', async () => {
  const vs = vectors(4000, 384, 3); // 5.9 MB as floats, 1.5 MB as int8 codes
  const { db, table } = await library(vs, 384);
  const sc = new VectorScanner(db, { workers: 1, maxMb: 1 });
  sc.warm(table);
  const q = vs[5]!;
  assert.deepEqual(await sc.search(table, q, 20), denseList(db, table, q, 20));
  const [s] = sc.status();
  assert.equal(s!.rows, 0);
  assert.equal(s!.codes, null);
  assert.match(s!.fallbackReason!, /need 2 MB as int8 codes, over the memory scan's limit of 1 MB/);
  await sc.close();
  db.close();
});

test('a failed worker loses no search: sqlite-vec answers, then the scan goes on in this thread', async () => {
  const vs = vectors(600, 48, 4);
  const { db, table } = await library(vs, 48);
  const sc = new VectorScanner(db, { workers: 1 });
  sc.warm(table);
  const want = denseList(db, table, vs[7]!, 10).map((s) => s.chunkId);
  assert.deepEqual((await sc.search(table, vs[7]!, 10)).map((s) => s.chunkId), want);
  await (sc as unknown as { pool: { close(): Promise<void> } }).pool.close(); // the worker dies
  assert.deepEqual((await sc.search(table, vs[7]!, 10)).map((s) => s.chunkId), want);
  assert.match(sc.status()[0]!.fallbackReason!, /scan workers failed .*scanning in this thread/);
  assert.deepEqual((await sc.search(table, vs[7]!, 10)).map((s) => s.chunkId), want);
  await sc.close();
  db.close();
});

test('search() hands the scan to the workers before BM25 runs, and closing the scanner ends its workers', async () => {
  const vs = vectors(400, 32, 2);
  const { db, table } = await library(vs, 32);
  const sc = new VectorScanner(db, { workers: 1 });
  sc.warm(table);
  const order: string[] = [];
  const prepare = db.prepare.bind(db);
  (db as { prepare: typeof db.prepare }).prepare = ((sql: string) => {
    if (sql.includes('chunks_fts MATCH')) order.push('bm25');
    return prepare(sql);
  }) as typeof db.prepare;
  const dense = { table, embedQuery: async () => vs[1]!, scan: (v: Float32Array, n: number) => { order.push('scan'); return sc.search(table, v, n); } };
  const r = await search(db, 'chunk', { mode: 'hybrid', k: 5 }, dense);
  assert.deepEqual(order.slice(0, 2), ['scan', 'bm25']); // (hydration's snippets query FTS again after)
  assert.equal(r.results[0]!.trace.denseRank, 1);
  const pool = (sc as unknown as { pool: { workers: { worker: import('node:worker_threads').Worker }[] } }).pool;
  assert.ok(pool.workers[0]!.worker.threadId > 0, 'a worker thread is running');
  await sc.close();
  assert.deepEqual(pool.workers.map((w) => w.worker.threadId), [-1], 'its thread has ended');
  await assert.doesNotReject(sc.close());
  db.close();
});

test('floats over the limit are held as int8 codes (auto), and the candidates re-scored give the exact top n', async () => {
  const vs = vectors(3000, 384, 21); // 4.4 MB as floats, 1.1 MB as int8 codes
  const { db, table } = await library(vs, 384);
  for (const workers of [0, 1]) {
    const sc = new VectorScanner(db, { workers, maxMb: 2 });
    sc.warm(table);
    assert.deepEqual(sc.status(), [{ table, rows: 3000, megabytes: 1, codes: 'int8', oversample: 1.2, workers, fallbackReason: null,
      rescoreFrom: 'sqlite-vec', rescoreNote: 'the library is in memory' }]);
    for (const qi of [0, 9, 77]) {
      const q = vectors(qi + 1, 384, 97)[qi]!;
      const got = await sc.search(table, q, 50);
      const want = denseList(db, table, q, 50);
      assert.deepEqual(got.map((s) => s.chunkId), want.map((s) => s.chunkId), `query ${qi}: the exact top 50`);
      got.forEach((s, i) => assert.ok(Math.abs(s.score - want[i]!.score) < 1e-6, 'sqlite-vec\'s own scores'));
    }
    await sc.close();
  }
  db.close();
});

test('a table growing past the float limit moves to int8 codes; codes can be asked for', async () => {
  const dims = 384;
  const vs = vectors(1200, dims, 31); // 1.8 MB as floats
  const lib = await library(vs, dims);
  const sc = new VectorScanner(lib.db, { workers: 1, maxMb: 2 });
  sc.warm(lib.table);
  assert.equal(sc.status()[0]!.codes, 'float32');
  lib.add(vectors(600, dims, 32), 1200); // 2.6 MB as floats
  const q = vs[40]!;
  const got = await sc.search(lib.table, q, 30);
  assert.equal(sc.status()[0]!.codes, 'int8');
  assert.equal(sc.status()[0]!.rows, 1800);
  assert.deepEqual(got.map((s) => s.chunkId), denseList(lib.db, lib.table, q, 30).map((s) => s.chunkId));
  await sc.close();

  const forced = new VectorScanner(lib.db, { workers: 0, codes: 'int8', oversample: 3 });
  forced.warm(lib.table);
  assert.deepEqual([forced.status()[0]!.codes, forced.status()[0]!.oversample], ['int8', 3]);
  assert.deepEqual((await forced.search(lib.table, q, 30)).map((s) => s.chunkId), denseList(lib.db, lib.table, q, 30).map((s) => s.chunkId));
  await forced.close();
  lib.db.close();
});

test('int8 rows with rescore: r re-score only the best r candidates; the others keep their int8 estimates', async () => {
  const vs = vectors(3000, 384, 21);
  const { db, table } = await library(vs, 384);
  const sc = new VectorScanner(db, { workers: 0, codes: 'int8', rescore: 5 });
  sc.warm(table);
  const q = vectors(1, 384, 97)[0]!;
  const got = await sc.search(table, q, 50);
  const want = denseList(db, table, q, 50);
  const exact = new Map(want.map((s) => [s.chunkId, s.score]));
  assert.equal(got.filter((s) => exact.get(s.chunkId) === s.score).length >= 5, true, 'the best five carry sqlite-vec\'s scores');
  assert.ok(got.some((s) => exact.has(s.chunkId) && exact.get(s.chunkId) !== s.score), 'others are estimates');
  got.forEach((s) => assert.ok(!exact.has(s.chunkId) || Math.abs(exact.get(s.chunkId)! - s.score) < 0.01));
  assert.deepEqual(got.slice(0, 5).map((s) => s.chunkId), want.slice(0, 5).map((s) => s.chunkId));
  await sc.close();
  db.close();
});

test('int8 rows of a library on disk are re-scored from the float file: sqlite-vec\'s exact scores, through appends and removals', async () => {
  const root = mkdtempSync(join(tmpdir(), 'delve-scan-'));
  try {
    const dims = 384;
    const vs = vectors(2500, dims, 41);
    const lib = await library(vs, dims, 'synthetic', join(root, 'lib.db'));
    const sc = new VectorScanner(lib.db, { workers: 1, codes: 'int8' });
    sc.warm(lib.table);
    assert.deepEqual([sc.status()[0]!.rescoreFrom, sc.status()[0]!.rescoreNote], ['file', null]);
    const lookups = countVecLookups(lib.db);
    const exact = async (q: Float32Array, n: number, what: string) => {
      const got = await sc.search(lib.table, q, n);
      const want = denseList(lib.db, lib.table, q, n);
      assert.deepEqual(got.map((s) => s.chunkId), want.map((s) => s.chunkId), what);
      assert.deepEqual(got.map((s) => s.score), want.map((s) => s.score), `${what}: the same scores, bit for bit`);
    };
    lookups.count = 0;
    for (const qi of [0, 5, 33]) await exact(vectors(qi + 1, dims, 77)[qi]!, 40, `query ${qi}`);
    assert.equal(lookups.count, 0, 'no sqlite-vec point lookups');

    const held = () => (sc as unknown as { rows: Map<string, { floats: object | null; gen: number }> }).rows.get(lib.table)!;
    const file = held().floats;
    lib.add(vectors(300, dims, 42), 2500); // appended in place, floats too
    await exact(vectors(1, dims, 42)[0]!, 20, 'after an append');
    const gen = held().gen;
    lib.db.prepare("DELETE FROM chunks WHERE hash IN ('h2500', 'h7', 'h1999')").run();
    assert.equal(dropUnusedVectors(lib.db, ['h2500', 'h7', 'h1999']), 3); // a new generation, its own float file
    await exact(vectors(1, dims, 42)[0]!, 20, 'after a removal');
    await exact(vs[1999]!, 20, 'a removed vector\'s own query');
    lib.add(vectors(40, dims, 43), 2800); // rows appended to the new generation go to the shared file too
    await exact(vectors(1, dims, 43)[0]!, 20, 'after a removal, then an append');
    assert.equal(sc.status()[0]!.rescoreFrom, 'file');
    assert.notEqual(held().gen, gen, 'a new generation');
    lib.db.prepare("DELETE FROM chunks WHERE hash IN ('h20', 'h2810')").run(); // a second removal: rows now sit elsewhere in the file
    assert.equal(dropUnusedVectors(lib.db, ['h20', 'h2810']), 2);
    for (const qi of [1, 8]) await exact(vectors(qi + 1, dims, 78)[qi]!, 40, `after a second removal, query ${qi}`);
    await exact(vectors(3, dims, 43)[2]!, 20, 'a row appended after the first removal');
    assert.equal(held().floats, file, 'the new generation shares the file: nothing copied');
    assert.equal(lookups.count, 0);
    await sc.close();
    assert.deepEqual(readdirSync(join(root, 'lib.db-scan')), [], 'no file left behind');
    lib.db.close();

    // No float file (a file where its folder would be): sqlite-vec re-scores, the same results.
    const { db } = await openDb(join(root, 'lib.db'));
    rmSync(join(root, 'lib.db-scan'), { recursive: true });
    writeFileSync(join(root, 'lib.db-scan'), '');
    const other = new VectorScanner(db, { workers: 0, codes: 'int8' });
    other.warm(lib.table);
    assert.equal(other.status()[0]!.rescoreFrom, 'sqlite-vec');
    assert.match(other.status()[0]!.rescoreNote!, /^no scratch file for exact re-scoring/);
    const q = vectors(3, dims, 5)[2]!;
    assert.deepEqual((await other.search(lib.table, q, 25)).map((s) => s.score), denseList(db, lib.table, q, 25).map((s) => s.score));
    await other.close();
    db.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** Counts statements that read one vector through sqlite-vec (the re-scoring fallback). */
function countVecLookups(db: Db): { count: number } {
  const counter = { count: 0 };
  const prepare = db.prepare.bind(db);
  (db as { prepare: typeof db.prepare }).prepare = ((sql: string) => {
    if (sql.includes('vec_distance_cosine(embedding')) counter.count++;
    return prepare(sql);
  }) as typeof db.prepare;
  return counter;
}

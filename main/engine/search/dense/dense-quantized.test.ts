import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDb, type Db } from '../../store/db.js';
import { quantizedVersion, syncQuantized } from '../../store/quantized.js';
import { completeVectorTable, ensureVectorTable } from '../../store/vectors.js';
import { bitCodes, codeSign, signNearest } from './bit-codes.js';
import { denseList, toBlob } from './dense.js';
import { denseListQuantized } from './dense-quantized.js';
import { search } from '../search.js';

const DIMS = 384;

/** Seeded normal deviates (mulberry32 + Box–Muller). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  const u = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967297;
  };
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

function unit(v: Float32Array): Float32Array {
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

/** Clustered unit vectors: 60 centres, members = centre + noise, so nearest neighbours mean something. */
function vectors(count: number, seed: number): Float32Array[] {
  const g = rng(seed);
  const centres = Array.from({ length: 60 }, () => unit(Float32Array.from({ length: DIMS }, g)));
  return Array.from({ length: count }, (_, i) => unit(centres[i % centres.length]!.map((c) => c + 0.09 * g())));
}

async function library(vs: Float32Array[]): Promise<{ db: Db; table: string }> {
  const { db } = await openDb(':memory:');
  const doc = (db.prepare(`INSERT INTO documents (path, kind, size, mtime_ms, status, indexed_at) VALUES ('/a.md', 'note', 1, 1, 'ok', 0) RETURNING id`).get() as { id: number }).id;
  const chunk = db.prepare(`INSERT INTO chunks (doc_id, ordinal, char_start, char_end, text, hash) VALUES (?, ?, 0, 0, ?, ?)`);
  const t = ensureVectorTable(db, { id: 'synthetic', fingerprint: 'f'.repeat(64), dims: DIMS });
  const vec = db.prepare(`INSERT INTO ${t.table} (chunk_hash, embedding) VALUES (?, ?)`);
  db.transaction(() => vs.forEach((v, i) => { chunk.run(doc, i, `chunk ${i}`, `h${i}`); vec.run(`h${i}`, toBlob(v)); }))();
  completeVectorTable(db, t);
  return { db, table: t.table };
}

test('codes in memory hold the signs of the float vectors, lowest bit first', async () => {
  const vs = vectors(20, 7);
  const { db, table } = await library(vs);
  syncQuantized(db, table, 'bit');
  const codes = bitCodes(db, table)!;
  assert.equal(codes.bytesPer, DIMS / 8);
  codes.hashes.forEach((h, i) => {
    const v = vs[Number(h.slice(1))]!;
    for (let d = 0; d < DIMS; d++) assert.equal(codeSign(codes, i, d), v[d]! > 0 ? 1 : -1);
  });
  db.close();
});

test('the sign scan returns the m best by Σ q·sign, best first', async () => {
  const vs = vectors(300, 9);
  const { db, table } = await library(vs);
  syncQuantized(db, table, 'bit');
  const codes = bitCodes(db, table)!;
  const q = vs[17]!;
  const score = (i: number) => { let s = 0; for (let d = 0; d < DIMS; d++) s += q[d]! * codeSign(codes, i, d); return s; };
  const all = codes.hashes.map((_, i) => i).sort((a, b) => score(b) - score(a) || a - b);
  const got = signNearest(codes, q, 25);
  assert.deepEqual(got.map((i) => Math.round(score(i) * 1e4)), all.slice(0, 25).map((i) => Math.round(score(i) * 1e4)));
  assert.equal(signNearest(codes, q, 1000).length, 300);
  db.close();
});

for (const [kind, scan] of [['bit', 'memory'], ['bit', 'sqlite'], ['int8', 'sqlite']] as const) {
  test(`${kind} (${scan} scan) + float re-scoring: recall@10 ≥ 0.9 against exact search, with the exact scores`, async () => {
    const { db, table } = await library(vectors(3000, 1));
    syncQuantized(db, table, kind);
    const queries = vectors(3000 + 40, 1).slice(3000); // new members of the same clusters
    let recall = 0;
    for (const q of queries) {
      const exact = denseList(db, table, q, 10);
      const approx = denseListQuantized(db, table, kind, q, 10, { scan });
      const exactScore = new Map(exact.map((e) => [e.chunkId, e.score]));
      recall += approx.filter((a) => exactScore.has(a.chunkId)).length / 10;
      for (const a of approx) if (exactScore.has(a.chunkId)) assert.equal(a.score, exactScore.get(a.chunkId), 're-scored = float score');
    }
    recall /= queries.length;
    assert.ok(recall >= 0.9, `recall@10 ${recall}`);
    db.close();
  });
}

test('a finished embedding job brings the copy in step; the code cache reloads', async () => {
  const vs = vectors(200, 3);
  const { db, table } = await library(vs.slice(0, 150));
  syncQuantized(db, table, 'bit');
  const v1 = quantizedVersion(db, table, 'bit');
  assert.equal(bitCodes(db, table)?.hashes.length, 150);
  const t = ensureVectorTable(db, { id: 'synthetic', fingerprint: 'f'.repeat(64), dims: DIMS });
  const vec = db.prepare(`INSERT INTO ${table} (chunk_hash, embedding) VALUES (?, ?)`);
  for (let i = 150; i < 200; i++) vec.run(`h${i}`, toBlob(vs[i]!));
  db.prepare(`DELETE FROM ${table} WHERE chunk_hash = 'h0'`).run();
  completeVectorTable(db, t);
  assert.notEqual(quantizedVersion(db, table, 'bit'), v1);
  const codes = bitCodes(db, table)!;
  assert.equal(codes.hashes.length, 199);
  assert.ok(codes.hashes.includes('h199') && !codes.hashes.includes('h0'));
  db.close();
});

test('search() uses the copy only when the dense source asks for it, with the float path\'s results', async () => {
  const vs = vectors(500, 5);
  const { db, table } = await library(vs);
  syncQuantized(db, table, 'bit');
  const embedQuery = async () => vs[42]!;
  const exact = await search(db, 'x', { mode: 'dense', k: 5 }, { table, embedQuery });
  const quant = await search(db, 'x', { mode: 'dense', k: 5 }, { table, embedQuery, quantized: 'bit' });
  assert.equal(exact.results[0]?.chunkId, quant.results[0]?.chunkId);
  assert.deepEqual(quant.results.map((r) => r.trace.denseScore), exact.results.map((r) => r.trace.denseScore));
  await assert.rejects(search(db, 'x', { mode: 'dense' }, { table, embedQuery, quantized: 'int8' }), /no such table/);
  db.close();
});

/**
 * The engine with an embedding model: the real onnxruntime path on the shared random-weight BERT
 * (no semantic quality, so only identity checks mean anything): index → embed → dense and hybrid
 * search, resume after cancel, reuse by chunk hash, a model change keeping old vectors until the new
 * set is complete, and a provider fallback shown in the status.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { createEngine } from '../index.js';
import { sharedDir } from '../../../test/helpers/shared.js';

const root = mkdtempSync(join(tmpdir(), 'delve-embedding-'));
after(() => rmSync(root, { recursive: true, force: true }));
const model = join(sharedDir(), 'models', 'bert-tiny-random');

const TOPICS = ['glacier melt rates in the Alps', 'protein folding kinetics', 'medieval trade routes of Venice', 'quantum dot solar cells',
  'sleep deprivation and memory', 'coral reef bleaching events', 'the history of the printing press', 'urban heat islands'];

/** The topic notes, plus `extra` filler notes so an embedding job spans several commit groups (256 texts). */
function library(name: string, extra = 0): string {
  const dir = join(root, name);
  mkdirSync(dir);
  TOPICS.forEach((t, i) => writeFileSync(join(dir, `n${i}.md`), `# Note ${i}\n\nThis note is about ${t}. ${`More words on ${t}. `.repeat(i + 1)}\n`));
  for (let i = 0; i < extra; i++) writeFileSync(join(dir, `f${i}.md`), `Filler note number ${i} about ${TOPICS[i % TOPICS.length]}.\n`);
  return dir;
}

test('index then embed: every chunk text gets one vector; a chunk queried with its own text comes first in dense mode', async () => {
  const dir = library('a');
  const engine = await createEngine({ dbPath: join(root, 'a.db'), workers: 1, embedding: { modelDir: model } });
  try {
    const s = await engine.index([dir]);
    assert.ok(s.embedding, `embedding ran: ${JSON.stringify(s.embeddingError)}`);
    assert.equal(s.embedding.embedded, s.chunks);
    assert.equal(s.embedding.provider, 'cpu');
    const again = await engine.embed();
    assert.equal(again.embedded, 0, 'a second run has nothing to do');
    assert.equal(again.reused, s.chunks);
    for (const t of TOPICS) {
      const q = `This note is about ${t}.`;
      const dense = await engine.search(q, { mode: 'dense', k: 3 });
      assert.equal(dense.mode, 'dense');
      const top = dense.results[0]!;
      assert.ok(top.trace.denseScore !== null && top.trace.denseRank === 1 && top.trace.bm25Rank === null);
      const hybrid = await engine.search(q, { k: 3 });
      assert.equal(hybrid.mode, 'hybrid', 'hybrid is the default once vectors exist');
      assert.match(hybrid.results[0]!.snippetText, new RegExp(t.split(' ')[0]!, 'i'));
      assert.equal(hybrid.results[0]!.trace.fusion, 'minmax');
    }
    const st = await engine.embeddingStatus();
    assert.equal(st?.complete, true);
    assert.equal(st?.vectors, st?.texts);
  } finally {
    engine.close();
  }
});

test('a cancelled embedding job resumes where it stopped', async () => {
  const dir = library('b', 700);
  const dbPath = join(root, 'b.db');
  const plain = await createEngine({ dbPath, workers: 1 });
  const { chunks } = await plain.index([dir]);
  plain.close();
  const engine = await createEngine({ dbPath, workers: 1, embedding: { modelDir: model, batchSize: 2 } });
  try {
    const controller = new AbortController();
    let seen = 0;
    await assert.rejects(engine.embed({ signal: controller.signal, progressMs: 0, onProgress: (p) => { if (p.done > 0) { seen = p.done; controller.abort(); } } }), { code: 'CANCELLED' });
    const rest = await engine.embed();
    assert.ok(seen > 0 && rest.reused >= seen && rest.embedded + rest.reused === chunks, JSON.stringify({ seen, rest, chunks }));
  } finally {
    engine.close();
  }
});

test('changing the model keeps the old vectors until the new set is complete; asking for WebGPU falls back to CPU with a reason', async () => {
  const dir = library('c', 700);
  const dbPath = join(root, 'c.db');
  const first = await createEngine({ dbPath, workers: 1, embedding: { modelDir: model } });
  await first.index([dir]);
  first.close();
  // The same weights with another pooling are another model: another fingerprint, another table.
  const other = join(root, 'cls-model');
  cpSync(model, other, { recursive: true });
  mkdirSync(join(other, '1_Pooling'));
  writeFileSync(join(other, '1_Pooling', 'config.json'), JSON.stringify({ pooling_mode_cls_token: true }));
  const second = await createEngine({ dbPath, workers: 1, embedding: { modelDir: other, provider: 'webgpu', batchSize: 2 } });
  try {
    const models = () => {
      const db = new Database(dbPath, { readonly: true });
      try { return (db.prepare('SELECT id, complete FROM embedding_models ORDER BY created_at').all() as { id: string; complete: number }[]).map((r) => `${r.id.split('@')[0]}:${r.complete}`); } finally { db.close(); }
    };
    const controller = new AbortController();
    await assert.rejects(second.embed({ signal: controller.signal, progressMs: 0, onProgress: (p) => { if (p.done > 0) controller.abort(); } }), { code: 'CANCELLED' });
    const mid = await second.embeddingStatus();
    assert.equal(mid?.complete, false);
    assert.deepEqual(models(), ['bert-tiny-random:1', 'cls-model:0'], 'the old set is kept while the new one is incomplete');
    assert.equal(mid?.provider, 'cpu');
    assert.ok(mid?.fallbackReason && /webgpu/i.test(mid.fallbackReason), `reason: ${mid?.fallbackReason}`);
    const done = await second.embed();
    assert.equal(done.complete, true);
    assert.equal((await second.embeddingStatus())?.complete, true);
    assert.deepEqual(models(), ['cls-model:1'], 'once the new set is complete the old one is dropped');
  } finally {
    second.close();
  }
});

test('quantize: "bit" searches the 1-bit copy and re-scores with float vectors: a chunk still finds itself first', async () => {
  const dir = library('quant', 40);
  const engine = await createEngine({ dbPath: join(root, 'quant.db'), workers: 1, embedding: { modelDir: model, quantize: 'bit' } });
  try {
    await engine.index([dir]);
    for (const t of TOPICS.slice(0, 4)) {
      const q = `This note is about ${t}.`;
      const exact = (await engine.search(q, { mode: 'dense', k: 1 })).results[0]!;
      assert.match(exact.snippetText, new RegExp(t.split(' ')[0]!, 'i'));
      assert.ok(exact.trace.denseScore! > 0.5);
    }
    const db = new Database(join(root, 'quant.db'), { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'vec_%'").pluck().all() as string[];
    db.close();
    assert.ok(tables.some((n) => /bit/.test(n)), `a bit table exists: ${tables.join(', ')}`);
  } finally {
    engine.close();
  }
});

test('exact dense search runs from memory by default, matches sqlite-vec\'s KNN, and the status says how it runs', async () => {
  const dir = library('scan', 30);
  const dbPath = join(root, 'scan.db');
  const engine = await createEngine({ dbPath, workers: 1, embedding: { modelDir: model, scanWorkers: 1 } });
  const queries = TOPICS.map((t) => `This note is about ${t}.`);
  let fromMemory: string[][];
  try {
    await engine.index([dir]);
    assert.deepEqual((await engine.embeddingStatus())!.denseSearch, { method: 'memory', workers: 1, megabytes: 0, reason: null });
    await engine.search(queries[0]!, { mode: 'dense' }); // answered by sqlite-vec while the vectors load
    await new Promise((r) => setImmediate(r));
    fromMemory = [];
    for (const q of queries) fromMemory.push((await engine.search(q, { mode: 'hybrid', k: 5 })).results.map((r) => `${r.chunkId}:${r.trace.denseRank}`));
    const st = (await engine.embeddingStatus())!.denseSearch;
    assert.equal(st.method, 'memory');
    assert.equal(st.reason, null);
    const { describeEmbedding } = await import('../cli/embed-command.js');
    assert.match(describeEmbedding((await engine.embeddingStatus())!), /dense search: exact, in-memory SIMD scan on 1 worker thread/);
  } finally {
    await engine.close();
  }
  const sqlite = await createEngine({ dbPath, workers: 1, embedding: { modelDir: model, scan: 'sqlite' } });
  try {
    for (const [i, q] of queries.entries()) {
      assert.deepEqual((await sqlite.search(q, { mode: 'hybrid', k: 5 })).results.map((r) => `${r.chunkId}:${r.trace.denseRank}`), fromMemory[i]);
    }
    assert.equal((await sqlite.embeddingStatus())!.denseSearch.method, 'sqlite');
  } finally {
    await sqlite.close();
  }
});

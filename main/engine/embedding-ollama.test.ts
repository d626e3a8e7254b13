/**
 * The engine embedding through Ollama (the Ollama-protocol test server): index → embed → dense and
 * hybrid search with a remote model; its vectors stored under that model's fingerprint, so a switch
 * to another remote model (or to a local one) fills its own table and never mixes vectors; the
 * status says "ollama: <model> @ <host>"; the CLI's `--model ollama:<name>`.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { startOllamaServer, type OllamaTestServer } from '../../test/helpers/ollama-server.js';
import { sharedDir } from '../../test/helpers/shared.js';
import { parse } from './cli/args.js';
import { describeEmbedding } from './cli/embed-command.js';
import { embeddingFromArgs } from './cli/embedding-config.js';
import { createEngine } from './index.js';

const root = mkdtempSync(join(tmpdir(), 'delve-embed-ollama-'));
let server: OllamaTestServer;
before(async () => { server = await startOllamaServer({ models: ['nomic-embed-text', 'mxbai-embed-large'], embedDims: 16 }); });
after(async () => { await server.close(); rmSync(root, { recursive: true, force: true }); });

const TOPICS = ['glacier melt rates in the Alps', 'protein folding kinetics', 'medieval trade routes of Venice', 'quantum dot solar cells'];

function library(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  TOPICS.forEach((t, i) => writeFileSync(join(dir, `n${i}.md`), `# Note ${i}\n\nThis note is about ${t}.\n`));
  return dir;
}

const tables = (dbPath: string) => {
  const db = new Database(dbPath, { readonly: true });
  try { return (db.prepare('SELECT id, complete FROM embedding_models ORDER BY created_at').all() as { id: string; complete: number }[]).map((r) => `${r.id.split('@')[0]}:${r.complete}`); } finally { db.close(); }
};

test('index and search with an Ollama embedding model; the status names it and its host', async () => {
  const dir = library('a');
  const dbPath = join(root, 'a.db');
  const engine = await createEngine({ dbPath, workers: 1, embedding: { ollama: { host: server.url, model: 'nomic-embed-text', batchSize: 3 } } });
  try {
    server.reset();
    const s = await engine.index([dir]);
    assert.ok(s.embedding, `embedding ran: ${JSON.stringify(s.embeddingError)}`);
    assert.equal(s.embedding.provider, 'ollama');
    assert.equal(s.embedding.embedded, s.chunks);
    assert.ok(server.embeds.filter((c) => c.input[0] !== 'dimension probe').every((c) => c.input.length <= 3));
    // The test server's vectors are hashes of the text: a chunk's own text finds it first.
    const text = (await engine.search('protein', { mode: 'bm25', k: 1 })).results[0]!;
    const db = new Database(dbPath, { readonly: true });
    const own = db.prepare('SELECT text FROM chunks WHERE id = ?').pluck().get(text.chunkId) as string;
    db.close();
    const dense = await engine.search(own, { mode: 'dense', k: 1 });
    assert.equal(dense.results[0]!.chunkId, text.chunkId);
    assert.ok(dense.results[0]!.trace.denseScore! > 0.99);
    const st = (await engine.embeddingStatus())!;
    assert.equal(st.provider, 'ollama');
    assert.equal(st.host, server.url);
    assert.equal(st.model, 'nomic-embed-text:latest');
    assert.equal(st.dims, 16);
    assert.equal(st.weights, null);
    assert.equal(st.complete, true);
    assert.match(describeEmbedding(st), new RegExp(`^embedding: ollama: nomic-embed-text:latest @ ${server.url} \\(16-d\\)`));
  } finally {
    await engine.close();
  }
  assert.deepEqual(tables(dbPath), ['ollama-nomic-embed-text-latest:1']);

  // Another remote model: its own table; the first model's vectors are dropped only once the new set is complete.
  const other = await createEngine({ dbPath, workers: 1, embedding: { ollama: { host: server.url, model: 'mxbai-embed-large' } } });
  try {
    assert.equal(await other.search('protein', { mode: 'dense' }).then((r) => r.results.length, (e: { code?: string }) => e.code), 'NO_EMBEDDINGS');
    const e = await other.embed();
    assert.equal(e.reused, 0, 'no vector of the other model is reused');
    assert.equal(e.embedded, TOPICS.length);
  } finally {
    await other.close();
  }
  assert.deepEqual(tables(dbPath), ['ollama-mxbai-embed-large-latest:1']);
});

test('Ollama down: the index completes, the embedding error is reported as data', async () => {
  const dir = library('down');
  const engine = await createEngine({ dbPath: join(root, 'down.db'), workers: 1, embedding: { ollama: { host: 'http://127.0.0.1:9', model: 'nomic-embed-text' } } });
  try {
    const s = await engine.index([dir]);
    assert.equal(s.documents, TOPICS.length);
    assert.equal(s.embedding, undefined);
    assert.equal(s.embeddingError?.code, 'OLLAMA_UNREACHABLE');
  } finally {
    await engine.close();
  }
});

test('Ollama stops answering: the default search mode answers with BM25 and says why; an explicit dense search fails', async () => {
  const own = await startOllamaServer({ models: ['nomic-embed-text'], embedDims: 16 });
  const dir = library('gone');
  const engine = await createEngine({ dbPath: join(root, 'gone.db'), workers: 1, embedding: { ollama: { host: own.url, model: 'nomic-embed-text', retries: 0 } } });
  try {
    await engine.index([dir]);
    assert.equal((await engine.search('protein folding')).mode, 'hybrid');
    await own.close();
    const r = await engine.search('protein folding');
    assert.equal(r.mode, 'bm25');
    assert.match(r.results[0]!.snippetText, /protein folding/);
    assert.equal(r.denseError?.code, 'OLLAMA_UNREACHABLE');
    await assert.rejects(engine.search('protein folding', { mode: 'dense' }), { code: 'OLLAMA_UNREACHABLE' });
  } finally {
    await engine.close();
  }
});

test('CLI: --model ollama:<name> with --ollama <host>; --weights for local models', () => {
  assert.deepEqual(embeddingFromArgs(parse(['embed', '--model', 'ollama:nomic-embed-text', '--ollama', 'gpu-box:11434']), root),
    { ollama: { model: 'nomic-embed-text', host: 'gpu-box:11434' } });
  assert.throws(() => embeddingFromArgs(parse(['embed', '--model', 'ollama:', '--ollama', 'h']), root), /needs the Ollama model's name/);
  assert.throws(() => embeddingFromArgs(parse(['embed', '--model', 'ollama:x', '--weights', 'int8']), root), /apply to local models/);
  const tiny = join(sharedDir(), 'models', 'bert-tiny-random');
  assert.deepEqual(embeddingFromArgs(parse(['embed', '--model', tiny, '--weights', 'fp32']), root), { modelDir: tiny, weights: 'fp32' });
  assert.throws(() => parse(['embed', '--weights', 'int4']), /--weights must be auto, fp32 or int8/);
});

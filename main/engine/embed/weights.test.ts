/**
 * fp32 or int8 weights: the choice per provider (int8 on CPU where the manifest offers it, fp32 on
 * GPU providers, overrides both ways), and in the engine: the embedder runs the chosen graph, the
 * status says which, and vectors of the two are stored under different fingerprints (never mixed).
 * The int8 graph here is the shared random BERT quantised by test/bench/embed/quantize-int8.py when
 * python3-onnx is present, else a copy of the fp32 graph (the choice and the keying are what is tested).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { sharedDir } from '../../../test/helpers/shared.js';
import { createEngine } from '../index.js';
import { parseManifest, type ModelManifest } from '../models/manifest.js';
import { graphFor } from './weights.js';

const root = mkdtempSync(join(tmpdir(), 'delve-weights-'));
after(() => rmSync(root, { recursive: true, force: true }));

const manifest = (over: Partial<ModelManifest> = {}): ModelManifest => parseManifest({
  id: 'tiny', name: 'tiny', license: 'test', source: { repo: 'local' }, files: [], pinned: false,
  onnx: 'model.onnx', int8: 'model_quantized.onnx', dims: 32, pooling: 'mean', normalize: true, maxTokens: 128, ...over,
});

test('int8 on the CPU provider where the manifest offers it; fp32 on GPU providers; overrides; no int8 graph: fp32', () => {
  const m = manifest();
  assert.deepEqual(graphFor(m, 'cpu'), { graph: 'model_quantized.onnx', weights: 'int8' });
  for (const p of ['cuda', 'dml', 'coreml', 'webgpu'] as const) assert.deepEqual(graphFor(m, p), { graph: 'model.onnx', weights: 'fp32' }, p);
  assert.deepEqual(graphFor(m, 'cpu', 'fp32'), { graph: 'model.onnx', weights: 'fp32' });
  assert.deepEqual(graphFor(m, 'cuda', 'int8'), { graph: 'model_quantized.onnx', weights: 'int8' });
  assert.deepEqual(graphFor(manifest({ int8: undefined }), 'cpu'), { graph: 'model.onnx', weights: 'fp32' });
  assert.deepEqual(graphFor(manifest({ int8: undefined }), 'cpu', 'int8'), { graph: 'model.onnx', weights: 'fp32' });
  // An install made before the manifest listed its int8 file: the folder lacks it, fp32 runs.
  assert.deepEqual(graphFor(m, 'cpu', 'auto', root), { graph: 'model.onnx', weights: 'fp32' });
});

/** The shared random BERT with an int8 graph beside it, and a manifest offering both. */
function folderWithInt8(): string {
  const dir = join(root, 'tiny-int8');
  cpSync(join(sharedDir(), 'models', 'bert-tiny-random'), dir, { recursive: true });
  const script = fileURLToPath(new URL('../../../../test/bench/embed/quantize-int8.py', import.meta.url));
  const q = spawnSync('/usr/bin/python3', [script, join(dir, 'model.onnx'), join(dir, 'model_quantized.onnx')], { encoding: 'utf8' });
  if (q.status !== 0) copyFileSync(join(dir, 'model.onnx'), join(dir, 'model_quantized.onnx'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest()));
  return dir;
}

test('the engine runs int8 on CPU by default, fp32 when asked; each set of vectors has its own fingerprint', async () => {
  const model = folderWithInt8();
  const notes = join(root, 'notes');
  mkdirSync(notes);
  for (let i = 0; i < 5; i++) writeFileSync(join(notes, `n${i}.md`), `Note ${i} about topic number ${i}.\n`);
  const dbPath = join(root, 'w.db');
  const keys = () => {
    const db = new Database(dbPath, { readonly: true });
    try { return db.prepare('SELECT id FROM embedding_models').pluck().all() as string[]; } finally { db.close(); }
  };
  const int8 = await createEngine({ dbPath, workers: 1, embedding: { modelDir: model, provider: 'cpu' } });
  let int8Key: string;
  try {
    const s = await int8.index([notes]);
    assert.equal(s.embedding?.embedded, s.chunks);
    const st = (await int8.embeddingStatus())!;
    assert.equal(st.weights, 'int8');
    int8Key = s.embedding!.model;
    const hit = await int8.search('Note 3 about topic number 3.', { mode: 'dense', k: 1 });
    assert.match(hit.results[0]!.snippetText, /number 3/);
  } finally {
    await int8.close();
  }
  const fp32 = await createEngine({ dbPath, workers: 1, embedding: { modelDir: model, provider: 'cpu', weights: 'fp32' } });
  let fp32Key: string;
  try {
    assert.equal((await fp32.embeddingStatus())!.weights, 'fp32');
    const e = await fp32.embed();
    assert.equal(e.reused, 0, 'no int8 vector is reused for fp32');
    assert.notEqual(e.model, int8Key);
    assert.equal(e.model.split('@')[0], int8Key.split('@')[0], 'same model id, another fingerprint');
    fp32Key = e.model;
  } finally {
    await fp32.close();
  }
  assert.deepEqual(keys(), [fp32Key], 'the int8 set is dropped once the fp32 one is complete');
});

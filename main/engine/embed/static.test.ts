/**
 * Static embedding models through the real onnxruntime path: a model2vec-shaped ONNX graph (input_ids
 * + offsets → the mean of each text's token rows, normalised) with seeded random weights, made by
 * test/bench/embed/make-static-onnx.py (python3-onnx), with the MiniLM tokenizer. A bag-of-tokens mean
 * does not depend on word order or on repeating the text, and sees no special tokens: those
 * properties check the tokenization, the offsets and the pooling end to end.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { sharedDir } from '../../../test/helpers/shared.js';
import { createEngine } from '../index.js';
import { loadModelFolder } from '../models/folder.js';
import { createEmbedder } from './embedder.js';
import { staticBatches, staticFeeds } from './static.js';

const root = mkdtempSync(join(tmpdir(), 'delve-static-'));
after(() => rmSync(root, { recursive: true, force: true }));
const DIMS = 16;

/** A model2vec export folder (config.json model_type "model2vec") with a random static model, or null without python3-onnx. */
function staticModel(): string | null {
  const dir = join(root, 'potion-random');
  mkdirSync(dir);
  for (const f of ['tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json']) cpSync(join(sharedDir(), 'models', 'bert-tiny-random', f), join(dir, f));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ model_type: 'model2vec', hidden_dim: DIMS, normalize: true }));
  mkdirSync(join(dir, 'onnx'));
  const script = fileURLToPath(new URL('../../../../test/bench/embed/make-static-onnx.py', import.meta.url));
  const r = spawnSync('/usr/bin/python3', [script, '30522', String(DIMS), '1', join(dir, 'onnx', 'model.onnx')], { encoding: 'utf8' });
  return r.status === 0 ? dir : null;
}
const model = staticModel();
const skip = model ? false : 'needs /usr/bin/python3 with onnx (apt-get install python3-onnx) to build the random static model';

test('batches: up to the row and token limits, every text once, in order; feeds: ids concatenated, offsets at each start', () => {
  const enc = [[1, 2], [3], [], [4, 5, 6], [7]];
  assert.deepEqual(staticBatches(enc, 2, 100), [[0, 1], [2, 3], [4]]);
  assert.deepEqual(staticBatches(enc, 10, 3), [[0, 1, 2], [3], [4]]);
  const f = staticFeeds(enc, [1, 2, 3]);
  assert.deepEqual([...f.inputIds], [3n, 4n, 5n, 6n]);
  assert.deepEqual([...f.offsets], [0n, 1n, 1n]);
});

test('a model2vec folder: inferred as static; the mean of its tokens, without special tokens, normalised', { skip }, async () => {
  const m = await loadModelFolder(model!);
  assert.deepEqual([m.manifest.architecture, m.manifest.output, m.manifest.dims, m.manifest.onnx], ['static', 'embeddings', DIMS, 'onnx/model.onnx']);
  const e = await createEmbedder({ modelDir: model!, manifest: m.manifest, provider: 'cpu' });
  try {
    const [a, b, c, d, empty] = await e.embedDocuments(['protein folding kinetics', 'kinetics folding protein', 'protein folding kinetics protein folding kinetics', 'glacier melt', '']);
    const close = (x: Float32Array, y: Float32Array) => x.every((v, i) => Math.abs(v - y[i]!) < 1e-5);
    assert.ok(close(a!, b!), 'word order does not matter');
    assert.ok(close(a!, c!), 'repeating the text does not change the mean (no [CLS]/[SEP] added)');
    assert.ok(!close(a!, d!));
    assert.ok(Math.abs(Math.hypot(...a!) - 1) < 1e-5);
    assert.ok(empty!.every((v) => v === 0), 'an empty text has no tokens: the zero vector');
  } finally {
    await e.close();
  }
});

test('the engine indexes and searches with a static model', { skip }, async () => {
  const notes = join(root, 'notes');
  mkdirSync(notes);
  const topics = ['glacier melt rates', 'protein folding kinetics', 'medieval trade routes', 'quantum dot solar cells'];
  topics.forEach((t, i) => writeFileSync(join(notes, `n${i}.md`), `A note about ${t}.\n`));
  const engine = await createEngine({ dbPath: join(root, 's.db'), workers: 1, embedding: { modelDir: model! } });
  try {
    const s = await engine.index([notes]);
    assert.equal(s.embedding?.embedded, s.chunks);
    for (const t of topics) assert.match((await engine.search(`${t} note about a`, { mode: 'dense', k: 1 })).results[0]!.snippetText, new RegExp(t));
  } finally {
    await engine.close();
  }
});

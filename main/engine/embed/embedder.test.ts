/**
 * The embedder on the real onnxruntime path with the shared random-weight BERT (hidden 32) and the
 * real MiniLM tokenizer: exact tokenization, pooled vectors equal to an independent float64
 * reference computed from `last_hidden_state`, batch-size invariance, fallback, abort, bad models.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import * as ort from 'onnxruntime-node';
import { sharedDir } from '../../../test/helpers/shared.js';
import { parseManifest, type ModelManifest } from '../models/manifest.js';
import { createEmbedder } from './embedder.js';
import { loadTokenizer } from './tokenize.js';

const dir = join(sharedDir(), 'models', 'bert-tiny-random');
const miniLm = join(sharedDir(), 'models', 'all-MiniLM-L6-v2');
const tmp = mkdtempSync(join(tmpdir(), 'delve-embedder-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function manifest(over: Partial<ModelManifest> = {}): ModelManifest {
  return parseManifest({
    id: 'bert-tiny-random', name: 'test', license: 'test', source: { repo: 'local' }, files: [],
    onnx: 'model.onnx', dims: 32, pooling: 'mean', normalize: true, maxTokens: 128, ...over,
  });
}

const TEXTS = Array.from({ length: 70 }, (_, i) =>
  i % 7 === 0 ? 'x' : `Text ${i}: ${'the quick brown fox jumps over the lazy dog '.repeat((i * 7) % 23)}${i % 3 ? 'Ünïcödé 한국어 العربية' : ''}`);

test('tokenizer: "hello world" is [101, 7592, 2088, 102] with the shared MiniLM tokenizer; truncation keeps [CLS] … [SEP]', () => {
  const tok = loadTokenizer(miniLm, 256);
  assert.deepEqual(tok.encode('hello world'), [101, 7592, 2088, 102]);
  const long = loadTokenizer(miniLm, 8).encode('one two three four five six seven eight nine ten');
  assert.equal(long.length, 8);
  assert.equal(long[0], 101);
  assert.equal(long[7], 102);
  assert.equal(tok.padId, 0);
});

/**
 * Independent reference: all texts padded by hand to the longest one on the given side, one bare
 * session run, then pooled in float64 from `last_hidden_state` with the mask. (BERT has absolute
 * positions, so left padding shifts them: the reference pads exactly as a single batch would.)
 */
async function reference(texts: string[], m: ModelManifest): Promise<Float64Array[]> {
  const session = await ort.InferenceSession.create(join(dir, 'model.onnx'));
  const tok = loadTokenizer(dir, m.maxTokens);
  const enc = texts.map((t) => tok.encode(t));
  const seq = Math.max(...enc.map((e) => e.length));
  const ids = new BigInt64Array(texts.length * seq);
  const mask = new BigInt64Array(texts.length * seq);
  enc.forEach((e, b) => e.forEach((id, t) => {
    const at = b * seq + (m.paddingSide === 'left' ? seq - e.length : 0) + t;
    ids[at] = BigInt(id);
    mask[at] = 1n;
  }));
  const shape = [texts.length, seq];
  const r = await session.run({
    input_ids: new ort.Tensor('int64', ids, shape),
    attention_mask: new ort.Tensor('int64', mask, shape),
    token_type_ids: new ort.Tensor('int64', new BigInt64Array(ids.length), shape),
  });
  const h = r.last_hidden_state!.data as Float32Array;
  const out = enc.map((e, b) => {
    const real = Array.from({ length: e.length }, (_, t) => (m.paddingSide === 'left' ? seq - e.length : 0) + t);
    const v = new Float64Array(32);
    const picks = m.pooling === 'mean' ? real : m.pooling === 'cls' ? [real[0]!] : [real[real.length - 1]!];
    for (const t of picks) for (let d = 0; d < 32; d++) v[d]! += h[(b * seq + t) * 32 + d]! / picks.length;
    if (m.normalize) { const n = Math.hypot(...v); for (let d = 0; d < 32; d++) v[d]! /= n; }
    return v;
  });
  await session.release();
  return out;
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

for (const pooling of ['mean', 'cls', 'last-token'] as const) {
  for (const paddingSide of ['right', 'left'] as const) {
    test(`pooling ${pooling}, ${paddingSide} padding: equal to the float64 reference within 1e-5`, async () => {
      const texts = TEXTS.slice(0, 12);
      for (const normalize of [true, false]) {
        const m = manifest({ pooling, paddingSide, normalize });
        // One batch, so the embedder pads exactly as the reference does.
        const e = await createEmbedder({ modelDir: dir, manifest: m, provider: 'cpu', batchSize: texts.length });
        try {
          const got = await e.embedDocuments(texts);
          const want = await reference(texts, m);
          texts.forEach((_, i) => assert.ok(maxDiff(got[i]!, want[i]!) < 1e-5, `text ${i} normalize=${normalize}: ${maxDiff(got[i]!, want[i]!)}`));
        } finally {
          await e.close();
        }
      }
    });
  }
}

test('batch sizes 1 to 64, and token budgets that split them, give the same vectors, in input order', async () => {
  let base: Float32Array[] | null = null;
  let worst = 0;
  const runs = [1, 2, 3, 8, 17, 64].map((batchSize) => ({ batchSize, maxBatchTokens: 1e9 }))
    .concat([{ batchSize: 64, maxBatchTokens: 1 }, { batchSize: 64, maxBatchTokens: 40 }]);
  for (const { batchSize, maxBatchTokens } of runs) {
    const e = await createEmbedder({ modelDir: dir, manifest: manifest(), provider: 'cpu', batchSize, maxBatchTokens });
    try {
      const v = await e.embedDocuments(TEXTS);
      assert.equal(v.length, TEXTS.length);
      if (base) v.forEach((x, i) => (worst = Math.max(worst, maxDiff(x, base![i]!))));
      else base = v;
    } finally {
      await e.close();
    }
  }
  assert.ok(worst <= 1e-6, `largest difference across batch sizes: ${worst}`);
});

test('asking for webgpu, cuda, dml or coreml where there is none falls back to CPU with a readable reason', async () => {
  for (const provider of ['webgpu', 'cuda', 'dml', 'coreml'] as const) {
    const e = await createEmbedder({ modelDir: dir, manifest: manifest(), provider });
    try {
      if (e.info.provider === provider) continue; // this machine really has it
      assert.equal(e.info.provider, 'cpu');
      assert.match(e.info.fallbackReason ?? '', new RegExp(`^${provider}: \\S.{10,}`), e.info.fallbackReason ?? 'no reason');
      assert.doesNotMatch(e.info.fallbackReason ?? '', /onnxruntime_src|::/, 'no C++ source locations');
    } finally {
      await e.close();
    }
  }
});

test('abort stops between batches with CANCELLED; close twice is harmless; calls after close fail clearly', async () => {
  const e = await createEmbedder({ modelDir: dir, manifest: manifest(), provider: 'cpu', batchSize: 1 });
  const controller = new AbortController();
  const running = e.embedDocuments(Array.from({ length: 500 }, (_, i) => TEXTS[i % TEXTS.length]!), { signal: controller.signal });
  setTimeout(() => controller.abort(), 20);
  await assert.rejects(running, { code: 'CANCELLED' });
  assert.equal((await e.embedQueries(['still works'])).length, 1);
  assert.ok(e.stats().texts > 0 && e.stats().textsPerSec! > 0);
  await e.close();
  await e.close();
  await assert.rejects(e.embedQueries(['after close']), { code: 'EMBEDDER_FAILED' });
});

test('a corrupt model file or a wrong output name is MODEL_INVALID, with the reason', async () => {
  const bad = join(tmp, 'bad');
  rmSync(bad, { recursive: true, force: true });
  await import('node:fs').then((fs) => fs.mkdirSync(bad));
  for (const f of ['tokenizer.json', 'tokenizer_config.json']) copyFileSync(join(dir, f), join(bad, f));
  writeFileSync(join(bad, 'model.onnx'), 'not an onnx graph');
  await assert.rejects(createEmbedder({ modelDir: bad, manifest: manifest(), provider: 'cpu' }), { code: 'MODEL_INVALID' });
  await assert.rejects(createEmbedder({ modelDir: dir, manifest: manifest({ output: 'pooler_output' }), provider: 'cpu' }),
    (err: Error & { code?: string }) => err.code === 'MODEL_INVALID' && /last_hidden_state/.test(err.message));
});

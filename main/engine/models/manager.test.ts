/**
 * The model manager end to end against a local stand-in for the hub serving the shared random-weight
 * BERT, described by a test catalog with its real sha256s: pull → a folder the embedder loads and
 * embeds with; a checksum failure or a cancel installs nothing and a later pull resumes; mirrors;
 * replacing an install; unpinned models; a second concurrent pull; list; remove.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { startHub, type Hub } from '../../../test/helpers/hub-server.js';
import { sharedDir } from '../../../test/helpers/shared.js';
import { EngineError } from '../errors.js';
import { createEngine } from '../index.js';
import { loadModelFolder } from './folder.js';
import { hubBaseOf, listModels, pullModel, removeModel, type ModelManagerOptions } from './manager.js';

const tiny = join(sharedDir(), 'models', 'bert-tiny-random');
const FILES = ['model.onnx', 'tokenizer.json', 'tokenizer_config.json', 'config.json', 'special_tokens_map.json'];
const root = mkdtempSync(join(tmpdir(), 'delve-manager-'));
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const ONNX_BYTES = statSync(join(tiny, 'model.onnx')).size;
let hub: Hub;
let n = 0;

/** A test manifest for the shared tiny BERT with its real hashes (`files` picks which of them). */
function manifest(id: string, files = FILES, extra: Record<string, unknown> = {}) {
  return {
    id, name: `tiny ${id}`, license: 'test', source: { repo: 'test-org/bert-tiny-random', revision: 'main' },
    files: files.map((p) => ({ path: p, url: `{base}/test-org/bert-tiny-random/resolve/main/${p}`, sha256: sha(join(tiny, p)), bytes: statSync(join(tiny, p)).size })),
    onnx: 'model.onnx', dims: 32, pooling: 'mean', normalize: true, maxTokens: 128, ...extra,
  };
}

function catalog(name: string, manifests: object[]): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const m of manifests) writeFileSync(join(dir, `${(m as { id: string }).id}.json`), JSON.stringify(m));
  return dir;
}

let main: string;
before(async () => {
  hub = await startHub({ 'test-org/bert-tiny-random': tiny });
  main = catalog('catalog', [
    manifest('tiny', FILES, { default: true }),
    { ...manifest('unpinned'), pinned: false, files: [{ path: 'model.onnx', url: '{base}/x/y/resolve/main/model.onnx' }] },
    { ...manifest('convert-me'), pinned: false, files: [], conversion: 'optimum-cli export onnx …, then delve models import' },
  ]);
});
after(async () => { await hub.close(); rmSync(root, { recursive: true, force: true }); });
beforeEach(() => {
  for (const k of Object.keys(hub.faults)) delete hub.faults[k as keyof typeof hub.faults];
  hub.requests.length = 0;
});

const opts = (over: Partial<ModelManagerOptions> = {}): ModelManagerOptions => ({
  dataDir: join(root, `data${n++}`), catalogDir: main, hubBase: hub.base, env: {}, retryDelayMs: 5, ...over,
});
const code = (c: string, re?: RegExp) => (e: unknown) => e instanceof EngineError && e.code === c && (!re || re.test(e.message));
const leftovers = (o: ModelManagerOptions) => readdirSync(join(o.dataDir, 'models')).filter((f) => f.startsWith('.'));

test('pull: every file verified, manifest.json written, folder renamed in; the embedder loads and embeds with it; a second pull is a no-op', async () => {
  const o = opts();
  const progress: number[] = [];
  const r = await pullModel('tiny', { ...o, progressIntervalMs: 0, onProgress: (p) => { assert.equal(p.bytesTotal, r0Total); progress.push(p.bytesDone); } });
  const dir = join(o.dataDir, 'models', 'tiny');
  assert.equal(r.dir, dir);
  assert.deepEqual(readdirSync(dir).sort(), [...FILES, 'manifest.json'].sort());
  assert.deepEqual(leftovers(o), [], 'no staging folder, lock or partial file is left');
  assert.deepEqual(progress, [...progress].sort((a, b) => a - b));
  assert.equal(progress.at(-1), r0Total);
  assert.equal(r.downloaded, r0Total);
  for (const f of FILES) assert.equal(sha(join(dir, f)), sha(join(tiny, f)));
  const folder = await loadModelFolder(dir);
  assert.equal(folder.manifest.id, 'tiny');
  assert.equal(folder.manifest.files.length, FILES.length);

  const notes = join(o.dataDir, 'notes');
  mkdirSync(notes);
  writeFileSync(join(notes, 'a.md'), '# Glaciers\n\nGlacier melt rates in the Alps are rising.\n');
  writeFileSync(join(notes, 'b.md'), '# Proteins\n\nProtein folding kinetics, measured.\n');
  const engine = await createEngine({ dbPath: join(o.dataDir, 'delve.db'), workers: 1, embedding: { modelDir: dir } });
  try {
    const s = await engine.index([notes]);
    assert.ok(s.embedding, `embedding ran: ${JSON.stringify(s.embeddingError)}`);
    assert.equal(s.embedding.embedded, s.chunks);
    const hit = await engine.search('Glacier melt rates in the Alps are rising.', { mode: 'dense', k: 1 });
    assert.match(hit.results[0]!.snippetText, /Glacier/);
  } finally {
    engine.close();
  }

  hub.requests.length = 0;
  const again = await pullModel('tiny', o);
  assert.equal(again.alreadyInstalled, true);
  assert.equal(hub.requests.length, 0);
  const row = listModels(o).find((m) => m.id === 'tiny')!;
  assert.deepEqual([row.installed, row.default, row.pullable, row.downloadBytes], [true, true, true, r0Total]);
  assert.ok(row.installedBytes! > r0Total);
});
const r0Total = FILES.reduce((s, f) => s + statSync(join(tiny, f)).size, 0);

test('a corrupted file: CHECKSUM_MISMATCH, nothing installed, and the next pull (good server) completes', async () => {
  const o = opts();
  hub.faults.corrupt = 'tokenizer.json';
  await assert.rejects(pullModel('tiny', o), code('CHECKSUM_MISMATCH', /^tokenizer\.json: expected sha256 [0-9a-f]{64}, got [0-9a-f]{64}; the file was deleted, run pull again/));
  assert.ok(!existsSync(join(o.dataDir, 'models', 'tiny')));
  assert.ok(!existsSync(join(o.dataDir, 'models', '.staging-tiny', 'manifest.json')));
  assert.ok(!existsSync(join(o.dataDir, 'models', '.staging-tiny', 'tokenizer.json')));
  delete hub.faults.corrupt;
  assert.equal((await pullModel('tiny', o)).alreadyInstalled, false);
  await loadModelFolder(join(o.dataDir, 'models', 'tiny'));
});

test('cancel mid model.onnx: CANCELLED, nothing installed, list shows the partial; the next pull resumes with Range', async () => {
  const o = opts();
  hub.faults.slow = { chunk: 128 * 1024, delayMs: 5 };
  const ac = new AbortController();
  const onProgress = (p: { file: string; bytesDone: number; bytesTotal: number }) => { if (p.file === 'model.onnx' && p.bytesDone > r0Total - ONNX_BYTES + 1_500_000) ac.abort(); };
  await assert.rejects(pullModel('tiny', { ...o, signal: ac.signal, onProgress, progressIntervalMs: 0 }), code('CANCELLED'));
  assert.ok(!existsSync(join(o.dataDir, 'models', 'tiny')));
  const row = listModels(o).find((m) => m.id === 'tiny')!;
  assert.deepEqual([row.installed, row.partial], [false, true]);
  delete hub.faults.slow;
  hub.requests.length = 0;
  const r = await pullModel('tiny', o);
  assert.equal(r.resumed, true);
  const onnxReqs = hub.requests.filter((q) => q.path.endsWith('/model.onnx'));
  assert.equal(onnxReqs.length, 1);
  assert.match(onnxReqs[0]!.range ?? '', /^bytes=\d{6,}-$/);
  assert.ok(r.downloaded < r0Total - 1_000_000, 'the small files and the first part of model.onnx are not fetched again');
  await loadModelFolder(r.dir);
});

test('mirrors: hubBase (or $DELVE_HF_BASE, or $HF_ENDPOINT) replaces {base}', async () => {
  assert.equal(hubBaseOf({ dataDir: '', env: {} }), 'https://huggingface.co');
  assert.equal(hubBaseOf({ dataDir: '', env: { HF_ENDPOINT: 'https://hf-mirror.example' } }), 'https://hf-mirror.example');
  assert.equal(hubBaseOf({ dataDir: '', env: { DELVE_HF_BASE: 'https://a.example', HF_ENDPOINT: 'https://b.example' } }), 'https://a.example');
  await pullModel('tiny', opts({ hubBase: `${hub.base}/mirror/` }));
  assert.ok(hub.requests.length === FILES.length && hub.requests.every((q) => q.path.startsWith('/mirror/test-org/')), JSON.stringify(hub.requests.map((q) => q.path)));
  hub.requests.length = 0;
  await pullModel('tiny', opts({ hubBase: undefined, env: { DELVE_HF_BASE: `${hub.base}/via-env` } }));
  assert.ok(hub.requests.every((q) => q.path.startsWith('/via-env/')));
});

test('a new version replaces the old install whole (old folder renamed aside, then deleted); unchanged files are not fetched again', async () => {
  const o = opts();
  await pullModel('tiny', o);
  const v2 = catalog('catalog-v2', [manifest('tiny', FILES.filter((f) => f !== 'special_tokens_map.json'), { maxTokens: 64 })]);
  const r = await pullModel('tiny', { ...o, catalogDir: v2 });
  assert.equal(r.alreadyInstalled, false);
  assert.equal(r.downloaded, 0, 'files the old install has with the same sha256 are copied, not downloaded');
  const dir = join(o.dataDir, 'models', 'tiny');
  assert.ok(!existsSync(join(dir, 'special_tokens_map.json')));
  assert.equal((await loadModelFolder(dir)).manifest.maxTokens, 64);
  assert.deepEqual(leftovers(o), []);
});

test('unpinned, conversion-only, unknown and malformed ids are refused with clear codes', async () => {
  const o = opts();
  await assert.rejects(pullModel('unpinned', o), code('MODEL_NOT_PINNED', /not pinned.*delve models import <folder> --id unpinned/));
  await assert.rejects(pullModel('convert-me', o), code('MODEL_NOT_PINNED', /no ONNX export is published; convert it.*optimum-cli/));
  await assert.rejects(pullModel('nope', o), code('MODEL_NOT_FOUND', /delve models list/));
  await assert.rejects(pullModel('../etc', o), code('BAD_ARGUMENT'));
  assert.equal(hub.requests.length, 0);
  const rows = listModels(o);
  assert.deepEqual(rows.map((m) => [m.id, m.pullable, m.downloadBytes === null]), [['tiny', true, false], ['convert-me', false, true], ['unpinned', false, true]]);
});

test('a second pull of the same model while one runs is MODEL_BUSY; the first still completes', async () => {
  const o = opts();
  hub.faults.slow = { chunk: 256 * 1024, delayMs: 5 };
  const first = pullModel('tiny', o);
  await new Promise((r) => setTimeout(r, 30));
  await assert.rejects(pullModel('tiny', o), code('MODEL_BUSY', /already in progress/));
  await first;
  await loadModelFolder(join(o.dataDir, 'models', 'tiny'));
});

test('remove: deletes the folder and any partial download; unknown ids are MODEL_NOT_FOUND', async () => {
  const o = opts();
  await pullModel('tiny', o);
  const r = removeModel('tiny', o);
  assert.ok(r.bytes > 0 && !r.hadPartial);
  assert.ok(!existsSync(join(o.dataDir, 'models', 'tiny')));
  assert.deepEqual(leftovers(o), []);
  assert.throws(() => removeModel('tiny', o), code('MODEL_NOT_FOUND'));
  hub.faults.dropAfter = { path: 'model.onnx', bytes: 500_000, times: 1 };
  await assert.rejects(pullModel('tiny', { ...o, retries: 0 }), code('DOWNLOAD_FAILED'));
  assert.equal(removeModel('tiny', o).hadPartial, true);
  assert.deepEqual(leftovers(o), []);
  assert.throws(() => removeModel('../x', o), code('BAD_ARGUMENT'));
});

/**
 * Embedding models through the service, against the hub stand-in serving the shared tiny BERT:
 * models() lists the test catalog, modelPull streams model:progress to done, and choosing the
 * pulled model in the settings reopens the engine with it (embeddingStatus, appStatus).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startHub, type Hub } from '../../../test/helpers/hub-server.js';
import { sharedDir, tempDir } from '../../../test/helpers/shared.js';
import type { EngineEvent, EngineService } from '../engine-protocol.js';
import { createEngineService } from './index.js';

const tiny = join(sharedDir(), 'models', 'bert-tiny-random');
const FILES = ['model.onnx', 'tokenizer.json', 'config.json'];
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

let hub: Hub;
let service: EngineService;
let root: string;
const events: EngineEvent[] = [];
before(async () => {
  hub = await startHub({ 'test-org/tiny': tiny });
  root = tempDir('delve-models-service-');
  const catalogDir = join(root, 'catalog');
  mkdirSync(catalogDir);
  writeFileSync(join(catalogDir, 'tiny.json'), JSON.stringify({
    id: 'tiny', name: 'Tiny test BERT', license: 'test', default: true, source: { repo: 'test-org/tiny', revision: 'main' },
    files: FILES.map((p) => ({ path: p, url: `{base}/test-org/tiny/resolve/main/${p}`, sha256: sha(join(tiny, p)), bytes: statSync(join(tiny, p)).size })),
    onnx: 'model.onnx', dims: 32, pooling: 'mean', normalize: true, maxTokens: 128,
  }));
  for (const k of ['HTTPS_PROXY', 'HTTP_PROXY', 'https_proxy', 'http_proxy']) delete process.env[k];
  process.env.DELVE_HF_BASE = hub.base;
  mkdirSync(join(root, 'notes'));
  writeFileSync(join(root, 'notes', 'a.md'), '# Sleep\n\nSleep consolidates memory through hippocampal replay.\n');
  service = createEngineService({ config: { dataDir: root, dbPath: join(root, 'delve.db'), catalogDir }, emit: (e) => events.push(e) });
  await service.setSettings({ ollama: { host: 'http://127.0.0.1:9' } });
});
after(async () => {
  await service.close();
  await hub.close();
});

test('models → modelPull with model:progress → choose it: the engine reopens with the model and embeds', async () => {
  assert.deepEqual((await service.models()).map((m) => [m.id, m.installed]), [['tiny', false]]);
  assert.equal(await service.embeddingStatus(), null);
  const r = await service.modelPull('tiny');
  assert.deepEqual(r, { id: 'tiny', dir: join(root, 'models', 'tiny') });
  const progress = events.filter((e) => e.name === 'model:progress').map((e) => e.payload);
  const total = FILES.reduce((n, p) => n + statSync(join(tiny, p)).size, 0);
  assert.ok(progress.length >= 2, JSON.stringify(progress));
  assert.deepEqual(progress.at(-1), { id: 'tiny', received: total, total, done: true });
  assert.ok(progress.slice(0, -1).every((p) => !p.done && p.total === total));
  assert.deepEqual((await service.models()).map((m) => [m.id, m.installed]), [['tiny', true]]);

  await service.setSettings({ embeddingModel: 'tiny', provider: 'cpu' });
  const s = await service.index([join(root, 'notes')]);
  assert.equal(s.embedding?.complete, true, JSON.stringify(s.embeddingError));
  const e = await service.embeddingStatus();
  assert.deepEqual([e?.provider, e?.vectors, e?.complete], ['cpu', 1, true]);
  const app = await service.appStatus();
  assert.deepEqual([app.embedding?.model, app.embedding?.vectors, app.embedding?.complete], [e?.model, 1, true]);
});

test('until settings are saved, the defaults follow what is installed: pulling the catalog\'s default model turns it on', async () => {
  const dataDir = tempDir('delve-models-defaults-');
  const fresh = createEngineService({ config: { dataDir, dbPath: join(dataDir, 'd.db'), catalogDir: join(root, 'catalog') }, emit: () => undefined });
  try {
    assert.equal((await fresh.getSettings()).embeddingModel, null);
    await fresh.modelPull('tiny');
    assert.equal((await fresh.getSettings()).embeddingModel, 'tiny');
    assert.equal((await fresh.embeddingStatus())?.vectors, 0);
  } finally {
    await fresh.close();
  }
});

test('a model the catalog lacks: MODEL_NOT_FOUND, and the progress ends with that error', async () => {
  events.length = 0;
  await assert.rejects(service.modelPull('nope'), { code: 'MODEL_NOT_FOUND' });
  const last = events.at(-1);
  assert.ok(last?.name === 'model:progress' && last.payload.done && last.payload.error?.code === 'MODEL_NOT_FOUND', JSON.stringify(last));
});

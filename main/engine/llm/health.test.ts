import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startOllamaServer, type OllamaTestServer } from '../../../test/helpers/ollama-server.js';
import { resolveLlmConfig } from './config.js';
import { checkLlm, pullModel } from './health.js';

let server: OllamaTestServer;
before(async () => { server = await startOllamaServer({ models: ['qwen3:4b'], version: '0.12.3' }); });
after(() => server.close());

test('a ready server: its version, its models, nothing missing', async () => {
  const h = await checkLlm(resolveLlmConfig({ host: server.url, model: 'qwen3:4b' }));
  assert.deepEqual([h.ok, h.version, h.missing, h.status], [true, '0.12.3', [], null]);
});

test('a role whose model is not installed: MODEL_MISSING with the pull command; pulling it with progress fixes it', async () => {
  const cfg = resolveLlmConfig({ host: server.url, model: 'qwen3:4b', models: { judge: 'llama3.2' } });
  const h = await checkLlm(cfg);
  assert.equal(h.ok, false);
  assert.deepEqual(h.missing, ['llama3.2']);
  assert.equal(h.status?.hint, 'ollama pull llama3.2');
  const seen: number[] = [];
  await pullModel(cfg, 'llama3.2', (p) => { if (p.total > 0) seen.push(p.completed / p.total); });
  assert.ok(seen.length > 1 && seen.at(-1) === 1, JSON.stringify(seen));
  assert.equal((await checkLlm(cfg)).ok, true);
});

test('no server: OLLAMA_UNREACHABLE, never a throw', async () => {
  const h = await checkLlm(resolveLlmConfig({ host: 'http://127.0.0.1:9' }));
  assert.equal(h.status?.code, 'OLLAMA_UNREACHABLE');
});

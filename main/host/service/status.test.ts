/** appStatus (Ollama down and up, cached), documentBytes and the LLM calls through the service, on a real library. */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startOllamaServer, type OllamaTestServer } from '../../../test/helpers/ollama-server.js';
import { sharedDir, tempDir } from '../../../test/helpers/shared.js';
import type { EngineEvent, EngineService } from '../engine-protocol.js';
import { createEngineService } from './index.js';

const PDF = join(sharedDir(), 'pdfs', 'hindawi-rrp-2010-157939_heart-failure.pdf');

let ollama: OllamaTestServer;
let service: EngineService;
let root: string;
const events: EngineEvent[] = [];
before(async () => {
  ollama = await startOllamaServer({ models: ['qwen3:4b'] });
  root = tempDir('delve-status-');
  mkdirSync(join(root, 'lib'));
  copyFileSync(PDF, join(root, 'lib', 'a.pdf'));
  copyFileSync(PDF, join(root, 'lib', 'big.pdf'));
  copyFileSync(PDF, join(root, 'lib', 'gone.pdf'));
  writeFileSync(join(root, 'lib', 'note.md'), '# A note\n\nHeart failure and exercise.\n');
  service = createEngineService({ config: { dataDir: root, dbPath: join(root, 'delve.db') }, emit: (e) => events.push(e) });
  await service.setSettings({ ollama: { host: 'http://127.0.0.1:9' } }); // nothing listens there
  await service.index([join(root, 'lib')]);
});
after(async () => {
  await service.close();
  await ollama.close();
});

test('appStatus with Ollama down: the library totals, no embedder, ok:false with the reason', async () => {
  const s = await service.appStatus();
  const { totals } = await service.status();
  assert.deepEqual([s.documents, s.chunks, s.dbBytes, s.embedding, s.indexing], [4, totals.chunks, totals.dbBytes, null, false]);
  assert.ok(s.chunks > 4);
  assert.deepEqual([s.kinds, s.ocrPages], [{ pdf: 3, note: 1 }, totals.needsOcrPages]);
  assert.equal(s.ollama.ok, false);
  assert.match(s.ollama.message ?? '', /\S/);
});

test('appStatus with Ollama up: ok, and the health check is reused for a while', async () => {
  await service.setSettings({ ollama: { host: ollama.url } });
  ollama.reset();
  const a = await service.appStatus();
  const b = await service.appStatus();
  assert.deepEqual([a.ollama, b.ollama], [{ host: ollama.url, ok: true, message: null }, { host: ollama.url, ok: true, message: null }]);
  assert.equal(ollama.requests.filter((r) => r.path === '/api/version').length, 1);
});

test('documentBytes: a PDF\'s bytes; a note is BAD_ARGUMENT, a deleted file FILE_NOT_FOUND, an oversized one FILE_TOO_LARGE', async () => {
  const docs = (await service.status()).documents;
  const id = (name: string) => docs.find((d) => d.path.endsWith(name))!.id;
  const bytes = await service.documentBytes(id('a.pdf'));
  assert.ok(bytes instanceof Uint8Array);
  assert.ok(Buffer.from(bytes).equals(readFileSync(PDF)));
  await assert.rejects(service.documentBytes(id('note.md')), { code: 'BAD_ARGUMENT' });
  unlinkSync(join(root, 'lib', 'gone.pdf'));
  await assert.rejects(service.documentBytes(id('gone.pdf')), { code: 'FILE_NOT_FOUND' });
  truncateSync(join(root, 'lib', 'big.pdf'), 513 * 2 ** 20); // sparse: no disk used
  await assert.rejects(service.documentBytes(id('big.pdf')), { code: 'FILE_TOO_LARGE' });
  await assert.rejects(service.documentBytes(99_999));
});

test('llmHealth names missing models; llmPull streams llm:pull events to done, and a failed pull ends with its error', async () => {
  await service.setSettings({ ollama: { judge: 'llama3.2' } });
  const h = await service.llmHealth();
  assert.deepEqual([h.ok, h.missing], [false, ['llama3.2']]);
  events.length = 0;
  assert.equal(await service.llmPull('llama3.2'), true);
  const pulls = events.filter((e) => e.name === 'llm:pull').map((e) => e.payload);
  assert.ok(pulls.length > 2 && pulls.every((p) => p.model === 'llama3.2'));
  assert.deepEqual(pulls.map((p) => p.done), [...pulls.slice(1).map(() => false), true]);
  assert.equal((await service.llmHealth()).ok, true);
  events.length = 0;
  ollama.pullFailAt = 2;
  await assert.rejects(service.llmPull('mistral'));
  const last = events.at(-1);
  assert.ok(last?.name === 'llm:pull' && last.payload.done && last.payload.error !== undefined, JSON.stringify(last));
  ollama.pullFailAt = undefined;
});

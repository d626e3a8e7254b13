import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EngineClient } from './engine-client.js';
import type { EngineEvent } from './engine-protocol.js';

function setup() {
  const sent: { id: number; name: string; args: unknown[] }[] = [];
  const events: EngineEvent[] = [];
  const client = new EngineClient({ postMessage: (m) => sent.push(m as (typeof sent)[number]) }, (e) => events.push(e));
  return { client, sent, events };
}

test('requests are numbered and answered by id, in any order', async () => {
  const { client, sent } = setup();
  const a = client.call('status', []);
  const b = client.call('search', ['sleep', { k: 3 }]);
  assert.deepEqual(sent.map((m) => [m.id, m.name]), [[1, 'status'], [2, 'search']]);
  assert.deepEqual(sent[1]?.args, ['sleep', { k: 3 }]);
  client.receive({ id: 2, ok: true, data: 'B' });
  client.receive({ id: 1, ok: true, data: 'A' });
  assert.equal(await a, 'A');
  assert.equal(await b, 'B');
  assert.equal(client.inFlight, 0);
});

test('engine errors reject with their code', async () => {
  const { client } = setup();
  const p = client.call('index', [['/x']]);
  client.receive({ id: 1, ok: false, error: { code: 'FILE_NOT_FOUND', message: '/x: no such file' } });
  await assert.rejects(p, (err: { code?: string; message?: string }) => err.code === 'FILE_NOT_FOUND' && err.message === '/x: no such file');
});

test('events go to the event callback; junk and unknown ids are ignored', async () => {
  const { client, events } = setup();
  const payload = { phase: 'parse', done: 1, total: 2, currentPath: '/a.pdf', pagesPerSec: 10, etaMs: 100 };
  client.receive({ type: 'event', name: 'index:progress', payload });
  client.receive({ id: 99, ok: true, data: null });
  client.receive('junk');
  client.receive(null);
  assert.deepEqual(events, [{ type: 'event', name: 'index:progress', payload }]);
});

test('failAll rejects everything pending; a failing port rejects at once', async () => {
  const { client } = setup();
  const p = client.call('status', []);
  client.failAll({ code: 'ENGINE_UNAVAILABLE', message: 'gone' });
  await assert.rejects(p, (err: { code?: string }) => err.code === 'ENGINE_UNAVAILABLE');
  const broken = new EngineClient({ postMessage: () => { throw new Error('closed'); } }, () => undefined);
  await assert.rejects(broken.call('status', []), (err: { code?: string }) => err.code === 'ENGINE_UNAVAILABLE');
  assert.equal(broken.inFlight, 0);
});

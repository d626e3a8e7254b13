import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { EngineError } from '../engine/errors.js';
import { makeHandler } from './handler.js';

const app = { protocol: 'app:', host: 'delve' };
const fromApp = { senderFrame: { url: 'app://delve/index.html', parent: null } };
const schema = z.tuple([z.string().min(1)]);

test('valid calls from the app resolve to ok with the data', async () => {
  const h = makeHandler(app, schema, (q: string) => q.toUpperCase());
  assert.deepEqual(await h(fromApp, 'abc'), { ok: true, data: 'ABC' });
});

test('foreign senders are refused before validation or the call', async () => {
  let called = false;
  const h = makeHandler(app, schema, () => {
    called = true;
  });
  const r = await h({ senderFrame: { url: 'https://example.com/', parent: null } }, 'abc');
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.error.code, 'FORBIDDEN');
  assert.equal(called, false);
});

test('invalid arguments answer BAD_ARGUMENT naming the argument', async () => {
  const h = makeHandler(app, schema, () => 'never');
  const r = await h(fromApp, 42);
  assert.equal(!r.ok && r.error.code, 'BAD_ARGUMENT');
  assert.match(!r.ok ? r.error.message : '', /argument 0/);
  const extra = await h(fromApp, 'a', 'b');
  assert.equal(!extra.ok && extra.error.code, 'BAD_ARGUMENT');
});

test('thrown errors and rejections come back as data, never thrown', async () => {
  const sync = makeHandler(app, schema, () => {
    throw new EngineError('DB_BUSY', 'locked');
  });
  assert.deepEqual(await sync(fromApp, 'x'), { ok: false, error: { code: 'DB_BUSY', message: 'locked' } });
  const async = makeHandler(app, schema, () => Promise.reject(new Error('boom')));
  assert.deepEqual(await async(fromApp, 'x'), { ok: false, error: { code: 'INTERNAL', message: 'boom' } });
});

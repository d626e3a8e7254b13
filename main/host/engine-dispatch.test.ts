import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EngineError } from '../engine/errors.js';
import { createDispatcher } from './engine-dispatch.js';
import { configArg, ENGINE_METHODS, parseConfigArg, type EngineService } from './engine-protocol.js';

/** A service whose every method records its arguments and answers by `reply` (or throws what it returns as an Error). */
function recording(reply: (name: string, args: unknown[]) => unknown = (name, args) => ({ name, args })) {
  const calls: [string, unknown[]][] = [];
  const service = Object.fromEntries(ENGINE_METHODS.map((name) => [name, async (...args: unknown[]) => {
    calls.push([name, args]);
    const r = reply(name, args);
    if (r instanceof Error) throw r;
    return r;
  }])) as unknown as EngineService;
  return { service, calls };
}

test('every engine method is one service call with the arguments as sent; the result comes back as data', async () => {
  const { service, calls } = recording();
  const dispatch = createDispatcher(service);
  assert.deepEqual(await dispatch({ id: 1, name: 'search', args: ['sleep', { k: 3, searchId: 's1' }] }), { id: 1, ok: true, data: { name: 'search', args: ['sleep', { k: 3, searchId: 's1' }] } });
  assert.deepEqual(await dispatch({ id: 2, name: 'addEvidence', args: ['c', { chunkId: 4 }, { tags: ['a'] }] }), { id: 2, ok: true, data: { name: 'addEvidence', args: ['c', { chunkId: 4 }, { tags: ['a'] }] } });
  assert.deepEqual(await dispatch({ id: 3, name: 'close', args: [] }), { id: 3, ok: true, data: { name: 'close', args: [] } });
  assert.deepEqual(calls.map(([n]) => n), ['search', 'addEvidence', 'close']);
  for (const name of ENGINE_METHODS) assert.equal((await dispatch({ id: 9, name, args: [] }))?.ok, true, name);
});

test('errors come back as {code, message}: engine codes kept, an abort is CANCELLED, anything else INTERNAL', async () => {
  const abort = Object.assign(new Error('This operation was aborted'), { name: 'AbortError' });
  const { service } = recording((name) => ({
    status: new EngineError('DB_OPEN_FAILED', 'no binding'),
    index: abort,
    roots: new TypeError('boom'),
  } as Record<string, unknown>)[name] ?? null);
  const dispatch = createDispatcher(service);
  assert.deepEqual(await dispatch({ id: 4, name: 'status', args: [] }), { id: 4, ok: false, error: { code: 'DB_OPEN_FAILED', message: 'no binding' } });
  assert.deepEqual(await dispatch({ id: 5, name: 'index', args: [['/p']] }), { id: 5, ok: false, error: { code: 'CANCELLED', message: 'cancelled' } });
  assert.deepEqual(await dispatch({ id: 6, name: 'roots', args: [] }), { id: 6, ok: false, error: { code: 'INTERNAL', message: 'boom' } });
});

test('an unknown method or a malformed request is BAD_ARGUMENT when it carries an id, else ignored; nothing is called', async () => {
  const { service, calls } = recording();
  const dispatch = createDispatcher(service);
  for (const bad of [{ id: 7, name: 'drop tables', args: [] }, { id: 7, name: 'toString', args: [] }, { id: 7, name: 'status' }, { id: 7, name: 'status', args: 'x' }]) {
    assert.deepEqual(await dispatch(bad), { id: 7, ok: false, error: { code: 'BAD_ARGUMENT', message: 'malformed engine request' } }, JSON.stringify(bad));
  }
  assert.equal(await dispatch({ id: 1.5, name: 'status', args: [] }), null);
  assert.equal(await dispatch('junk'), null);
  assert.equal(await dispatch(null), null);
  assert.deepEqual(calls, []);
});

test('the server config travels as one argv item', () => {
  const config = { dataDir: '/home/me/.config/Delve', dbPath: '/home/me/.config/Delve/delve.db', nativeBinding: '/opt/Delve/native/x y/better_sqlite3.node', catalogDir: '/opt/Delve/models' };
  assert.deepEqual(parseConfigArg(['electron', 'x.js', configArg(config)]), config);
  assert.deepEqual(parseConfigArg([configArg({ dataDir: '/d', dbPath: '/d.db' })]), { dataDir: '/d', dbPath: '/d.db' });
  assert.equal(parseConfigArg(['--delve-engine-config={"dbPath":"/d.db"}']), null, 'dataDir is required');
  assert.equal(parseConfigArg(['--delve-engine-config={"dbPath":"/d.db","dataDir":"/d","catalogDir":3}']), null);
  assert.equal(parseConfigArg(['--delve-engine-config={oops']), null);
  assert.equal(parseConfigArg([]), null);
});

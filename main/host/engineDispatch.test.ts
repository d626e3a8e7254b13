import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Engine, IndexSummary, SearchResponse, StatusReport } from '../engine/api.js';
import { EngineError } from '../engine/errors.js';
import type { IndexProgress } from '../engine/types.js';
import { createDispatcher } from './engineDispatch.js';
import type { EngineEvent } from './engineProtocol.js';
import { configArg, parseConfigArg } from './engineProtocol.js';

const progress: IndexProgress = { phase: 'parse', done: 1, total: 4, currentPath: '/p/a.pdf', pagesPerSec: 12, etaMs: 900 };

function fakeEngine(calls: unknown[][]): Engine {
  return {
    async index(paths, opts) {
      calls.push(['index', paths]);
      opts?.onProgress?.(progress);
      return { documents: 1 } as IndexSummary;
    },
    status() {
      calls.push(['status']);
      return { totals: { documents: 1 } } as StatusReport;
    },
    search(query, opts) {
      calls.push(['search', query, opts]);
      if (query === 'bad') return Promise.reject(new EngineError('BAD_ARGUMENT', 'bad query'));
      if (query === 'full') {
        opts?.onEvent?.({ type: 'stage', stage: { name: 'initial', ms: 1 } });
        return new Promise((resolve, reject) => {
          opts?.signal?.addEventListener('abort', () => reject(new EngineError('CANCELLED', 'the search was cancelled')));
        });
      }
      return Promise.resolve({ query, mode: 'bm25', results: [], ms: 1 } satisfies SearchResponse);
    },
    embed: () => Promise.reject(new EngineError('NO_EMBEDDINGS', 'no model')),
    embeddingStatus: () => Promise.resolve(null),
    watch: () => Promise.resolve(async () => undefined),
    importZotero: () => Promise.reject(new EngineError('BAD_ARGUMENT', 'not used here')),
    close() {
      calls.push(['close']);
    },
    collections: () => [],
    createCollection: () => { throw new EngineError('BAD_ARGUMENT', 'not used here'); },
    addEvidence: () => { throw new EngineError('BAD_ARGUMENT', 'not used here'); },
    evidence: () => [],
    exportCollection: () => '',
    history: () => [],
    rerun: () => Promise.reject(new EngineError('BAD_ARGUMENT', 'not used here')),
  };
}

function setup(open: () => Promise<Engine>) {
  const events: EngineEvent[] = [];
  const calls: unknown[][] = [];
  const dispatch = createDispatcher({ getEngine: open, emit: (e) => events.push(e), close: () => calls.push(['closed']) });
  return { dispatch, events, calls };
}

test('each request is one engine call; progress is forwarded as events', async () => {
  const calls: unknown[][] = [];
  const engine = fakeEngine(calls);
  const { dispatch, events } = setup(async () => engine);
  assert.deepEqual(await dispatch({ id: 1, name: 'index', args: [['/p']] }), { id: 1, ok: true, data: { documents: 1 } });
  assert.deepEqual(events, [{ type: 'event', name: 'index:progress', payload: progress }]);
  assert.deepEqual(await dispatch({ id: 2, name: 'search', args: ['sleep', { k: 3 }] }), { id: 2, ok: true, data: { query: 'sleep', mode: 'bm25', results: [], ms: 1 } });
  assert.deepEqual(await dispatch({ id: 3, name: 'status', args: [] }), { id: 3, ok: true, data: { totals: { documents: 1 } } });
  assert.deepEqual(calls, [['index', ['/p']], ['search', 'sleep', { k: 3 }], ['status']]);
});

test('engine errors and open failures come back as {code, message}', async () => {
  const { dispatch } = setup(async () => fakeEngine([]));
  assert.deepEqual(await dispatch({ id: 4, name: 'search', args: ['bad'] }), { id: 4, ok: false, error: { code: 'BAD_ARGUMENT', message: 'bad query' } });
  const failing = setup(() => Promise.reject(new EngineError('DB_OPEN_FAILED', 'no binding')));
  assert.deepEqual(await failing.dispatch({ id: 5, name: 'status', args: [] }), { id: 5, ok: false, error: { code: 'DB_OPEN_FAILED', message: 'no binding' } });
});

test('malformed requests are answered when they carry an id, else ignored', async () => {
  const { dispatch } = setup(async () => fakeEngine([]));
  const r = await dispatch({ id: 6, name: 'drop tables', args: [] });
  assert.equal(r?.ok, false);
  assert.equal(await dispatch('junk'), null);
  assert.equal(await dispatch(null), null);
});

test('close closes without opening the engine', async () => {
  let opened = false;
  const { dispatch, calls } = setup(async () => {
    opened = true;
    return fakeEngine([]);
  });
  assert.deepEqual(await dispatch({ id: 7, name: 'close', args: [] }), { id: 7, ok: true, data: null });
  assert.deepEqual(calls, [['closed']]);
  assert.equal(opened, false);
});

test('the server config travels as one argv item', () => {
  const config = { dbPath: '/home/me/.config/Delve/delve.db', nativeBinding: '/opt/Delve/native/x y/better_sqlite3.node' };
  assert.deepEqual(parseConfigArg(['electron', 'x.js', configArg(config)]), config);
  assert.deepEqual(parseConfigArg([configArg({ dbPath: '/d.db' })]), { dbPath: '/d.db' });
  assert.equal(parseConfigArg(['--delve-engine-config={"dbPath":1}']), null);
  assert.equal(parseConfigArg(['--delve-engine-config={oops']), null);
  assert.equal(parseConfigArg([]), null);
});

test('a search with an id streams its stage events and can be cancelled by that id', async () => {
  const { dispatch, events } = setup(async () => fakeEngine([]));
  const pending = dispatch({ id: 6, name: 'search', args: ['full', { mode: 'full', searchId: 's1' }] });
  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(events, [{ type: 'event', name: 'search:event', payload: { searchId: 's1', event: { type: 'stage', stage: { name: 'initial', ms: 1 } } } }]);
  assert.deepEqual(await dispatch({ id: 7, name: 'cancel', args: ['s1'] }), { id: 7, ok: true, data: true });
  assert.deepEqual(await pending, { id: 6, ok: false, error: { code: 'CANCELLED', message: 'the search was cancelled' } });
  assert.deepEqual(await dispatch({ id: 8, name: 'cancel', args: ['s1'] }), { id: 8, ok: true, data: false });
});

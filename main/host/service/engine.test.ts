import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/shared.js';
import type { Engine, EngineConfig } from '../../engine/api.js';
import { EngineError } from '../../engine/errors.js';
import { createEngine } from '../../engine/index.js';
import { engineHolder } from './engine.js';

function counting(fail = 0) {
  const log: string[] = [];
  let failures = fail;
  const open = async (c: EngineConfig): Promise<Engine> => {
    if (failures-- > 0) throw new EngineError('DB_OPEN_FAILED', 'not yet');
    log.push(`open ${c.chunk?.targetChars ?? '-'}`);
    const e = await createEngine(c);
    return { ...e, close: () => { log.push(`close ${c.chunk?.targetChars ?? '-'}`); e.close(); } };
  };
  return { log, open };
}

test('opened once on first use; a failed open is retried by the next call', async () => {
  const dbPath = join(tempDir('delve-holder-'), 'd.db');
  const { log, open } = counting(1);
  const h = engineHolder({ dbPath }, open);
  await assert.rejects(h.use((e) => e.status()), { code: 'DB_OPEN_FAILED' });
  const [a, b] = await Promise.all([h.use((e) => e.status().totals.documents), h.use((e) => e.roots)]);
  assert.equal(a, 0);
  assert.equal(typeof b, 'function');
  assert.deepEqual(log, ['open -']);
  h.close();
  assert.deepEqual(log, ['open -', 'close -']);
});

test('a new configuration waits for the running call, then the engine reopens with it', async () => {
  const dbPath = join(tempDir('delve-holder-'), 'd.db');
  const { log, open } = counting();
  const h = engineHolder({ dbPath, chunk: { targetChars: 1000 } }, open);
  let release!: () => void;
  const running = h.use(() => new Promise<void>((r) => { release = r; }));
  await new Promise((r) => setImmediate(r));
  h.configure({ dbPath, chunk: { targetChars: 800 } });
  assert.deepEqual(log, ['open 1000']);
  release();
  await running;
  assert.deepEqual(log, ['open 1000', 'close 1000']);
  await h.use((e) => e.status());
  h.configure({ dbPath, chunk: { targetChars: 800 } }); // the same: nothing to do
  assert.deepEqual(log, ['open 1000', 'close 1000', 'open 800']);
  h.close();
});

test('the Electron build of better-sqlite3 is missing: DB_OPEN_FAILED says how to fix it', async () => {
  const h = engineHolder({ dbPath: join(tempDir('delve-holder-'), 'd.db'), nativeBinding: '/nowhere/better_sqlite3.node' });
  await assert.rejects(h.use((e) => e.status()), (err: EngineError) => err.code === 'DB_OPEN_FAILED' && /rebuild:electron/.test(err.message));
});

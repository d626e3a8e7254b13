import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkerPool } from './pool.js';

const SCRIPT = new URL('../../../test/helpers/pool-worker.js', import.meta.url);

test('runs tasks across workers; a crash or a timeout fails only its task, and the pool recovers', async () => {
  const pool = new WorkerPool<{ op: string; n?: number }, number>(SCRIPT, { size: 2, taskTimeoutMs: 2000, timeoutCode: 'PDF_TIMEOUT' });
  try {
    const results = await Promise.allSettled([
      pool.run({ op: 'double', n: 2 }),
      pool.run({ op: 'crash' }),
      pool.run({ op: 'hang' }),
      pool.run({ op: 'fail' }),
      pool.run({ op: 'double', n: 21 }),
    ]);
    const summary = results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as { code: string }).code));
    assert.deepEqual(summary, [4, 'WORKER_CRASHED', 'PDF_TIMEOUT', 'EMPTY_FILE', 42]);
    assert.equal(await pool.run({ op: 'double', n: 5 }), 10);
  } finally {
    await pool.close();
  }
});

test('close() cancels queued work', async () => {
  const pool = new WorkerPool<{ op: string; n?: number }, number>(SCRIPT, { size: 1 });
  const running = assert.rejects(pool.run({ op: 'hang' }), { code: 'CANCELLED' });
  const queued = assert.rejects(pool.run({ op: 'double', n: 1 }), { code: 'CANCELLED' });
  await pool.close();
  await Promise.all([running, queued]);
});

/** Test fixture for pool.test.ts: a worker that doubles, crashes, hangs or fails on request. */
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (task: { op: string; n?: number }) => {
  switch (task.op) {
    case 'double': parentPort!.postMessage({ ok: true, value: (task.n ?? 0) * 2 }); break;
    case 'crash': process.exit(3); break;
    case 'hang': break;
    default: parentPort!.postMessage({ ok: false, error: { code: 'EMPTY_FILE', message: 'failed on purpose' } });
  }
});

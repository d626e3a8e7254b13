/**
 * The embedder's worker thread: opens the model once, then answers embed requests one at a time
 * (onnxruntime uses its own threads inside a run). A cancel marks a request; the runner stops at the
 * next batch boundary.
 */
import { parentPort } from 'node:worker_threads';
import { toErrorData } from '../errors.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { EmbedRunner } from './runner.js';

const port = parentPort!;
let runner: EmbedRunner | null = null;
const cancelled = new Set<number>();
let queue: Promise<void> = Promise.resolve();
const send = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

port.on('message', (m: ToWorker) => {
  switch (m.type) {
    case 'init':
      queue = queue.then(async () => {
        try {
          runner = await EmbedRunner.open(m.opts);
          send({ type: 'ready', info: runner.info });
        } catch (err) {
          send({ type: 'init-error', error: toErrorData(err) });
        }
      });
      break;
    case 'cancel':
      cancelled.add(m.id);
      break;
    case 'embed':
      queue = queue.then(async () => {
        const t0 = performance.now();
        try {
          if (!runner) throw new Error('the embedder is not open');
          const vectors = await runner.embed(m.texts, m.kind, () => cancelled.has(m.id));
          send({ type: 'result', id: m.id, vectors, ms: performance.now() - t0 }, [vectors.buffer as ArrayBuffer]);
        } catch (err) {
          send({ type: 'error', id: m.id, error: toErrorData(err) });
        } finally {
          cancelled.delete(m.id);
        }
      });
      break;
    case 'close':
      queue = queue.then(async () => {
        await runner?.close().catch(() => undefined);
        runner = null;
        send({ type: 'closed' });
        port.close();
      });
      break;
  }
});

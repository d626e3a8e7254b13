/**
 * createEmbedder: runs the model in a worker thread so tokenization and inference never block the
 * caller's event loop. Vectors come back as transferred buffers. A crashed worker fails every
 * pending and later call with EMBEDDER_FAILED instead of hanging.
 */
import { Worker } from 'node:worker_threads';
import { EngineError } from '../errors.js';
import type { Embedder, EmbedderInfo, EmbedderOptions, EmbedderStats } from './api.js';
import type { FromWorker, ToWorker } from './protocol.js';
import type { TextKind } from './runner.js';

export type * from './api.js';

interface Pending { resolve(v: Float32Array[]): void; reject(e: Error): void; count: number }

export async function createEmbedder(opts: EmbedderOptions): Promise<Embedder> {
  const worker = new Worker(new URL('./worker.js', import.meta.url));
  const pending = new Map<number, Pending>();
  let dead: EngineError | null = null;
  let nextId = 1;
  const stats: EmbedderStats = { texts: 0, ms: 0, textsPerSec: null };
  const post = (m: ToWorker) => worker.postMessage(m);

  const fail = (e: EngineError) => {
    dead ??= e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  const info = await new Promise<EmbedderInfo>((resolve, reject) => {
    worker.once('message', (m: FromWorker) => {
      if (m.type === 'ready') resolve(m.info);
      else if (m.type === 'init-error') reject(new EngineError(m.error.code, m.error.message));
      else reject(new EngineError('EMBEDDER_FAILED', `unexpected message from the embedder: ${m.type}`));
    });
    worker.once('error', (err) => reject(new EngineError('EMBEDDER_FAILED', `the embedder failed to start: ${err.message}`)));
    post({ type: 'init', opts });
  }).catch(async (err: unknown) => {
    await worker.terminate();
    throw err;
  });

  worker.on('message', (m: FromWorker) => {
    if (m.type !== 'result' && m.type !== 'error') return;
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.type === 'error') { p.reject(new EngineError(m.error.code, m.error.message)); return; }
    const out: Float32Array[] = [];
    for (let i = 0; i < p.count; i++) out.push(m.vectors.subarray(i * info.dims, (i + 1) * info.dims));
    stats.texts += p.count;
    stats.ms += m.ms;
    stats.textsPerSec = stats.ms > 0 ? Math.round((stats.texts / stats.ms) * 1000 * 10) / 10 : null;
    p.resolve(out);
  });
  worker.on('error', (err) => fail(new EngineError('EMBEDDER_FAILED', `the embedder crashed: ${err.message}`)));
  worker.on('exit', (code) => fail(new EngineError('EMBEDDER_FAILED', `the embedder stopped (exit code ${code})`)));

  const run = (texts: string[], kind: TextKind, signal?: AbortSignal): Promise<Float32Array[]> => {
    if (dead) return Promise.reject(dead);
    if (signal?.aborted) return Promise.reject(new EngineError('CANCELLED', 'embedding cancelled'));
    if (texts.length === 0) return Promise.resolve([]);
    const id = nextId++;
    return new Promise<Float32Array[]>((resolve, reject) => {
      const onAbort = () => post({ type: 'cancel', id });
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      pending.set(id, { resolve: (v) => { done(); resolve(v); }, reject: (e) => { done(); reject(e); }, count: texts.length });
      post({ type: 'embed', id, texts, kind });
    });
  };

  let closing: Promise<void> | null = null;
  return {
    info,
    stats: () => ({ ...stats }),
    embedDocuments: (texts, o) => run(texts, 'document', o?.signal),
    embedQueries: (texts, o) => run(texts, 'query', o?.signal),
    close() {
      closing ??= (async () => {
        if (!dead) {
          const closed = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
          post({ type: 'close' });
          await Promise.race([closed, new Promise((r) => setTimeout(r, 2000).unref())]);
        }
        dead ??= new EngineError('EMBEDDER_FAILED', 'the embedder is closed');
        await worker.terminate();
      })();
      return closing;
    },
  };
}

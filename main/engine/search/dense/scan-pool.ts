/**
 * The scan workers (search/dense/scan-worker.ts) of a VectorScanner. Each worker is told of a memory
 * generation once, before its first request on it, and told to drop it when the scanner replaces it.
 * Workers are unref'd while idle, so an open engine never keeps a process alive, and ref'd while a
 * request is pending, so a CLI awaiting a scan does not exit under it.
 */
import type { Kernels } from './kernels.js';
import { Worker } from 'node:worker_threads';
import type { RangeHits } from './scan-range.js';
import type { ScanReply, ScanRequest } from './scan-protocol.js';
import type { ScanRows } from './scan-rows.js';

interface Pending { resolve(h: RangeHits): void; reject(e: Error): void }

class ScanWorker {
  readonly worker: Worker;
  readonly gens = new Set<number>();
  readonly pending = new Map<number, Pending>();
  failure: Error | null = null;

  constructor(kernels: Kernels) {
    this.worker = new Worker(new URL('./scan-worker.js', import.meta.url), { workerData: { kernels } });
    this.worker.unref();
    this.worker.on('message', (r: ScanReply) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (this.pending.size === 0) this.worker.unref();
      if ('error' in r) p.reject(new Error(r.error));
      else p.resolve({ ids: r.ids, scores: r.scores });
    });
    const fail = (err: Error) => {
      this.failure ??= err;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`scan worker exited with code ${code}`)));
  }
}

let ids = 0;

export class ScanPool {
  private readonly workers: ScanWorker[];

  constructor(kernels: Kernels, size: number) {
    this.workers = Array.from({ length: size }, () => new ScanWorker(kernels));
  }

  get size(): number { return this.workers.length; }

  scan(w: number, rows: ScanRows, req: Pick<ScanRequest, 'slot' | 'query' | 'start' | 'count' | 'm'>): Promise<RangeHits> {
    const sw = this.workers[w]!;
    if (sw.failure) return Promise.reject(sw.failure);
    if (!sw.gens.has(rows.gen)) {
      sw.worker.postMessage({ type: 'memory', gen: rows.gen, memory: rows.memory, codes: rows.layout.codes });
      sw.gens.add(rows.gen);
    }
    const id = ++ids;
    return new Promise<RangeHits>((resolve, reject) => {
      sw.pending.set(id, { resolve, reject });
      sw.worker.ref();
      sw.worker.postMessage({ type: 'scan', id, gen: rows.gen, layout: rows.layout, ...req } satisfies ScanRequest);
    });
  }

  /** Lets the workers free a generation's instance; requests already sent on it are answered first. */
  drop(gen: number): void {
    for (const sw of this.workers) {
      if (!sw.gens.delete(gen)) continue;
      sw.worker.postMessage({ type: 'drop', gen });
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(async (sw) => {
      sw.failure ??= new Error('the scanner was closed');
      await sw.worker.terminate();
    }));
  }
}

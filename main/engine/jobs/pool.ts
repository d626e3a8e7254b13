/**
 * A fixed-size pool of worker threads running one script. Tasks are queued and handed to idle
 * workers; a worker that crashes, runs out of memory or exceeds the task timeout is terminated and
 * replaced, and only its task fails (WORKER_CRASHED / the timeout code). Abort stops everything.
 */
import { Worker } from 'node:worker_threads';
import { EngineError, type ErrorCode } from '../errors.js';

export interface PoolOptions {
  size: number;
  /** Per-task time limit in ms; the task fails with `timeoutCode`. */
  taskTimeoutMs?: number;
  timeoutCode?: ErrorCode;
  maxOldGenerationSizeMb?: number;
  /** Given to every worker (and its replacements) as `workerData`. */
  workerData?: unknown;
}

interface Pending<T, R> {
  task: T;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

interface Slot<T, R> {
  worker: Worker;
  job: Pending<T, R> | null;
  timer: NodeJS.Timeout | null;
}

export class WorkerPool<T, R> {
  private readonly slots: Slot<T, R>[] = [];
  private readonly queue: Pending<T, R>[] = [];
  private closed = false;
  private refed = true;

  constructor(private readonly script: URL, private readonly opts: PoolOptions) {
    for (let i = 0; i < Math.max(1, opts.size); i++) this.slots.push(this.spawn());
  }

  run(task: T): Promise<R> {
    if (this.closed) return Promise.reject(new EngineError('CANCELLED', 'the worker pool is closed'));
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  /** How many workers the pool runs. */
  get size(): number {
    return this.slots.length;
  }

  /** Adds `n` workers (queued tasks go to them as soon as they are up). */
  grow(n: number): void {
    if (this.closed) return;
    for (let i = 0; i < n; i++) this.slots.push(this.spawn());
    this.dispatch();
  }

  /** Whether idle workers keep the process alive (they do by default; replacements follow the setting). */
  setRef(on: boolean): void {
    this.refed = on;
    for (const s of this.slots) {
      if (on) s.worker.ref();
      else s.worker.unref();
    }
  }

  /** Terminates all workers; queued and running tasks fail with CANCELLED. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const cancelled = new EngineError('CANCELLED', 'cancelled');
    for (const p of this.queue.splice(0)) p.reject(cancelled);
    await Promise.all(this.slots.map(async (s) => {
      if (s.timer) clearTimeout(s.timer);
      s.job?.reject(cancelled);
      s.job = null;
      await s.worker.terminate();
    }));
  }

  private spawn(): Slot<T, R> {
    const worker = new Worker(this.script, {
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxOldGenerationSizeMb ?? 2048 },
      workerData: this.opts.workerData,
    });
    if (!this.refed) worker.unref();
    const slot: Slot<T, R> = { worker, job: null, timer: null };
    worker.on('message', (msg: { ok: true; value: R } | { ok: false; error: { code: ErrorCode; message: string } }) => {
      const job = this.finish(slot);
      if (!job) return;
      if (msg.ok) job.resolve(msg.value);
      else job.reject(new EngineError(msg.error.code, msg.error.message));
      this.dispatch();
    });
    const crashed = (reason: string, code: ErrorCode = 'WORKER_CRASHED') => {
      const job = this.finish(slot);
      if (this.closed) return;
      this.replace(slot);
      job?.reject(new EngineError(code, reason));
      this.dispatch();
    };
    worker.on('error', (err) => crashed(`parser worker failed: ${err.message}`));
    worker.on('exit', (exitCode) => { if (!this.closed && slot.worker === worker) crashed(`parser worker exited with code ${exitCode}`); });
    return slot;
  }

  private replace(slot: Slot<T, R>): void {
    const old = slot.worker;
    old.removeAllListeners();
    old.on('error', () => {});
    void old.terminate();
    const fresh = this.spawn();
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots[i] = fresh;
  }

  private finish(slot: Slot<T, R>): Pending<T, R> | null {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const job = slot.job;
    slot.job = null;
    return job;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.closed || this.queue.length === 0) return;
      if (slot.job) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      if (this.opts.taskTimeoutMs) {
        slot.timer = setTimeout(() => {
          const timedOut = this.finish(slot);
          this.replace(slot);
          timedOut?.reject(new EngineError(this.opts.timeoutCode ?? 'WORKER_CRASHED', `gave up after ${this.opts.taskTimeoutMs} ms`));
          this.dispatch();
        }, this.opts.taskTimeoutMs);
      }
      slot.worker.postMessage(job.task);
    }
  }
}

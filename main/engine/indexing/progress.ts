/**
 * Progress of an index run as throttled events (at most 10 a second, the last one always sent):
 * files done of total, the file just finished, pages per second and an ETA from the bytes left.
 * A phase change and the end are sent at once, and each phase's first file at once too (a fresh
 * throttle per phase), so a listener hears of the first written document while the rest is pending.
 */
import type { IndexProgress } from '../types.js';
import { throttle } from '../jobs/throttle.js';

export class ProgressMeter {
  private readonly send: ((p: IndexProgress) => void) | null;
  private out: { push(p: IndexProgress): void; flush(): void } | null;
  private current: IndexProgress = { phase: 'scan', done: 0, total: 0, currentPath: null, pagesPerSec: 0, etaMs: null };
  private started = performance.now();
  private pages = 0;
  private bytesTotal = 0;
  private bytesDone = 0;

  constructor(onProgress?: (p: IndexProgress) => void) {
    this.send = onProgress ?? null;
    this.out = onProgress ? throttle(onProgress, 100) : null;
  }

  phase(phase: IndexProgress['phase'], total: number, bytesTotal: number): void {
    this.started = performance.now();
    this.bytesTotal = bytesTotal;
    this.bytesDone = 0;
    this.pages = 0;
    this.current = { phase, done: 0, total, currentPath: null, pagesPerSec: 0, etaMs: null };
    this.out?.flush();
    if (!this.send) return;
    this.send({ ...this.current });
    this.out = throttle(this.send, 100);
  }

  fileDone(path: string, bytes: number, pages: number): void {
    this.pages += pages;
    this.bytesDone += bytes;
    const elapsed = performance.now() - this.started;
    const c = this.current;
    c.done++;
    c.currentPath = path;
    c.pagesPerSec = elapsed > 0 ? Math.round((this.pages / elapsed) * 1000 * 10) / 10 : 0;
    c.etaMs = this.bytesDone > 0 ? Math.round((elapsed * (this.bytesTotal - this.bytesDone)) / this.bytesDone) : null;
    this.out?.push({ ...c });
  }

  done(): void {
    this.current = { ...this.current, phase: 'done', currentPath: null, etaMs: 0 };
    this.out?.flush();
    this.send?.({ ...this.current });
  }
}

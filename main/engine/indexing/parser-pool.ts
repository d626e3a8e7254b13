/**
 * The parser workers of an index run, and a head start on them. A worker thread takes a few hundred
 * milliseconds to boot, load its modules and instantiate pdfium; a one-off `delve index` starts its
 * workers (prestartParsers) before it loads the engine, so they get ready while the main thread loads
 * modules, opens the library and scans, instead of after. The run then adopts them (openParsers).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { compiledPdfium } from '../ingest/pdf/pdfium/module.js';
import { WorkerPool } from '../jobs/pool.js';
import type { ParseOutcome, ParseTask } from './parse.js';

const WORKER_SCRIPT = new URL('./parse-worker.js', import.meta.url);
/**
 * Below this many bytes to parse, a run is small: it gets a parser worker only for each core no other
 * process is using. Every worker compiles and warms up its own code (about 0.5 s of CPU), which a small
 * job earns back only on an idle core: on the 2-core machine shared with other jobs (load average 4–7)
 * one worker indexes ../shared/pdfs (11 MB) in about 20% less time than two (main/engine/BENCHMARKS.md).
 */
export const SMALL_JOB_BYTES = 32 * 1024 * 1024;

/**
 * Cores no other process is using now. On Linux, the cores less the other threads running at this
 * moment (/proc/loadavg's runnable count; the 1-minute average lags, and counts a previous run of
 * this same command); elsewhere, less the 1-minute load average (all cores where the OS reports none).
 */
export function idleCores(): number {
  const cores = availableParallelism();
  try {
    const running = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[3]?.split('/')[0]);
    if (running >= 1) return cores - (running - 1); // this thread is one of them
  } catch {
    // not Linux
  }
  return cores - (loadavg()[0] ?? 0);
}

/** Parser workers for a run: at most `workers` and no more than the tasks; for a small job, the idle cores (at least one). */
export function poolSize(workers: number, groups: number, bytes: number, idle = idleCores()): number {
  const wanted = bytes < SMALL_JOB_BYTES ? Math.min(workers, Math.round(idle)) : workers;
  return Math.max(1, Math.min(wanted, groups));
}

/** The workers to start ahead of a run whose size is not known yet: a small job's (a large one grows the pool). */
export function startingWorkers(workers: number, idle = idleCores()): number {
  return Math.max(1, Math.min(workers, Math.round(idle)));
}

export type ParserPool = WorkerPool<ParseTask[], ParseOutcome[]>;

interface Early {
  workers: number;
  taskTimeoutMs: number;
  pool: Promise<ParserPool>;
}

let early: Early | null = null;

function spawnPool(size: number, taskTimeoutMs: number, pdfium: unknown): ParserPool {
  return new WorkerPool<ParseTask[], ParseOutcome[]>(WORKER_SCRIPT, {
    workerData: { pdfium },
    size,
    taskTimeoutMs,
    timeoutCode: 'PDF_TIMEOUT',
  });
}

/**
 * Starts `workers` parser workers now, with pdfium, for the next index run in this process. They do
 * not keep the process alive until a run adopts them; releaseParsers ends them if none does.
 */
export function prestartParsers(workers: number, taskTimeoutMs: number): Promise<ParserPool> {
  if (early) return early.pool;
  const pool = compiledPdfium().catch(() => null).then((pdfium) => {
    const p = spawnPool(Math.max(1, workers), taskTimeoutMs, pdfium);
    p.setRef(false);
    return p;
  });
  early = { workers: Math.max(1, workers), taskTimeoutMs, pool };
  return pool;
}

/**
 * The workers for a run with `groups` tasks and `bytes` to parse (poolSize): the started ones when they
 * are no more than `workers` and have the same time limit, grown to the run's size if they are fewer
 * (kept when they are more: their start is paid for), else a fresh pool.
 */
export async function openParsers(workers: number, taskTimeoutMs: number, groups: number, bytes: number, pdfs: boolean): Promise<ParserPool> {
  const size = poolSize(workers, groups, bytes);
  const started = early;
  early = null;
  if (started) {
    const pool = await started.pool;
    if (started.workers <= workers && started.taskTimeoutMs === taskTimeoutMs) {
      pool.setRef(true);
      if (pool.size < size) pool.grow(size - pool.size);
      return pool;
    }
    void pool.close();
  }
  // PDFs ahead: the workers share one compiled pdfium module (null: each compiles its own).
  const pdfium = pdfs ? await compiledPdfium().catch(() => null) : null;
  return spawnPool(size, taskTimeoutMs, pdfium);
}

/** Ends started workers that no run adopted (the command failed before indexing). */
export async function releaseParsers(): Promise<void> {
  const started = early;
  early = null;
  if (started) await (await started.pool).close();
}

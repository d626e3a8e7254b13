/**
 * One writer per library across processes (the app and the CLI, two CLIs): a lock row in the
 * `settings` table, taken and checked inside one IMMEDIATE transaction, so two processes cannot both
 * take it. The row names the holder (pid, host, job, start); a holder whose process is gone (same
 * host, pid not alive) is stale and taken over. A second writer waits for the lock (up to `waitMs`,
 * telling `onWait` once whom it waits for), then gives up with DB_BUSY and the holder named.
 * SQLite's busy_timeout (5 s, store/db.ts) covers the short writes outside jobs.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { EngineError } from '../errors.js';
import type { Db } from './db.js';
import { processAlive } from '../process-alive.js';

export interface WriterLockHolder {
  pid: number;
  host: string;
  /** What the holder does: 'indexing', 'embedding', 'importing into', 'restoring'. */
  job: string;
  startedAt: number;
  token: string;
}

export interface LockOptions {
  job: string;
  /** How long to wait for another writer, in ms (0: do not wait). */
  waitMs: number;
  signal?: AbortSignal;
  onWait?: (holder: WriterLockHolder) => void;
}

const KEY = 'writer_lock';
/** Tokens of this process whose release failed (e.g. the disk was full): stale, whatever the pid says. */
const abandoned = new Set<string>();


export function isStale(h: WriterLockHolder): boolean {
  if (abandoned.has(h.token)) return true;
  return h.host === hostname() && !processAlive(h.pid);
}

export function lockHolder(db: Db): WriterLockHolder | null {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined;
  if (raw === undefined) return null;
  try {
    return JSON.parse(raw) as WriterLockHolder;
  } catch {
    return null; // an unreadable row is no lock
  }
}

export function describeHolder(h: WriterLockHolder): string {
  const where = h.host === hostname() ? `pid ${h.pid}` : `pid ${h.pid} on ${h.host}`;
  return `another Delve process is ${h.job} this library (${where}, started ${new Date(h.startedAt).toISOString()})`;
}

/** One attempt: null when taken (a stale holder is replaced), else the live holder. */
function tryTake(db: Db, mine: WriterLockHolder): WriterLockHolder | null {
  return db.transaction(() => {
    const h = lockHolder(db);
    if (h && !isStale(h)) return h;
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(KEY, JSON.stringify(mine));
    return null;
  }).immediate();
}

const pause = (ms: number, signal?: AbortSignal) => new Promise<void>((resolve) => {
  const t = setTimeout(done, ms);
  function done() { clearTimeout(t); signal?.removeEventListener('abort', done); resolve(); }
  signal?.addEventListener('abort', done, { once: true });
});

/** Takes the library's writer lock; resolves to its release. */
export async function acquireWriterLock(db: Db, opts: LockOptions): Promise<() => void> {
  const mine: WriterLockHolder = { pid: process.pid, host: hostname(), job: opts.job, startedAt: Date.now(), token: randomUUID() };
  const deadline = Date.now() + opts.waitMs;
  let told = false;
  let delay = 50;
  for (;;) {
    opts.signal?.throwIfAborted();
    let holder: WriterLockHolder | null;
    try {
      holder = tryTake(db, { ...mine, startedAt: Date.now() });
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
      holder = lockHolder(db) ?? mine; // a long write of the other process outlasted busy_timeout
    }
    if (holder === null) return () => release(db, mine.token);
    if (Date.now() >= deadline) {
      throw new EngineError('DB_BUSY', `${describeHolder(holder)}; wait for it to finish (or stop it) and try again`);
    }
    if (!told) {
      told = true;
      opts.onWait?.(holder);
    }
    await pause(Math.min(delay, Math.max(1, deadline - Date.now())), opts.signal);
    delay = Math.min(delay * 2, 1000);
  }
}

function release(db: Db, token: string): void {
  try {
    db.prepare("DELETE FROM settings WHERE key = ? AND json_extract(value, '$.token') = ?").run(KEY, token);
  } catch {
    abandoned.add(token); // taken over by this process's next job
  }
}

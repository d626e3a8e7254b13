/**
 * One read of appStatus for the whole window: the status bar, the Search screen and the engine-problem
 * banner share it (useSyncExternalStore). While anything listens it is read at once, every
 * STATUS_POLL_MS, when an index job ends, a model is installed or a backup was restored
 * (LIBRARY_RESTORED_EVENT), and when asked (refreshAppStatus); one read at a time. The last listener
 * gone, it stops, and the next one starts from nothing.
 */
import { api, type AppStatus, type IpcError } from '../api.js';
import { LIBRARY_RESTORED_EVENT } from './nav.js';

export const STATUS_POLL_MS = 5000;

export interface AppStatusSnapshot {
  status: AppStatus | null;
  /** Why the last read failed (the engine's {code, message}), or null after a good one. */
  failure: IpcError | { code?: undefined; message: string } | null;
  /** True until the first answer. */
  pending: boolean;
}

const INITIAL: AppStatusSnapshot = { status: null, failure: null, pending: true };
let snapshot = INITIAL;
const listeners = new Set<() => void>();
let reading: Promise<void> | null = null;
let stop: (() => void) | null = null;

function publish(next: AppStatusSnapshot): void {
  snapshot = next;
  for (const l of [...listeners]) l();
}

/** Reads appStatus now (or joins the read under way); resolves once the snapshot has the answer. */
export function refreshAppStatus(): Promise<void> {
  reading ??= api().appStatus().then(
    (r) => publish(r.ok ? { status: r.data, failure: null, pending: false } : { ...snapshot, failure: r.error, pending: false }),
    (e: Error) => publish({ ...snapshot, failure: { message: e.message }, pending: false }),
  ).finally(() => { reading = null; });
  return reading;
}

function start(): () => void {
  snapshot = INITIAL;
  const refresh = () => { void refreshAppStatus(); };
  refresh();
  const timer = setInterval(refresh, STATUS_POLL_MS);
  const offIndex = api().on('index:progress', (p) => { if (p.phase === 'done') refresh(); });
  const offModel = api().on('model:progress', (p) => { if (p.done) refresh(); });
  window.addEventListener(LIBRARY_RESTORED_EVENT, refresh);
  return () => { clearInterval(timer); offIndex(); offModel(); window.removeEventListener(LIBRARY_RESTORED_EVENT, refresh); };
}

export function subscribeAppStatus(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) stop = start();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) { stop?.(); stop = null; }
  };
}

export const appStatusSnapshot = (): AppStatusSnapshot => snapshot;

/**
 * Watches folders and re-indexes them after changes settle (debounced). The re-index is the ordinary
 * incremental run, so only changed files are read and deletions are applied.
 */
import { watch as chokidarWatch } from 'chokidar';
import { resolve } from 'node:path';
import type { IndexSummary, JobOptions } from '../api.js';
import { kindOf } from './scan.js';

export interface WatchOptions extends JobOptions {
  debounceMs?: number;
  onIndexed?: (s: IndexSummary) => void;
  onError?: (err: unknown) => void;
}

export async function watchFolders(paths: string[], reindex: (paths: string[]) => Promise<IndexSummary>, opts: WatchOptions): Promise<() => Promise<void>> {
  const roots = paths.map((p) => resolve(p));
  const watcher = chokidarWatch(roots, {
    ignoreInitial: true,
    ignored: (p: string) => /(^|[\\/])(\.[^\\/]+|node_modules)([\\/]|$)/.test(p.slice(Math.min(...roots.map((r) => (p.startsWith(r) ? r.length : 0))))),
    awaitWriteFinish: { stabilityThreshold: 300, pollInterval: 100 },
  });
  let timer: NodeJS.Timeout | null = null;
  let busy: Promise<void> = Promise.resolve();
  const schedule = (path: string) => {
    if (kindOf(path) === null && !path.endsWith('/')) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      busy = busy.then(async () => {
        if (opts.signal?.aborted) return;
        try { opts.onIndexed?.(await reindex(roots)); } catch (err) { opts.onError?.(err); }
      });
    }, opts.debounceMs ?? 1000);
  };
  for (const ev of ['add', 'change', 'unlink'] as const) watcher.on(ev, schedule);
  watcher.on('unlinkDir', (p: string) => schedule(p + '/'));
  await new Promise<void>((res) => watcher.once('ready', () => res()));
  return async () => {
    if (timer) clearTimeout(timer);
    await watcher.close();
    await busy;
  };
}

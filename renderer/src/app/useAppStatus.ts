/**
 * appStatus (library size, embedding model, Ollama, indexing), polled every STATUS_POLL_MS and
 * refreshed when an index job ends or a model is installed. Used by the status bar, the first-run
 * checklist and the Search screen (Deep mode without Ollama).
 */
import { useCallback, useEffect, useState } from 'react';
import { api, unwrap, type AppStatus } from '../api.js';

export const STATUS_POLL_MS = 5000;

export function useAppStatus(): { status: AppStatus | null; error: string | null; refresh(): void } {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    unwrap(api().appStatus())
      .then((s) => { setStatus(s); setError(null); })
      .catch((e: Error & { code?: string }) => setError(e.code ? `${e.code}: ${e.message}` : e.message));
  }, []);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, STATUS_POLL_MS);
    const offIndex = api().on('index:progress', (p) => { if (p.phase === 'done') refresh(); });
    const offModel = api().on('model:progress', (p) => { if (p.done) refresh(); });
    return () => { clearInterval(timer); offIndex(); offModel(); };
  }, [refresh]);
  return { status, error, refresh };
}

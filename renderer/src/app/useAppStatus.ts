/**
 * appStatus (library size, embedding model, Ollama, indexing), polled every STATUS_POLL_MS and
 * refreshed when an index job ends, a model is installed or a backup was restored (LIBRARY_RESTORED_EVENT). Used by the status bar, the first-run
 * checklist and the Search screen (Deep mode without Ollama).
 */
import { useCallback, useEffect, useState } from 'react';
import { api, unwrap, type AppStatus, type IpcError } from '../api.js';
import { engineProblem } from './engineProblem.js';
import { LIBRARY_RESTORED_EVENT } from './nav.js';

export const STATUS_POLL_MS = 5000;

export interface AppStatusState {
  status: AppStatus | null;
  error: string | null;
  /** The engine-problem banner's title when the error is one it explains (EngineProblem), else null. */
  problem: string | null;
  refresh(): void;
}

export function useAppStatus(): AppStatusState {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [failure, setFailure] = useState<{ code?: string; message: string } | null>(null);
  const refresh = useCallback(() => {
    unwrap(api().appStatus())
      .then((s) => { setStatus(s); setFailure(null); })
      .catch((e: Error & { code?: string }) => setFailure(e.code ? { code: e.code, message: e.message } : { message: e.message }));
  }, []);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, STATUS_POLL_MS);
    const offIndex = api().on('index:progress', (p) => { if (p.phase === 'done') refresh(); });
    const offModel = api().on('model:progress', (p) => { if (p.done) refresh(); });
    window.addEventListener(LIBRARY_RESTORED_EVENT, refresh);
    return () => { clearInterval(timer); offIndex(); offModel(); window.removeEventListener(LIBRARY_RESTORED_EVENT, refresh); };
  }, [refresh]);
  const error = failure && (failure.code ? `${failure.code}: ${failure.message}` : failure.message);
  const problem = failure?.code ? engineProblem({ code: failure.code as IpcError['code'], message: failure.message })?.title ?? null : null;
  return { status, error, problem, refresh };
}

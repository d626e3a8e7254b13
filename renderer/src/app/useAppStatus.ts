/**
 * appStatus (library size, embedding model, Ollama, indexing) for a component: the window's one shared
 * read (appStatusStore.ts: polled every STATUS_POLL_MS and refreshed when an index job ends, a model is
 * installed or a backup was restored). Used by the status bar, the first-run checklist and the Search
 * screen (Deep mode without Ollama); the engine-problem banner reads the same store.
 */
import { useSyncExternalStore } from 'react';
import type { AppStatus } from '../api.js';
import { appStatusSnapshot, refreshAppStatus, subscribeAppStatus } from './appStatusStore.js';
import { engineProblem } from './engineProblem.js';

export { STATUS_POLL_MS } from './appStatusStore.js';

export interface AppStatusState {
  status: AppStatus | null;
  error: string | null;
  /** The engine-problem banner's title when the error is one it explains (EngineProblem), else null. */
  problem: string | null;
  refresh(): void;
}

const refresh = () => { void refreshAppStatus(); };

export function useAppStatus(): AppStatusState {
  const { status, failure } = useSyncExternalStore(subscribeAppStatus, appStatusSnapshot);
  const error = failure && (failure.code ? `${failure.code}: ${failure.message}` : failure.message);
  const problem = failure?.code ? engineProblem(failure)?.title ?? null : null;
  return { status, error, problem, refresh };
}

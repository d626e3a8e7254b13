/**
 * The renderer's only door to the app: `window.delve`, exposed by the preload and typed by the
 * contract. Every call resolves to a Result ({ok, data} or {ok:false, error:{code, message}}).
 */
import type { DelveApi } from '../../preload/contract.js';

export type { IndexProgress, IpcError, Result, SearchResponse, StatusReport } from '../../preload/contract.js';

declare global {
  interface Window {
    delve?: DelveApi;
  }
}

/** Null when the page runs outside the app (e.g. opened in a browser). */
export const delve: DelveApi | null = window.delve ?? null;

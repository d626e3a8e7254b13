/**
 * The renderer's only door to the app: `window.delve`, exposed by the preload (or, in the browser
 * tests, by the test bridge) and typed by the contract. Every call resolves to a Result
 * ({ok, data} or {ok:false, error:{code, message}}); `unwrap` turns one into data or a thrown ApiError.
 */
import type { DelveApi, IpcError, Result } from '../../preload/contract.js';

export type * from '../../preload/contract.js';

declare global {
  interface Window {
    delve?: DelveApi;
  }
}

/** Null when the page runs outside the app (e.g. opened in a browser). */
export const delve: DelveApi | null = typeof window !== 'undefined' ? window.delve ?? null : null;

/** The live api; throws outside the app (screens render only when it exists). */
export function api(): DelveApi {
  const a = typeof window !== 'undefined' ? window.delve : undefined;
  if (!a) throw new Error('the Delve bridge is missing');
  return a;
}

export class ApiError extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
    this.name = 'ApiError';
  }
  get code(): IpcError['code'] { return this.error.code; }
}

/** An error as one line for the user: `CODE: message` for the bridge's errors. */
export const errorText = (err: unknown) => (err instanceof ApiError ? `${err.code}: ${err.message}` : String(err));

export async function unwrap<T>(r: Promise<Result<T>>): Promise<T> {
  const res = await r;
  if (!res.ok) throw new ApiError(res.error);
  return res.data;
}

/**
 * A `window.delve` for component tests: every command answers from `impl` (or fails loudly when a
 * test did not expect it), events are delivered with `emit`. Install before importing a screen.
 */
import type { CommandName, DelveApi, EventName, Events, Result } from '../../../preload/contract.js';

type Impl = { [N in keyof DelveApi]?: (...args: never[]) => unknown };

export interface FakeApi {
  api: DelveApi;
  calls: { name: string; args: unknown[] }[];
  emit<E extends EventName>(event: E, payload: Events[E]): void;
}

export function fakeApi(impl: Impl): FakeApi {
  const calls: FakeApi['calls'] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const api = new Proxy({} as DelveApi, {
    get(_t, name: string) {
      if (name === 'on') {
        return (event: string, cb: (p: unknown) => void) => {
          const set = listeners.get(event) ?? new Set();
          set.add(cb);
          listeners.set(event, set);
          return () => set.delete(cb);
        };
      }
      return async (...args: unknown[]): Promise<Result<unknown>> => {
        calls.push({ name, args });
        const fn = impl[name as CommandName] as ((...a: unknown[]) => unknown) | undefined;
        if (!fn) return { ok: false, error: { code: 'INTERNAL', message: `fakeApi: unexpected call ${name}` } };
        try {
          return { ok: true, data: await fn(...args) };
        } catch (err) {
          const e = err as { code?: string; message?: string };
          return { ok: false, error: { code: (e.code ?? 'INTERNAL') as never, message: e.message ?? String(err) } };
        }
      };
    },
  });
  return {
    api,
    calls,
    emit(event, payload) {
      for (const cb of listeners.get(event) ?? []) cb(payload);
    },
  };
}

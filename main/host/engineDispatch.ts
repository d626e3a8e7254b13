/**
 * The utility-process side of the engine protocol, without electron: turns one request into one
 * engine call and the call's outcome into an answer; index progress goes out as events.
 * engineServer.ts wires it to process.parentPort; engineDispatch.test.ts to a fake engine.
 */
import type { Engine, SearchOptions } from '../engine/api.js';
import { toErrorData } from '../engine/errors.js';
import { isEngineRequest, type EngineEvent, type EngineRequest, type EngineResponse } from './engineProtocol.js';

export interface DispatchDeps {
  /** Opens the engine on first use (and reports why it cannot). */
  getEngine(): Promise<Engine>;
  emit(event: EngineEvent): void;
  /** Closes the engine if it was opened (a `close` request). */
  close(): void;
}

export function createDispatcher(deps: DispatchDeps): (message: unknown) => Promise<EngineResponse | null> {
  const running = new Map<string, AbortController>();
  return async (message) => {
    if (!isEngineRequest(message)) {
      const id = (message as { id?: unknown } | null)?.id;
      return Number.isInteger(id) ? { id: id as number, ok: false, error: { code: 'BAD_ARGUMENT', message: 'malformed engine request' } } : null;
    }
    try {
      return { id: message.id, ok: true, data: await run(deps, message, running) };
    } catch (err) {
      return { id: message.id, ok: false, error: toErrorData(err) };
    }
  };
}

async function run(deps: DispatchDeps, req: EngineRequest, running: Map<string, AbortController>): Promise<unknown> {
  const [a, b] = req.args;
  switch (req.name) {
    case 'index': {
      const engine = await deps.getEngine();
      return engine.index(a as string[], { onProgress: (payload) => deps.emit({ type: 'event', name: 'index:progress', payload }) });
    }
    case 'status':
      return (await deps.getEngine()).status();
    case 'search': {
      const { searchId, ...opts } = (b ?? {}) as SearchOptions & { searchId?: string };
      const engine = await deps.getEngine();
      if (typeof searchId !== 'string') return engine.search(a as string, opts);
      const controller = new AbortController();
      running.get(searchId)?.abort();
      running.set(searchId, controller);
      try {
        return await engine.search(a as string, {
          ...opts, signal: controller.signal,
          onEvent: (event) => deps.emit({ type: 'event', name: 'search:event', payload: { searchId, event } }),
        });
      } finally {
        if (running.get(searchId) === controller) running.delete(searchId);
      }
    }
    case 'cancel': {
      const c = running.get(a as string);
      c?.abort();
      return c !== undefined;
    }
    case 'close':
      deps.close();
      return null;
  }
}

/**
 * The utility-process side of the engine protocol, without electron: turns one request into one
 * call of the engine service (main/host/service) and its outcome into an answer, errors as data.
 * engine-server.ts wires it to process.parentPort; the renderer's test bridge calls it in process.
 */
import { toErrorData } from '../engine/errors.js';
import { isEngineRequest, type EngineResponse, type EngineService } from './engine-protocol.js';

export function createDispatcher(service: EngineService): (message: unknown) => Promise<EngineResponse | null> {
  return async (message) => {
    if (!isEngineRequest(message)) {
      const id = (message as { id?: unknown } | null)?.id;
      return Number.isInteger(id) ? { id: id as number, ok: false, error: { code: 'BAD_ARGUMENT', message: 'malformed engine request' } } : null;
    }
    try {
      const fn = service[message.name] as (...args: unknown[]) => Promise<unknown>;
      return { id: message.id, ok: true, data: await fn(...message.args) };
    } catch (err) {
      return { id: message.id, ok: false, error: toErrorData(err) };
    }
  };
}

/**
 * Embedding models in `<dataDir>/models`: the catalog with what is installed, and pulling one from
 * the hub with `model:progress` events (done at the end, or the error).
 */
import { toErrorData } from '../../engine/errors.js';
import { listModels, pullModel, type ModelListing } from '../../engine/app/models.js';
import type { EngineEvent, EngineServerConfig } from '../engine-protocol.js';

const managerOptions = (c: EngineServerConfig) => ({ dataDir: c.dataDir, ...(c.catalogDir !== undefined ? { catalogDir: c.catalogDir } : {}) });

export function models(c: EngineServerConfig): ModelListing[] {
  return listModels(managerOptions(c));
}

export async function modelPull(c: EngineServerConfig, id: string, emit: (e: EngineEvent) => void): Promise<{ id: string; dir: string }> {
  let last = { received: 0, total: null as number | null };
  const send = (done: boolean, error?: { code: string; message: string }) =>
    emit({ type: 'event', name: 'model:progress', payload: { id, ...last, done, ...(error ? { error } : {}) } });
  try {
    const r = await pullModel(id, {
      ...managerOptions(c),
      onProgress: (p) => {
        last = { received: p.bytesDone, total: p.bytesTotal > 0 ? p.bytesTotal : null };
        send(false);
      },
    });
    if (r.alreadyInstalled) last = { received: r.bytes, total: r.bytes };
    send(true);
    return { id: r.id, dir: r.dir };
  } catch (err) {
    send(true, toErrorData(err));
    throw err;
  }
}

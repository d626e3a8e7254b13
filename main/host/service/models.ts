/**
 * Embedding models in `<dataDir>/models`: the catalog with what is installed, pulling one from the
 * hub with `model:progress` events (bytes, each retry with its wait and attempt number, done at the
 * end or the error: a network failure as HUB_UNREACHABLE in plain words), and importing a local
 * model folder.
 */
import { EngineError, toErrorData } from '../../engine/errors.js';
import { hubBaseOf, importModel, listModels, pullModel, type ModelListing } from '../../engine/app/models.js';
import type { EngineEvent, EngineServerConfig } from '../engine-protocol.js';
import { pullFailure } from './model-words.js';

const managerOptions = (c: EngineServerConfig) => ({ dataDir: c.dataDir, ...(c.catalogDir !== undefined ? { catalogDir: c.catalogDir } : {}) });

/** Retries after the first try of each file (the download's own default). */
export const PULL_RETRIES = 5;

export function models(c: EngineServerConfig): ModelListing[] {
  return listModels(managerOptions(c));
}

export async function modelPull(c: EngineServerConfig, id: string, emit: (e: EngineEvent) => void): Promise<{ id: string; dir: string }> {
  let last = { received: 0, total: null as number | null };
  const send = (done: boolean, extra: object = {}) =>
    emit({ type: 'event', name: 'model:progress', payload: { id, ...last, done, ...extra } });
  const attempts = PULL_RETRIES + 1;
  try {
    const r = await pullModel(id, {
      ...managerOptions(c),
      retries: PULL_RETRIES,
      onProgress: (p) => {
        last = { received: p.bytesDone, total: p.bytesTotal > 0 ? p.bytesTotal : null };
        send(false);
      },
      onRetry: (info) => send(false, { retry: { file: info.file, attempt: info.attempt + 1, attempts, delayMs: info.delayMs, error: info.error } }),
    });
    if (r.alreadyInstalled) last = { received: r.bytes, total: r.bytes };
    send(true);
    return { id: r.id, dir: r.dir };
  } catch (err) {
    const error = pullFailure(toErrorData(err), hubBaseOf(managerOptions(c)), attempts);
    send(true, { error });
    throw error.code === 'HUB_UNREACHABLE' ? new EngineError('HUB_UNREACHABLE', error.message, { cause: err }) : err;
  }
}

/** Copies a model folder into the data folder (hashing every file); it then lists as installed. */
export async function modelImport(c: EngineServerConfig, folder: string): Promise<{ id: string; dir: string; files: number; bytes: number }> {
  return importModel(folder, {}, managerOptions(c));
}

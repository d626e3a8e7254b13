/**
 * The engine, opened on first use and shared by every call. A failed open is retried on the next
 * call (e.g. after a rebuild of the native binding). A new configuration (settings changed) closes
 * and reopens it, but only once no call is using it: running jobs are never cancelled for it.
 */
import { existsSync } from 'node:fs';
import type { Engine, EngineConfig } from '../../engine/api.js';
import { EngineError } from '../../engine/errors.js';
import { createEngine } from '../../engine/index.js';

export type OpenEngine = (c: EngineConfig) => Promise<Engine>;

export interface EngineHolder {
  /** Runs `fn` with the engine; the engine is not closed or reopened while it runs. */
  use<T>(fn: (engine: Engine) => T | Promise<T>): Promise<T>;
  /** The configuration to open with from now on; applied once no call is using the engine. */
  configure(config: EngineConfig): void;
  close(): void;
}

async function openChecked(config: EngineConfig, open: OpenEngine): Promise<Engine> {
  if (config.nativeBinding !== undefined && !existsSync(config.nativeBinding)) {
    throw new EngineError(
      'DB_OPEN_FAILED',
      `better-sqlite3 has no Electron build at ${config.nativeBinding}; run "npm run rebuild:electron" (needs network) and restart Delve`,
    );
  }
  return open(config);
}

export function engineHolder(initial: EngineConfig, open: OpenEngine = createEngine): EngineHolder {
  let config = initial;
  let opening: Promise<Engine> | null = null;
  let opened: Engine | null = null;
  let stale = false;
  let users = 0;

  const shut = () => {
    opened?.close();
    opened = null;
    opening = null;
    stale = false;
  };
  const get = (): Promise<Engine> => {
    if (stale && users === 0) shut();
    opening ??= openChecked(config, open).then(
      (e) => (opened = e),
      (err: unknown) => {
        opening = null;
        throw err;
      },
    );
    return opening;
  };

  return {
    async use(fn) {
      const engine = get();
      users++;
      try {
        return await fn(await engine);
      } finally {
        users--;
        if (stale && users === 0) shut();
      }
    },
    configure(next) {
      if (JSON.stringify(next) === JSON.stringify(config)) return;
      config = next;
      if (opening === null) return;
      stale = true;
      if (users === 0) shut();
    },
    close: shut,
  };
}

/**
 * The cancellable jobs: indexing and reference imports (progress as `index:progress`, waiting for another Delve
 * process's writer lock as `index:waiting`, cancelIndex aborts it; the work done is kept, as the engine keeps it) and searches with a searchId (stages as `search:event`,
 * cancelSearch aborts that one search).
 */
import type { Engine, JobOptions, SearchOptions } from '../../engine/api.js';
import { EngineError, toErrorData } from '../../engine/errors.js';
import type { SearchOpts } from './types.js';
import type { EngineEvent, EngineService } from '../engine-protocol.js';
import type { EngineHolder } from './engine.js';

export type JobCalls = Pick<EngineService, 'index' | 'importReferences' | 'cancelIndex' | 'search' | 'cancelSearch'> & {
  /** Whether an index job runs. */
  indexing(): boolean;
};

export function jobCalls(engine: EngineHolder, emit: (e: EngineEvent) => void, ollamaHost: () => string): JobCalls {
  const indexJobs = new Set<AbortController>();
  const searches = new Map<string, AbortController>();

  /** An indexing job (index, importReferences): progress as `index:progress`, cancelIndex aborts it. */
  async function indexJob<T>(run: (e: Engine, opts: JobOptions) => Promise<T>, cancelled: string): Promise<T> {
    const controller = new AbortController();
    indexJobs.add(controller);
    try {
      return await engine.use((e) => run(e, {
        signal: controller.signal,
        onProgress: (payload) => emit({ type: 'event', name: 'index:progress', payload }),
        onWait: (payload) => emit({ type: 'event', name: 'index:waiting', payload }),
      }));
    } catch (err) {
      if (controller.signal.aborted && toErrorData(err).code === 'CANCELLED') throw new EngineError('CANCELLED', cancelled, { cause: err });
      throw err;
    } finally {
      indexJobs.delete(controller);
    }
  }

  return {
    indexing: () => indexJobs.size > 0,
    index: (paths) => indexJob((e, o) => e.index(paths, o), 'indexing was cancelled; the files indexed so far are kept (index the folder again to finish)'),
    importReferences: (path) => indexJob((e, o) => e.importReferences(path, o), 'the import was cancelled; what was imported so far is kept (import the file again to finish)'),
    async cancelIndex() {
      const any = indexJobs.size > 0;
      for (const c of indexJobs) c.abort();
      return any;
    },
    async search(query, opts: SearchOpts = {}) {
      const { searchId, ...rest } = opts;
      const base: SearchOptions = { ...rest, ollama: ollamaHost() };
      if (typeof searchId !== 'string') return engine.use((e) => e.search(query, base));
      const controller = new AbortController();
      searches.get(searchId)?.abort();
      searches.set(searchId, controller);
      try {
        return await engine.use((e) => e.search(query, {
          ...base, signal: controller.signal,
          onEvent: (event) => emit({ type: 'event', name: 'search:event', payload: { searchId, event } }),
        }));
      } finally {
        if (searches.get(searchId) === controller) searches.delete(searchId);
      }
    },
    async cancelSearch(searchId) {
      const c = searches.get(searchId);
      c?.abort();
      return c !== undefined;
    },
  };
}

/**
 * Query embedding, which the search timings leave out: the real encoder path (onnxruntime in a worker
 * thread) on the shared bert-tiny-random model, one query per call as search does. That model is 2
 * layers of width 32, far cheaper than all-MiniLM-L6-v2, so this is a floor for the encoder's cost.
 */
import { createEmbedder } from '../../main/engine/embed/embedder.js';
import { loadModelFolder } from '../../main/engine/models/folder.js';
import { percentile } from './search-timing.js';

export interface EmbedTiming { model: string; p50: number; p95: number; error: string | null }

export async function queryEmbedMs(modelDir: string, queries: string[]): Promise<EmbedTiming> {
  try {
    const m = await loadModelFolder(modelDir);
    const e = await createEmbedder({ modelDir: m.dir, manifest: m.manifest, provider: 'cpu' });
    try {
      for (const q of queries.slice(0, 10)) await e.embedQueries([q]);
      const times: number[] = [];
      for (const q of queries) {
        const t0 = performance.now();
        await e.embedQueries([q]);
        times.push(performance.now() - t0);
      }
      return { model: m.manifest.id, p50: percentile(times, 50), p95: percentile(times, 95), error: null };
    } finally {
      await e.close();
    }
  } catch (err) {
    return { model: modelDir, p50: NaN, p95: NaN, error: (err as Error).message };
  }
}

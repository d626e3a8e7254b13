/**
 * A scan worker (search/dense/vector-scan.ts starts them): scores its share of the rows held in shared
 * memory against a query with the SIMD kernel of the rows' form (float32 or int8) and returns its best m (search/dense/scan-range.ts).
 * Messages arrive in order, so when a generation is dropped every request on it has been answered.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { instantiate, type ScoresFn, type WasmMemory } from './scan-kernel.js';
import type { Kernels } from './kernels.js';
import { scanRange } from './scan-range.js';
import type { ScanRequest, ScanWorkerMessage } from './scan-protocol.js';

const { kernels } = workerData as { kernels: Kernels };
const generations = new Map<number, { memory: WasmMemory; scores: ScoresFn }>();

parentPort!.on('message', (m: ScanWorkerMessage) => {
  if (m.type === 'memory') generations.set(m.gen, { memory: m.memory, scores: instantiate(kernels[m.codes], m.memory) });
  else if (m.type === 'drop') generations.delete(m.gen);
  else answer(m);
});

function answer(m: ScanRequest): void {
  try {
    const g = generations.get(m.gen);
    if (!g) throw new Error(`no memory for generation ${m.gen}`);
    const hits = scanRange(g.scores, g.memory, m.layout, m.slot, m.query, m.start, m.count, m.m);
    parentPort!.postMessage({ id: m.id, ids: hits.ids, scores: hits.scores }, [hits.ids.buffer as ArrayBuffer, hits.scores.buffer as ArrayBuffer]);
  } catch (err) {
    parentPort!.postMessage({ id: m.id, error: (err as Error).message });
  }
}

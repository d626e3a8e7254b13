/**
 * Process RSS while Delve's embedder works through `total` chunks in groups (as the embed job hands
 * them over). The worker thread lives in this process, so process RSS covers onnxruntime's arenas.
 * RSS is read after every group and on a 100 ms timer (the main thread is idle while the worker runs).
 */
import type { Embedder } from '../../../main/engine/embed/api.js';

export interface RssReport {
  chunks: number;
  group: number;
  ms: number;
  chunksPerSec: number;
  /** MiB at 1k, 5k, 10k, 15k, 20k chunks (those reached) and at the end, after the group that reaches each. */
  at: Record<string, number>;
  maxMiB: number;
  startMiB: number;
  /** RSS at the last checkpoint over RSS at 5k (or the first checkpoint when fewer chunks ran). */
  growthAfterWarmup: number;
}

const MiB = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;

export async function rssRun(embedder: Embedder, texts: (n: number, from: number) => string[], total: number,
  onProgress: (done: number, rssMiB: number) => void = () => undefined, group = 250): Promise<RssReport> {
  const checkpoints = [...new Set([1000, 5000, 10000, 15000, 20000].filter((c) => c <= total).concat(total))];
  const at: Record<string, number> = {};
  const startMiB = MiB(process.memoryUsage.rss());
  let max = process.memoryUsage.rss();
  const timer = setInterval(() => { max = Math.max(max, process.memoryUsage.rss()); }, 100);
  const t0 = performance.now();
  try {
    for (let done = 0; done < total;) {
      const n = Math.min(group, total - done);
      await embedder.embedDocuments(texts(n, done));
      done += n;
      const rss = process.memoryUsage.rss();
      max = Math.max(max, rss);
      if (done % 1000 === 0 || done === total) onProgress(done, MiB(rss));
      for (const c of checkpoints) if (done >= c && at[`${c / 1000}k`] === undefined) at[`${c / 1000}k`] = MiB(rss);
    }
  } finally {
    clearInterval(timer);
  }
  const ms = performance.now() - t0;
  const series = Object.values(at);
  const base = at['5k'] ?? series[0] ?? startMiB;
  const last = series[series.length - 1] ?? startMiB;
  return {
    chunks: total, group, ms: Math.round(ms), chunksPerSec: Math.round((total / ms) * 1000 * 10) / 10,
    at, maxMiB: MiB(max), startMiB, growthAfterWarmup: Math.round((last / base) * 1000) / 1000,
  };
}

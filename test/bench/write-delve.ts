/**
 * The Delve side of the write benchmark, through the code a user's index run goes through:
 * documents, pages and chunks (and FTS5) are written by the indexer's write path (store/write.ts
 * writeParsed, then the user's pinned fields, library/fields.ts), `BATCH_DOCS` documents per
 * transaction as indexing/indexer.ts commits them; then the real embedding job (embed/job.ts) stores
 * every chunk's vector in the model's sqlite-vec table. The job's embedder hands back vectors computed
 * before the clock starts, so the times are of writing alone.
 */
import { readFileSync } from 'node:fs';
import type { Embedder } from '../../main/engine/embed/api.js';
import { runEmbedJob } from '../../main/engine/embed/job.js';
import { keepPinnedFields } from '../../main/engine/library/fields.js';
import { openDb } from '../../main/engine/store/db.js';
import { writeParsed, type ParsedFile } from '../../main/engine/store/write.js';
import { BATCH_DOCS } from '../../main/engine/indexing/indexer.js';
import { BENCH_MODEL } from './search-db.js';
import { DIMS } from './search-vectors.js';

export interface DelveWrite {
  documentsMs: number;
  vectorsMs: number;
  /** CPU time of the process (all threads) over each phase: on a loaded machine, less noisy than wall time. */
  documentsCpuMs: number;
  vectorsCpuMs: number;
  /**
   * Time the main thread (where SQLite runs) spent runnable but waiting for a core (Linux schedstat;
   * NaN elsewhere): wall time less this is about what an idle machine would take.
   */
  queuedMs: number;
  chunks: number;
  vectors: number;
}

function runQueueMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return NaN;
  }
}

export const cpuMs = (since?: NodeJS.CpuUsage) => { const u = process.cpuUsage(since); return (u.user + u.system) / 1000; };

/** An embedder whose vectors were computed beforehand (by text). */
function precomputed(vectors: Map<string, Float32Array>): Embedder {
  const lookup = (texts: string[]) => Promise.resolve(texts.map((t) => {
    const v = vectors.get(t);
    if (!v) throw new Error(`no vector for "${t.slice(0, 40)}…"`);
    return v;
  }));
  return {
    info: { modelId: BENCH_MODEL.id, dims: DIMS, requested: 'cpu', provider: 'cpu', fallbackReason: null },
    stats: () => ({ texts: 0, ms: 0, textsPerSec: null }),
    embedDocuments: lookup,
    embedQueries: lookup,
    close: () => Promise.resolve(),
  };
}

export async function delveWrite(path: string, docs: ParsedFile[], vectors: Map<string, Float32Array>): Promise<DelveWrite> {
  const { db, vec } = await openDb(path);
  try {
    if (!vec.version) throw new Error(`sqlite-vec is not available: ${vec.error}`);
    const q0 = runQueueMs();
    let t0 = performance.now();
    let c0 = process.cpuUsage();
    for (let i = 0; i < docs.length; i += BATCH_DOCS) {
      db.transaction(() => {
        for (const f of docs.slice(i, i + BATCH_DOCS)) keepPinnedFields(db, writeParsed(db, f));
      })();
    }
    const documentsMs = performance.now() - t0;
    const documentsCpuMs = cpuMs(c0);
    t0 = performance.now();
    c0 = process.cpuUsage();
    const summary = await runEmbedJob(db, precomputed(vectors), BENCH_MODEL);
    const vectorsMs = performance.now() - t0;
    const vectorsCpuMs = cpuMs(c0);
    const queuedMs = runQueueMs() - q0;
    return { documentsMs, vectorsMs, documentsCpuMs, vectorsCpuMs, queuedMs, chunks: db.prepare('SELECT COUNT(*) FROM chunks').pluck().get() as number, vectors: summary.embedded };
  } finally {
    db.close();
  }
}

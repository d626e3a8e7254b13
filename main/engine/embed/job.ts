/**
 * The embedding job: gives every distinct chunk text a vector from the active model. Work is keyed by
 * chunk hash, so a killed or cancelled job resumes where it stopped and unchanged text is never
 * embedded twice. Texts go shortest first (less padding per batch). Vectors are committed when
 * COMMIT_ROWS of them wait or COMMIT_MS after the previous commit, and before the job stops for any
 * reason: a slow model commits each group, a fast one (static, remote) a few thousand rows at a time,
 * since every commit rewrites the sqlite-vec chunk pages it touched (committing each 256 vectors made
 * writing 100k vectors take twice as long). At the end, vectors of text no longer in the library are removed,
 * the set is marked complete, and the vectors of any previous model are dropped.
 */
import type { EmbedSummary } from '../api.js';
import type { Embedder } from './api.js';
import { EngineError } from '../errors.js';
import { throttle } from '../jobs/throttle.js';
import type { Db } from '../store/db.js';
import { bumpVectorsVersion, completeVectorTable, ensureVectorTable, markIncomplete, tuneForVectorReads, type EmbeddingModelRef } from '../store/vectors.js';
import type { IndexProgress } from '../types.js';
import { toBlob } from '../search/dense/dense.js';

export interface EmbedJobOptions {
  signal?: AbortSignal;
  onProgress?: (p: IndexProgress) => void;
  /** Texts handed to the embedder and committed together (default 256). */
  group?: number;
  /** Least time between progress events, in ms (default 100). */
  progressMs?: number;
}

export const STATS_KEY = 'embedding.stats';
/** Vectors waiting for a commit: at most this many, and none for longer than COMMIT_MS once the next group is in. */
export const COMMIT_ROWS = 4096;
export const COMMIT_MS = 1000;

/** `ref` is the model's identity: its vectors are stored under it (a local folder's or a remote model's fingerprint). */
export async function runEmbedJob(db: Db, embedder: Embedder, ref: EmbeddingModelRef, opts: EmbedJobOptions = {}): Promise<EmbedSummary> {
  const started = performance.now();
  if (embedder.info.dims !== ref.dims) throw new EngineError('MODEL_INVALID', `the model produces ${embedder.info.dims}-d vectors, its manifest says ${ref.dims}`);
  const t = ensureVectorTable(db, ref);
  tuneForVectorReads(db); // the texts are read by hash, all over the chunks table: from the memory map, not through the page cache
  const have = new Set((db.prepare(`SELECT chunk_hash AS h FROM ${t.table}`).all() as { h: string }[]).map((r) => r.h));
  const wanted = db.prepare('SELECT hash, MIN(length(text)) AS len FROM chunks GROUP BY hash').all() as { hash: string; len: number }[];
  const todo = wanted.filter((w) => !have.has(w.hash)).sort((a, b) => a.len - b.len || (a.hash < b.hash ? -1 : 1));
  const live = new Set(wanted.map((w) => w.hash));
  if (todo.length > 0 && t.complete) markIncomplete(db, t);

  const textOf = db.prepare('SELECT text FROM chunks WHERE hash = ? LIMIT 1').pluck();
  const insert = db.prepare(`INSERT INTO ${t.table} (chunk_hash, embedding) VALUES (?, ?)`);
  const progress = opts.onProgress ? throttle(opts.onProgress, opts.progressMs ?? 100) : null;
  const group = Math.max(1, opts.group ?? 256);
  let done = 0;
  let embedMs = 0;
  const report = () => {
    const elapsed = performance.now() - started;
    const rate = embedMs > 0 ? (done / embedMs) * 1000 : 0;
    progress?.push({ phase: 'embed', done, total: todo.length, currentPath: null, pagesPerSec: 0,
      chunksPerSec: Math.round(rate * 10) / 10, etaMs: done > 0 ? Math.round((elapsed / done) * (todo.length - done)) : null });
  };
  report();
  let pending: [string, Buffer][] = [];
  let committedAt = performance.now();
  const commit = () => {
    const rows = pending;
    pending = [];
    committedAt = performance.now();
    if (rows.length > 0) db.transaction(() => { for (const [hash, blob] of rows) insert.run(hash, blob); })();
  };
  try {
    for (let i = 0; i < todo.length; i += group) {
      if (opts.signal?.aborted) throw new EngineError('CANCELLED', `embedding cancelled after ${done} of ${todo.length} chunks; the next run resumes`);
      const slice = todo.slice(i, i + group);
      const texts = slice.map((w) => textOf.get(w.hash) as string);
      const t0 = performance.now();
      const vectors = await embedder.embedDocuments(texts, { signal: opts.signal });
      embedMs += performance.now() - t0;
      slice.forEach((w, j) => pending.push([w.hash, toBlob(vectors[j]!)]));
      if (pending.length >= COMMIT_ROWS || performance.now() - committedAt >= COMMIT_MS) commit();
      done += slice.length;
      report();
    }
  } finally {
    commit(); // what was embedded is kept, however the loop ended
  }
  // A cancel that arrived during the last group: its vectors are kept, the set is not marked complete.
  if (opts.signal?.aborted && todo.length > 0) throw new EngineError('CANCELLED', `embedding cancelled after ${done} of ${todo.length} chunks; the next run resumes`);
  const orphans = [...have].filter((h) => !live.has(h));
  const del = db.prepare(`DELETE FROM ${t.table} WHERE chunk_hash = ?`);
  db.transaction(() => {
    for (const h of orphans) del.run(h);
    if (orphans.length > 0) bumpVectorsVersion(db, t.table);
  })();
  completeVectorTable(db, t);
  progress?.flush();

  const chunksPerSec = embedMs > 0 && done > 0 ? Math.round((done / embedMs) * 1000 * 10) / 10 : null;
  const summary: EmbedSummary = {
    model: t.key, provider: embedder.info.provider, fallbackReason: embedder.info.fallbackReason,
    embedded: done, reused: wanted.length - todo.length, removed: orphans.length, chunksPerSec, complete: true, ms: performance.now() - started,
  };
  if (chunksPerSec !== null || !db.prepare('SELECT 1 FROM settings WHERE key = ?').get(STATS_KEY)) {
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(STATS_KEY, JSON.stringify({ model: t.key, provider: summary.provider, fallbackReason: summary.fallbackReason, chunksPerSec, at: Date.now() }));
  }
  return summary;
}

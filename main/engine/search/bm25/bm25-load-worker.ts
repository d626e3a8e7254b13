/**
 * Loads the BM25 postings of a database on disk (search/bm25/bm25-load.ts) on its own read-only
 * connection and hands the arrays back without copying them. Started by search/bm25/bm25-memory.ts.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { loadBm25Index } from './bm25-load.js';

export interface LoadRequest { path: string; maxBytes: number; nativeBinding?: string }
export type LoadReply = { data: import('./bm25-index.js').Bm25IndexData } | { refused: string } | { error: string };

const { path, maxBytes, nativeBinding } = workerData as LoadRequest;
let reply: LoadReply;
let transfer: ArrayBuffer[] = [];
try {
  const db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    db.pragma('busy_timeout = 5000');
    const data = loadBm25Index(db, maxBytes);
    if (typeof data === 'string') reply = { refused: data };
    else {
      reply = { data };
      transfer = [data.rowids, data.lengths, data.termBytes, data.termStarts, data.df, data.postStarts, data.docs, data.tf, data.structure, data.averages]
        .map((a) => a.buffer as ArrayBuffer);
    }
  } finally {
    db.close();
  }
} catch (err) {
  reply = { error: (err as Error).message };
}
parentPort!.postMessage(reply, transfer);

/**
 * Fills a Delve database for the search benchmark through the real store code: each bench document
 * is written with writeParsed (FTS5 follows by triggers) and its chunks' vectors go into the model's
 * sqlite-vec table from ensureVectorTable, as the embedding job writes them. Can be called again with
 * more chunks: documents already complete are skipped.
 */
import type { Db } from '../../main/engine/store/db.js';
import { completeVectorTable, ensureVectorTable, type VectorTable } from '../../main/engine/store/vectors.js';
import { writeParsed } from '../../main/engine/store/write.js';
import { toBlob } from '../../main/engine/search/dense/dense.js';
import type { ChunkDraft } from '../../main/engine/types.js';
import type { BenchChunk } from './search-corpus.js';
import { DIMS } from './search-vectors.js';

export const BENCH_MODEL = { id: 'bench-random-projection', fingerprint: 'bench-random-projection-384-tfidf-v1'.padEnd(64, '0'), dims: DIMS };

function byDocument(chunks: BenchChunk[]): Map<string, BenchChunk[]> {
  const out = new Map<string, BenchChunk[]>();
  for (const c of chunks) out.set(c.doc, [...(out.get(c.doc) ?? []), c]);
  return out;
}

function drafts(chunks: BenchChunk[]): { text: string; drafts: ChunkDraft[] } {
  let at = 0;
  const out = chunks.map((c, i): ChunkDraft => {
    const start = at;
    at += c.text.length + 2;
    return { ordinal: i, text: c.text, hash: c.hash, start, end: start + c.text.length, firstPage: null, lastPage: null, headingPath: [c.title] };
  });
  return { text: chunks.map((c) => c.text).join('\n\n'), drafts: out };
}

/** Writes the documents of `chunks` not yet in the database, with one vector per new chunk. */
export function fillDb(db: Db, chunks: BenchChunk[], vectorOf: (c: BenchChunk) => Float32Array): VectorTable {
  const table = ensureVectorTable(db, BENCH_MODEL);
  const rows = db.prepare('SELECT d.path, COUNT(c.id) AS n FROM documents d LEFT JOIN chunks c ON c.doc_id = d.id GROUP BY d.id').all() as { path: string; n: number }[];
  const have = new Map(rows.map((r) => [r.path, r.n]));
  const vectors = new Set(db.prepare(`SELECT chunk_hash FROM ${table.table}`).pluck().all() as string[]);
  const insertVec = db.prepare(`INSERT INTO ${table.table} (chunk_hash, embedding) VALUES (?, ?)`);
  // A document cut short by the previous, smaller size is written again in full.
  const docs = [...byDocument(chunks)].filter(([doc, list]) => have.get(`/bench/${doc}.md`) !== list.length);
  for (let i = 0; i < docs.length; i += 500) {
    db.transaction(() => {
      for (const [doc, list] of docs.slice(i, i + 500)) {
        const { text, drafts: ds } = drafts(list);
        writeParsed(db, {
          path: `/bench/${doc}.md`, kind: 'note', size: text.length, mtimeMs: 0, contentHash: list[0]!.hash, chunking: 'bench',
          doc: { kind: 'note', title: list[0]!.title, authors: [], year: null, doi: null, metadata: {}, text, pages: [], pageStarts: [], blocks: [], warnings: [] },
          chunks: ds,
        });
        for (const c of list) if (!vectors.has(c.hash)) insertVec.run(c.hash, toBlob(vectorOf(c)));
      }
    })();
  }
  completeVectorTable(db, table);
  return { ...table, complete: true };
}

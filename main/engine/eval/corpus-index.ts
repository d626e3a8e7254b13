/**
 * Puts a BEIR corpus into a Delve database through the engine's own chunker and store (FTS5 follows
 * by triggers), so evaluation measures the search users get. Each corpus document becomes a
 * document at path `beir:<id>` laid out as every titled record is (chunk/record.ts): its title and
 * text as two paragraphs (BEIR's "flat" title + text), the title also their heading path. The import
 * is skipped when the database already holds this corpus with these chunking settings and layout.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { chunkBlocks, chunkingFingerprint } from '../chunk/chunker.js';
import type { Db } from '../store/db.js';
import { writeParsed } from '../store/write.js';
import { RECORD_LAYOUT, recordText } from '../chunk/record.js';
import type { ChunkOptions, ExtractedDoc } from '../types.js';
import type { BeirDataset, BeirDoc } from './beir.js';

export const DOC_PREFIX = 'beir:';
const KEY = 'eval.corpus';

function toExtracted(d: BeirDoc): ExtractedDoc {
  const { text, blocks } = recordText(d.title, [d.text]);
  return {
    kind: 'note', title: d.title || null, authors: [], year: null, doi: null, metadata: { beirId: d.id },
    text, pages: [], pageStarts: [], blocks, warnings: [],
  };
}

/** What identifies an imported corpus: its file's size and mtime, its document count, the chunking and the record layout. */
export function corpusSignature(ds: BeirDataset, chunk: ChunkOptions): string {
  const st = statSync(join(ds.dir, 'corpus.jsonl'));
  return createHash('sha256').update(JSON.stringify([ds.dir, st.size, st.mtimeMs, ds.corpus.length, chunkingFingerprint(chunk), RECORD_LAYOUT])).digest('hex');
}

/** Imports the corpus unless it is already there; returns the number of documents written. */
export function importCorpus(db: Db, ds: BeirDataset, chunk: ChunkOptions, onProgress?: (done: number, total: number) => void): number {
  const signature = corpusSignature(ds, chunk);
  const saved = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY);
  if (saved === signature) return 0;
  const chunking = chunkingFingerprint(chunk);
  const batch = 500;
  for (let i = 0; i < ds.corpus.length; i += batch) {
    db.transaction(() => {
      for (const d of ds.corpus.slice(i, i + batch)) {
        const doc = toExtracted(d);
        const hash = createHash('sha256').update(doc.text).digest('hex');
        writeParsed(db, {
          path: DOC_PREFIX + d.id, kind: 'note', size: Buffer.byteLength(doc.text), mtimeMs: 0, contentHash: hash,
          doc, chunks: chunkBlocks(doc, chunk), chunking,
        });
      }
    })();
    onProgress?.(Math.min(ds.corpus.length, i + batch), ds.corpus.length);
  }
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, signature);
  return ds.corpus.length;
}

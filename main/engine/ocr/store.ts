/**
 * OCR results in the store: the cache keyed by page image and languages, and a recognised page put
 * into its document: the page text replaced, the pages and chunks after it shifted by the change in
 * length (offsets stay valid), the page's chunks rebuilt from the OCR text and marked with the mean
 * confidence, and the document's chunk ordinals renumbered in page order. Callers run `applyPage`
 * inside a transaction.
 */
import { createHash } from 'node:crypto';
import { chunkBlocks } from '../chunk/chunker.js';
import type { Db } from '../store/db.js';
import { stmt } from '../store/statements.js';
import type { Block, ChunkOptions, ExtractedDoc } from '../types.js';
import type { OcrPage } from './recognizer.js';

export interface CachedOcr extends OcrPage {
  width: number;
  height: number;
}

/**
 * The cache key of a page image read with some languages. `dataId` (data.ts `dataIdentity`) is given
 * for Tesseract's data on the computer, so text from another model is never taken from the cache;
 * the bundled data's keys have none, as before there was a choice (existing caches stay valid).
 */
export function cacheKey(imageHash: string, langs: string[], dataId: string | null = null): string {
  const base = `${imageHash}|${langs.join('+')}`;
  return createHash('sha256').update(dataId === null ? base : `${base}|system:${dataId}`).digest('hex');
}

export function cachedOcr(db: Db, key: string): CachedOcr | null {
  const row = stmt(db, 'SELECT text, words, confidence, width, height FROM ocr_cache WHERE key = ?').get(key) as
    { text: string; words: string; confidence: number; width: number; height: number } | undefined;
  return row ? { text: row.text, words: JSON.parse(row.words) as OcrPage['words'], confidence: row.confidence, width: row.width, height: row.height } : null;
}

export function putOcr(db: Db, key: string, imageHash: string, langs: string[], r: CachedOcr, ms: number): void {
  stmt(db, `INSERT OR REPLACE INTO ocr_cache (key, image_hash, langs, width, height, text, words, confidence, ms, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(key, imageHash, langs.join('+'), r.width, r.height, r.text, JSON.stringify(r.words), r.confidence, Math.round(ms), Date.now());
}

/** Puts an OCR'd page's text into its document; false when the page is gone (document re-indexed). */
export function applyPage(db: Db, docId: number, page: number, key: string, r: OcrPage, chunk: ChunkOptions): boolean {
  const row = stmt(db, 'SELECT char_start AS start, length(text) AS len FROM pages WHERE doc_id = ? AND number = ?').get(docId, page) as
    { start: number; len: number } | undefined;
  if (!row) return false;
  const text = r.text;
  const delta = text.length - row.len;
  stmt(db, 'UPDATE pages SET text = ?, ocr_key = ?, ocr_confidence = ? WHERE doc_id = ? AND number = ?').run(text, key, r.confidence, docId, page);
  if (delta !== 0) {
    stmt(db, 'UPDATE pages SET char_start = char_start + ? WHERE doc_id = ? AND number > ?').run(delta, docId, page);
    stmt(db, 'UPDATE chunks SET char_start = char_start + ?, char_end = char_end + ? WHERE doc_id = ? AND first_page > ?').run(delta, delta, docId, page);
  }
  stmt(db, 'DELETE FROM chunks WHERE doc_id = ? AND first_page = ? AND last_page = ?').run(docId, page, page);
  const insert = stmt(db, `INSERT INTO chunks (doc_id, ordinal, first_page, last_page, char_start, char_end, heading_path, text, hash, ocr_confidence)
    VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?, ?)`);
  for (const c of pageChunks(text, page, row.start, chunk)) {
    insert.run(docId, 1e9 + c.ordinal, page, page, c.start, c.end, c.text, c.hash, r.confidence);
  }
  renumber(db, docId);
  return true;
}

/** Chunks of one page's OCR text, offsets in the document's text (the page starts at `base`). */
function pageChunks(text: string, page: number, base: number, opts: ChunkOptions) {
  const full = ' '.repeat(base) + text; // offsets into the document text; only this page's range is read
  const blocks: Block[] = [];
  const re = /\S[\s\S]*?(?=\n\s*\n|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    blocks.push({ text: m[0], start: base + m.index, end: base + m.index + m[0].length, page, headingPath: [] });
  }
  const doc: ExtractedDoc = {
    kind: 'pdf', title: null, authors: [], year: null, doi: null, metadata: {}, text: full,
    pages: [], pageStarts: [], blocks, warnings: [],
  };
  return chunkBlocks(doc, opts);
}

function renumber(db: Db, docId: number): void {
  const ids = stmt(db, 'SELECT id FROM chunks WHERE doc_id = ? ORDER BY first_page, char_start, ordinal').pluck().all(docId) as number[];
  const set = stmt(db, 'UPDATE chunks SET ordinal = ? WHERE id = ? AND ordinal <> ?');
  ids.forEach((id, i) => set.run(i, id, i));
}

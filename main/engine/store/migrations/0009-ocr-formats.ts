/**
 * OCR and more document formats.
 *
 *  - `documents.kind` also accepts 'docx', 'html' and 'epub' (the table rebuilt: document-kinds.ts).
 *  - `pages.ocr_key` / `pages.ocr_confidence`: set once an image-only page got its text from OCR;
 *    the key names its `ocr_cache` row (word boxes live there). A page with `needs_ocr = 1` and no
 *    key still needs OCR.
 *  - `chunks.ocr_confidence`: the mean word confidence (0–100) of an OCR'd chunk's page, null for
 *    text-layer chunks. `chunks.locator`: JSON where a kind has more than a page to cite (DOCX
 *    paragraph ordinal, EPUB chapter), null otherwise.
 *  - `ocr_cache`: recognised text and word boxes keyed by the page image's hash and the languages,
 *    so re-indexing never OCRs the same page image twice.
 */
import type Database from 'better-sqlite3';
import { addDocumentKinds } from './document-kinds.js';

export function up(db: Database.Database): void {
  addDocumentKinds(db, ['docx', 'html', 'epub']);
  db.exec(`
    ALTER TABLE pages ADD COLUMN ocr_key TEXT;
    ALTER TABLE pages ADD COLUMN ocr_confidence REAL;
    ALTER TABLE chunks ADD COLUMN ocr_confidence REAL;
    ALTER TABLE chunks ADD COLUMN locator TEXT;

    CREATE TABLE ocr_cache (
      key         TEXT PRIMARY KEY,
      image_hash  TEXT NOT NULL,
      langs       TEXT NOT NULL,
      width       INTEGER NOT NULL,
      height      INTEGER NOT NULL,
      text        TEXT NOT NULL,
      words       TEXT NOT NULL CHECK (json_valid(words)),
      confidence  REAL NOT NULL,
      ms          INTEGER NOT NULL,
      created_at  INTEGER NOT NULL
    );
  `);
}

/**
 * Issue 19 (OCR of pages with a garbage text layer): `pages.text_garbage` is the garbage detector's
 * verdict on the page's text layer (ocr/garbage.ts): NULL not judged yet, 0 usable, 1 garbage. The
 * OCR phase judges pages when the option is on, once per extracted page (re-extraction writes new
 * rows, judged afresh), and OCRs those judged garbage.
 */
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec('ALTER TABLE pages ADD COLUMN text_garbage INTEGER CHECK (text_garbage IN (0, 1))');
}

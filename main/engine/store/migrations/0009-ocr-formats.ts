/**
 * OCR and more document formats.
 *
 *  - `documents.kind` also accepts 'docx', 'html' and 'epub'. SQLite cannot change a CHECK in place,
 *    so the table is rebuilt as in 0005 (ids kept, foreign keys checked by the runner), and the
 *    title FTS triggers, dropped with the old table, are made again.
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

const COLUMNS = `id, path, kind, size, mtime_ms, content_hash, title, authors, year, doi, metadata,
  status, error_code, error_message, page_count, chunking, indexed_at`;

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE documents_new (
      id            INTEGER PRIMARY KEY,
      path          TEXT NOT NULL UNIQUE,
      kind          TEXT NOT NULL CHECK (kind IN ('pdf', 'note', 'pubmed', 'docx', 'html', 'epub')),
      size          INTEGER NOT NULL,
      mtime_ms      INTEGER NOT NULL,
      content_hash  TEXT,
      title         TEXT,
      authors       TEXT NOT NULL DEFAULT '[]',
      year          INTEGER,
      doi           TEXT,
      metadata      TEXT NOT NULL DEFAULT '{}',
      status        TEXT NOT NULL CHECK (status IN ('ok', 'partial', 'error')),
      error_code    TEXT,
      error_message TEXT,
      page_count    INTEGER NOT NULL DEFAULT 0,
      chunking      TEXT,
      indexed_at    INTEGER NOT NULL
    );
    INSERT INTO documents_new (${COLUMNS}) SELECT ${COLUMNS} FROM documents;
    DROP TABLE documents;
    ALTER TABLE documents_new RENAME TO documents;
    CREATE INDEX documents_hash ON documents (content_hash);
    CREATE TRIGGER documents_title_fts_insert AFTER INSERT ON documents BEGIN
      INSERT INTO documents_title_fts (rowid, title) VALUES (new.id, new.title);
    END;
    CREATE TRIGGER documents_title_fts_delete AFTER DELETE ON documents BEGIN
      INSERT INTO documents_title_fts (documents_title_fts, rowid, title) VALUES ('delete', old.id, old.title);
    END;
    CREATE TRIGGER documents_title_fts_update AFTER UPDATE OF title ON documents BEGIN
      INSERT INTO documents_title_fts (documents_title_fts, rowid, title) VALUES ('delete', old.id, old.title);
      INSERT INTO documents_title_fts (rowid, title) VALUES (new.id, new.title);
    END;

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

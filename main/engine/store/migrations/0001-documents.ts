/** Library roots, documents, pages, chunks and engine settings. */
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
    CREATE TABLE roots (
      id       INTEGER PRIMARY KEY,
      path     TEXT NOT NULL UNIQUE,
      watch    INTEGER NOT NULL DEFAULT 0,
      added_at INTEGER NOT NULL
    );
    CREATE TABLE documents (
      id            INTEGER PRIMARY KEY,
      path          TEXT NOT NULL UNIQUE,
      kind          TEXT NOT NULL CHECK (kind IN ('pdf', 'note')),
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
    CREATE INDEX documents_hash ON documents (content_hash);
    CREATE TABLE pages (
      doc_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      number     INTEGER NOT NULL,
      label      TEXT,
      char_start INTEGER NOT NULL,
      needs_ocr  INTEGER NOT NULL DEFAULT 0,
      text       TEXT NOT NULL,
      PRIMARY KEY (doc_id, number)
    ) WITHOUT ROWID;
    CREATE TABLE chunks (
      id           INTEGER PRIMARY KEY,
      doc_id       INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      ordinal      INTEGER NOT NULL,
      first_page   INTEGER,
      last_page    INTEGER,
      char_start   INTEGER NOT NULL,
      char_end     INTEGER NOT NULL,
      heading_path TEXT NOT NULL DEFAULT '[]',
      text         TEXT NOT NULL,
      hash         TEXT NOT NULL
    );
    CREATE INDEX chunks_doc ON chunks (doc_id, ordinal);
    CREATE INDEX chunks_hash ON chunks (hash);
  `);
}

/**
 * PubMed records in the library.
 *
 *  - `documents.kind` accepts 'pubmed' (a record imported at path `pubmed:<PMID>`). SQLite cannot
 *    change a CHECK constraint in place, so the table is rebuilt: copied row for row with its ids,
 *    the old one dropped, the copy renamed. The runner turns foreign keys off for this migration
 *    (dropping the old table would cascade-delete every page and chunk) and checks them after.
 *  - `documents_title_fts`: FTS5 over document titles with the tokenizer of `chunks_fts`, kept in
 *    step by triggers, for [ti] searches (a title is also the first lines of a record's text).
 *  - `pubmed_records`: one row per imported record (PMID unique; DOI stored lower-case, without
 *    https://doi.org/), with its MeSH headings and publication types as JSON.
 *  - `pubmed_mesh`: one row per MeSH heading (qualifier NULL) and one per heading/qualifier pair,
 *    descriptor and qualifier lower-case; `major` as PubMed's [majr] reads it.
 */
import type Database from 'better-sqlite3';
import { FTS_TOKENIZE } from '../fts-tokenizer.js';


const COLUMNS = `id, path, kind, size, mtime_ms, content_hash, title, authors, year, doi, metadata,
  status, error_code, error_message, page_count, chunking, indexed_at`;

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE documents_new (
      id            INTEGER PRIMARY KEY,
      path          TEXT NOT NULL UNIQUE,
      kind          TEXT NOT NULL CHECK (kind IN ('pdf', 'note', 'pubmed')),
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

    CREATE VIRTUAL TABLE documents_title_fts USING fts5 (
      title, content = 'documents', content_rowid = 'id', ${FTS_TOKENIZE}
    );
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
    INSERT INTO documents_title_fts (documents_title_fts) VALUES ('rebuild');

    CREATE TABLE pubmed_records (
      doc_id            INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
      pmid              TEXT NOT NULL UNIQUE,
      doi               TEXT,
      journal           TEXT,
      year              INTEGER,
      language          TEXT,
      mesh              TEXT NOT NULL DEFAULT '[]',
      publication_types TEXT NOT NULL DEFAULT '[]',
      imported_at       INTEGER NOT NULL
    );
    CREATE INDEX pubmed_records_doi ON pubmed_records (doi);

    CREATE TABLE pubmed_mesh (
      doc_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      descriptor TEXT NOT NULL,
      ui         TEXT,
      major      INTEGER NOT NULL CHECK (major IN (0, 1)),
      qualifier  TEXT
    );
    CREATE INDEX pubmed_mesh_descriptor ON pubmed_mesh (descriptor, qualifier);
    CREATE INDEX pubmed_mesh_qualifier ON pubmed_mesh (qualifier);
    CREATE INDEX pubmed_mesh_doc ON pubmed_mesh (doc_id);
  `);
}

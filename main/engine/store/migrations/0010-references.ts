/**
 * References imported from .bib and .ris files (`importReferences`, references/).
 *
 *  - `documents.kind` accepts 'reference' (beside 0009's 'docx', 'html', 'epub') (a record at path `ref:<identity>`, no file, no pages).
 *    The table is rebuilt as in 0005 (copied row for row with its ids; the title index's triggers
 *    and `documents_hash` made again); the runner turns foreign keys off for it and checks them after.
 *  - `ref_records`: one row per record: its identity (`doi:…`, `pmid:…` or `title:<folded title>|<year>`,
 *    also its document's path), DOI (lower case), PMID, folded title and year (for merging
 *    duplicates), its citation key, the entries it was made of (JSON, `[{ref, source: {file, key}}]`), its attached
 *    files (JSON paths) and the hash of what was last written, so a re-import applies only changes.
 */
import type Database from 'better-sqlite3';

const COLUMNS = `id, path, kind, size, mtime_ms, content_hash, title, authors, year, doi, metadata,
  status, error_code, error_message, page_count, chunking, indexed_at`;

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE documents_new (
      id            INTEGER PRIMARY KEY,
      path          TEXT NOT NULL UNIQUE,
      kind          TEXT NOT NULL CHECK (kind IN ('pdf', 'note', 'pubmed', 'docx', 'html', 'epub', 'reference')),
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

    CREATE TABLE ref_records (
      doc_id       INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
      identity     TEXT NOT NULL UNIQUE,
      doi          TEXT,
      pmid         TEXT,
      title_key    TEXT,
      year         INTEGER,
      citation_key TEXT,
      sources      TEXT NOT NULL DEFAULT '[]',
      files        TEXT NOT NULL DEFAULT '[]',
      meta_hash    TEXT NOT NULL,
      imported_at  INTEGER NOT NULL
    );
    CREATE INDEX ref_records_doi ON ref_records (doi);
    CREATE INDEX ref_records_pmid ON ref_records (pmid);
    CREATE INDEX ref_records_title ON ref_records (title_key, year);
  `);
}

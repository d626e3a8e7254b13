/**
 * Collections of evidence, and the search history.
 *
 *  - `collections`: named (unique) sets of evidence.
 *  - `evidence`: a quote saved into a collection. It must outlive re-indexing (chunks are replaced,
 *    documents re-written), so it keeps its own copy of what it shows: the document's path, title,
 *    authors, year and DOI, the page and its printed label, the quote, and the chunk's text hash.
 *    `doc_id` and `chunk_id` are live links only (SET NULL when their row goes); reading a
 *    collection re-resolves them by chunk hash + path.
 *  - `search_history`: every engine search: query, mode, options (JSON), result count, time.
 */
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE collections (
      id          INTEGER PRIMARY KEY,
      name        TEXT NOT NULL UNIQUE,
      description TEXT NOT NULL DEFAULT '',
      created_at  INTEGER NOT NULL
    );
    CREATE TABLE evidence (
      id             INTEGER PRIMARY KEY,
      collection_id  INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
      doc_id         INTEGER REFERENCES documents (id) ON DELETE SET NULL,
      chunk_id       INTEGER REFERENCES chunks (id) ON DELETE SET NULL,
      chunk_hash     TEXT,
      doc_path       TEXT NOT NULL,
      doc_title      TEXT,
      doc_authors    TEXT NOT NULL DEFAULT '[]',
      doc_year       INTEGER,
      doc_doi        TEXT,
      page           INTEGER,
      page_label     TEXT,
      quote          TEXT NOT NULL,
      char_start     INTEGER,
      char_end       INTEGER,
      note           TEXT NOT NULL DEFAULT '',
      tags           TEXT NOT NULL DEFAULT '[]',
      stance         TEXT CHECK (stance IN ('supports', 'contradicts', 'background')),
      query_text     TEXT,
      query_mode     TEXT,
      query_settings TEXT,
      created_at     INTEGER NOT NULL
    );
    CREATE INDEX evidence_collection ON evidence (collection_id);
    CREATE INDEX evidence_doc ON evidence (doc_id);
    CREATE INDEX evidence_chunk ON evidence (chunk_id);
    CREATE INDEX evidence_hash ON evidence (chunk_hash);
    CREATE TABLE search_history (
      id      INTEGER PRIMARY KEY,
      query   TEXT NOT NULL,
      mode    TEXT NOT NULL,
      options TEXT NOT NULL DEFAULT '{}',
      results INTEGER NOT NULL,
      ms      REAL NOT NULL,
      at      INTEGER NOT NULL
    );
  `);
}

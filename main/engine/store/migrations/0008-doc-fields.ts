/**
 * Pinned bibliographic fields: `doc_fields` holds, per document and field (title, authors, year,
 * doi, journal), a value that wins over whatever ingestion finds, and where it came from (today
 * always 'user', a correction made in the library). Re-indexing, a PubMed re-import or a Zotero
 * overlay rewrite the documents row and then put these values back (library/fields.ts), so a
 * correction survives them; `value` is JSON (a string, a list of names, a year, or null for a
 * field the user cleared). Rows go with their document.
 */
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE doc_fields (
      doc_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      field      TEXT NOT NULL CHECK (field IN ('title', 'authors', 'year', 'doi', 'journal')),
      value      TEXT NOT NULL CHECK (json_valid(value)),
      source     TEXT NOT NULL,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (doc_id, field)
    ) WITHOUT ROWID;
  `);
}

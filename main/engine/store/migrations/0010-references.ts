/**
 * References imported from .bib and .ris files (`importReferences`, references/).
 *
 *  - `documents.kind` accepts 'reference' (beside 0009's 'docx', 'html', 'epub') (a record at path `ref:<identity>`, no file, no pages).
 *    The table is rebuilt with the kinds added (document-kinds.ts).
 *  - `ref_records`: one row per record: its identity (`doi:…`, `pmid:…` or `title:<folded title>|<year>`,
 *    also its document's path), DOI (lower case), PMID, folded title and year (for merging
 *    duplicates), its citation key, the entries it was made of (JSON, `[{ref, source: {file, key}}]`), its attached
 *    files (JSON paths) and the hash of what was last written, so a re-import applies only changes.
 */
import type Database from 'better-sqlite3';
import { addDocumentKinds } from './document-kinds.js';

export function up(db: Database.Database): void {
  addDocumentKinds(db, ['reference']);
  db.exec(`
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

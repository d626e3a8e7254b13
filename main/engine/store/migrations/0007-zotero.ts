/**
 * Zotero imports (`importZotero`): one row per imported PDF attachment of a Zotero library, so that a
 * second import applies only what changed. Keyed by the library's data folder and the attachment's
 * item key; `meta_hash` is the sha256 of the Zotero metadata last overlaid on the document, and
 * `content_hash` the PDF's hash when it was; the row goes with its document.
 */
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE zotero_items (
      library_path    TEXT NOT NULL,
      attachment_key  TEXT NOT NULL,
      item_key        TEXT NOT NULL,
      date_modified   TEXT,
      meta_hash       TEXT NOT NULL,
      doc_id          INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      attachment_path TEXT NOT NULL,
      content_hash    TEXT,
      imported_at     INTEGER NOT NULL,
      PRIMARY KEY (library_path, attachment_key)
    );
    CREATE INDEX zotero_items_doc ON zotero_items (doc_id);
    CREATE INDEX zotero_items_item ON zotero_items (library_path, item_key);
  `);
}

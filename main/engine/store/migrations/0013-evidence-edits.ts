/**
 * Issue 24's migration (numbered 0013 for that issue; registered as the next version in this branch,
 * renumbered at merge): a review that can be edited without losing anything.
 *  - `evidence.position`: the user's own order within a collection (NULL: the row's id, i.e. the
 *    order it was added in); `evidence.deleted_at`: removed, kept for undo (review/edit.ts).
 *  - `collections.deleted_at` / `deleted_name`: a deleted collection keeps its evidence; its name is
 *    freed (set to a placeholder no user name can equal) and kept in `deleted_name` for restoring.
 */
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    ALTER TABLE evidence ADD COLUMN position REAL;
    ALTER TABLE evidence ADD COLUMN deleted_at INTEGER;
    ALTER TABLE collections ADD COLUMN deleted_at INTEGER;
    ALTER TABLE collections ADD COLUMN deleted_name TEXT;
    CREATE INDEX evidence_live ON evidence (collection_id, deleted_at);
  `);
}

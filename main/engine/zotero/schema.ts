/** Schema probes for Zotero databases (older and newer Zotero schemas differ a little). */
import type Database from 'better-sqlite3';

/** True when a table or view exists. */
export function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?").get(name) !== undefined;
}

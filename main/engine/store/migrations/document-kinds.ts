/**
 * Adds kinds to `documents.kind`'s CHECK. SQLite cannot change a CHECK in place, so the table is
 * rebuilt from its own current definition with the kinds added (ids kept; the runner turns foreign
 * keys off for a migration that rebuilds tables and checks them after), and its indexes and triggers
 * (the title index's) are made again from their stored SQL.
 */
import type Database from 'better-sqlite3';

const KIND_CHECK = /CHECK\s*\(\s*kind\s+IN\s*\(([^)]*)\)\s*\)/i;

export function addDocumentKinds(db: Database.Database, added: readonly string[]): void {
  const table = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'documents'").pluck().get() as string;
  const m = KIND_CHECK.exec(table);
  if (!m) throw new Error('documents.kind has no CHECK (kind IN (…)) to extend');
  const kinds = m[1]!.split(',').map((k) => k.trim());
  for (const k of added) if (!kinds.includes(`'${k}'`)) kinds.push(`'${k}'`);
  const created = table.replace(KIND_CHECK, `CHECK (kind IN (${kinds.join(', ')}))`)
    .replace(/^CREATE TABLE\s+("?documents"?)/i, 'CREATE TABLE documents_new');
  const extras = db.prepare("SELECT sql FROM sqlite_master WHERE tbl_name = 'documents' AND type IN ('index', 'trigger') AND sql IS NOT NULL")
    .pluck().all() as string[];
  const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('documents') as string[]).map((c) => `"${c}"`).join(', ');
  db.exec(created);
  db.exec(`INSERT INTO documents_new (${columns}) SELECT ${columns} FROM documents`);
  db.exec('DROP TABLE documents');
  db.exec('ALTER TABLE documents_new RENAME TO documents');
  for (const sql of extras) db.exec(sql);
}

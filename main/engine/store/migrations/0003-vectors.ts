/**
 * Registry of embedding models whose vectors the database holds. Each model's vectors live in their
 * own sqlite-vec table (created by ensureVectorTable once the model's dimensions are known), keyed by
 * chunk hash so unchanged text keeps its vectors across re-indexing and file moves.
 */
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE embedding_models (
      id          TEXT PRIMARY KEY,
      fingerprint TEXT NOT NULL,
      dims        INTEGER NOT NULL CHECK (dims > 0),
      vec_table   TEXT NOT NULL UNIQUE,
      complete    INTEGER NOT NULL DEFAULT 0,
      created_at  INTEGER NOT NULL
    );
  `);
}

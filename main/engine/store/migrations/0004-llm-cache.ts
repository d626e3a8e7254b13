/**
 * The LLM reply cache: one row per (role, model, prompt version, prompt, options) key, so a repeated
 * query costs no LLM call. Rows hold the parsed reply and token counts; `hits` counts reuse.
 */
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE llm_cache (
      key        TEXT PRIMARY KEY,
      role       TEXT NOT NULL,
      model      TEXT NOT NULL,
      reply      TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      hits       INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX llm_cache_created ON llm_cache (created_at);
  `);
}

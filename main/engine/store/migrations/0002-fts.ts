/**
 * FTS5 index over chunk text and heading path (porter stemming over unicode61, diacritics folded;
 * the middle dots that join Korean and Japanese word lists, ㆍ ・ ·, separate words).
 * External-content table kept in step with `chunks` by triggers, so every chunk write updates the
 * index in the same transaction.
 */
import type Database from 'better-sqlite3';
import { FTS_TOKENIZE } from '../fts-tokenizer.js';

export function up(db: Database.Database): void {
  db.exec(`
    CREATE VIRTUAL TABLE chunks_fts USING fts5 (
      text, heading_path,
      content = 'chunks', content_rowid = 'id',
      ${FTS_TOKENIZE}
    );
    CREATE TRIGGER chunks_fts_insert AFTER INSERT ON chunks BEGIN
      INSERT INTO chunks_fts (rowid, text, heading_path) VALUES (new.id, new.text, new.heading_path);
    END;
    CREATE TRIGGER chunks_fts_delete AFTER DELETE ON chunks BEGIN
      INSERT INTO chunks_fts (chunks_fts, rowid, text, heading_path) VALUES ('delete', old.id, old.text, old.heading_path);
    END;
    CREATE TRIGGER chunks_fts_update AFTER UPDATE OF text, heading_path ON chunks BEGIN
      INSERT INTO chunks_fts (chunks_fts, rowid, text, heading_path) VALUES ('delete', old.id, old.text, old.heading_path);
      INSERT INTO chunks_fts (rowid, text, heading_path) VALUES (new.id, new.text, new.heading_path);
    END;
    INSERT INTO chunks_fts (chunks_fts) VALUES ('rebuild');
  `);
}

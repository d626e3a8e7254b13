/**
 * Numbered schema migrations. The database's `user_version` is the number of the last one applied;
 * each runs in its own transaction, so a crash mid-migration leaves the previous version intact.
 * Add a migration: write NNNN-name.ts exporting `up(db)`, append it here, add NNNN-name.test.ts.
 */
import type Database from 'better-sqlite3';
import * as m0001 from './0001-documents.js';
import * as m0002 from './0002-fts.js';
import * as m0003 from './0003-vectors.js';
import * as m0004 from './0004-llm-cache.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: Migration[] = [
  { version: 1, name: 'documents', up: m0001.up },
  { version: 2, name: 'fts', up: m0002.up },
  { version: 3, name: 'vectors', up: m0003.up },
  { version: 4, name: 'llm-cache', up: m0004.up },
];

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Database.Database, to = MIGRATIONS.length): number {
  const from = schemaVersion(db);
  if (from > MIGRATIONS.length) {
    throw new Error(`database schema version ${from} is newer than this Delve (${MIGRATIONS.length}); update Delve`);
  }
  for (const m of MIGRATIONS) {
    if (m.version <= from || m.version > to) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return schemaVersion(db);
}

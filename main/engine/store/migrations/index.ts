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
import * as m0005 from './0005-pubmed.js';
import * as m0006 from './0006-collections.js';
import * as m0007 from './0007-zotero.js';
import * as m0008 from './0008-doc-fields.js';
import * as m0009 from './0009-ocr-formats.js';
import * as m0010 from './0010-references.js';
import * as m0011 from './0011-trials.js';
import * as m0013 from './0013-evidence-edits.js';
import * as m0014 from './0014-ocr-garbage.js';
import * as m0015 from './0015-record-headings.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
  /**
   * Rebuilds a parent table (SQLite's "make other kinds of table schema changes" procedure): runs with
   * foreign keys off, since dropping the old table would otherwise cascade-delete its children, and
   * checks every foreign key before committing.
   */
  rebuildsTables?: boolean;
}

export const MIGRATIONS: Migration[] = [
  { version: 1, name: 'documents', up: m0001.up },
  { version: 2, name: 'fts', up: m0002.up },
  { version: 3, name: 'vectors', up: m0003.up },
  { version: 4, name: 'llm-cache', up: m0004.up },
  { version: 5, name: 'pubmed', up: m0005.up, rebuildsTables: true },
  { version: 6, name: 'collections', up: m0006.up },
  { version: 7, name: 'zotero', up: m0007.up },
  { version: 8, name: 'doc-fields', up: m0008.up },
  { version: 9, name: 'ocr-formats', up: m0009.up, rebuildsTables: true },
  { version: 10, name: 'references', up: m0010.up, rebuildsTables: true },
  { version: 11, name: 'trials', up: m0011.up, rebuildsTables: true },
  { version: 12, name: 'evidence-edits', up: m0013.up },
  { version: 13, name: 'ocr-garbage', up: m0014.up },
  { version: 14, name: 'record-headings', up: m0015.up },
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
    // PRAGMA foreign_keys is a no-op inside a transaction: it is switched outside, and restored.
    const fkOn = db.pragma('foreign_keys', { simple: true }) === 1;
    if (m.rebuildsTables && fkOn) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        // Another process may have applied it since `from` was read (two opening a new library at once).
        if (schemaVersion(db) >= m.version) return;
        m.up(db);
        if (m.rebuildsTables) {
          const bad = db.pragma('foreign_key_check') as unknown[];
          if (bad.length > 0) throw new Error(`migration ${m.version} (${m.name}) broke ${bad.length} foreign keys`);
        }
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
    } finally {
      if (m.rebuildsTables && fkOn) db.pragma('foreign_keys = ON');
    }
  }
  return schemaVersion(db);
}

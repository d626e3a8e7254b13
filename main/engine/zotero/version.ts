/**
 * Which Zotero wrote a database. Zotero records its schema versions in the `version` table
 * (`schema = 'userdata'`, …). Zotero 5.0 upgraded userdata 80 → 81 (zotero/zotero, schema.js
 * `_migrateUserData…`): `itemAttachments.sourceItemID` and `itemNotes.sourceItemID` became
 * `parentItemID`, `deletedItems`, `itemData`, `collectionItems` were rebuilt, libraries got ids.
 * Zotero 5, 6 and 7 all have userdata ≥ 81 with `parentItemID`; Delve reads those. Anything older
 * (Zotero 4 and before: userdata ≤ 80, `sourceItemID`) or without the columns Delve reads is
 * refused with ZOTERO_UNSUPPORTED_VERSION and the version found.
 */
import type Database from 'better-sqlite3';
import { EngineError } from '../errors.js';
import { hasTable } from './schema.js';

export const MIN_USERDATA = 81;

const columns = (db: Database.Database, table: string): Set<string> =>
  new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name));

/** The userdata schema version, or null when the database has no `version` row for it. */
export function userdataVersion(db: Database.Database): number | null {
  if (!hasTable(db, 'version')) return null;
  const v = db.prepare("SELECT version FROM version WHERE schema = 'userdata'").pluck().get();
  return v === undefined || v === null ? null : Number(v);
}

export function describeVersion(v: number | null): string {
  return v === null ? 'no userdata version recorded' : `userdata schema version ${v}`;
}

/** Throws ZOTERO_UNSUPPORTED_VERSION unless this is a Zotero 5, 6 or 7 database Delve can read. */
export function checkVersion(db: Database.Database, file: string): number | null {
  const v = userdataVersion(db);
  const need: [string, string[]][] = [
    ['itemAttachments', ['itemID', 'parentItemID', 'linkMode', 'contentType', 'path']],
    ['itemNotes', ['itemID', 'parentItemID', 'note']],
    ['items', ['itemID', 'itemTypeID', 'key', 'dateModified']],
    ['itemData', ['itemID', 'fieldID', 'valueID']],
    ['fields', ['fieldID', 'fieldName']],
    ['itemDataValues', ['valueID', 'value']],
    ['deletedItems', ['itemID']],
  ];
  const missing = need.flatMap(([t, cols]) => {
    const have = columns(db, t);
    return cols.filter((c) => !have.has(c)).map((c) => `${t}.${c}`);
  });
  if ((v !== null && v < MIN_USERDATA) || missing.length > 0) {
    const old = v !== null && v < MIN_USERDATA ? ' (Zotero 4 or older)' : '';
    throw new EngineError('ZOTERO_UNSUPPORTED_VERSION',
      `${file}: ${describeVersion(v)}${old}${missing.length ? `, without ${missing.slice(0, 4).join(', ')}` : ''}; Delve reads Zotero 5, 6 and 7 databases (userdata ${MIN_USERDATA} or later): open the library once in a current Zotero to upgrade it`);
  }
  return v;
}

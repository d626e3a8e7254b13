import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { tempDir } from '../../../test/helpers/shared.js';
import { ZoteroFixture } from '../../../test/helpers/zotero-fixture.js';
import { openZotero } from './open.js';
import { readLibrary } from './read.js';

const code = (fn: () => unknown, c: string) => assert.throws(fn, (e: Error & { code?: string }) => e.code === c);

test('a missing folder, a folder without zotero.sqlite, a damaged file and a foreign database are refused with codes', () => {
  const dir = tempDir('zo-');
  code(() => openZotero(join(dir, 'nope')), 'FILE_NOT_FOUND');
  code(() => openZotero(dir), 'ZOTERO_INVALID');
  writeFileSync(join(dir, 'zotero.sqlite'), 'this is not sqlite at all, just text '.repeat(200));
  code(() => openZotero(dir), 'DB_CORRUPT');
  const other = join(dir, 'other');
  mkdirSync(other);
  const db = new Database(join(other, 'zotero.sqlite'));
  db.exec('CREATE TABLE items (x)');
  db.close();
  code(() => openZotero(other), 'ZOTERO_INVALID');
});

test('a library that Zotero has open (uncheckpointed WAL) is read from a copy; its files are untouched', () => {
  const dir = join(tempDir('zw-'), 'Zotero');
  const z = new ZoteroFixture(dir, { wal: true });
  const it = z.addItem({ title: 'Only in the WAL' });
  assert.ok(existsSync(join(dir, 'zotero.sqlite-wal')));
  const hash = (f: string) => createHash('sha256').update(readFileSync(join(dir, f))).digest('hex');
  const before = [hash('zotero.sqlite'), hash('zotero.sqlite-wal'), readdirSync(dir).sort().join()];
  const zdb = openZotero(dir);
  const lib = readLibrary(zdb.db, zdb.dataDir);
  zdb.close();
  assert.equal(lib.items.find((i) => i.key === it.key)?.title, 'Only in the WAL');
  assert.deepEqual([hash('zotero.sqlite'), hash('zotero.sqlite-wal'), readdirSync(dir).sort().join()], before);
  z.close();
});

/** A Zotero 4 database: userdata ≤ 80, attachments and notes keyed by `sourceItemID`. */
function zotero4(dir: string, userdata: number | null): void {
  mkdirSync(dir, { recursive: true });
  const db = new Database(join(dir, 'zotero.sqlite'));
  db.exec(`CREATE TABLE items (itemID INTEGER PRIMARY KEY, itemTypeID INT, dateAdded, dateModified, clientDateModified, libraryID INT, key TEXT);
    CREATE TABLE itemTypes (itemTypeID INTEGER PRIMARY KEY, typeName TEXT);
    CREATE TABLE itemData (itemID INT, fieldID INT, valueID);
    CREATE TABLE itemDataValues (valueID INTEGER PRIMARY KEY, value);
    CREATE TABLE fields (fieldID INTEGER PRIMARY KEY, fieldName TEXT);
    CREATE TABLE itemAttachments (itemID INTEGER PRIMARY KEY, sourceItemID INT, linkMode INT, mimeType TEXT, charsetID INT, path TEXT);
    CREATE TABLE itemNotes (itemID INTEGER PRIMARY KEY, sourceItemID INT, note TEXT, title TEXT);
    CREATE TABLE deletedItems (itemID INTEGER PRIMARY KEY, dateDeleted);
    CREATE TABLE version (schema TEXT PRIMARY KEY, version INT NOT NULL);`);
  if (userdata !== null) db.prepare("INSERT INTO version VALUES ('userdata', ?)").run(userdata);
  db.close();
}

test('a Zotero 4 (or unknown) schema is refused with ZOTERO_UNSUPPORTED_VERSION and the version found, never INTERNAL; the file is untouched', async () => {
  const root = tempDir('zv-');
  const old = join(root, 'old');
  zotero4(old, 77);
  const before = createHash('sha256').update(readFileSync(join(old, 'zotero.sqlite'))).digest('hex');
  assert.throws(() => openZotero(old), (e: Error & { code?: string }) => e.code === 'ZOTERO_UNSUPPORTED_VERSION' && /userdata schema version 77 \(Zotero 4 or older\)/.test(e.message));
  const unknown = join(root, 'unknown');
  zotero4(unknown, 113);
  assert.throws(() => openZotero(unknown), (e: Error & { code?: string }) => e.code === 'ZOTERO_UNSUPPORTED_VERSION' && /version 113, without itemAttachments.parentItemID/.test(e.message));
  const { createEngine } = await import('../index.js');
  const engine = await createEngine({ dbPath: join(root, 'd.db'), workers: 1 });
  try {
    await assert.rejects(engine.importZotero(old), (e: Error & { code?: string }) => e.code === 'ZOTERO_UNSUPPORTED_VERSION');
  } finally {
    engine.close();
  }
  assert.equal(createHash('sha256').update(readFileSync(join(old, 'zotero.sqlite'))).digest('hex'), before);
});

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

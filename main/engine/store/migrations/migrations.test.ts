import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDb } from '../db.js';
import { MIGRATIONS, migrate, schemaVersion } from './index.js';

test('migrations are numbered 1..n without gaps', () => {
  assert.deepEqual(MIGRATIONS.map((m) => m.version), MIGRATIONS.map((_, i) => i + 1));
});

test('a fresh database migrates to the latest version, and migrating again is a no-op', async () => {
  const { db } = await openDb(':memory:');
  assert.equal(schemaVersion(db), MIGRATIONS.length);
  assert.equal(migrate(db), MIGRATIONS.length);
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  db.close();
});

test('a database from a newer Delve is refused, not damaged', async () => {
  const { db } = await openDb(':memory:');
  db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
  assert.throws(() => migrate(db), /newer than this Delve/);
  db.close();
});

test('a failing migration rolls back and leaves the previous version', async () => {
  const { db } = await openDb(':memory:', { migrateTo: 1 });
  db.exec('CREATE TABLE chunks_fts (x)'); // makes migration 2 fail half-way
  assert.throws(() => migrate(db));
  assert.equal(schemaVersion(db), 1);
  assert.equal((db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'chunks_fts_insert'").get() as { n: number }).n, 0);
  db.close();
});

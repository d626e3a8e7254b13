/**
 * What the backups list says each backup holds, on real files: a full copy (read-only, leaving nothing
 * beside it) and a user-data export count the same live collections, evidence, notes and corrections;
 * each backup's label comes from its name; a damaged backup and a WAL-mode copy hold "unknown" (null).
 */
import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { tempDir } from '../../../test/helpers/shared.js';
import { createEngine } from '../index.js';
import { describeBackups } from './contents.js';
import { backupName, labelOf } from './files.js';

test('backups list what they hold, by label, without leaving files beside a full copy', async () => {
  const dir = tempDir('delve-backup-contents-');
  writeFileSync(join(dir, 'sleep.md'), '# Sleep\n\nContinuous positive airway pressure reduced daytime sleepiness.\n\nMandibular advancement splints helped less.\n');
  const dbPath = join(dir, 'lib.db');
  const e = await createEngine({ dbPath, workers: 1, ocr: { enabled: false } });
  await e.index([dir]);
  const hits = (await e.search('airway pressure splints', { k: 5, mode: 'bm25' })).results;
  e.createCollection('CPAP');
  e.addEvidence('CPAP', { chunkId: hits[0]!.chunkId }, { note: 'key finding' });
  e.addEvidence('CPAP', { chunkId: hits[0]!.chunkId, quote: 'daytime sleepiness' });
  e.createCollection('Gone');
  e.addEvidence('Gone', { chunkId: hits[0]!.chunkId }, { note: 'in a deleted collection' });
  e.deleteCollection('Gone');
  e.updateMetadata(hits[0]!.docId, { title: 'Sleep (corrected)' });
  const full = await e.backup();
  const json = await e.backup({ userData: true });
  e.close();

  const want = { collections: 1, evidence: 2, notes: 1, corrections: 1 };
  const listed = describeBackups(dbPath);
  const byFile = new Map(listed.map((b) => [b.file, b]));
  assert.deepEqual(byFile.get(full.file)?.holds, want);
  assert.deepEqual(byFile.get(json.file)?.holds, want);
  assert.deepEqual([byFile.get(full.file)?.label, byFile.get(json.file)?.label], ['manual', 'manual']);
  assert.ok(listed.some((b) => b.label === 'auto'), 'the automatic snapshot is listed as such');
  const names = readdirSync(join(dir, 'backups'));
  assert.deepEqual(names.filter((n) => /-(wal|shm|journal)$/.test(n)), [], names.join(', '));

  // A damaged backup, and a copy in WAL mode (made before copies were written in rollback mode): unknown.
  const damaged = backupName(dbPath, 'manual', 'json', Date.UTC(2020, 0, 1));
  writeFileSync(damaged, '{"format":"delve-user-data", "collections": [');
  const wal = backupName(dbPath, 'pre-migration', 'db', Date.UTC(2020, 0, 2));
  copyFileSync(full.file, wal);
  const w = new Database(wal);
  w.pragma('journal_mode = WAL');
  w.close();
  const again = new Map(describeBackups(dbPath).map((b) => [b.file, b]));
  assert.equal(again.get(damaged)?.holds, null);
  assert.equal(again.get(wal)?.holds, null);
  assert.equal(again.get(wal)?.label, 'pre-migration');
  assert.deepEqual(again.get(full.file)?.holds, want);
});

test('labelOf reads the label from a backup name, even where the library name has hyphens', () => {
  assert.equal(labelOf(backupName('/x/my-lib-auto.db', 'pre-restore', 'json', 0)), 'pre-restore');
  assert.equal(labelOf(backupName('/x/delve.db', 'auto', 'json', 0)), 'auto');
  assert.equal(labelOf('/elsewhere/copy.db'), 'manual');
});

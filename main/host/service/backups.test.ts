/**
 * The app's backup commands on a real engine: a backup, the list, a restore refused for a file outside
 * the backups folder, a restore merged into the open library, and over a damaged library (the open
 * fails with DB_CORRUPT; restoreBackup still lists and restores, and the library opens again); the
 * backups:changed event for the engine's own snapshot and for "back up now".
 */
import assert from 'node:assert/strict';
import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/shared.js';
import { createEngine } from '../../engine/index.js';
import { createEngineService } from './index.js';
import type { BackupChange } from '../../engine/api.js';
import type { EngineEvent } from '../engine-protocol.js';

test('backup, backups and restoreBackup through the engine service, also on a damaged library', async () => {
  const root = tempDir('delve-backup-svc-');
  writeFileSync(join(root, 'sleep.md'), '# Sleep\n\nContinuous positive airway pressure reduced daytime sleepiness in the trial.\n');
  const dbPath = join(root, 'delve.db');
  let service = createEngineService({ config: { dataDir: root, dbPath }, emit: () => undefined, openEngine: (c) => createEngine({ ...c, workers: 1, ocr: { enabled: false } }) });
  await service.index([root]);
  const hit = (await service.search('airway pressure', { mode: 'bm25' })).results[0]!;
  await service.setSettings({ theme: 'dark' });
  await service.createCollection('CPAP');
  await service.addEvidence('CPAP', { chunkId: hit.chunkId }, { note: 'key finding' });
  const full = await service.backup();
  const json = await service.backup({ userData: true });
  assert.equal(full.kind, 'full');
  assert.equal(json.kind, 'user-data');
  const listed = (await service.backups()).map((b) => b.file);
  assert.ok(listed.includes(full.file) && listed.includes(json.file));

  await assert.rejects(service.restoreBackup(join(root, 'sleep.md')), { code: 'BAD_ARGUMENT' });
  const merged = await service.restoreBackup(json.file);
  assert.deepEqual([merged.evidence.added, merged.evidence.kept, merged.replaced], [0, 1, null]);
  await service.close();

  const fd = openSync(dbPath, 'r+');
  writeSync(fd, Buffer.alloc(100, 0xa5), 0, 100, 0);
  closeSync(fd);
  service = createEngineService({ config: { dataDir: root, dbPath }, emit: () => undefined, openEngine: (c) => createEngine({ ...c, workers: 1, ocr: { enabled: false } }) });
  await assert.rejects(service.collections(), { code: 'DB_CORRUPT' });
  const replaced = await service.restoreBackup(full.file);
  assert.match(replaced.replaced!.damaged!, /delve\.db\.damaged-/);
  const evidence = await service.evidence('CPAP');
  assert.deepEqual(evidence.map((e) => e.note), ['key finding']);
  await service.close();

  // A new machine: the user-data backup brings the collections and the app settings back.
  const other = tempDir('delve-backup-svc2-');
  mkdirSync(join(other, 'backups'));
  const moved = join(other, 'backups', basename(json.file));
  copyFileSync(json.file, moved);
  const fresh = createEngineService({ config: { dataDir: other, dbPath: join(other, 'delve.db') }, emit: () => undefined, openEngine: (c) => createEngine({ ...c, workers: 1, ocr: { enabled: false } }) });
  const r = await fresh.restoreBackup(moved);
  assert.equal(r.evidence.added, 1);
  assert.equal((await fresh.getSettings()).theme, 'dark');
  assert.deepEqual((await fresh.evidence('CPAP')).map((e) => e.note), ['key finding']);
  await fresh.close();
});

test('the engine\'s automatic snapshot and "back up now" reach the window as backups:changed', { timeout: 60_000 }, async (t) => {
  const root = tempDir('delve-backup-svc-events-');
  const events: EngineEvent[] = [];
  let heard: (() => void) | null = null;
  const service = createEngineService({
    config: { dataDir: root, dbPath: join(root, 'delve.db') },
    emit: (e) => { events.push(e); heard?.(); },
    openEngine: (c) => createEngine({ ...c, workers: 1, ocr: { enabled: false } }),
  });
  const changes = () => events.flatMap((e) => (e.name === 'backups:changed' ? [e.payload] : []));
  /** Waits for the event itself (the snapshot timer does not hold the process open: this interval does). */
  const until = async (match: (c: BackupChange) => boolean) => {
    const keep = setInterval(() => undefined, 60_000);
    try {
      while (!changes().some(match)) {
        await new Promise<void>((ok, fail) => {
          heard = ok;
          t.signal.addEventListener('abort', () => fail(new Error('no backups:changed came')), { once: true });
        });
      }
    } finally {
      clearInterval(keep);
    }
    return changes().find(match)!;
  };
  try {
    await service.createCollection('CPAP');
    const auto = await until((c) => /delve-auto-.*\.json$/.test(c.file));
    assert.equal(auto.change, 'written');
    assert.deepEqual((await service.backups()).map((b) => b.file), [auto.file]);
    const full = await service.backup();
    assert.deepEqual(await until((c) => c.file === full.file), { file: full.file, change: 'written' });
  } finally {
    await service.close();
  }
});

test('"Export my work" (saveUserDataTo) writes the chosen file alone: nothing among the backups, no backups:changed', async () => {
  const root = tempDir('delve-backup-svc-export-');
  const events: EngineEvent[] = [];
  const service = createEngineService({
    config: { dataDir: root, dbPath: join(root, 'delve.db') },
    emit: (e) => events.push(e),
    openEngine: (c) => createEngine({ ...c, workers: 1, ocr: { enabled: false } }),
  });
  try {
    await service.setSettings({ theme: 'dark' });
    await service.createCollection('CPAP');
    const chosen = join(tempDir('delve-export-elsewhere-'), 'my work.json');
    const made = await service.saveUserDataTo(chosen);
    assert.deepEqual([made.file, made.kind], [chosen, 'user-data']);
    const data = JSON.parse(readFileSync(chosen, 'utf8')) as { collections: { name: string }[]; settings: { theme: string } };
    assert.deepEqual(data.collections.map((c) => c.name), ['CPAP']);
    assert.equal(data.settings.theme, 'dark');
    // (the engine's own automatic snapshot may come at any time: only a manual backup would be the export's)
    assert.deepEqual((await service.backups()).filter((b) => /-manual-/.test(b.file)), [], 'nothing written among the backups');
    assert.equal(events.some((e) => e.name === 'backups:changed' && e.payload.file === chosen), false);
  } finally {
    await service.close();
  }
});

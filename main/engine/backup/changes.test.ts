/**
 * Each backup this process writes or removes is announced to the library's watchers (changes.ts): the
 * engine's own debounced snapshot after a change, a full copy, a copy before a migration, rotation of old
 * snapshots; a copy written elsewhere (`--out`) or another library's backup is not this list's change.
 * Every wait is for the event itself, never for a time.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { createEngine } from '../index.js';
import { openDb } from '../store/db.js';
import { tempDir } from '../../../test/helpers/shared.js';
import type { BackupChange } from './changes.js';
import { backupDir, backupName, watchBackups } from './files.js';
import { AUTO_KEEP, snapshotUserData } from './snapshot.js';

/** The changes seen for one library, and a wait for the first one that matches. */
function watch(dbPath: string) {
  const seen: BackupChange[] = [];
  const waiting: { match: (c: BackupChange) => boolean; found: (c: BackupChange) => void }[] = [];
  const stop = watchBackups(dbPath, (c) => {
    seen.push(c);
    for (const w of waiting.splice(0)) {
      if (w.match(c)) w.found(c);
      else waiting.push(w);
    }
  });
  /** The first change that matches; `signal` (the test's) ends the wait when the test times out. */
  const next = (match: (c: BackupChange) => boolean, signal: AbortSignal): Promise<BackupChange> => {
    const old = seen.find(match);
    if (old) return Promise.resolve(old);
    // The engine's snapshot timer does not hold the process open; this does, until the event comes.
    const keep = setInterval(() => undefined, 60_000);
    return new Promise<BackupChange>((found, fail) => {
      waiting.push({ match, found });
      signal.addEventListener('abort', () => fail(new Error('no such backup change was announced')), { once: true });
    }).finally(() => clearInterval(keep));
  };
  return { seen, stop, next };
}

const named = (label: string, ext: string) => (c: BackupChange) => c.change === 'written' && new RegExp(`-${label}-.*\\.${ext}$`).test(c.file);

test('the automatic snapshot after a change, and a full copy, are announced to the library\'s watchers', { timeout: 60_000 }, async (t) => {
  const dir = tempDir('delve-backup-changes-');
  const dbPath = join(dir, 'lib.db');
  const other = watch(join(dir, 'other.db'));
  const e = await createEngine({ dbPath, workers: 1, ocr: { enabled: false } });
  const w = watch(dbPath);
  try {
    assert.deepEqual(w.seen, []); // nothing made yet: no snapshot at open
    e.createCollection('Sleep review', 'CPAP trials');
    const auto = await w.next(named('auto', 'json'), t.signal);
    assert.ok(existsSync(auto.file), auto.file);
    assert.equal(auto.file.startsWith(backupDir(dbPath)), true);
    assert.deepEqual(e.backups().map((b) => b.file), [auto.file]);

    const full = await e.backup();
    assert.deepEqual(await w.next(named('manual', 'db'), t.signal), { file: full.file, change: 'written' });
    // A copy written elsewhere is not one of the library's backups.
    const count = w.seen.length;
    await e.backup({ out: join(dir, 'elsewhere.db') });
    assert.equal(w.seen.length, count);
    assert.deepEqual(other.seen, []);
  } finally {
    e.close();
    w.stop();
    other.stop();
  }
});

test('rotation of old snapshots and the copy before a migration are announced; a stopped watcher hears nothing', { timeout: 60_000 }, async (t) => {
  const dir = tempDir('delve-backup-changes2-');
  const dbPath = join(dir, 'old.db');
  const { db } = await openDb(dbPath, { migrateTo: 6 });
  db.prepare("INSERT INTO collections (name, description, created_at) VALUES ('Sleep review', '', 1)").run();
  // The newest AUTO_KEEP snapshots are already there (older than any taken now).
  const old = Array.from({ length: AUTO_KEEP }, (_, i) => backupName(dbPath, 'auto', 'json', Date.UTC(2020, 0, 1, 0, i)));
  mkdirSync(backupDir(dbPath), { recursive: true });
  for (const file of old) writeFileSync(file, '{}');
  db.close();

  const w = watch(dbPath);
  const e = await createEngine({ dbPath, ocr: { enabled: false } });
  try {
    const pre = await w.next(named('pre-migration', 'db'), t.signal);
    assert.ok(existsSync(pre.file));
    // The snapshot at open (the user's work differs from the newest one) pushes the oldest out.
    const removed = await w.next((c) => c.change === 'removed', t.signal);
    assert.equal(basename(removed.file), basename(old[0]!));
    assert.equal(existsSync(old[0]!), false);
    assert.ok(w.seen.some(named('auto', 'json')));
  } finally {
    e.close();
  }
  w.stop();
  const { db: again } = await openDb(dbPath);
  again.prepare("INSERT INTO collections (name, description, created_at) VALUES ('Knee review', '', 2)").run();
  const count = w.seen.length;
  assert.ok(snapshotUserData(again, dbPath));
  again.close();
  assert.equal(w.seen.length, count);
});

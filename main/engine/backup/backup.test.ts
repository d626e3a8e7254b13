/**
 * Backups of the user's own work, with real files: automatic snapshots after changes, a full copy by
 * SQLite's online backup, a user-data export, and `delve restore` (as a process) into a sound library
 * (merged: nothing made since is lost), over a damaged one (replaced, then the newest snapshot merged),
 * and into a fresh one (the JSON export read back; corrections wait for their documents).
 */
import assert from 'node:assert/strict';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createEngine, type DelveEngine } from '../index.js';
import { openDb } from '../store/db.js';
import { realSources } from '../../../test/helpers/real-library.js';
import { tempDir } from '../../../test/helpers/shared.js';
import { delve, delveJson } from '../../../test/helpers/cli.js';
import type { RestoreReport } from './restore.js';

const dir = tempDir('delve-backup-');
const env = { ...process.env, DELVE_OCR: '0', DELVE_HOME: join(dir, 'home') };
const folder = realSources().notes[0]!;
const open = (name: string) => createEngine({ dbPath: join(dir, name), workers: 2, ocr: { enabled: false } });

/** The user's work as the facade shows it, for comparing two libraries. */
function work(e: DelveEngine) {
  return {
    collections: e.collections().map((c) => ({ name: c.name, evidence: e.evidence(c.name, 'manual').map((r) => [r.path, r.quote, r.note]) })),
    deleted: e.deletedCollections().map((c) => c.name),
  };
}

async function makeWork(e: DelveEngine): Promise<{ docId: number }> {
  await e.index([folder]);
  const hits = (await e.search('rebase interactive commits', { k: 5, mode: 'bm25' })).results;
  assert.ok(hits.length >= 3);
  e.createCollection('Review', 'git tips');
  for (const h of hits.slice(0, 3)) e.addEvidence('Review', { chunkId: h.chunkId }, { note: `note on ${h.chunkId}`, tags: ['git'] });
  e.createCollection('Old');
  e.addEvidence('Old', { chunkId: hits[3]!.chunkId });
  e.deleteCollection('Old');
  e.updateMetadata(hits[0]!.docId, { title: 'Corrected title', year: 1999 });
  return { docId: hits[0]!.docId };
}

function overwriteHeader(file: string): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(100, 0xa5), 0, 100, 0);
  closeSync(fd);
}

test('backups: automatic snapshots, a full copy, restore into a sound and over a damaged library without losing what came after', async () => {
  const e = await open('lib.db');
  const { docId } = await makeWork(e);
  const full = await e.backup();
  assert.equal(full.kind, 'full');
  // Made after the backup: only the automatic snapshot holds it once the library is damaged.
  e.createCollection('Since');
  const later = (await e.search('vim', { k: 1, mode: 'bm25', history: false })).results[0]!;
  e.addEvidence('Since', { chunkId: later.chunkId }, { note: 'made after the backup' });
  const before = work(e);
  e.close();
  const kinds = (await open('lib.db').then((x) => { const b = x.backups(); x.close(); return b; })).map((b) => b.file);
  assert.ok(kinds.some((f) => /lib-auto-.*\.json$/.test(f)) && kinds.some((f) => /lib-manual-.*\.db$/.test(f)), kinds.join(', '));

  // Restore into the sound library: merged, nothing made since is dropped, nothing doubled.
  const merged = await delveJson<RestoreReport>(['restore', full.file, '--db', join(dir, 'lib.db')], { env });
  assert.equal(merged.replaced, null);
  assert.equal(merged.evidence.added, 0);
  let check = await open('lib.db');
  assert.deepEqual(work(check), before);
  check.close();

  // Damaged: `delve status` names the newest copy of the whole library as the way out (newer snapshots exist); restore replaces it and keeps 'Since'.
  overwriteHeader(join(dir, 'lib.db'));
  const status = await delve(['status', '--db', join(dir, 'lib.db')], { env });
  assert.match(status.stderr, /^delve: DB_CORRUPT: .*Way out: restore the newest copy of the whole library/);
  assert.ok(status.stderr.includes(`(delve restore "${full.file}"; what you made since comes back from the newest automatic snapshot)`), status.stderr);
  const replaced = await delveJson<RestoreReport>(['restore', full.file, '--db', join(dir, 'lib.db')], { env });
  assert.match(replaced.replaced!.damaged!, /lib\.db\.damaged-/);
  assert.match(replaced.replaced!.snapshot!, /lib-auto-/);
  check = await open('lib.db');
  assert.deepEqual(work(check), before);
  assert.equal(check.document(docId).title, 'Corrected title');
  assert.equal(check.document(docId).year, 1999);
  check.close();
});

test('a user-data export reads back into a fresh library; corrections wait for their documents', async () => {
  const e = await open('src.db');
  const { docId } = await makeWork(e);
  const path = e.document(docId).path;
  const before = work(e);
  e.close();
  const out = join(dir, 'mine.json');
  const settingsFile = join(dir, 'home', 'settings.json');
  mkdirSync(join(dir, 'home'), { recursive: true });
  writeFileSync(settingsFile, JSON.stringify({ theme: 'dark', chunking: { size: 1200, overlap: 100 } }));
  const exported = await delve(['backup', '--user-data', '--out', out, '--db', join(dir, 'src.db')], { env });
  assert.equal(exported.code, 0, exported.stderr);

  rmSync(settingsFile); // a new machine: no settings yet, so the backup's come back
  const fresh = await delveJson<RestoreReport & { settingsRestored: boolean }>(['restore', out, '--db', join(dir, 'fresh.db')], { env });
  assert.equal(fresh.settingsRestored, true);
  assert.deepEqual(JSON.parse(readFileSync(settingsFile, 'utf8')), { theme: 'dark', chunking: { size: 1200, overlap: 100 } });
  assert.equal(fresh.collections.added, 2);
  assert.equal(fresh.evidence.added, 4);
  assert.equal(fresh.corrections.pending, 2);
  let f = await open('fresh.db');
  assert.deepEqual(work(f), before);
  assert.equal(f.roots()[0]?.path, folder);
  await f.index([folder]);
  f.close();
  writeFileSync(settingsFile, JSON.stringify({ theme: 'light' })); // made since: kept
  const again = await delveJson<RestoreReport & { settingsRestored: boolean }>(['restore', out, '--db', join(dir, 'fresh.db')], { env });
  assert.equal(again.settingsRestored, false);
  assert.deepEqual(JSON.parse(readFileSync(settingsFile, 'utf8')), { theme: 'light' });
  assert.deepEqual(again.corrections, { added: 2, kept: 0, pending: 0 });
  assert.equal(again.evidence.added, 0);
  f = await open('fresh.db');
  const doc = f.status().documents.find((d) => d.path === path)!;
  assert.ok(doc);
  const id = (await f.search('rebase interactive commits', { k: 20, mode: 'bm25' })).results.find((r) => r.path === path)!.docId;
  assert.equal(f.document(id).title, 'Corrected title');
  assert.ok(f.evidence('Review').every((r) => r.chunkId !== null), 'evidence re-linked to the new chunks');
  f.close();

  const bad = await delve(['restore', join(dir, 'src.db-wal-missing'), '--db', join(dir, 'fresh.db')], { env });
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /FILE_NOT_FOUND/);
});

test('a migration is preceded by a full copy of the library', async () => {
  const path = join(dir, 'old.db');
  const { db } = await openDb(path, { migrateTo: 5 });
  db.prepare("INSERT INTO settings (key, value) VALUES ('marker', 'v5')").run();
  db.close();
  const e = await createEngine({ dbPath: path, ocr: { enabled: false } });
  const pre = e.backups().filter((b) => /old-pre-migration-.*\.db$/.test(b.file));
  e.close();
  assert.equal(pre.length, 1);
  const { db: copy } = await openDb(pre[0]!.file, { readonly: true });
  assert.equal(copy.pragma('user_version', { simple: true }), 5);
  assert.equal(copy.prepare("SELECT value FROM settings WHERE key = 'marker'").pluck().get(), 'v5');
  copy.close();
});

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLI, sharedDir, tempDir } from '../../../test/helpers/shared.js';
import { ZoteroFixture } from '../../../test/helpers/zotero-fixture.js';
import { createEngine } from '../index.js';
import type { ZoteroImportSummary } from './import.js';

const pdfs = join(sharedDir(), 'pdfs');
const A = join(pdfs, 'acl_N18-3011_literature-graph-semantic-scholar.pdf');
const B = join(pdfs, 'intpsychogeriatrics-2014-26-147_NC.pdf');
const counts = (s: ZoteroImportSummary) => [s.added, s.updated, s.removed, s.unchanged, s.parsed];

test('a replaced PDF is re-parsed and keeps its overlay; a missing stored file is skipped; a standalone PDF is an item', async () => {
  const root = tempDir('zi-');
  const dir = join(root, 'Zotero');
  const z = new ZoteroFixture(dir);
  const it = z.addItem({ title: 'Zotero title', creators: [{ firstName: 'Ann', lastName: 'Smith' }], date: '2001', doi: '10.1/x' });
  const att = z.attachStored(it.id, A, 'paper.pdf');
  const loose = z.attachStored(null, B, 'loose.pdf');
  z.setField(loose.id, 'title', 'A loose PDF');
  const lost = z.addItem({ title: 'Its file is gone' });
  const lostAtt = z.attachStored(lost.id, A, 'lost.pdf');
  rmSync(lostAtt.path);
  z.close();
  const engine = await createEngine({ dbPath: join(root, 'd.db'), workers: 1 });
  try {
    const first = await engine.importZotero(dir);
    assert.deepEqual(counts(first), [2, 0, 0, 0, 2]);
    assert.deepEqual(first.skipped.map((s) => [s.path, s.code]), [[lostAtt.path, 'FILE_NOT_FOUND']]);
    copyFileSync(B, att.path); // the PDF is replaced in Zotero's storage
    const second = await engine.importZotero(dir);
    assert.deepEqual(counts(second), [0, 1, 0, 1, 1]);
    const res = await engine.search('psychogeriatric', { mode: 'bm25', k: 10 });
    const titles = new Set(res.results.map((r) => r.title));
    assert.ok(titles.has('Zotero title'), 'the re-parsed PDF still carries Zotero\'s title');
    assert.ok(titles.has('A loose PDF'));

    // Zotero renames the stored file: the document moves with its chunks; the item is updated.
    renameSync(att.path, join(dir, 'storage', att.key, 'Smith - 2001 - Zotero title.pdf'));
    const z2 = new ZoteroFixture(dir, { reopen: true });
    z2.db.prepare('UPDATE itemAttachments SET path = ? WHERE itemID = ?').run('storage:Smith - 2001 - Zotero title.pdf', att.id);
    z2.trash(loose.id);
    z2.close();
    const third = await engine.importZotero(dir);
    assert.deepEqual(counts(third), [0, 1, 1, 0, 1]);
    assert.deepEqual(third.skipped.map((s) => s.code), ['FILE_NOT_FOUND'], 'only the attachment whose file is lost');
    const after = await engine.search('psychogeriatric', { mode: 'bm25', k: 10 });
    assert.deepEqual([...new Set(after.results.map((r) => r.title))], ['Zotero title']);
    assert.ok(after.results.every((r) => r.path.endsWith('Smith - 2001 - Zotero title.pdf')));
  } finally {
    engine.close();
  }
});

test('delve zotero import --json prints the summary; a folder that is not Zotero\'s fails with ZOTERO_INVALID', () => {
  const root = tempDir('zc-');
  const dir = join(root, 'Zotero');
  const z = new ZoteroFixture(dir);
  z.attachStored(z.addItem({ title: 'CLI item' }).id, A);
  z.close();
  const db = join(root, 'cli.db');
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, DELVE_DB: db } });
  const r = run('zotero', 'import', dir, '--db', db, '--json');
  assert.equal(r.status, 0, r.stderr);
  const s = JSON.parse(r.stdout) as ZoteroImportSummary;
  assert.deepEqual([s.added, s.items, s.library], [1, 1, dir]);
  const again = JSON.parse(run('zotero', 'import', dir, '--json').stdout) as ZoteroImportSummary;
  assert.deepEqual([again.added, again.unchanged, again.parsed], [0, 1, 0]);
  const bad = run('zotero', 'import', root, '--db', db);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /ZOTERO_INVALID/);
  assert.equal(run('zotero', 'export', dir).status, 2);
  assert.equal(run('zotero', 'import').status, 2);
});

/**
 * Issue 22's "nothing lost" in the window, in real Chromium against the real engine (the test bridge):
 * Settings → Your data and backups makes a backup, lists it with what it holds, restores it after a
 * collection was deleted (the collection and its note come back), and exports the user's work through
 * the save dialog; a damaged library file (its header overwritten, as store/damage.test.ts does) opens
 * to a banner offering the newest whole copy, and restoring brings back the work of the copy and the
 * work made after it (the newest automatic snapshot). axe in light and dark on both: 0 serious/critical.
 * While the list is open, it follows new backups: the engine's own snapshot after a change (the
 * backups:changed event) and a `delve backup` run by the CLI (read again when the window regains focus).
 * A library another Delve process is writing (its writer lock held) makes the Library's indexing wait,
 * saying whom for, and go on once the lock is released.
 * Screenshots: test-artifacts/e2e/22d-*.png, 22g-backups-live.png.
 */
import assert from 'node:assert/strict';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { REPO_ROOT, tempDir } from '../helpers/shared.js';
import Database from 'better-sqlite3';
import { hostname } from 'node:os';
import { axeCounts, axeLightAndDark, axeLine } from './a11y.js';
import { missingBrowser, openApp, openScreen, screenshot } from './browser.js';
import { startIndexedBridge } from './bridge/indexed.js';
import { startBridge, type Bridge } from './bridge/server.js';
import { delveJson } from '../helpers/cli.js';

const missing = missingBrowser() ?? (existsSync(join(REPO_ROOT, 'renderer', 'dist', 'index.html')) ? null : 'renderer/dist is not built (npm run build:renderer)');
if (missing && process.env.CI) throw new Error(`the end-to-end suite cannot run: ${missing}`);

const VIEWPORT = { width: 1280, height: 900 };

/** Two notes to cite from. */
function writeNotes(dir: string): string {
  const notes = join(dir, 'notes');
  mkdirSync(notes, { recursive: true });
  writeFileSync(join(notes, 'sleep.md'), '# Sleep apnoea\n\nContinuous positive airway pressure reduced daytime sleepiness in the randomised trial.\n');
  writeFileSync(join(notes, 'knee.md'), '# Knee osteoarthritis\n\nSupervised exercise therapy reduced knee pain more than usual care at twelve weeks.\n');
  return notes;
}

type Ok<T> = { ok: true; data: T };
async function call<T>(bridge: Bridge, name: Parameters<Bridge['call']>[0], ...args: unknown[]): Promise<T> {
  const r = await (bridge.call as (n: string, ...a: unknown[]) => Promise<unknown>)(name, ...args) as Ok<T> | { ok: false; error: { code: string; message: string } };
  assert.equal(r.ok, true, JSON.stringify(r).slice(0, 400));
  return (r as Ok<T>).data;
}

/** A collection with one piece of evidence carrying a note, made through the commands the Search screen uses. */
async function saveEvidence(bridge: Bridge, collection: string, query: string, note: string): Promise<void> {
  const hit = (await call<{ results: { chunkId: number }[] }>(bridge, 'search', query, { mode: 'bm25' })).results[0];
  assert.ok(hit, `a result for ${query}`);
  await call(bridge, 'createCollection', collection);
  await call(bridge, 'addEvidence', collection, { chunkId: hit.chunkId }, { note });
}

/** Waits (up to 30 s) until the engine's automatic snapshot of the user's work is listed. */
async function untilSnapshot(bridge: Bridge): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const list = await call<{ label: string }[]>(bridge, 'backups');
    if (list.some((b) => b.label === 'auto')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail('no automatic snapshot was listed within 30 s of a change');
}

/** Scrolls an element to the top (or the middle) of the screen, for a screenshot that shows it whole. */
const show = (l: Locator, block: 'start' | 'center' = 'start') => l.evaluate((el, b) => el.scrollIntoView({ block: b }), block);

const names = async (bridge: Bridge) => (await call<{ name: string }[]>(bridge, 'collections')).map((c) => c.name).sort();

function failOnSerious(lines: { line: string; counts: { serious: number; critical: number } }[]): void {
  for (const { line, counts } of lines) {
    console.log(line);
    assert.equal(counts.serious + counts.critical, 0, line);
  }
}

describe('Settings → Your data and backups (Chromium)', { skip: missing ?? false }, () => {
  const dir = tempDir('delve-e2e-22d-');
  let bridge: Bridge;
  let browser: Browser;
  let page: Page;
  const section = () => page.getByRole('region', { name: 'Settings' }).locator('section[aria-labelledby="settings-backups"]');
  const openBackups = async () => {
    await openScreen(page, 'Settings');
    await section().getByRole('list', { name: 'Backups' }).waitFor({ timeout: 30_000 });
    await section().scrollIntoViewIfNeeded();
  };

  before(async () => {
    bridge = await startIndexedBridge(dir, [writeNotes(dir)]);
    await saveEvidence(bridge, 'Sleep review', 'airway pressure sleepiness', 'key finding: CPAP helps');
    // The engine snapshots the user's work 2 s after a change (debounced): the Settings screen lists the
    // backups when it opens, so the snapshot is waited for first, or the list could load before it.
    await untilSnapshot(bridge);
    ({ browser, page } = await openApp(bridge.url, VIEWPORT));
  });
  after(async () => {
    await browser?.close();
    await bridge?.close();
  });

  test('back up, delete a collection, restore it from the list, and export the work', async () => {
    await openBackups();
    await section().getByRole('button', { name: 'Back up now' }).click();
    await section().getByRole('status').getByText(/^Backed up the whole library to delve-manual-.*\.db/).waitFor({ timeout: 30_000 });
    const made = section().getByRole('listitem').filter({ hasText: 'Backup made by you' });
    await made.waitFor();
    assert.match(await made.textContent() ?? '', /whole library.*1 collection · 1 piece of evidence · 1 note · 0 corrections/);

    // The user's work changes: the collection is deleted (Review → Delete, here through its command).
    await call(bridge, 'deleteCollection', 'Sleep review');
    assert.deepEqual(await names(bridge), []);

    await made.getByRole('button', { name: /^Restore the backup made by you of / }).click();
    const ask = section().getByRole('group', { name: /^Restore the backup of / });
    assert.match(await ask.textContent() ?? '', /Nothing is removed or overwritten/);
    await show(ask, 'center');
    await screenshot(page, '22d-backups-confirm-light');
    await ask.getByRole('button', { name: 'Restore this backup' }).click();
    await section().getByRole('status').getByText(/^1 collection added \(0 already there\), 1 piece of evidence added/).waitFor({ timeout: 30_000 });
    assert.deepEqual(await names(bridge), ['Sleep review']);
    const evidence = await call<{ note: string }[]>(bridge, 'evidence', 'Sleep review');
    assert.deepEqual(evidence.map((e) => e.note), ['key finding: CPAP helps']);
    // The restore took a snapshot first, listed as such.
    await section().getByRole('listitem').filter({ hasText: 'Snapshot taken before a restore' }).first().waitFor();

    await openScreen(page, 'Review');
    const review = page.getByRole('region', { name: 'Review' });
    // The live collection is back (the deleted one stays under "Deleted collections" for its own undo).
    await review.getByRole('navigation', { name: 'Collections' }).getByRole('button', { name: 'Sleep review 1 item' }).click();
    await review.getByText('key finding: CPAP helps').waitFor({ timeout: 30_000 });

    await openBackups();
    await section().getByRole('button', { name: 'Export my work…' }).click();
    const exported = section().getByRole('status').getByText(/^Your work was exported to /);
    await exported.waitFor({ timeout: 30_000 });
    const file = /exported to (.+)\.$/.exec(await exported.textContent() ?? '')![1]!;
    assert.ok(file.startsWith(join(dir, 'exports')), file);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { format: string; collections: { name: string; deletedAt: number | null; evidence: { note: string }[] }[] };
    assert.equal(data.format, 'delve-user-data');
    assert.deepEqual(data.collections.filter((c) => c.deletedAt === null).map((c) => [c.name, c.evidence.map((e) => e.note)]), [['Sleep review', ['key finding: CPAP helps']]]);
    await show(section());
    await screenshot(page, '22d-backups-light');
  });

  test('the open list follows new backups: the engine\'s snapshot after a change, and a `delve backup` from a terminal once the window has focus again', async () => {
    await openBackups();
    const first = () => section().getByRole('list', { name: 'Backups' }).getByRole('listitem').first();
    const before = await first().textContent();
    // A change to the user's work while Settings stays open: the engine's debounced snapshot is announced
    // (backups:changed) and listed, without reopening the screen.
    await call(bridge, 'createCollection', 'Knee review');
    await first().filter({ hasText: 'Automatic snapshot of your work' }).filter({ hasText: '2 collections · 1 piece of evidence · 1 note' }).waitFor({ timeout: 30_000 });
    assert.notEqual(await first().textContent(), before);
    assert.ok(bridge.events.some((e) => e.name === 'backups:changed' && /delve-auto-.*\.json$/.test(e.payload.file)));
    await show(section());
    await screenshot(page, '22g-backups-live');

    // `delve backup` in another process: this process is not told; the list is read again when the window comes back.
    const cli = await delveJson<{ file: string }>(['backup', '--db', join(dir, 'data', 'delve.db')], { env: { ...process.env, DELVE_OCR: '0', DELVE_HOME: join(dir, 'home') } });
    assert.match(cli.file, /delve-manual-.*\.db$/);
    assert.match(await first().textContent() ?? '', /^Automatic snapshot of your work/);
    await page.evaluate(() => { (globalThis as unknown as EventTarget).dispatchEvent(new Event('focus')); });
    await first().filter({ hasText: 'Backup made by you' }).filter({ hasText: '2 collections' }).waitFor({ timeout: 30_000 });
  });

  test('axe: the backups section, with a restore being confirmed, light and dark', async () => {
    const confirm = async () => {
      await openBackups();
      await section().getByRole('button', { name: /^Restore the backup made by you of / }).first().click();
      await section().getByRole('group', { name: /^Restore the backup of / }).waitFor();
    };
    await confirm();
    const lines = await axeLightAndDark(page, 'Settings → Your data and backups', (theme) => bridge.call('setSettings', { theme }), async () => {
      await confirm();
      await show(section().getByRole('group', { name: /^Restore the backup of / }), 'center');
      await screenshot(page, '22d-backups-confirm-dark');
      await section().getByRole('button', { name: 'Cancel' }).click();
      await show(section());
      await screenshot(page, '22d-backups-dark');
      await confirm();
    });
    failOnSerious(lines);
  });
});

describe('a damaged library opens to its way out (Chromium)', { skip: missing ?? false }, () => {
  const dir = tempDir('delve-e2e-22d-damaged-');
  let bridge: Bridge;
  let browser: Browser;
  let page: Page;
  const banner = () => page.getByRole('alert', { name: 'The library database is damaged' });

  before(async () => {
    const first = await startIndexedBridge(dir, [writeNotes(dir)]);
    await saveEvidence(first, 'Sleep review', 'airway pressure sleepiness', 'in the copy');
    await call(first, 'backup');
    // Made after the copy: only the automatic snapshot (taken after changes, and at close) holds it.
    await saveEvidence(first, 'Knee review', 'exercise knee pain', 'made after the copy');
    await first.close();
    const fd = openSync(join(dir, 'data', 'delve.db'), 'r+');
    writeSync(fd, Buffer.alloc(100, 0xa5), 0, 100, 0);
    closeSync(fd);
    bridge = await startBridge({ dataDir: join(dir, 'data'), exportDir: join(dir, 'exports') });
    ({ browser, page } = await openApp(bridge.url, VIEWPORT));
  });
  after(async () => {
    await browser?.close();
    await bridge?.close();
  });

  test('the banner names the damage and the backup; axe light and dark', async () => {
    await banner().waitFor({ timeout: 30_000 });
    const text = await banner().textContent() ?? '';
    assert.match(text, /Your documents are not touched/);
    assert.match(text, /DB_CORRUPT .*delve\.db: the library database is damaged/);
    const best = banner().locator('p').filter({ hasText: /^Backup to restore from:/ });
    await best.waitFor();
    assert.match(await best.textContent() ?? '', /backup made by you of .* \(whole library\), holding 1 collection · 1 piece of evidence · 1 note · 0 corrections/);
    assert.equal(await page.getByRole('contentinfo', { name: 'Status' }).textContent(), 'Status unavailable — the library database is damaged (see above)');
    await screenshot(page, '22d-damaged-light');
    const lines = await axeLightAndDark(page, 'Damaged library banner', (theme) => bridge.call('setSettings', { theme }), async () => {
      await banner().getByText(/^Backup to restore from:/).waitFor({ timeout: 30_000 });
      await screenshot(page, '22d-damaged-dark');
    });
    failOnSerious(lines);
    // "All backups…" opens Settings → Your data and backups, which lists them though the library does not open.
    await banner().getByRole('button', { name: 'All backups…' }).click();
    const settings = page.getByRole('region', { name: 'Settings' });
    await settings.getByRole('list', { name: 'Backups' }).getByText('Backup made by you').waitFor({ timeout: 30_000 });
    assert.equal(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id), 'settings-backups');
  });

  test('restoring from the banner brings back the copy and the work made after it', async () => {
    await page.reload(); // the light theme again, after the axe test's dark one
    await banner().getByText(/^Backup to restore from:/).waitFor({ timeout: 30_000 });
    await banner().getByRole('button', { name: 'Restore from this backup…' }).click();
    const ask = banner().getByRole('group', { name: 'Restore the library from this backup?' });
    assert.match(await ask.textContent() ?? '', /The damaged file is moved aside/);
    await screenshot(page, '22d-damaged-confirm-light');
    await ask.getByRole('button', { name: 'Restore the library' }).click();
    const done = page.getByRole('status', { name: 'The library was restored' });
    await done.waitFor({ timeout: 60_000 });
    assert.match(await done.textContent() ?? '', /The damaged library was moved to delve\.db\.damaged-/);
    assert.match(await done.textContent() ?? '', /The newest automatic snapshot was merged in/);
    await banner().waitFor({ state: 'detached' });
    // The status bar reads the restored library at once.
    await page.getByRole('contentinfo', { name: 'Status' }).getByText(/^2 documents ·/).waitFor({ timeout: 30_000 });
    await screenshot(page, '22d-restored-light');
    assert.deepEqual(await names(bridge), ['Knee review', 'Sleep review']);
    assert.deepEqual((await call<{ note: string }[]>(bridge, 'evidence', 'Knee review')).map((e) => e.note), ['made after the copy']);
    await openScreen(page, 'Review');
    await page.getByRole('region', { name: 'Review' }).getByRole('navigation', { name: 'Collections' }).getByText('Knee review').waitFor({ timeout: 30_000 });
  });
});

describe('indexing waits for another Delve process writing the library (Chromium)', { skip: missing ?? false }, () => {
  const dir = tempDir('delve-e2e-22d-busy-');
  let bridge: Bridge;
  let browser: Browser;
  let page: Page;

  before(async () => {
    bridge = await startIndexedBridge(dir, [writeNotes(dir)]);
    ({ browser, page } = await openApp(bridge.url, VIEWPORT));
  });
  after(async () => {
    await browser?.close();
    await bridge?.close();
  });

  test('the Library says who holds the library, and indexes once it is free', async () => {
    const more = join(dir, 'more');
    mkdirSync(more);
    writeFileSync(join(more, 'statins.md'), '# Statins\n\nStatin therapy lowered LDL cholesterol and major vascular events.\n');
    // The CLI's lock, as store/writer-lock.ts writes it: a live process on this host (this one) under its own token.
    const other = new Database(join(dir, 'data', 'delve.db'));
    other.pragma('busy_timeout = 5000');
    const startedAt = Date.now() - 120_000;
    other.prepare("INSERT INTO settings (key, value) VALUES ('writer_lock', ?)")
      .run(JSON.stringify({ pid: process.pid, host: hostname(), job: 'indexing', startedAt, token: 'the-cli' }));
    try {
      await openScreen(page, 'Library');
      const library = page.getByRole('region', { name: 'Library', exact: true });
      bridge.nextFolders = [more];
      await library.getByRole('button', { name: 'Add folder' }).click();
      const progress = library.getByRole('region', { name: 'Indexing progress' });
      await progress.getByText('Waiting for another Delve process').waitFor({ timeout: 30_000 });
      assert.match(await progress.textContent() ?? '', new RegExp(`Another Delve process \\(pid ${process.pid}\\) has been indexing this library since .*nothing is lost by waiting`));
      await screenshot(page, '22d-index-waiting-light');
      const counts = await axeCounts(page);
      failOnSerious([{ line: axeLine('Library, indexing waiting for another process (light)', counts), counts }]);
      other.prepare("DELETE FROM settings WHERE key = 'writer_lock'").run(); // the other process finishes
      await library.getByText(/1 added, 0 updated/).waitFor({ timeout: 60_000 });
    } finally {
      other.close();
    }
    const docs = await call<{ totals: { documents: number } }>(bridge, 'status');
    assert.equal(docs.totals.documents, 3);
  });
});

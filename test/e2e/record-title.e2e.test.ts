/**
 * Issue 18 in real Chromium against the real engine (the test bridge): imported reference records
 * are laid out with their title as the heading path of their text (main/engine/chunk/record.ts).
 * A word of one record's title finds that record first, though another record's shorter abstract
 * holds the word too; its card shows the title once (no heading repeating it) and a marked snippet;
 * the viewer shows the title, then the abstract, with no locator line repeating the title.
 * Screenshots: test-artifacts/e2e/18-record-title-search.png, 18-record-title-viewer.png.
 */
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT, tempDir } from '../helpers/shared.js';
import { launch, missingBrowser, screenshot } from './browser.js';
import { startBridge, type Bridge } from './bridge/server.js';

const missing = missingBrowser() ?? (existsSync(join(REPO_ROOT, 'renderer', 'dist', 'index.html')) ? null : 'renderer/dist is not built (npm run build:renderer)');
if (missing && process.env.CI) throw new Error(`the end-to-end suite cannot run: ${missing}`);

const TITLE = 'Zebrafish fin regeneration';
const ABSTRACT = 'Regrowth of amputated fins follows blastema formation.';
const entry = (key: string, title: string, abstract: string, year: number) =>
  `@article{${key},\n  title = {${title}},\n  author = {Quokkason, Ada},\n  journal = {Journal of Repair},\n  year = {${year}},\n  abstract = {${abstract}}\n}\n`;
const BIB = [
  entry('fin2020', TITLE, ABSTRACT, 2020),
  entry('repair2021', 'Tissue repair', 'Zebrafish and mice regrow tissues.', 2021),
  ...[0, 1, 2, 3, 4].map((i) => entry(`renal${i}`, `Unrelated study ${i}`, `Sodium transport in renal tubules, cohort ${i}.`, 2010 + i)),
].join('\n');

describe('a record\'s title word finds its record first, shown once (Chromium)', { skip: missing ?? false }, () => {
  const dir = tempDir('delve-e2e-18title-');
  let bridge: Bridge;
  let browser: Browser;
  let page: Page;

  before(async () => {
    const bib = join(dir, 'refs.bib');
    writeFileSync(bib, BIB);
    bridge = await startBridge({ dataDir: join(dir, 'data'), exportDir: dir });
    bridge.nextFile = bib;
    assert.deepEqual(await bridge.call('pickReferenceFile'), { ok: true, data: bib });
    const imported = await bridge.call('importReferences', bib) as { ok: boolean };
    assert.equal(imported.ok, true, JSON.stringify(imported).slice(0, 300));
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(bridge.url);
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Search', exact: true }).click();
  });

  after(async () => {
    await browser?.close();
    await bridge?.close();
  });

  test('the title\'s record is first; its card and the viewer show the title once, then the abstract', async () => {
    const region = page.getByRole('region', { name: 'Search' });
    const box = region.getByRole('searchbox', { name: 'Search' });
    await box.fill('zebrafish');
    await box.press('Enter');
    const cards = region.getByTestId('evidence-card');
    await cards.nth(1).waitFor();
    assert.deepEqual(await region.locator('.search-card-title').allTextContents(), [TITLE, 'Tissue repair']);
    const first = cards.first();
    assert.equal(await first.locator('.search-card-heading').count(), 0, 'no heading repeating the title');
    assert.match(await first.locator('.search-card-quote').textContent() ?? '', /Zebrafish fin regeneration/);
    assert.equal(await first.locator('.search-card-quote mark').first().textContent(), 'Zebrafish');
    await screenshot(page, '18-record-title-search');

    await first.locator('.search-card-actions').getByRole('button', { name: 'Open', exact: true }).click();
    const viewer = page.getByTestId('document-viewer');
    await viewer.locator('mark.viewer-mark').first().waitFor();
    const text = await viewer.getByRole('region', { name: 'Document text' }).textContent() ?? '';
    assert.ok(text.includes(TITLE) && text.includes(ABSTRACT) && text.indexOf(TITLE) < text.indexOf(ABSTRACT), text);
    assert.equal(await viewer.getByTestId('viewer-locator').count(), 0, 'no locator line repeating the title');
    await screenshot(page, '18-record-title-viewer');
    await viewer.getByRole('button', { name: 'Close' }).click();
  });
});

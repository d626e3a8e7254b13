/**
 * Issue 19 in real Chromium against the real engine (the test bridge): a DOCX and an EPUB made by
 * Debian's pandoc in which the same sentence stands under two headings; the search result from the
 * second heading opens the viewer with the sentence marked where that result was (the engine's
 * paragraph locator, counted the viewer's way), its heading path shown, the EPUB at its chapter.
 * Screenshots: test-artifacts/e2e/19-docx-locator.png, 19-epub-locator.png.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT, tempDir } from '../helpers/shared.js';
import { launch, missingBrowser, screenshot } from './browser.js';
import { startBridge, type Bridge } from './bridge/server.js';

const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;
const missing = missingBrowser() ?? (existsSync(join(REPO_ROOT, 'renderer', 'dist', 'index.html')) ? null : 'renderer/dist is not built (npm run build:renderer)')
  ?? (hasPandoc ? null : 'pandoc is not installed (apt-get install -y pandoc)');
if (missing && process.env.CI) throw new Error(`the end-to-end suite cannot run: ${missing}`);

const SENTENCE = 'The quokka census counted animals on the island every spring.';
const MD = `---\ntitle: Locator draft\nauthor: Ada Quokkason\n---\n\n# Background\n\n${SENTENCE}\n\n# Results\n\n${SENTENCE}\n`;

describe('DOCX and EPUB passages open at their locator (Chromium)', { skip: missing ?? false }, () => {
  const dir = tempDir('delve-e2e-19loc-');
  const docs = join(dir, 'drafts');
  let bridge: Bridge;
  let browser: Browser;
  let page: Page;

  before(async () => {
    mkdirSync(docs, { recursive: true });
    writeFileSync(join(dir, 'draft.md'), MD);
    for (const out of ['draft.docx', 'draft.epub']) {
      assert.equal(spawnSync('pandoc', [join(dir, 'draft.md'), '-o', join(docs, out)]).status, 0, `pandoc → ${out}`);
    }
    bridge = await startBridge({ dataDir: join(dir, 'data'), exportDir: dir });
    bridge.nextFolders = [docs];
    await bridge.call('pickFolders');
    const indexed = await bridge.call('index', [docs]) as { ok: boolean };
    assert.equal(indexed.ok, true, JSON.stringify(indexed).slice(0, 300));
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(bridge.url);
    await page.getByRole('navigation', { name: 'Screens' }).waitFor();
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Search', exact: true }).click();
    const box = page.getByRole('region', { name: 'Search' }).getByRole('searchbox', { name: 'Search' });
    await box.fill('quokka census');
    await box.press('Enter');
    await page.getByRole('region', { name: 'Search' }).getByTestId('evidence-card').nth(1).waitFor();
  });

  after(async () => {
    await browser?.close();
    await bridge?.close();
  });

  /**
   * Opens the passage of `file` under the heading Results: the card's own passage when it is that
   * one, else the card's other passage (results come one card per document).
   */
  async function openResults(file: string) {
    const card = page.getByRole('region', { name: 'Search' }).getByTestId('evidence-card')
      .filter({ has: page.locator(`.search-card-title[title$="${file}"]`) });
    assert.equal(await card.count(), 1, `one card for ${file}`);
    if (await card.locator('.search-card-heading').textContent() === 'Results') {
      await card.locator('.search-card-actions').getByRole('button', { name: 'Open', exact: true }).click();
    } else {
      await card.getByRole('button', { name: /more passage/ }).click();
      await card.getByRole('list', { name: /More passages/ }).getByRole('button', { name: 'Open', exact: true }).click();
    }
    const viewer = page.getByTestId('document-viewer');
    const mark = viewer.locator('mark.viewer-mark');
    await mark.first().waitFor();
    return { viewer, mark };
  }

  test('DOCX: the repeated sentence is marked in the Results paragraph, not the first one', async () => {
    const { viewer, mark } = await openResults('draft.docx');
    assert.equal(await viewer.getByTestId('viewer-locator').textContent(), 'In Results, paragraph 4');
    // The text before the mark holds the first occurrence: the mark is the second one.
    const before = await mark.first().evaluate((m: unknown) => {
      type N = { previousSibling: N | null; textContent: string | null };
      let out = '';
      for (let n = (m as N).previousSibling; n; n = n.previousSibling) out = (n.textContent ?? '') + out;
      return out;
    });
    assert.ok(before.includes(SENTENCE), `the mark follows the first occurrence: ${JSON.stringify(before)}`);
    assert.equal((await mark.allTextContents()).join(''), SENTENCE.slice(0, -1));
    await screenshot(page, '19-docx-locator');
    await viewer.getByRole('button', { name: 'Close' }).click();
  });

  test('EPUB: the Results chapter, headed by its title, holds the mark', async () => {
    const { viewer, mark } = await openResults('draft.epub');
    const chapter = viewer.getByRole('region', { name: 'Chapter 3' });
    assert.equal(await chapter.getByRole('heading').textContent(), 'Chapter 3: Results');
    assert.equal(await chapter.locator('mark.viewer-mark').count(), await mark.count());
    assert.equal(await viewer.getByRole('region', { name: 'Chapter 2' }).locator('mark').count(), 0);
    await screenshot(page, '19-epub-locator');
    await viewer.getByRole('button', { name: 'Close' }).click();
  });
});

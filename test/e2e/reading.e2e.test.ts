/**
 * Issue 24 (items 7, 8, 10) in real Chromium against the real engine (the test bridge), over
 * ../shared/pdfs and the Foam notes: the viewer for reading (the page keys scroll the pages,
 * Ctrl+F finds with a count and Enter/Shift+Enter, n/p step through the query's words, the printed
 * page label said the same way on the card and in the viewer; axe over the viewer, light and dark),
 * "Why this result?" in plain words with bars that follow their ranks, and Search and Review at
 * 1024×700 (the Added column whole, ISO dates, three results on the first screen, no "0 pages").
 * Screenshots: test-artifacts/e2e/24-*.png.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { REPO_ROOT, sharedDir, tempDir } from '../helpers/shared.js';
import { axeCounts } from './a11y.js';
import { missingBrowser, screenshot, openApp, openScreen } from './browser.js';
import type { Bridge } from './bridge/server.js';
import { startIndexedBridge } from './bridge/indexed.js';

const missing = missingBrowser() ?? (existsSync(join(REPO_ROOT, 'renderer', 'dist', 'index.html')) ? null : 'renderer/dist is not built (npm run build:renderer)');
if (missing && process.env.CI) throw new Error(`the end-to-end suite cannot run: ${missing}`);

/** The page's globals these tests read (this build has no DOM types). */
interface El { scrollTop: number; getBoundingClientRect(): { top: number; bottom: number; right: number; left: number } }
interface PageGlobals {
  CSS: { highlights: Map<string, { size: number }> };
  document: { querySelector(s: string): El | null };
}

describe('reading, explanations and small windows (Chromium)', { skip: missing ?? false }, () => {
  let bridge: Bridge;
  let browser: Browser;
  let page: Page;
  const dir = tempDir('delve-e2e-24r-');
  const folders = [join(sharedDir(), 'pdfs'), join(sharedDir(), 'notes', 'foam-docs')];
  const QUERY = 'patient experiences of heart failure programmes';
  const LABELLED = 'stakeholder view of the quality of healthcare in Malawi';
  const a11y: string[] = [];
  const tab = (name: string) => openScreen(page, name);
  const searchRegion = () => page.getByRole('region', { name: 'Search' });
  const cards = () => searchRegion().getByTestId('evidence-card');
  const viewer = () => page.getByTestId('document-viewer');
  const search = async (q: string) => {
    await tab('Search');
    const box = searchRegion().getByRole('searchbox', { name: 'Search' });
    await box.fill(q);
    await box.press('Enter');
    await searchRegion().locator(`[data-first-results-ms][data-query="${q}"]`).waitFor();
  };
  const checkA11y = async (what: string) => {
    const c = await axeCounts(page);
    a11y.push(`${what}: critical ${c.critical}, serious ${c.serious}, moderate ${c.moderate}, minor ${c.minor}${c.rules.length ? ` (${c.rules.join('; ')})` : ''}`);
    assert.equal(c.serious + c.critical, 0, `${what}: ${c.rules.join('; ')}`);
  };
  const theme = async (t: 'light' | 'dark') => {
    await bridge.call('setSettings', { theme: t });
    await page.reload();
    await page.getByRole('navigation', { name: 'Screens' }).waitFor();
    await page.waitForFunction((t) => (globalThis as unknown as { document: { documentElement: { dataset: Record<string, string> } } }).document.documentElement.dataset.theme === t, t);
  };
  const findCount = () => viewer().getByRole('search', { name: 'Find in document' }).getByRole('status');
  /**
   * Opens the first result of a search for the Malawi paper whose printed page labels differ from
   * its PDF page numbers; returns what the card says of its page.
   */
  const openLabelled = async () => {
    await search(LABELLED);
    const card = cards().filter({ hasText: 'healthcare quality' }).first();
    const where = (await card.locator('.search-card-page').first().textContent()) ?? '';
    await card.getByRole('button', { name: 'Open' }).click();
    await viewer().locator('.viewer-page canvas').first().waitFor();
    return where;
  };

  before(async () => {
    bridge = await startIndexedBridge(dir, folders);
    ({ browser, page } = await openApp(bridge.url, { width: 1360, height: 860 }));
  });

  after(async () => {
    await browser?.close();
    await bridge?.close();
    if (a11y.length) console.log(`axe-core over the viewer:\n  ${a11y.join('\n  ')}`);
  });

  test('the viewer: page keys scroll, Ctrl+F finds with a count, n/p step through the query, the page label as on the card', async () => {
    const where = await openLabelled();
    assert.match(where, /^p\. \S+ \(PDF page \d+\)$/, `the card names the printed page and the PDF page: ${where}`);
    assert.equal(await viewer().getByTestId('viewer-page-label').textContent(), where, 'the viewer says the page as the card does');

    // The dialog has focus: PageDown scrolls the pages and hands them the focus (they are focusable).
    const scroller = viewer().getByRole('region', { name: 'PDF pages' });
    await scroller.evaluate((el) => { (el as unknown as El).scrollTop = 0; });
    await viewer().focus();
    await page.keyboard.press('PageDown');
    await page.waitForFunction(() => ((globalThis as unknown as PageGlobals).document.querySelector('.viewer-pdf-pages')?.scrollTop ?? 0) > 100);
    assert.equal(await scroller.evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement), true);
    const before = await scroller.evaluate((el) => (el as unknown as El).scrollTop);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await page.waitForFunction((b) => ((globalThis as unknown as PageGlobals).document.querySelector('.viewer-pdf-pages')?.scrollTop ?? 0) > b, before);

    await page.keyboard.press('Control+f');
    const box = viewer().getByRole('searchbox', { name: 'Find in document' });
    await box.fill('quality');
    await viewer().getByText(/^1 of \d+/).waitFor();
    const total = Number(/of (\d+)/.exec((await findCount().textContent()) ?? '')?.[1]);
    assert.ok(total >= 5, `"quality" occurs ${total} times`);
    await box.press('Enter');
    await box.press('Enter');
    assert.match((await findCount().textContent()) ?? '', /^3 of \d+ · p\. /);
    await page.waitForFunction(() => ((globalThis as unknown as PageGlobals).CSS.highlights.get('delve-find-active')?.size ?? 0) === 1 && ((globalThis as unknown as PageGlobals).CSS.highlights.get('delve-find')?.size ?? 0) >= 1);
    await box.press('Shift+Enter');
    assert.match((await findCount().textContent()) ?? '', /^2 of /);
    await screenshot(page, '24-viewer-find');
    await checkA11y('viewer with find (light)');

    await box.press('Escape');
    await viewer().getByRole('search', { name: 'Find in document' }).waitFor({ state: 'detached' });
    assert.equal(await viewer().count(), 1, 'Escape in the find field closes only the find bar');
    await page.keyboard.press('n');
    const q = viewer().getByRole('search', { name: 'Query matches' });
    await q.getByText(/^1 of \d+/).waitFor();
    await page.keyboard.press('n');
    await q.getByText(/^2 of \d+/).waitFor();
    await page.keyboard.press('p');
    await q.getByText(/^1 of \d+/).waitFor();
    assert.match((await q.textContent()) ?? '', /Matches of the search “stakeholder, view, quality, healthcare, malawi”/);
    await page.keyboard.press('Escape');
    await viewer().waitFor({ state: 'detached' });
  });

  test('axe over the viewer with find open in the dark theme', async () => {
    await theme('dark');
    try {
      await openLabelled();
      await page.keyboard.press('Control+f');
      await viewer().getByRole('searchbox', { name: 'Find in document' }).fill('quality');
      await viewer().getByText(/^1 of \d+/).waitFor();
      await page.waitForFunction(() => ((globalThis as unknown as PageGlobals).CSS.highlights.get('delve-find-active')?.size ?? 0) === 1);
      await checkA11y('viewer with find (dark)');
      await screenshot(page, '24-viewer-find-dark');
    } finally {
      await theme('light');
    }
  });

  test('"Why this result?" in plain words; a better keyword rank never has a shorter bar', async () => {
    await search(QUERY);
    const shown = Math.min(4, await cards().count());
    for (let i = 0; i < shown; i++) {
      const text = (await cards().nth(i).textContent()) ?? '';
      assert.doesNotMatch(text, /BM25|bm25|\bchunks?\b/, `card ${i + 1} speaks plainly: ${text.slice(0, 200)}`);
      await cards().nth(i).getByRole('button', { name: 'Why this result?' }).click();
    }
    const panels = searchRegion().getByTestId('why-this-result');
    assert.equal(await panels.count(), shown);
    const text = (await panels.first().textContent()) ?? '';
    assert.match(text, /Keyword match/);
    const rows: { rank: number; value: number }[] = [];
    for (const row of await searchRegion().locator('.search-why-row[data-part="bm25"]').all()) {
      const rank = /^#(\d+)$/.exec((await row.getAttribute('data-rank')) ?? '')?.[1];
      if (rank) rows.push({ rank: Number(rank), value: Number(await row.getAttribute('data-value')) });
    }
    assert.ok(rows.length >= 2, `${rows.length} keyword rows`);
    for (const a of rows) for (const b of rows) {
      if (a.rank < b.rank) assert.ok(a.value >= b.value, `keyword #${a.rank} has bar ${a.value}, #${b.rank} has ${b.value}`);
    }
    await cards().first().scrollIntoViewIfNeeded();
    await screenshot(page, '24-why-this-result');
  });

  test('1024×700: three results on the first screen, the review whole with ISO dates, notes without "0 pages"', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.reload();
    await page.getByRole('navigation', { name: 'Screens' }).waitFor();
    await search(QUERY);
    await searchRegion().getByRole('button', { name: 'Cards' }).click();
    const visible = async (items: Locator) => {
      let n = 0;
      for (const el of await items.all()) {
        const box = await el.boundingBox();
        if (box && box.y >= 0 && box.y + box.height <= 700) n++;
      }
      return n;
    };
    const inCards = await visible(cards());
    await screenshot(page, '24-1024-search');
    await searchRegion().getByRole('button', { name: 'Compact list' }).click();
    const inCompact = await visible(cards());
    await screenshot(page, '24-1024-search-compact');
    console.log(`1024×700: ${inCards} whole cards, ${inCompact} compact rows on the first screen`);
    assert.ok(inCompact >= 6, `${inCompact} compact rows whole on the first screen`);
    assert.ok(inCards >= 3, `${inCards} cards whole on the first screen`);
    await searchRegion().getByRole('button', { name: 'Cards' }).click();

    await cards().first().getByRole('button', { name: 'Save to collection' }).click();
    const form = searchRegion().getByRole('form', { name: 'Save to collection' });
    await form.getByLabel('Collection', { exact: true }).selectOption({ label: 'New collection…' });
    await form.getByLabel('New collection name').fill('Small window');
    await form.getByRole('button', { name: 'Save' }).click();
    await cards().first().getByText('Saved to “Small window”').waitFor();
    await tab('Review');
    const review = page.getByRole('region', { name: 'Review' });
    await review.getByTestId('evidence-row').first().waitFor();
    const added = review.getByRole('columnheader', { name: /Added/ });
    const cell = review.locator('td.review-added').first();
    assert.match((await cell.textContent()) ?? '', /^\d{4}-\d{2}-\d{2}$/);
    for (const el of [added, cell]) {
      const box = await el.boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= 1024, `the Added column is whole at 1024 px: ${JSON.stringify(box)}`);
    }
    const wrap = review.locator('.review-table-wrap');
    const [scrollW, clientW] = await wrap.evaluate((el) => [(el as unknown as { scrollWidth: number }).scrollWidth, (el as unknown as { clientWidth: number }).clientWidth]);
    assert.ok(scrollW <= clientW + 1, `the evidence table fits without a sideways scroll (${scrollW} > ${clientW})`);
    await screenshot(page, '24-1024-review');

    await tab('Library');
    const library = page.getByRole('region', { name: 'Library' });
    const foam = library.getByRole('listitem').filter({ hasText: 'foam-docs' });
    assert.doesNotMatch((await foam.textContent()) ?? '', /\b0 pages\b/);
    await screenshot(page, '24-1024-library');
  });
});

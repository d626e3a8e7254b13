/**
 * Issue 24 in real Chromium against the real engine (the test bridge): results grouped by paper
 * over ../shared/pdfs and the Foam notes (other passages, compact list), and a review edited on
 * the Review screen (evidence edited, removed and restored by Undo; the collection deleted and
 * restored by Undo; the export follows), the search box's operators, and the <main>/<h1> landmarks.
 * Screenshots go to test-artifacts/e2e/24-*.png.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT, sharedDir, tempDir } from '../helpers/shared.js';
import { missingBrowser, screenshot, openApp, openScreen } from './browser.js';
import type { Bridge } from './bridge/server.js';
import { startIndexedBridge } from './bridge/indexed.js';
import { axeLightAndDark } from './a11y.js';

const missing = missingBrowser() ?? (existsSync(join(REPO_ROOT, 'renderer', 'dist', 'index.html')) ? null : 'renderer/dist is not built (npm run build:renderer)');
if (missing && process.env.CI) throw new Error(`the end-to-end suite cannot run: ${missing}`);

describe('results by paper and an editable review (Chromium)', { skip: missing ?? false }, () => {
  let bridge: Bridge;
  let browser: Browser;
  let page: Page;
  const dir = tempDir('delve-e2e-24-');
  const folders = [join(sharedDir(), 'pdfs'), join(sharedDir(), 'notes', 'foam-docs')];
  const tab = (name: string) => openScreen(page, name);
  const searchRegion = () => page.getByRole('region', { name: 'Search' });
  const review = () => page.getByRole('region', { name: 'Review' });

  before(async () => {
    bridge = await startIndexedBridge(dir, folders);
    ({ browser, page } = await openApp(bridge.url, { width: 1360, height: 860 }));
  });

  after(async () => {
    await browser?.close();
    await bridge?.close();
  });

  test('one card per paper, the best passage shown (not the title block), other passages on demand, a compact list', async () => {
    await tab('Search');
    const box = searchRegion().getByRole('searchbox', { name: 'Search' });
    await box.fill('patient experiences of heart failure programmes');
    await box.press('Enter');
    const cards = searchRegion().getByTestId('evidence-card');
    await cards.first().waitFor();
    const titles = await cards.locator('.search-card-title').allTextContents();
    assert.equal(new Set(titles.slice(0, 3)).size, 3, `the first screen shows three papers: ${titles.slice(0, 3).join(' | ')}`);
    const first = cards.first();
    assert.match(titles[0]!, /Heart Failure Programmes/);
    assert.equal(await first.getByText('Title and authors').count(), 0, 'the paper is shown by a passage, not by its title block');
    await first.getByRole('button', { name: /more passages from this paper/ }).click();
    const more = first.getByRole('list', { name: 'More passages from this paper' });
    await more.waitFor();
    assert.ok(await more.getByRole('listitem').count() >= 2);
    await screenshot(page, '24-grouped-results');
    await first.getByRole('button', { name: 'Hide the other passages' }).click();
    await searchRegion().getByRole('button', { name: 'Compact list' }).click();
    await screenshot(page, '24-compact-list');
    await searchRegion().getByRole('button', { name: 'Cards' }).click();
  });

  test('the search box honours operators and says what it could not; every screen has <main> and one <h1>', async () => {
    await tab('Search');
    const box = searchRegion().getByRole('searchbox', { name: 'Search' });
    await box.fill('"heart failure" author:Tully -rehabilitation foo:bar');
    await box.press('Enter');
    const understood = searchRegion().getByLabel('How the search was understood');
    await understood.getByText(/must contain “heart failure”/).waitFor();
    assert.match(await understood.textContent() ?? '', /author: Tully/);
    assert.match(await understood.textContent() ?? '', /Not honoured: “foo:” is not a filter/);
    const titles = await searchRegion().getByTestId('evidence-card').locator('.search-card-title').allTextContents();
    assert.ok(titles.length >= 1 && titles.every((t) => /Heart Failure Programmes/.test(t)), titles.join(' | '));
    await screenshot(page, '24-operators');
    assert.equal(await page.getByRole('main').count(), 1);
    for (const name of ['Search', 'Library', 'Review', 'PubMed', 'Settings']) {
      await tab(name);
      assert.equal(await page.getByRole('region', { name }).getByRole('heading', { level: 1 }).count(), 1, `${name} has one <h1>`);
    }
    await tab('Search');
    await box.fill('patient experiences of heart failure programmes');
    await box.press('Enter');
    await searchRegion().getByTestId('evidence-card').first().waitFor();
  });

  test('evidence saved whole, edited, removed and restored with Undo; the collection deleted and restored; the export follows', async () => {
    const cards = searchRegion().getByTestId('evidence-card');
    for (const i of [0, 1]) {
      await cards.nth(i).getByRole('button', { name: 'Save to collection' }).click();
      const form = searchRegion().getByRole('form', { name: 'Save to collection' });
      if (i === 0) {
        await form.getByLabel('Collection', { exact: true }).selectOption({ label: 'New collection…' });
        await form.getByLabel('New collection name').fill('Heart failure');
      }
      await form.getByRole('button', { name: 'Save' }).click();
      await cards.nth(i).getByText('Saved to “Heart failure”').waitFor();
    }
    await tab('Review');
    const rows = review().getByTestId('evidence-row');
    await rows.nth(1).waitFor();
    const quote = await rows.first().locator('.review-quote').textContent();
    assert.ok(quote && !quote.includes('…'), `the whole passage is saved, not the snippet: ${quote?.slice(0, 80)}`);

    await rows.first().getByRole('button', { name: 'Edit' }).click();
    const editor = review().getByRole('form', { name: 'Edit evidence' });
    await editor.getByLabel('Stance').selectOption('supports');
    await editor.getByLabel('Note').fill('Patients valued the education sessions');
    await editor.getByLabel('Tags').fill('qualitative, rehab');
    await editor.getByRole('button', { name: 'Save' }).click();
    await review().getByText('Patients valued the education sessions').waitFor();

    await rows.nth(1).getByRole('button', { name: 'Remove' }).click();
    const undo = review().getByRole('status');
    await undo.getByText(/Removed a piece of evidence/).waitFor();
    await rows.nth(1).waitFor({ state: 'detached' });
    assert.equal(await rows.count(), 1);
    await screenshot(page, '24-review-undo');
    await undo.getByRole('button', { name: 'Undo' }).click();
    await rows.nth(1).waitFor();

    await review().getByRole('button', { name: 'Delete' }).click();
    await review().getByRole('status').getByText(/Deleted the collection “Heart failure” \(2 evidence\)/).waitFor();
    await review().getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await review().getByRole('heading', { name: 'Heart failure' }).waitFor();
    await rows.nth(1).waitFor();
    await screenshot(page, '24-review-edited');
    const md = await bridge.call('exportCollection', 'Heart failure', 'md') as { ok: true; data: string };
    assert.match(md.data, /Patients valued the education sessions/);
  });

  test('axe over the Review screen with a collection and its evidence, light and dark: nothing serious or critical', async (t) => {
    await tab('Review');
    await review().getByRole('heading', { name: 'Heart failure' }).waitFor();
    const reopen = async () => {
      await tab('Review');
      await review().getByRole('heading', { name: 'Heart failure' }).waitFor();
    };
    for (const a of await axeLightAndDark(page, 'review with evidence', (theme) => bridge.call('setSettings', { theme }), reopen)) {
      t.diagnostic(a.line);
      assert.equal(a.counts.serious + a.counts.critical, 0, a.line);
    }
  });
});

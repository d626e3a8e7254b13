/**
 * Issue 24 (a) in real Chromium against the real engine (the test bridge): a new user's first hour
 * with nothing running — the first-run checklist on an empty library, the status bar's links to the
 * Settings sections, a model download with the hub offline (a dead port: retries in words, then
 * HUB_UNREACHABLE with the import way out), "Import model folder…" (the shared tiny BERT), a folder
 * with scanned PDFs whose OCR state lasts in the library (needs OCR with OCR off, pending, then done
 * after a real OCR run), and Deep mode, PubMed and Trials with Ollama unreachable (one wording,
 * "Set up Ollama", the RM3 fallback named). axe-core on each screen, light and dark.
 * Screenshots: test-artifacts/e2e/24a-*.png.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import type { AppStatus, Result, StatusReport } from '../../preload/contract.js';
import { REPO_ROOT, sharedDir, tempDir } from '../helpers/shared.js';
import { axeCounts } from './a11y.js';
import { launch, missingBrowser, screenshot, openScreen } from './browser.js';
import { startBridge, type Bridge } from './bridge/server.js';
import { deadPort } from '../helpers/dead-port.js';

const missing = missingBrowser() ?? (existsSync(join(REPO_ROOT, 'renderer', 'dist', 'index.html')) ? null : 'renderer/dist is not built (npm run build:renderer)');
if (missing && process.env.CI) throw new Error(`the end-to-end suite cannot run: ${missing}`);

describe('a first run with nothing running: checklist, models offline, OCR state, Deep without Ollama (Chromium)', { skip: missing ?? false }, () => {
  const dir = tempDir('delve-e2e-24a-');
  const papers = join(dir, 'papers');
  const data = join(dir, 'data');
  const pdfs = join(sharedDir(), 'pdfs');
  const scans = ['scanned_gutenberg-huckfinn-p22_imageonly.pdf', 'scanned_linn-sequencer_two-column_imageonly.pdf'];
  const env = { ocr: process.env.DELVE_OCR, hub: process.env.DELVE_HF_BASE };
  let bridge: Bridge;
  let browser: Browser;
  let page: Page;
  let ollamaHost = '';
  let hubBase = '';
  const a11y: string[] = [];

  const tab = (name: string) => openScreen(page, name);
  const region = (name: string) => page.getByRole('region', { name, exact: true });
  const statusBar = () => page.getByRole('contentinfo', { name: 'Status' });
  // Function predicates, not strings: Playwright evaluates a string predicate with eval, which the app's CSP refuses.
  type Doc = { activeElement: { id: string } | null; documentElement: { dataset: Record<string, string> }; querySelectorAll(s: string): { length: number } };
  const focusedIs = (id: string) => page.waitForFunction((id) => (globalThis as unknown as { document: Doc }).document.activeElement?.id === id, id);
  const rowsAre = (n: number) => page.waitForFunction((n) => (globalThis as unknown as { document: Doc }).document.querySelectorAll('table.library-docs tbody tr').length === n, n);
  const themeIs = (t: string) => page.waitForFunction((t) => (globalThis as unknown as { document: Doc }).document.documentElement.dataset.theme === t, t);
  const checkA11y = async (screen: string) => {
    const c = await axeCounts(page);
    a11y.push(`${screen}: critical ${c.critical}, serious ${c.serious}, moderate ${c.moderate}, minor ${c.minor}`);
    assert.equal(c.serious + c.critical, 0, `${screen}: ${c.rules.join('; ')}`);
  };
  const status = async () => ((await bridge.call('appStatus')) as Result<AppStatus>);
  const settle = async (done: (s: AppStatus) => boolean) => {
    const until = Date.now() + 180_000;
    for (;;) {
      const r = await status();
      if (r.ok && !r.data.indexing && done(r.data)) return r.data;
      if (Date.now() > until) throw new Error(`the library did not settle: ${JSON.stringify(r)}`);
      await sleep(300);
    }
  };
  const open = async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(bridge.url);
    await page.getByRole('navigation', { name: 'Screens' }).waitFor();
  };

  before(async () => {
    mkdirSync(papers, { recursive: true });
    for (const f of [...scans, 'hindawi-rrp-2010-157939_heart-failure.pdf']) copyFileSync(join(pdfs, f), join(papers, f));
    ollamaHost = `http://127.0.0.1:${await deadPort()}`;
    hubBase = `http://127.0.0.1:${await deadPort()}`;
    process.env.DELVE_OCR = '0';
    process.env.DELVE_HF_BASE = hubBase;
    bridge = await startBridge({ dataDir: data, exportDir: dir });
    const saved = await bridge.call('setSettings', { ollama: { host: ollamaHost } }) as { ok: boolean };
    assert.equal(saved.ok, true);
    browser = await launch();
    await open();
  });

  after(async () => {
    if (a11y.length > 0) console.log(`axe-core, violations by impact (nodes):\n  ${a11y.join('\n  ')}`);
    await browser?.close();
    await bridge?.close();
    for (const [k, v] of [['DELVE_OCR', env.ocr], ['DELVE_HF_BASE', env.hub]] as const) {
      if (v === undefined) delete process.env[k]; else process.env[k] = v;
    }
  });

  test('an empty library opens on a checklist; searching says the library is empty; the status bar links to Settings', async () => {
    const start = region('Get started');
    await start.waitFor();
    for (const step of ['Add a folder of PDFs or notes', 'Optional: Download the recommended embedding model', 'Optional: Connect Ollama (a local LLM)']) {
      await start.getByRole('heading', { name: step }).waitFor();
    }
    await start.getByRole('button', { name: 'Add folder…' }).waitFor();
    await start.getByText(`Ollama is not reachable at ${ollamaHost}.`).waitFor();
    await screenshot(page, '24a-first-run');
    await checkA11y('first run (light)');
    await bridge.call('setSettings', { theme: 'dark' });
    await page.reload();
    await region('Get started').waitFor();
    await themeIs('dark');
    await screenshot(page, '24a-first-run-dark');
    await checkA11y('first run (dark)');
    await bridge.call('setSettings', { theme: 'light' });
    await page.reload();
    await region('Get started').waitFor();

    const box = region('Search').getByRole('searchbox', { name: 'Search' });
    await box.fill('heart failure');
    await box.press('Enter');
    await region('Search').getByText(/^Nothing to search yet: your library is empty/).waitFor();
    assert.equal(await region('Search').getByText(/Deep mode/).count(), 0, 'no advice to use Deep on an empty library');

    await statusBar().getByRole('button', { name: /Ollama not reachable/ }).click();
    await focusedIs('settings-ollama');
    await statusBar().getByRole('button', { name: /No embedding model/ }).click();
    await focusedIs('settings-embedding');
    await statusBar().getByRole('button', { name: /0 documents/ }).click();
    await region('Library').getByRole('heading', { level: 1 }).waitFor();
  });

  test('the recommended model downloads with the hub offline: retries in words, then an unreachable hub and how to import', async () => {
    await tab('Search');
    const start = region('Get started');
    const download = start.getByRole('button', { name: /^Download / });
    const name = (await download.textContent())!.replace(/^Download /, '');
    await download.click();
    const progress = start.getByRole('status');
    await progress.getByText(/Cannot reach the model hub\. Retrying in \d+ s \(attempt \d of 6\)…/).waitFor({ timeout: 20_000 });
    await screenshot(page, '24a-model-retry');
    const alert = start.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    const text = (await alert.textContent()) ?? '';
    assert.ok(text.startsWith(`The model hub (${hubBase}) cannot be reached`), text);
    assert.match(text, /Delve tried 6 times/);
    assert.match(text, /use “Import model folder…”/);
    assert.doesNotMatch(text, /ECONNREFUSED|DOWNLOAD_FAILED/);
    await start.getByRole('button', { name: 'Resume download' }).waitFor();
    await screenshot(page, '24a-model-offline');
    assert.ok(name.length > 0);
  });

  test('Settings: the recommended model first, Advanced holds the models without a download, a model folder is imported and used', async () => {
    await tab('Settings');
    const settings = region('Settings');
    const list = settings.getByRole('list', { name: 'Embedding models' });
    const first = list.getByRole('listitem').nth(1);
    await first.getByText('recommended').waitFor();
    assert.equal(await list.getByText(/No verified download/).count(), 0, 'models without a download are not in the main list');
    await settings.getByText(/^Advanced: models without a verified download/).click();
    await settings.getByRole('list', { name: 'Models to import' }).getByText(/No verified download/).first().waitFor();
    bridge.nextFolders = [join(sharedDir(), 'models', 'bert-tiny-random')];
    await settings.getByRole('button', { name: 'Import model folder…' }).click();
    await settings.getByText(/^Imported “bert-tiny-random” \(\d+ files, [\d.]+ MB\)\.$/).waitFor({ timeout: 60_000 });
    const radio = list.getByRole('radio', { name: /^Use bert-tiny-random/i });
    await radio.waitFor();
    assert.equal(await radio.isChecked(), true, 'the imported model is chosen when none was');
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.getByText('Saved', { exact: true }).waitFor();
    await statusBar().getByText(/bert-tiny-random · CPU/).waitFor({ timeout: 20_000 });
    await settings.getByRole('heading', { name: 'Embedding model' }).scrollIntoViewIfNeeded();
    await screenshot(page, '24a-model-import');
    await checkA11y('settings (light)');
  });

  test('a folder added from the checklist: scanned PDFs are Partial and "Needs OCR" (OCR off)', async () => {
    await tab('Search');
    bridge.nextFolders = [papers];
    await region('Get started').getByRole('button', { name: 'Add folder…' }).click();
    await region('Library').getByRole('heading', { level: 1 }).waitFor();
    await settle((s) => s.documents === 3);
    const library = region('Library');
    await library.getByLabel('Status').selectOption({ label: 'Partial' });
    const rows = library.locator('table.library-docs tbody tr');
    await rowsAre(2);
    for (const t of await rows.allTextContents()) assert.match(t, /Partial.*Needs OCR \(1 page\)/);
    await library.getByLabel('Status').selectOption({ label: 'Needs OCR' });
    assert.equal(await rows.count(), 2);
    await screenshot(page, '24a-ocr-needed');
    await checkA11y('library (light)');
    const report = await bridge.call('status') as Result<StatusReport>;
    assert.ok(report.ok);
    assert.deepEqual(report.data.documents.map((d) => d.ocr).sort(), ['needed', 'needed', 'none']);
  });

  test('Deep without Ollama: why, Set up Ollama, the RM3 fallback named; PubMed and Trials say it the same way', async () => {
    await tab('Search');
    const search = region('Search');
    await search.getByRole('radio', { name: /Deep/ }).check();
    const before = search.getByRole('status', { name: 'Ollama not reachable' });
    await before.getByText(`Ollama is not reachable at ${ollamaHost}.`).waitFor({ timeout: 10_000 });
    await before.getByText(/falls back to pseudo-relevance feedback \(RM3\)/).waitFor();
    await search.getByText('(no LLM)').waitFor();
    const box = search.getByRole('searchbox', { name: 'Search' });
    await box.fill('heart failure education programme');
    await box.press('Enter');
    const after = search.getByRole('region', { name: 'Deep search stages' }).getByRole('status', { name: 'Ollama not reachable' });
    await after.waitFor({ timeout: 60_000 });
    assert.match((await after.textContent()) ?? '', /Fallback without the LLM: results re-ranked with pseudo-relevance feedback \(RM3/);
    assert.doesNotMatch(await search.textContent() ?? '', /OLLAMA_HOST|--ollama|ollama serve/);
    await search.getByTestId('evidence-card').first().waitFor();
    await screenshot(page, '24a-deep-no-ollama');
    await checkA11y('search, Deep without Ollama (light)');

    await after.getByRole('button', { name: 'Set up Ollama' }).click();
    await focusedIs('settings-ollama');
    await region('Settings').getByRole('button', { name: 'Check connection' }).click();
    const health = region('Settings').getByLabel('Ollama health');
    await health.getByText(`Ollama is not reachable at ${ollamaHost}.`, { exact: false }).waitFor({ timeout: 20_000 });
    assert.doesNotMatch(await health.textContent() ?? '', /OLLAMA_HOST|--ollama|ollama serve/);
    await screenshot(page, '24a-settings-ollama');

    await tab('PubMed');
    await region('PubMed').getByLabel('Review question').fill('thyroid cancer found at autopsy');
    await region('PubMed').getByRole('button', { name: 'Draft queries' }).click();
    const pubmed = region('PubMed').getByRole('alert', { name: 'Ollama not reachable' });
    await pubmed.waitFor({ timeout: 30_000 });
    assert.match(await pubmed.textContent() ?? '', new RegExp(`^Ollama is not reachable at ${ollamaHost}\\. Drafting PubMed queries`));
    await pubmed.getByRole('button', { name: 'Set up Ollama' }).waitFor();
    await screenshot(page, '24a-pubmed-no-ollama');
    await checkA11y('pubmed without Ollama (light)');

    await tab('Trials');
    await region('Trials').getByLabel('Trial question').fill('metformin in early breast cancer');
    await region('Trials').getByRole('button', { name: 'Draft trial searches' }).click();
    const trials = region('Trials').getByRole('alert', { name: 'Ollama not reachable' });
    await trials.waitFor({ timeout: 30_000 });
    assert.match(await trials.textContent() ?? '', new RegExp(`^Ollama is not reachable at ${ollamaHost}\\. Drafting trial searches`));    await checkA11y('trials without Ollama (light)');
    await tab('Review');
    await region('Review').waitFor();
    await checkA11y('review, no collections yet (light)');
  });

  test('dark theme: Settings, Library, Search, PubMed, Trials and Review pass axe too', async () => {
    await bridge.call('setSettings', { theme: 'dark' });
    await page.reload();
    await tab('Settings');
    await region('Settings').getByRole('heading', { name: 'Embedding model' }).waitFor();
    await checkA11y('settings (dark)');
    await tab('Library');
    await checkA11y('library (dark)');
    await tab('Search');
    await checkA11y('search (dark)');
    await tab('PubMed');
    await checkA11y('pubmed (dark)');
    await tab('Trials');
    await checkA11y('trials (dark)');
    await tab('Review');
    await region('Review').waitFor();
    await checkA11y('review, no collections yet (dark)');
    await bridge.call('setSettings', { theme: 'light' });
  });

  test('OCR on: the same documents are "OCR pending" after a restart, then "OCR done" after an index run', async () => {
    await page.close();
    await bridge.close();
    delete process.env.DELVE_OCR;
    bridge = await startBridge({ dataDir: data, exportDir: dir });
    await open();
    await tab('Library');
    const library = region('Library');
    await library.getByLabel('Status').selectOption({ label: 'OCR pending' });
    await rowsAre(2);
    await screenshot(page, '24a-ocr-pending');
    const indexed = await bridge.call('index', [papers]) as { ok: boolean };
    assert.equal(indexed.ok, true, JSON.stringify(indexed).slice(0, 300));
    await page.reload();
    await tab('Library');
    await library.getByLabel('Status').selectOption({ label: 'OCR done' });
    await rowsAre(2);
    const rows = await library.locator('table.library-docs tbody tr').allTextContents();
    for (const t of rows) assert.match(t, /OK.*OCR done/);
    await library.getByLabel('Status').selectOption({ label: 'Partial' });
    await library.getByText('No document matches these filters.').waitFor();
    await library.getByLabel('Status').selectOption({ label: 'OCR done' });
    await screenshot(page, '24a-ocr-done');
  });
});

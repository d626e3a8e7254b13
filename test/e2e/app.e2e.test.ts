/**
 * The desktop app's renderer end to end in real Chromium: the built renderer served by Vite with
 * `window.delve` bound to the real engine through the test bridge (the IPC layer's handler map).
 * Indexes ../shared/pdfs and a 15k-chunk SciFact library through the UI, cancels a job, searches
 * (first results timed in the page), opens a result at its page, runs a deep search against the
 * Ollama-protocol test server, keeps evidence in a collection, drafts PubMed queries, and shows a
 * hostile note as text. Screenshots of each screen go to test-artifacts/e2e/.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import type { AppStatus, Result } from '../../preload/contract.js';
import { REPO_ROOT, sharedDir, tempDir } from '../helpers/shared.js';
import { missingBrowser, screenshot, openApp, openScreen } from './browser.js';
import { startBridge, type Bridge } from './bridge/server.js';
import { INJECTION_MARKER, startServers, writeInjectionNote, writeScifactNotes, type Servers } from './fixtures.js';

/** The page's globals these tests read (this build has no DOM types). */
interface PageWindow {
  __pwned?: string;
  document: { querySelectorAll(sel: string): ArrayLike<{ textContent: string | null }> & Iterable<{ textContent: string | null }> };
}

const missing = missingBrowser() ?? (existsSync(join(REPO_ROOT, 'renderer', 'dist', 'index.html')) ? null : 'renderer/dist is not built (npm run build:renderer)');
if (missing && process.env.CI) throw new Error(`the end-to-end suite cannot run: ${missing}`);

describe('desktop renderer end to end (Chromium)', { skip: missing ?? false }, () => {
  let bridge: Bridge;
  let servers: Servers;
  let browser: Browser;
  let page: Page;
  const dir = tempDir('delve-e2e-');
  const scifact = join(dir, 'scifact');
  const hostile = join(dir, 'hostile');
  const pdfs = join(sharedDir(), 'pdfs');
  const timings: number[] = [];

  const tab = (name: string) => openScreen(page, name);
  const library = () => page.getByRole('region', { name: 'Library' });
  const searchRegion = () => page.getByRole('region', { name: 'Search' });
  const addFolder = async (folder: string) => {
    bridge.nextFolders = [folder];
    await tab('Library');
    await library().getByRole('button', { name: 'Add folder' }).click();
  };
  /** Waits until no index job runs and `done` holds for the library. */
  const idle = async (done: (s: AppStatus) => boolean, timeoutMs: number) => {
    const until = Date.now() + timeoutMs;
    await sleep(300);
    for (;;) {
      const r = await bridge.call('appStatus') as Result<AppStatus>;
      if (r.ok && !r.data.indexing && done(r.data)) return r.data;
      if (Date.now() > until) throw new Error(`the library did not settle: ${JSON.stringify(r)}`);
      await sleep(500);
    }
  };
  const search = async (query: string) => {
    await tab('Search');
    const box = searchRegion().getByRole('searchbox', { name: 'Search' });
    await box.fill(query);
    await box.press('Enter');
  };

  before(async () => {
    mkdirSync(join(dir, 'exports'));
    writeScifactNotes(scifact);
    writeInjectionNote(hostile);
    servers = await startServers();
    bridge = await startBridge({ dataDir: join(dir, 'data'), exportDir: join(dir, 'exports') });
    const saved = await bridge.call('setSettings', {
      ollama: { host: servers.ollama.url },
      chunking: { size: 600, overlap: 80 },
      pubmed: { eutils: servers.mesh.url, apiKey: 'testkey', email: 'e2e@example.org' },
    });
    assert.equal((saved as { ok: boolean }).ok, true, JSON.stringify(saved));
    ({ browser, page } = await openApp(bridge.url, { width: 1360, height: 860 }));
  });

  after(async () => {
    await browser?.close();
    await bridge?.close();
    await servers?.close();
    if (timings.length) console.log(`first results after Enter (ms): ${timings.map((t) => t.toFixed(0)).join(', ')}`);
  });

  test('library: ../shared/pdfs added with the folder picker are indexed, listed, and their problems shown', async () => {
    await addFolder(pdfs);
    await library().getByText(/indexed|documents/i).first().waitFor();
    await idle((s) => s.documents > 0, 180_000);
    const pdfCount = readdirSync(pdfs).filter((f) => f.toLowerCase().endsWith('.pdf')).length;
    const status = await bridge.call('status') as { ok: true; data: { totals: { pdfs: number } } };
    assert.ok(status.data.totals.pdfs >= pdfCount - 2, `${status.data.totals.pdfs} of ${pdfCount} PDFs indexed`);
    await library().getByLabel('Filter documents').waitFor();
    await screenshot(page, '01-library');
  });

  test('a running index job is cancelled from the Library screen, and indexing again resumes it', async () => {
    await addFolder(scifact);
    const cancel = library().getByRole('button', { name: 'Cancel indexing' });
    await cancel.waitFor({ timeout: 30_000 });
    await screenshot(page, '02-library-indexing');
    await cancel.click();
    await library().getByText(/cancelled/i).first().waitFor({ timeout: 30_000 });
    await addFolder(scifact);
    await idle((s) => s.chunks >= 10_000, 400_000);
    const s = await bridge.call('status') as { ok: true; data: { totals: { chunks: number; notes: number } } };
    assert.ok(s.data.totals.chunks >= 10_000, `${s.data.totals.chunks} chunks`);
    console.log(`library for the timing: ${s.data.totals.chunks} chunks`);
  });

  test('fast search: first results are on screen after Enter on a library of ≥ 10k chunks (the median reported; goal < 300 ms)', async (t) => {
    const queries = ['vitamin D deficiency cancer risk', 'T cell receptor signalling in autoimmunity', 'antibiotic resistance in hospital infections', 'insulin resistance and obesity', 'DNA methylation in ageing'];
    for (const q of queries) {
      await search(q);
      const list = searchRegion().locator(`[data-first-results-ms][data-query="${q}"]`);
      await list.waitFor({ timeout: 10_000 });
      timings.push(Number(await list.getAttribute('data-first-results-ms')));
    }
    const sorted = [...timings].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    // The figure for the notes (goal < 300 ms on an idle machine); asserted only against seconds, which would mean a
    // search that waits on something (postings, a model, a lock): the CI machine is loaded and a 300 ms bound flakes.
    t.diagnostic(`first results on screen: median ${median.toFixed(0)} ms (${timings.join(', ')})`);
    assert.ok(median < 3000, `median ${median.toFixed(0)} ms (${timings.join(', ')})`);
    await screenshot(page, '03-search');
  });

  test('a result opens in the viewer at its page with the passage highlighted', async () => {
    const status = await bridge.call('status') as { ok: true; data: { documents: { id: number; kind: string; pages: number }[] } };
    const doc = status.data.documents.find((d) => d.kind === 'pdf' && d.pages >= 3)!;
    const detail = await bridge.call('document', doc.id) as { ok: true; data: { pages: { page: number; text: string }[] } };
    const page3 = detail.data.pages.find((p) => p.page === 3)!;
    const words = page3.text.replace(/\s+/g, ' ').split(' ').filter((w) => /^[A-Za-z]{4,}$/.test(w));
    const phrase = words.slice(10, 18).join(' ');
    await search(phrase);
    const card = searchRegion().getByTestId('evidence-card').filter({ hasText: 'p. ' }).first();
    await card.waitFor();
    await card.getByRole('button', { name: 'Open' }).click();
    const viewer = page.getByTestId('document-viewer');
    await viewer.waitFor();
    await viewer.locator('[data-page-number="3"] canvas').first().waitFor({ timeout: 30_000 });
    await viewer.locator('.viewer-hit').first().waitFor({ timeout: 30_000 });
    await screenshot(page, '04-viewer');
    await viewer.getByRole('button', { name: 'Close' }).click();
  });

  test('deep search streams its stages from the Ollama-protocol server and shows the judge\'s reasons', async () => {
    await tab('Search');
    await searchRegion().getByRole('radio', { name: 'Deep' }).check();
    await search('Vitamin D deficiency is associated with an increased risk of cancer.');
    await searchRegion().getByText('States the vitamin D finding directly.').first().waitFor({ timeout: 120_000 });
    assert.ok(servers.ollama.calls.length > 0, 'the LLM was called');
    await screenshot(page, '05-search-deep');
    await searchRegion().getByRole('radio', { name: 'Fast' }).check();
  });

  test('evidence saved from a search shows in the Review table and exports to Markdown and BibTeX', async () => {
    await search('vitamin D deficiency cancer risk');
    const card = searchRegion().getByTestId('evidence-card').first();
    await card.waitFor();
    await card.getByRole('button', { name: 'Save to collection' }).click();
    const form = searchRegion().getByRole('form', { name: 'Save to collection' });
    await form.getByLabel('Collection', { exact: true }).selectOption({ label: 'New collection…' });
    await form.getByLabel('New collection name').fill('Vitamin D review');
    await form.getByLabel('Stance').selectOption('supports');
    await form.getByLabel('Note').fill('Cohort evidence for the introduction.');
    await form.getByLabel('Tags').fill('cohort, vitamin-d');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await form.waitFor({ state: 'detached', timeout: 10_000 }).catch(async (e: unknown) => {
      throw new Error(`the save form stayed open: ${await form.innerText()}`, { cause: e });
    });
    await tab('Review');
    const review = page.getByRole('region', { name: 'Review' });
    await review.getByRole('button', { name: /Vitamin D review/ }).click();
    await review.getByText('Cohort evidence for the introduction.').waitFor();
    await review.getByRole('button', { name: 'Export Markdown' }).click();
    await review.getByText(/Vitamin-D-review\.md/).waitFor();
    await review.getByRole('button', { name: 'Export BibTeX' }).click();
    await review.getByText(/Vitamin-D-review\.bib/).waitFor();
    const md = readFileSync(join(dir, 'exports', 'Vitamin-D-review.md'), 'utf8');
    assert.match(md, /Cohort evidence for the introduction\./);
    assert.match(readFileSync(join(dir, 'exports', 'Vitamin-D-review.bib'), 'utf8'), /^@\w+\{/m);
    await screenshot(page, '07-review');
  });

  test('PubMed: drafted queries show counts, seed recall, clause counts and MeSH checks; a search\'s records are imported and marked in the library', async () => {
    await tab('PubMed');
    const pubmed = page.getByRole('region', { name: 'PubMed' });
    await pubmed.getByLabel('Review question').fill(servers.topic.title);
    await pubmed.getByLabel('Known relevant PMIDs').fill(servers.topic.included_pmids.join(', '));
    await pubmed.getByRole('button', { name: 'Draft queries' }).click();
    await pubmed.getByText(/known papers/).first().waitFor({ timeout: 60_000 });
    await screenshot(page, '08-pubmed-drafts');
    await pubmed.getByRole('button', { name: 'Use this query' }).first().click();
    await pubmed.getByRole('button', { name: 'Search PubMed' }).click();
    await pubmed.getByRole('button', { name: 'Select all not in library' }).click({ timeout: 30_000 });
    await pubmed.getByRole('button', { name: /^Import selected/ }).click();
    await pubmed.getByText(/Imported \d+/).waitFor({ timeout: 30_000 });
    await pubmed.getByRole('button', { name: /In library/ }).first().waitFor();
    const status = await bridge.call('status') as Result<{ totals: { pubmed: number } }>;
    assert.ok(status.ok && status.data.totals.pubmed > 0, 'records imported into the library');
    await screenshot(page, '09-pubmed-search');
  });

  test('Settings shows the Ollama connection and the embedding models; the dark theme applies everywhere', async () => {
    await tab('Settings');
    const settings = page.getByRole('region', { name: 'Settings' });
    await settings.getByRole('button', { name: 'Check connection' }).click();
    await settings.getByText(/qwen3:4b/).first().waitFor();
    await screenshot(page, '10-settings');
    await settings.getByLabel(/Dark/).check();
    await settings.getByRole('button', { name: 'Save' }).click();
    await page.waitForFunction(() => (globalThis as unknown as { document: { documentElement: { dataset: Record<string, string> } } }).document.documentElement.dataset.theme === 'dark');
    await tab('Search');
    await screenshot(page, '11-search-dark');
    await tab('Library');
    await screenshot(page, '12-library-dark');
  });

  test('a hostile note shows its HTML and script as text and runs nothing', async () => {
    await addFolder(hostile);
    await idle(() => true, 60_000);
    await search(INJECTION_MARKER);
    const card = searchRegion().getByTestId('evidence-card').filter({ hasText: INJECTION_MARKER }).first();
    await card.waitFor();
    assert.match(await card.innerText(), /<img src=x onerror=|<script>/);
    await card.getByRole('button', { name: 'Open' }).click();
    const viewer = page.getByTestId('document-viewer');
    await viewer.waitFor();
    await viewer.getByText(/<script>/).first().waitFor();
    const probe = await page.evaluate(() => {
      const w = globalThis as unknown as PageWindow;
      const count = (sel: string) => w.document.querySelectorAll(sel).length;
      return {
        pwned: w.__pwned ?? null,
        imgs: count('img[src="x"]'),
        scripts: [...w.document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__pwned')).length,
        iframes: count('iframe'),
        jsLinks: count('a[href^="javascript:"]'),
      };
    });
    assert.deepEqual(probe, { pwned: null, imgs: 0, scripts: 0, iframes: 0, jsLinks: 0 });
    await screenshot(page, '06-injection');
    await viewer.getByRole('button', { name: 'Close' }).click();
  });
});

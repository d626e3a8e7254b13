/**
 * Issue 19 in real Chromium against the real engine (the test bridge), OCR on: a scanned page of
 * ../shared/pdfs (Huckleberry Finn p. 22, image only) is recognised by the index run; a search for
 * words of its OCR text shows the passage marked "OCR text, N% confidence"; Open shows the page in
 * the PDF viewer with the quoted words highlighted over their stored OCR boxes, each rectangle
 * where those words' boxes are on the drawn page; the OCR words are the page's selectable text, and
 * a selection of them can be saved as evidence. Screenshots: test-artifacts/e2e/19-*.png.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { DocumentDetail, IndexSummary, StatusReport } from '../../main/engine/index.js';
import { REPO_ROOT, sharedDir, tempDir } from '../helpers/shared.js';
import { missingBrowser, screenshot, openApp } from './browser.js';
import { startBridge, type Bridge } from './bridge/server.js';

const missing = missingBrowser() ?? (existsSync(join(REPO_ROOT, 'renderer', 'dist', 'index.html')) ? null : 'renderer/dist is not built (npm run build:renderer)');
if (missing && process.env.CI) throw new Error(`the end-to-end suite cannot run: ${missing}`);

type Ok<T> = { ok: true; data: T };
const SCAN = 'scanned_gutenberg-huckfinn-p22_imageonly.pdf';

describe('a scanned page opened from a search result, the quote highlighted over its OCR boxes (Chromium)', { skip: missing ?? false }, () => {
  const dir = tempDir('delve-e2e-19-');
  const papers = join(dir, 'papers');
  const saved = process.env.DELVE_OCR;
  let bridge: Bridge;
  let browser: Browser;
  let page: Page;
  let detail: DocumentDetail;

  before(async () => {
    mkdirSync(papers, { recursive: true });
    for (const f of [SCAN, 'hindawi-rrp-2010-157939_heart-failure.pdf']) copyFileSync(join(sharedDir(), 'pdfs', f), join(papers, f));
    delete process.env.DELVE_OCR; // OCR on, as the app's default
    bridge = await startBridge({ dataDir: join(dir, 'data'), exportDir: dir });
    bridge.nextFolders = [papers];
    await bridge.call('pickFolders');
    const indexed = await bridge.call('index', [papers]) as Ok<IndexSummary>;
    assert.equal(indexed.ok, true, JSON.stringify(indexed).slice(0, 300));
    assert.equal(indexed.data.ocr?.recognised, 1, JSON.stringify(indexed.data.ocr));
    const status = await bridge.call('status') as Ok<StatusReport>;
    const id = status.data.documents.find((d) => d.path.endsWith(SCAN))!.id;
    detail = (await bridge.call('document', id) as Ok<DocumentDetail>).data;
    ({ browser, page } = await openApp(bridge.url, { width: 1280, height: 900 }));
  });

  after(async () => {
    await browser?.close();
    await bridge?.close();
    if (saved === undefined) delete process.env.DELVE_OCR; else process.env.DELVE_OCR = saved;
  });

  test('search → OCR badge → Open: the page drawn, the quoted words highlighted where their OCR boxes are', async () => {
    const ocr = detail.pages[0]?.ocr;
    assert.ok(ocr && ocr.words.length > 50, 'the scanned page keeps its OCR words');
    // Six consecutive long words from the middle of the page's OCR text: a query only this page answers.
    const words = ocr.words.map((w) => w[0]).filter((w) => /^\p{L}{4,}$/u.test(w));
    const query = words.slice(Math.floor(words.length / 2), Math.floor(words.length / 2) + 6).join(' ');
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Search', exact: true }).click();
    const region = page.getByRole('region', { name: 'Search' });
    const box = region.getByRole('searchbox', { name: 'Search' });
    await box.fill(query);
    await box.press('Enter');
    const card = region.getByTestId('evidence-card').first();
    await card.waitFor();
    assert.match(await card.locator('.search-card-title').getAttribute('title') ?? '', new RegExp(SCAN.replace(/\./g, '\\.')));
    const badge = await card.locator('.search-badge-ocr').textContent();
    assert.equal(badge, `OCR text, ${Math.round(ocr.confidence)}% confidence`);
    await screenshot(page, '19-ocr-result');

    await card.getByRole('button', { name: 'Open', exact: true }).click();
    const viewer = page.getByTestId('document-viewer');
    const hits = viewer.locator('.viewer-page[data-page-number="1"] [data-testid="ocr-highlight"] .viewer-ocr-hit');
    await hits.first().waitFor();
    assert.equal(await viewer.getByText('The quoted passage was not found on this page.').count(), 0);
    // Every rectangle lies on the drawn page and covers at least one of the quoted words' OCR boxes.
    const pageBox = (await viewer.locator('.viewer-page[data-page-number="1"]').boundingBox())!;
    const rects = await Promise.all((await hits.all()).map((h) => h.boundingBox()));
    const toPx = ([, x0, y0, x1, y1]: [string, number, number, number, number, number]) =>
      ({ x: pageBox.x + (x0 / ocr.width) * pageBox.width, y: pageBox.y + (y0 / ocr.height) * pageBox.height, w: ((x1 - x0) / ocr.width) * pageBox.width, h: ((y1 - y0) / ocr.height) * pageBox.height });
    const inside = (w: ReturnType<typeof toPx>, r: { x: number; y: number; width: number; height: number } | null) =>
      r !== null && w.x >= r.x - 1 && w.x + w.w <= r.x + r.width + 1 && w.y >= r.y - 1 && w.y + w.h <= r.y + r.height + 1;
    const allBoxes = ocr.words.map(toPx);
    for (const r of rects) {
      assert.ok(r && r.x >= pageBox.x - 1 && r.y >= pageBox.y - 1 && r.x + r.width <= pageBox.x + pageBox.width + 1 && r.y + r.height <= pageBox.y + pageBox.height + 1, `${JSON.stringify(r)} lies on the page ${JSON.stringify(pageBox)}`);
      assert.ok(allBoxes.some((w) => inside(w, r)), `${JSON.stringify(r)} covers OCR words`);
    }
    const queryWords = new Set(query.toLowerCase().split(' '));
    const covered = new Set(ocr.words.filter((w, i) => queryWords.has(w[0].toLowerCase()) && rects.some((r) => inside(allBoxes[i]!, r))).map((w) => w[0].toLowerCase()));
    assert.equal(covered.size, queryWords.size, `the query's words are highlighted: ${[...covered].join(' ')} of ${query}`);
    // The highlight is in view, over the canvas pdf.js drew.
    const first = (await hits.first().boundingBox())!;
    const view = (await viewer.locator('.viewer-pdf-pages').boundingBox())!;
    assert.ok(first.y >= view.y && first.y + first.height <= view.y + view.height, 'the first highlighted line is scrolled into view');
    await screenshot(page, '19-ocr-viewer-highlight');

    // The OCR words are the page's selectable text: each on its box; a selection can be saved as evidence.
    const layer = viewer.locator('.viewer-page[data-page-number="1"] [data-testid="ocr-text-layer"] span');
    assert.equal(await layer.count(), ocr.words.length);
    const at = ocr.words.findIndex((w) => w[0] === words[Math.floor(words.length / 2)]);
    for (const i of [at, at + 1, at + 2]) {
      const span = (await layer.nth(i).boundingBox())!;
      const w = toPx(ocr.words[i]!);
      assert.ok(Math.abs(span.x - w.x) < 2 && Math.abs(span.y - w.y) < 2, `word ${i} sits on its box: ${JSON.stringify([span, w])}`);
      assert.ok(span.width > 0.9 * w.w && span.width < 1.6 * w.w + 8, `word ${i} is as wide as its box (with its space): ${span.width} vs ${w.w}`);
    }
    // In the page (no DOM types here): select the six words from `at` on, as a drag would, and release the mouse.
    type Node = { firstChild: Node | null; textContent: string | null; parentElement: { querySelectorAll(s: string): ArrayLike<Node> } | null };
    type Doc = { createRange(): { setStart(n: Node, o: number): void; setEnd(n: Node, o: number): void }; getSelection(): { removeAllRanges(): void; addRange(r: unknown): void }; dispatchEvent(e: unknown): void };
    await layer.nth(at).evaluate((first: unknown, n: number) => {
      const g = globalThis as unknown as { document: Doc; MouseEvent: new (type: string) => unknown };
      const el = first as Node;
      const spans = Array.from(el.parentElement!.querySelectorAll('span'));
      const last = spans[spans.indexOf(el) + n]!;
      const range = g.document.createRange();
      range.setStart(el.firstChild!, 0);
      range.setEnd(last.firstChild!, last.textContent!.trimEnd().length);
      g.document.getSelection().removeAllRanges();
      g.document.getSelection().addRange(range);
      g.document.dispatchEvent(new g.MouseEvent('mouseup'));
    }, 5);
    await viewer.getByRole('button', { name: 'Save selection as evidence' }).click();
    const quoted = await viewer.locator('.viewer-selection-quote').textContent();
    const expected = ocr.words.slice(at, at + 6).map((w) => w[0]).join(' ');
    assert.equal(quoted, `${expected} (PDF page 1)`);
    await screenshot(page, '19-ocr-viewer-selection');
  });

  test('Settings → OCR offers the installed languages and saves a choice', async () => {
    const viewer = page.getByTestId('document-viewer');
    await viewer.getByRole('button', { name: 'Cancel' }).click();
    await viewer.getByRole('button', { name: 'Close', exact: true }).click();
    await viewer.waitFor({ state: 'detached' });
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Settings', exact: true }).click();
    const settings = page.getByRole('region', { name: 'Settings' });
    const ocr = settings.getByRole('region', { name: 'OCR' });
    await ocr.getByRole('checkbox', { name: 'Read scanned pages with OCR' }).waitFor();
    assert.equal(await ocr.getByRole('checkbox', { name: 'Read scanned pages with OCR' }).isChecked(), true);
    assert.equal(await ocr.getByRole('checkbox', { name: /English/ }).isChecked(), true);
    assert.equal(await ocr.getByRole('radio', { name: /Tesseract's, installed on this computer/ }).isChecked(), true, 'Tesseract\'s data where it has the languages, by default');
    await ocr.getByRole('checkbox', { name: /French/ }).check();
    await ocr.scrollIntoViewIfNeeded();
    await screenshot(page, '19-settings-ocr');
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.getByText('Saved').waitFor();
    const saved = await bridge.call('getSettings') as Ok<{ ocr: { enabled: boolean | null; languages: string[]; garbageText: boolean; data: string } }>;
    assert.deepEqual(saved.data.ocr, { enabled: null, languages: ['eng', 'fra'], garbageText: false, data: 'auto' });
  });
});

/**
 * The viewer's pdf.js renders what needs its data folders, in Chromium, served like the app
 * (pdf/server.ts: the built renderer under the app's CSP): a JPEG 2000 image (pdf.js's openjpeg
 * WebAssembly decoder, from pdfjs/wasm/) and Japanese text in a non-embedded CID font (the
 * UniJIS-UCS2-H CMap, from pdfjs/cmaps/) beside non-embedded Helvetica (pdfjs/standard_fonts/).
 * Each page is compared with poppler's pdftoppm rendering of it, block by block (pdf/pixels.ts);
 * the same pages rendered with the assets withheld must fail that comparison, so the test can fail.
 * Screenshots: test-artifacts/e2e/pdf-<name>.png (pdf.js) and pdf-<name>-poppler.png (pdftoppm).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT, tempDir } from '../helpers/shared.js';
import { ARTIFACTS, launch, missingBrowser } from './browser.js';
import { CJK_LINES, makeCjkPdf, makeJpxPdf, PDF_TOOLS } from './pdf/fixtures.js';
import { compareBlocks, popplerPage, type Comparison, type Grey } from './pdf/pixels.js';
import { startRenderServer, type RenderServer } from './pdf/server.js';

const DIST = join(REPO_ROOT, 'renderer', 'dist');
const SCALE = 2;

function missingTool(): string | null {
  for (const tool of PDF_TOOLS) {
    try { execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'pipe' }); } catch { return `${tool} is not installed (apt-get install -y libopenjp2-tools img2pdf poppler-utils poppler-data fonts-ipafont-gothic)`; }
  }
  return null;
}
function pdfjsChunk(): string | null {
  try {
    const name = readdirSync(join(DIST, 'assets')).find((f) => /^pdfjs-[\w-]+\.js$/.test(f));
    return name ? `./assets/${name}` : null;
  } catch { return null; }
}
const missing = missingBrowser() ?? missingTool() ?? (pdfjsChunk() ? null : 'renderer/dist has no pdf.js chunk (npm run build:renderer)');
if (missing && process.env.CI) throw new Error(`the PDF rendering test cannot run: ${missing}`);

describe('the viewer renders JPEG 2000 and CJK PDFs like poppler (Chromium)', { skip: missing ?? false }, () => {
  const dir = tempDir('delve-pdfrender-');
  let docs: Record<string, string>;
  let browser: Browser;
  const figures: Record<string, Comparison> = {};

  before(async () => {
    docs = { jpx: makeJpxPdf(dir), cjk: makeCjkPdf(dir) };
    browser = await launch();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    for (const [k, v] of Object.entries(figures)) console.log(`# ${k}: correlation ${v.correlation.toFixed(4)}, mean |diff| ${v.meanAbsDiff.toFixed(2)}/255, ink pdf.js ${v.inkA.toFixed(2)} poppler ${v.inkB.toFixed(2)}`);
  });

  /** Renders `name` with the built viewer module; returns the grey pixels and the page's CSP violations. */
  async function render(name: string, withoutPdfjsAssets = false): Promise<{ grey: Grey; violations: string[]; page: Page; server: RenderServer }> {
    const server = await startRenderServer({ rendererDist: DIST, docs, withoutPdfjsAssets });
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    try {
      await page.goto(`${server.url}/render-test.html`);
      const out = await page.evaluate(([chunk, n, s]) => (globalThis as unknown as { __render(c: string, n: string, s: number): Promise<{ width: number; height: number; grey: string }> }).__render(chunk, n, s), [pdfjsChunk()!, name, SCALE] as const);
      const violations = await page.evaluate(() => (globalThis as unknown as { __violations: string[] }).__violations);
      return { grey: { width: out.width, height: out.height, data: new Uint8Array(Buffer.from(out.grey, 'base64')) }, violations, page, server };
    } catch (err) {
      await page.close();
      await server.close();
      throw err;
    }
  }

  async function check(name: string): Promise<{ good: Comparison; without: Comparison; fetched: string[] }> {
    const r = await render(name);
    const fetched = r.server.requests.filter((p) => p.startsWith('/pdfjs/'));
    try {
      assert.deepEqual(r.violations, [], 'no Content-Security-Policy violation');
      await r.page.locator('#page').screenshot({ path: join(ARTIFACTS, `pdf-${name}.png`) });
    } finally {
      await r.page.close();
      await r.server.close();
    }
    const reference = popplerPage(docs[name]!, join(ARTIFACTS, `pdf-${name}-poppler`), r.grey.width, r.grey.height);
    const good = compareBlocks(r.grey, reference);
    figures[name] = good;
    const w = await render(name, true);
    await w.page.screenshot({ path: join(ARTIFACTS, `pdf-${name}-without-assets.png`) });
    await w.page.close();
    await w.server.close();
    const without = compareBlocks(w.grey, reference);
    figures[`${name} without pdfjs/ assets`] = without;
    return { good, without, fetched };
  }

  test('a JPEG 2000 image renders (openjpeg.wasm from the app under its CSP)', async () => {
    const { good, without, fetched } = await check('jpx');
    assert.ok(fetched.includes('/pdfjs/wasm/openjpeg.wasm'), `fetched ${fetched.join(', ')}`);
    assert.ok(good.correlation > 0.98, `correlation with pdftoppm ${good.correlation}`);
    assert.ok(good.meanAbsDiff < 8, `mean block difference ${good.meanAbsDiff}`);
    assert.ok(without.correlation < 0.5 || without.meanAbsDiff > 30, `without the assets the image is missing (correlation ${without.correlation}, diff ${without.meanAbsDiff})`);
  });

  test(`CJK text in a non-embedded font ("${CJK_LINES[0]}") and non-embedded Helvetica render`, async () => {
    const { good, without, fetched } = await check('cjk');
    assert.ok(fetched.includes('/pdfjs/cmaps/UniJIS-UCS2-H.bcmap'), `fetched ${fetched.join(', ')}`);
    // Helvetica comes from the app's standard fonts, not from whatever the system has.
    assert.ok(fetched.some((p) => p.startsWith('/pdfjs/standard_fonts/')), `fetched ${fetched.join(', ')}`);
    assert.ok(good.correlation > 0.8, `correlation with pdftoppm ${good.correlation}`);
    assert.ok(good.inkA > 0.6 * good.inkB && good.inkA < 1.6 * good.inkB, `ink ${good.inkA} vs ${good.inkB}`);
    assert.ok(without.correlation < good.correlation - 0.2, `without the CMaps the Japanese lines are missing (correlation ${without.correlation})`);
  });
});

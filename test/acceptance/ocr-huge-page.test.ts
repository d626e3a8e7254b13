/**
 * Huge page images are OCR'd at the resolution OCR needs, within bounded memory: a Letter page
 * holding one 20,000 × 20,000 grey scan (400 M pixels), and a page of 4,800 × 4,800 points (20,000
 * pixels a side at 300 dpi). Memory is measured deterministically as the size of pdfium's WASM
 * memory, which only grows, so after the run it is the peak of every page rendered on this thread.
 * Only an image over MAX_SOURCE_PIXELS (1.6 G pixels, e.g. 50,000 × 50,000) keeps OCR_PAGE_TOO_LARGE.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createDeflate } from 'node:zlib';
import { createEngine } from '../../main/engine/index.js';
import { openPdfium } from '../../main/engine/ingest/pdf/pdfium/document.js';
import { loadPdfium } from '../../main/engine/ingest/pdf/pdfium/module.js';
import type { GreyImage } from '../../main/engine/ingest/pdf/pdfium/render.js';
import { imagePdf } from '../helpers/image-pdf.js';
import { sharedDir, tempDir } from '../helpers/shared.js';

const N = 20_000;
/** The stated bound on pdfium's WASM memory after rendering every page of this test. */
const WASM_BOUND = 128 * 1048576;

/** `img` scaled up to n × n pixels (nearest neighbour), Flate-compressed a row at a time. */
async function upscaledDeflate(img: GreyImage, n: number): Promise<Buffer> {
  const z = createDeflate({ level: 1 });
  const chunks: Buffer[] = [];
  z.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve, reject) => { z.on('end', resolve); z.on('error', reject); });
  const xs = Uint32Array.from({ length: n }, (_, x) => Math.floor((x * img.width) / n));
  for (let y = 0; y < n; y++) {
    const src = Math.floor((y * img.height) / n) * img.width;
    const row = Buffer.allocUnsafe(n);
    for (let x = 0; x < n; x++) row[x] = img.pixels[src + xs[x]!]!;
    if (!z.write(row)) await new Promise((resolve) => z.once('drain', resolve));
  }
  z.end();
  await done;
  return Buffer.concat(chunks);
}

test('a 20,000² page image and a 20,000-pixel page are OCR\'d within bounded memory; an image over 1.6 G pixels keeps its code', { timeout: 600_000 }, async (t) => {
  const dir = tempDir('delve-ocr-huge-');
  const src = await openPdfium(new Uint8Array(readFileSync(join(sharedDir(), 'pdfs', 'scanned_francais_diacritics_imageonly.pdf'))), '');
  const scan = src.render(0, { dpi: 200, maxSide: 4000, maxPixels: 16e6 });
  src.close();
  const aspect = scan.height / scan.width;
  writeFileSync(join(dir, 'huge-image.pdf'), imagePdf([{ width: N, height: N, pixels: new Uint8Array(0), deflated: await upscaledDeflate(scan, N), pageW: 612, pageH: Math.round(612 * aspect) }]));
  writeFileSync(join(dir, 'huge-page.pdf'), imagePdf([{ width: scan.width, height: scan.height, pixels: scan.pixels, pageW: 4800, pageH: Math.round(4800 * aspect) }]));
  // Only its dictionary is read: the page is refused before pdfium decodes the image.
  writeFileSync(join(dir, 'too-large.pdf'), imagePdf([{ width: 50_000, height: 50_000, pixels: new Uint8Array(64), filter: 'JPXDecode', pageW: 612, pageH: 792 }]));

  const engine = await createEngine({ dbPath: join(dir, 'lib.db'), ocr: { enabled: true, workers: 1 } });
  try {
    const s = await engine.index([dir]);
    assert.equal(s.ocr?.recognised, 2, JSON.stringify(s.ocr));
    assert.deepEqual(s.ocr?.failed.map((f) => [f.path.replace(/.*\//, ''), f.code]), [['too-large.pdf', 'OCR_PAGE_TOO_LARGE']]);
    assert.deepEqual(s.needsOcr.map((d) => [d.path.replace(/.*\//, ''), d.pages]), [['too-large.pdf', [1]]], 'only the refused page still needs OCR');
    for (const name of ['huge-image.pdf', 'huge-page.pdf']) {
      const id = engine.status().documents.find((d) => d.path.endsWith(name))!.id;
      const page = engine.document(id).pages[0]!;
      assert.match(page.text, /whisky/i, `${name}: its text is found`);
      const o = page.ocr!;
      assert.ok(Math.max(o.width, o.height) <= 7000 && o.width * o.height <= 24_000_000, `${name}: rendered at ${o.width}×${o.height}, within the OCR render limits`);
      const hit = (await engine.search('whisky', { mode: 'bm25', history: false, k: 10 })).results.find((r) => r.path.endsWith(name));
      assert.ok(hit, `${name} is found by a word of its scan`);
    }
    const wasm = (await loadPdfium()).heapU8().buffer.byteLength;
    t.diagnostic(`pdfium WASM memory after the run: ${(wasm / 1048576).toFixed(1)} MB`);
    assert.ok(wasm <= WASM_BOUND, `pdfium's WASM memory peaked at ${Math.round(wasm / 1048576)} MB (bound ${WASM_BOUND / 1048576} MB; the 20,000² image decoded whole would take over 400 MB)`);
  } finally {
    engine.close();
  }
});

/**
 * A scan written as strips: some scanners and PDF tools store a page as many images, each a band of
 * the page, none of them large. The page is image-only all the same: it is flagged for OCR and its
 * words are found, on both text extractors (pdfium, and pdf.js's probe as the fallback).
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createEngine } from '../../main/engine/index.js';
import { extractPdf } from '../../main/engine/ingest/pdf/extract.js';
import { openPdfium } from '../../main/engine/ingest/pdf/pdfium/document.js';
import { imagePdf, textPdf } from '../helpers/image-pdf.js';
import { tempDir } from '../helpers/shared.js';

const LINES = [
  'The marmoset colony was observed for twelve weeks in the spring.',
  'Each marmoset was weighed weekly and its feeding time recorded.',
  'Weights rose steadily and no animal was lost during the study.',
];

async function stripsPdf(strips: number): Promise<Buffer> {
  const src = await openPdfium(new Uint8Array(textPdf([{ pageW: 612, pageH: 200, text: { size: 14, lines: LINES } }])), '');
  const img = src.render(0, { dpi: 200, maxSide: 4000, maxPixels: 16e6 });
  src.close();
  return imagePdf([{ width: img.width, height: img.height, pixels: img.pixels, pageW: 612, pageH: 200, strips }]);
}

test('a page stored as 16 image strips is flagged for OCR by both extractors', async () => {
  const bytes = new Uint8Array(await stripsPdf(16));
  for (const backend of ['pdfium', 'pdfjs'] as const) {
    const doc = await extractPdf(bytes, { backend });
    assert.deepEqual(doc.pages.map((p) => p.needsOcr), [true], backend);
  }
});

test('the strips page is OCR\'d and its words found', { timeout: 300_000 }, async () => {
  const dir = tempDir('delve-ocr-strips-');
  const docs = join(dir, 'docs');
  mkdirSync(docs);
  writeFileSync(join(docs, 'strips.pdf'), await stripsPdf(16));
  const e = await createEngine({ dbPath: join(dir, 'lib.db'), ocr: { enabled: true, workers: 1 } });
  try {
    const s = await e.index([docs]);
    assert.equal(s.ocr?.recognised, 1, JSON.stringify(s.ocr));
    const hit = (await e.search('marmoset colony', { mode: 'bm25', history: false, k: 3 })).results[0];
    assert.ok(hit?.path.endsWith('strips.pdf'));
    assert.match(e.document(hit!.docId).pages[0]!.text, /marmoset colony was observed/i);
  } finally {
    e.close();
  }
});

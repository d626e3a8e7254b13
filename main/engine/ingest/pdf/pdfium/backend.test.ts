/**
 * The pdfium backend against pdf.js on the shared PDFs: pdfium really is the one used (no silent
 * fallback), it finds the same pages, and the two texts carry the same words. Plus the switch.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { extractPdf } from '../extract.js';
import { pdfPath, sharedPdfs } from '../../../../../test/helpers/pdf-fixtures.js';
import { configuredBackend, openSource } from '../source.js';

const pdfs = sharedPdfs();
const bytesOf = (f: string): Uint8Array => new Uint8Array(readFileSync(pdfPath(f)));

test('DELVE_PDF_BACKEND picks the backend; pdfium by default', () => {
  const saved = process.env.DELVE_PDF_BACKEND;
  try {
    delete process.env.DELVE_PDF_BACKEND;
    assert.equal(configuredBackend(), 'pdfium');
    process.env.DELVE_PDF_BACKEND = 'pdfjs';
    assert.equal(configuredBackend(), 'pdfjs');
    process.env.DELVE_PDF_BACKEND = 'PDFium';
    assert.equal(configuredBackend(), 'pdfium');
  } finally {
    if (saved === undefined) delete process.env.DELVE_PDF_BACKEND;
    else process.env.DELVE_PDF_BACKEND = saved;
  }
});

test('every shared PDF is read by pdfium, with the page count pdf.js finds', async () => {
  for (const f of pdfs) {
    const fast = await openSource(bytesOf(f), f, 'pdfium');
    const slow = await openSource(bytesOf(f), f, 'pdfjs');
    try {
      assert.equal(fast.backend, 'pdfium', `${f}: fell back to pdf.js`);
      assert.equal(fast.numPages, slow.numPages, f);
    } finally {
      await Promise.all([fast.close(), slow.close()]);
    }
  }
});

/** Words of 4+ letters, ligatures and accents folded. */
function words(text: string): Set<string> {
  return new Set(text.normalize('NFKC').toLowerCase().match(/\p{L}{4,}/gu) ?? []);
}

test('pdfium and pdf.js agree on the words of every page, OCR flags and labels', async () => {
  for (const f of pdfs) {
    const [a, b] = await Promise.all([extractPdf(bytesOf(f), { backend: 'pdfium' }), extractPdf(bytesOf(f), { backend: 'pdfjs' })]);
    assert.equal(a.pages.length, b.pages.length, f);
    assert.deepEqual(a.pages.map((p) => p.needsOcr), b.pages.map((p) => p.needsOcr), `${f}: OCR flags differ`);
    assert.deepEqual(a.pages.map((p) => p.label), b.pages.map((p) => p.label), `${f}: page labels differ`);
    const ours = words(a.text);
    const theirs = [...words(b.text)];
    const shared = theirs.filter((w) => ours.has(w)).length;
    assert.ok(shared >= 0.97 * theirs.length, `${f}: only ${shared}/${theirs.length} of pdf.js' words`);
    assert.equal(a.doi, b.doi, f);
    assert.equal(a.title, b.title, f);
  }
});

/**
 * OCR of pages whose text layer is garbage, the option (off by default): a born-digital page whose
 * font maps every character to the Private Use Area, and a scan carrying an invisible layer of
 * symbol soup (a scanner's bad OCR layer), beside a good born-digital page. Off: the layers are
 * kept, the pages' words cannot be found. On (engine config, and the CLI's --ocr-garbage): only the
 * two garbage pages are OCR'd, their OCR text replaces the layer and is marked as OCR text with its
 * confidence, the good page keeps its layer, and a second run OCRs nothing.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createEngine, type Engine } from '../../main/engine/index.js';
import { openPdfium } from '../../main/engine/ingest/pdf/pdfium/document.js';
import { delveJson } from '../helpers/cli.js';
import { imagePdf, textPdf } from '../helpers/image-pdf.js';
import { tempDir } from '../helpers/shared.js';

const LINES = (marker: string) => [
  `The ${marker} survey counted animals along the river banks in spring.`,
  `Observers recorded each ${marker} sighting with the time and the place.`,
  'Counts were compared with those of the previous five years of study.',
  'The population appeared stable although the winter had been harsh.',
];

/** Symbol soup, the same on every run. */
function soup(n: number): string {
  let s = '';
  let x = 7;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += i % 7 === 6 ? ' ' : String.fromCharCode(33 + (x % 94));
  }
  return s;
}

async function library(dir: string): Promise<void> {
  writeFileSync(join(dir, 'private-use.pdf'), textPdf([{ pageW: 612, pageH: 160, text: { size: 14, privateUse: true, lines: LINES('okapi') } }]));
  writeFileSync(join(dir, 'good.pdf'), textPdf([{ pageW: 612, pageH: 160, text: { size: 14, lines: LINES('wombat') } }]));
  const src = await openPdfium(new Uint8Array(textPdf([{ pageW: 612, pageH: 160, text: { size: 14, lines: LINES('capybara') } }])), '');
  const img = src.render(0, { dpi: 200, maxSide: 4000, maxPixels: 16e6 });
  src.close();
  const layer = [0, 1, 2, 3].map(() => soup(70));
  writeFileSync(join(dir, 'bad-layer.pdf'), imagePdf([{ width: img.width, height: img.height, pixels: img.pixels, pageW: 612, pageH: 160, text: { size: 14, invisible: true, lines: layer } }]));
}

const found = async (e: Engine, word: string) => (await e.search(word, { mode: 'bm25', history: false, k: 5 })).results;

test('pages with a garbage text layer: kept with the option off, OCR\'d and marked with it on', { timeout: 600_000 }, async () => {
  const dir = tempDir('delve-ocr-garbage-');
  const docs = join(dir, 'docs');
  mkdirSync(docs);
  await library(docs);
  const dbPath = join(dir, 'lib.db');

  const off = await createEngine({ dbPath, ocr: { enabled: true } });
  try {
    const s = await off.index([docs]);
    assert.equal(s.ocr?.pages ?? 0, 0, 'off: no page needs OCR');
    assert.deepEqual(await found(off, 'okapi'), [], 'the private-use layer hides the words');
    assert.deepEqual(await found(off, 'capybara'), []);
    assert.equal((await found(off, 'wombat'))[0]?.ocrConfidence, undefined);
  } finally {
    off.close();
  }

  const on = await createEngine({ dbPath, ocr: { enabled: true, garbageText: true, workers: 1 } });
  try {
    const s = await on.index([docs]);
    assert.equal(s.ocr?.garbagePages, 2, JSON.stringify(s.ocr));
    assert.equal(s.ocr?.recognised, 2);
    for (const [word, name] of [['okapi', 'private-use.pdf'], ['capybara', 'bad-layer.pdf']] as const) {
      const hit = (await found(on, word))[0];
      assert.ok(hit, `${word} finds a page`);
      assert.ok(hit.path.endsWith(name), `${word} finds ${name}`);
      assert.ok(hit.ocrConfidence !== undefined && hit.ocrConfidence > 50, `${name}: marked as OCR text (${hit.ocrConfidence})`);
      const page = on.document(hit.docId).pages[0]!;
      assert.match(page.text, new RegExp(`${word} survey counted animals`, 'i'));
      assert.ok(page.ocr && page.ocr.words.length > 20, 'the OCR words and boxes are kept for the viewer');
      assert.equal(on.document(hit.docId).ocr, 'done');
    }
    const good = (await found(on, 'wombat'))[0];
    assert.ok(good, 'wombat finds a page');
    assert.ok(good.path.endsWith('good.pdf') && good.ocrConfidence === undefined, 'the good layer is kept');
    assert.equal(on.document(good.docId).pages[0]!.ocr, undefined);
    const again = await on.index([docs]);
    assert.equal(again.ocr?.recognised ?? 0, 0, 'nothing is OCR\'d twice');
  } finally {
    on.close();
  }

  // The CLI flag, on a fresh library of the private-use file alone.
  const one = join(dir, 'one');
  mkdirSync(one);
  writeFileSync(join(one, 'p.pdf'), textPdf([{ pageW: 612, pageH: 160, text: { size: 14, privateUse: true, lines: LINES('okapi') } }]));
  const plain = await delveJson<{ ocr?: { recognised: number } }>(['index', one, '--db', join(dir, 'cli.db'), '--json'], { env: { ...process.env, DELVE_OCR: '1' } });
  assert.equal(plain.ocr?.recognised ?? 0, 0, 'without the flag the layer is kept');
  const flagged = await delveJson<{ ocr?: { recognised: number; garbagePages: number } }>(['index', one, '--db', join(dir, 'cli.db'), '--json', '--ocr-garbage'], { env: { ...process.env, DELVE_OCR: '1' } });
  assert.deepEqual([flagged.ocr?.garbagePages, flagged.ocr?.recognised], [1, 1]);
});

/**
 * Recognition with Tesseract's data installed on the computer (Debian's `tesseract-ocr-eng`, linked
 * into a tessdata folder made here), through the engine: `data: 'auto'` reads it, the summary says
 * so, the pages are searchable, and the OCR cache keeps the two sources' texts apart (a page read
 * with the system data is read again with the bundled data, not taken from the cache, and the
 * other way round; each source finds its own texts in the cache).
 */
import assert from 'node:assert/strict';
import { copyFileSync, linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { createEngine, type EngineConfig } from '../index.js';
import { openPdfium } from '../ingest/pdf/pdfium/document.js';
import { imagePdf, textPdf, type ImagePage } from '../../../test/helpers/image-pdf.js';
import { tempDir } from '../../../test/helpers/shared.js';
import { systemLanguages, systemTessdataRoots } from './tessdata.js';

const systemEng = systemLanguages(systemTessdataRoots()).get('eng');
const skip = systemEng ? false : "no Tesseract eng.traineddata on this computer (Debian: apt-get install tesseract-ocr-eng; CI installs it, .ci/run)";
const LINES = [['harbor lantern quartz', 'page one'], ['meadow falcon zephyr', 'page two']];

async function scan(): Promise<Buffer> {
  const W = 288;
  const H = 90;
  const text = textPdf(LINES.map((lines) => ({ pageW: W, pageH: H, text: { size: 16, lines } })));
  const pdf = await openPdfium(new Uint8Array(text), '');
  try {
    return imagePdf(LINES.map((_, i) => {
      const img = pdf.render(i, { dpi: 200, maxSide: 2000, maxPixels: 4e6 });
      return { width: img.width, height: img.height, pixels: img.pixels, pageW: W, pageH: H } satisfies ImagePage;
    }));
  } finally {
    pdf.close();
  }
}

test('OCR with the system tessdata: chosen by auto, reported, searchable, cached apart from the bundled data', { skip, timeout: 300_000 }, async () => {
  const dir = tempDir('delve-ocr-system-');
  const roots = join(dir, 'tessdata');
  mkdirSync(roots);
  try {
    linkSync(systemEng!, join(roots, 'eng.traineddata'));
  } catch {
    copyFileSync(systemEng!, join(roots, 'eng.traineddata'));
  }
  const docs = join(dir, 'docs');
  mkdirSync(docs);
  writeFileSync(join(docs, 'scan.pdf'), await scan());
  const dbPath = join(dir, 'lib.db');
  const run = async (data: 'auto' | 'bundled') => {
    const config: EngineConfig = { dbPath, ocr: { enabled: true, workers: 1, data, tessdataRoots: [roots] } };
    const engine = await createEngine(config);
    try {
      const s = await engine.index([docs]);
      const hits = (await engine.search('quartz', { mode: 'bm25', k: 3, history: false })).results;
      return { s, hits, texts: (await engine.document(engine.status().documents[0]!.id)).pages.map((p) => p.text) };
    } finally {
      engine.close();
    }
  };
  const forget = () => { const db = new Database(dbPath); db.prepare('UPDATE pages SET ocr_key = NULL').run(); db.close(); };

  const sys = await run('auto');
  assert.deepEqual(sys.s.ocr?.data, { source: 'system', folder: roots });
  assert.equal(sys.s.ocr?.recognised, 2, JSON.stringify(sys.s.ocr));
  assert.deepEqual(sys.s.needsOcr, []);
  sys.texts.forEach((t, i) => assert.match(t, new RegExp(LINES[i]![0]!.split(' ').join('\\s+')), `page ${i + 1}: ${t}`));
  assert.equal(sys.hits[0]?.page, 1, 'a word of page 1 finds it');

  forget();
  const bundled = await run('bundled');
  assert.equal(bundled.s.ocr?.data?.source, 'bundled');
  assert.deepEqual([bundled.s.ocr?.recognised, bundled.s.ocr?.cached], [2, 0], 'the system data\'s texts are not served to the bundled data');
  forget();
  const again = await run('auto');
  assert.deepEqual([again.s.ocr?.recognised, again.s.ocr?.cached], [0, 2], 'each source finds its own texts');
  const db = new Database(dbPath, { readonly: true });
  assert.equal(db.prepare('SELECT COUNT(*) FROM ocr_cache').pluck().get(), 4, 'two pages × two sources');
  db.close();
});

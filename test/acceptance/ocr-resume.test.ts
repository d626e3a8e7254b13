/**
 * OCR of a 300-page scan cancelled halfway and resumed. The scan is made here: 300 pages of text
 * (a word pair and the page number, different on every page) rendered by pdfium into page images,
 * written as an image-only PDF. The OCR phase is cancelled (AbortSignal) once the progress events
 * say half the pages are done; the library is then consistent (SQLite and FTS integrity, pages and
 * chunks in order, every chunk in the full-text index, every committed page searchable, the others still listed as needing OCR); the
 * resumed run recognises only the pages left (counted by the recogniser and by the OCR cache, keyed
 * by page image); and the end state equals an uninterrupted run's in another library.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { createEngine, type Engine } from '../../main/engine/index.js';
import { openPdfium } from '../../main/engine/ingest/pdf/pdfium/document.js';
import { imagePdf, textPdf, type ImagePage } from '../helpers/image-pdf.js';
import { tempDir } from '../helpers/shared.js';

const PAGES = 300;
const FIRST = ['amber', 'basil', 'cedar', 'dune', 'ember', 'fjord', 'grove', 'harbor', 'island', 'jungle', 'kettle', 'lantern', 'meadow', 'nectar', 'orchid'];
const SECOND = ['pebble', 'quarry', 'river', 'saddle', 'timber', 'velvet', 'willow', 'yonder', 'zephyr', 'anchor', 'beacon', 'canyon', 'dolphin', 'falcon', 'glacier', 'hammock', 'igloo', 'jasmine', 'koala', 'lagoon'];
/** Page n's words: a pair no other page has. */
const words = (n: number) => [FIRST[Math.floor((n - 1) / SECOND.length)]!, SECOND[(n - 1) % SECOND.length]!];

/** A scanned 300-page PDF: each page's text rendered to a 150 dpi grey image, the image alone on the page. */
async function scan300(): Promise<Buffer> {
  const W = 288;
  const H = 72;
  const text = textPdf(Array.from({ length: PAGES }, (_, i) => ({ pageW: W, pageH: H, text: { size: 16, lines: [`${words(i + 1).join(' ')} page ${i + 1}`] } })));
  const pdf = await openPdfium(new Uint8Array(text), '');
  const pages: ImagePage[] = [];
  try {
    for (let i = 0; i < PAGES; i++) {
      const img = pdf.render(i, { dpi: 150, maxSide: 2000, maxPixels: 4e6 });
      pages.push({ width: img.width, height: img.height, pixels: img.pixels, pageW: W, pageH: H });
    }
  } finally {
    pdf.close();
  }
  return imagePdf(pages);
}

interface State { pages: unknown[]; chunks: unknown[]; cache: number }

/** The library's stored state for the scan, after checking it is consistent. */
function checkedState(dbPath: string): State {
  const db = new Database(dbPath, { readonly: true });
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    const pages = db.prepare('SELECT number, char_start AS start, text, ocr_key AS key, ocr_confidence AS conf, needs_ocr AS needs FROM pages ORDER BY number').all() as
      { number: number; start: number; text: string; key: string | null; conf: number | null; needs: number }[];
    const chunks = db.prepare('SELECT ordinal, first_page AS page, last_page AS last, char_start AS start, char_end AS end, text, hash, ocr_confidence AS conf FROM chunks ORDER BY ordinal').all() as
      { ordinal: number; page: number; last: number; start: number; end: number; text: string; hash: string; conf: number | null }[];
    assert.equal(pages.length, PAGES);
    pages.forEach((p, i) => {
      assert.equal(p.number, i + 1);
      assert.equal(p.needs, 1);
      if (i > 0) assert.ok(p.start >= pages[i - 1]!.start + pages[i - 1]!.text.length, `page ${p.number} starts after the one before`);
      if (p.key === null) assert.equal(p.text.trim(), '', `page ${p.number} without OCR has no text`);
    });
    chunks.forEach((c, i) => {
      assert.equal(c.ordinal, i, 'chunk ordinals follow the pages');
      const p = pages[c.page - 1]!;
      assert.ok(c.page === c.last && p.key !== null && c.conf === p.conf, `chunk ${i} lies on one OCR'd page and carries its confidence`);
      assert.ok(c.start >= p.start && c.end <= p.start + p.text.length, `chunk ${i} lies within its page's text`);
      assert.equal(p.text.slice(c.start - p.start, c.end - p.start).replace(/\s+/g, ' ').trim(), c.text.replace(/\s+/g, ' ').trim());
    });
    const fts = db.prepare('SELECT COUNT(*) AS n FROM chunks_fts').get() as { n: number };
    assert.equal(fts.n, chunks.length, 'every chunk is in the full-text index');
    const cache = (db.prepare('SELECT COUNT(*) AS n FROM ocr_cache').get() as { n: number }).n;
    return { pages, chunks, cache };
  } finally {
    db.close();
  }
}

/** OCR'd pages are found by their word pair at rank 1; the others are not found at all. */
async function checkSearch(engine: Engine, state: State, sample: number[]): Promise<void> {
  for (const n of sample) {
    const done = (state.pages[n - 1] as { key: string | null }).key !== null;
    const r = (await engine.search(words(n).join(' '), { mode: 'bm25', history: false, k: 5 })).results;
    if (done) {
      assert.equal(r[0]?.page, n, `OCR'd page ${n} is found at rank 1 by "${words(n).join(' ')}"`);
    } else {
      assert.ok(!r.some((x) => x.page === n), `page ${n}, not OCR'd yet, is not found`);
    }
  }
}

test('OCR of a 300-page scan cancelled halfway: consistent and searchable, resumed with only the pages left, equal to an uninterrupted run', { timeout: 900_000 }, async (t) => {
  const dir = tempDir('delve-ocr-300-');
  const scanDir = join(dir, 'scan');
  mkdirSync(scanDir);
  writeFileSync(join(scanDir, 'scan300.pdf'), await scan300());
  const sample = [1, 2, 37, 100, 149, 150, 151, 152, 200, 263, 299, 300];

  const dbPath = join(dir, 'resumed.db');
  const first = await createEngine({ dbPath, ocr: { enabled: true, workers: 2 } });
  let doneAtCancel = 0;
  try {
    const controller = new AbortController();
    await assert.rejects(first.index([scanDir], {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'ocr' && p.done >= PAGES / 2 && !controller.signal.aborted) {
          doneAtCancel = p.done;
          controller.abort();
        }
      },
    }), (e: { code?: string }) => e.code === 'CANCELLED');
    const state = checkedState(dbPath);
    const committed = state.pages.filter((p) => (p as { key: string | null }).key !== null).length;
    t.diagnostic(`cancelled when ${doneAtCancel} pages were done; ${committed} committed, ${state.cache} in the OCR cache`);
    assert.ok(committed >= PAGES / 2 && committed < PAGES, `cancelled halfway: ${committed} of ${PAGES} pages OCR'd`);
    assert.equal(state.cache, committed, 'every committed page, and only those, is in the OCR cache');
    assert.equal(first.status().totals.needsOcrPages, PAGES - committed, 'the pages left are still listed as needing OCR');
    await checkSearch(first, state, sample);
  } finally {
    first.close();
  }

  const second = await createEngine({ dbPath, ocr: { enabled: true, workers: 2 } });
  let resumed: State;
  try {
    const left = second.status().totals.needsOcrPages;
    const s = await second.index([scanDir]);
    assert.equal(s.ocr?.recognised, left, 'the resumed run recognises only the pages left');
    assert.equal(s.ocr?.cached, 0, 'and takes none from the cache: no committed page is rendered again');
    assert.deepEqual(s.needsOcr, []);
    resumed = checkedState(dbPath);
    assert.equal(resumed.cache, PAGES, 'each page image recognised once');
    await checkSearch(second, resumed, sample);
  } finally {
    second.close();
  }

  const whole = await createEngine({ dbPath: join(dir, 'whole.db'), ocr: { enabled: true, workers: 2 } });
  try {
    const s = await whole.index([scanDir]);
    assert.equal(s.ocr?.recognised, PAGES);
  } finally {
    whole.close();
  }
  const uninterrupted = checkedState(join(dir, 'whole.db'));
  assert.deepEqual(resumed.pages, uninterrupted.pages, 'pages: text, offsets, OCR keys and confidences as in an uninterrupted run');
  assert.deepEqual(resumed.chunks, uninterrupted.chunks, 'chunks as in an uninterrupted run');
  const misread = (resumed.pages as { number: number; text: string }[]).filter((p) => !p.text.includes(words(p.number).join(' ')));
  t.diagnostic(`pages whose word pair OCR misread: ${misread.length} of ${PAGES}`);
});
